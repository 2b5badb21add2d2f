/**
 * Dashboard routes: the dashboard of the pilots in my scope (JSON) and its Excel export (the whole
 * dashboard, or one chart's data). Thin: permission, schema from the contract, the service.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import * as c from './dashboards.contract.js';
import { DASHBOARD_SHEETS, dashboardWorkbook } from './dashboards.excel.js';
import * as svc from './dashboards.service.js';

const TAGS = ['dashboards'];

export async function dashboardRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const read = { permission: 'dashboard.read' as const };

  r.get(
    '/dashboard',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '统计看板（本人范围）The dashboard of the pilots in my scope: by region, city type, province and phase; attainment per dimension; overdue reports, open rectifications, resources by programme',
        querystring: c.dashboardQuery,
        response: { 200: c.dashboardSchema, ...errorResponses(401, 403, 422) },
      },
    },
    // The service serialises the answer with the contract's schema itself, and keeps it (dashboardJson).
    async (req, reply) => (reply as FastifyReply).type('application/json; charset=utf-8').send(await svc.dashboardJson(db, requireUser(req), req.query, app.clock())),
  );

  r.get(
    '/dashboard.xlsx',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '导出统计看板数据（Excel）Export the dashboard’s data as Excel: every sheet, or one chart’s (part)',
        querystring: c.dashboardExportQuery,
        response: { 200: fileResponse('统计看板.xlsx', MEDIA.xlsx), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { part, ...query } = req.query;
      const data = await svc.dashboard(db, requireUser(req), query, app.clock());
      const buffer = await dashboardWorkbook(data, part);
      const filename = part ? `统计看板-${DASHBOARD_SHEETS[part]}.xlsx` : '统计看板.xlsx';
      const ascii = part ? `dashboard-${part}.xlsx` : 'dashboard.xlsx';
      reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      reply.header('cache-control', 'private, no-store');
      return (reply as FastifyReply).type(MEDIA.xlsx).send(buffer);
    },
  );
}
