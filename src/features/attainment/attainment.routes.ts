/**
 * Attainment routes: a pilot's dashboard and its Excel export (all indicators, or one chart's), the
 * overview of every pilot in scope and its Excel export. Thin: permission, schema from the contract,
 * the service (which serialises the two JSON answers itself, with the contract's schemas, to keep them). Attainment is computed from confirmed report figures, so the routes ask for report.read.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import * as c from './attainment.contract.js';
import { overviewWorkbook, pilotWorkbook } from './attainment.excel.js';
import * as svc from './attainment.service.js';

const TAGS = ['attainment'];
const ok = <T>(schema: T, ...refusals: number[]) => ({ 200: schema, ...errorResponses(...refusals) });

/** An answer the service serialised already (with the contract's schema) and keeps in its cache. */
function sendJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

function sendXlsx(reply: FastifyReply, buffer: Buffer, filename: string, ascii: string) {
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  reply.header('cache-control', 'private, no-store');
  return reply.type(MEDIA.xlsx).send(buffer);
}

export async function attainmentRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const read = { permission: 'report.read' as const };

  r.get(
    '/pilots/:id/attainment',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '试点指标达成情况 A pilot’s attainment: every indicator’s required path, actuals, progress, status and projection',
        params: c.pilotParams,
        response: ok(c.pilotAttainmentSchema, 401, 403, 404, 422),
      },
    },
    async (req, reply) => sendJson(reply as FastifyReply, await svc.pilotDashboardJson(db, requireUser(req), req.params.id)),
  );

  r.get(
    '/pilots/:id/attainment.xlsx',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '导出指标达成情况（Excel）Export a pilot’s attainment, or one indicator’s, as Excel',
        params: c.pilotParams,
        querystring: c.pilotExportQuery,
        response: { 200: fileResponse('指标达成情况.xlsx', MEDIA.xlsx), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const view = await svc.pilotDashboard(db, requireUser(req), req.params.id);
      const { targetId } = req.query;
      if (targetId !== undefined && !view.indicators.some((i) => i.targetId === targetId)) throw new AppError('NOT_FOUND');
      const buffer = await pilotWorkbook(view, targetId);
      return sendXlsx(reply as FastifyReply, buffer, `${view.pilot.name}指标达成情况.xlsx`, 'attainment.xlsx');
    },
  );

  r.get(
    '/attainment/overview',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '指标达成总览（本人范围）Every pilot’s attainment in my scope',
        querystring: c.overviewQuery,
        response: ok(c.overviewSchema, 401, 403, 422),
      },
    },
    async (req, reply) => sendJson(reply as FastifyReply, await svc.overviewJson(db, requireUser(req), req.query)),
  );

  r.get(
    '/attainment/overview.xlsx',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '导出指标达成总览（Excel，全部页）Export the overview as Excel (every page)',
        querystring: c.overviewFilters,
        response: { 200: fileResponse('指标达成总览.xlsx', MEDIA.xlsx), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const buffer = await overviewWorkbook(await svc.overview(db, requireUser(req), req.query));
      return sendXlsx(reply as FastifyReply, buffer, '指标达成总览.xlsx', 'attainment-overview.xlsx');
    },
  );
}
