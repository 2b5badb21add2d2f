/**
 * Policy resources routes: the programme list (read by everyone who reads resources, changed by the
 * planning department), a pilot's records, recording and withdrawing one, the list and totals in
 * scope, and the Excel export. Thin: permission, schema from the contract, the service.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import * as c from './policy-resources.contract.js';
import { resourcesWorkbook } from './policy-resources.excel.js';
import * as svc from './policy-resources.service.js';

const TAGS = ['policy resources'];
const ok = <T>(schema: T, ...refusals: number[]) => ({ 200: schema, ...errorResponses(...refusals) });

export async function policyResourceRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const read = { permission: 'resource.read' as const };
  const record = { permission: 'resource.record' as const };

  r.get(
    '/resources/programmes',
    { config: read, schema: { tags: TAGS, summary: '支持政策清单 The configured funding programmes', response: ok(c.programmeSettingsSchema, 401, 403) } },
    async () => svc.getProgrammes(db),
  );

  r.put(
    '/resources/programmes',
    {
      config: { permission: 'resource.configure' },
      schema: {
        tags: TAGS,
        summary: '修改支持政策清单（已有记录的不能删除）Change the programme list (one with records cannot be removed)',
        body: c.programmeSettingsSchema,
        response: ok(c.programmeSettingsSchema, 401, 403, 409, 422),
      },
    },
    async (req) => svc.saveProgrammes(db, requireUser(req), req.body),
  );

  r.get(
    '/pilots/:id/resources',
    { config: read, schema: { tags: TAGS, summary: '试点的政策资源支持 A pilot’s funds and projects', params: c.pilotParams, response: ok(c.pilotResourcesSchema, 401, 403, 404) } },
    async (req) => svc.pilotResources(db, requireUser(req), req.params.id),
  );

  r.post(
    '/pilots/:id/resources',
    {
      config: record,
      schema: {
        tags: TAGS,
        summary: '登记政策资源支持 Record a fund or project for a pilot',
        params: c.pilotParams,
        body: c.resourceBody,
        response: { 201: c.resourceSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.recordResource(db, requireUser(req), req.params.id, req.body, req.server.clock())),
  );

  r.delete(
    '/resources/:resourceId',
    {
      config: record,
      schema: {
        tags: TAGS,
        summary: '撤销一条登记有误的支持记录 Withdraw a wrongly recorded entry',
        params: c.resourceParams,
        response: { 204: c.noContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await svc.withdrawResource(db, requireUser(req), req.params.resourceId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/resources',
    { config: read, schema: { tags: TAGS, summary: '政策资源支持记录（本人范围）Records in my scope', querystring: c.resourceListQuery, response: ok(c.resourceListSchema, 401, 403, 404) } },
    async (req) => svc.listResources(db, requireUser(req), req.query),
  );

  r.get(
    '/resources/totals',
    {
      config: read,
      schema: { tags: TAGS, summary: '按试点、省份或政策汇总 Totals per pilot, province or programme', querystring: c.totalsQuery, response: ok(c.totalsSchema, 401, 403) },
    },
    async (req) => svc.resourceTotals(db, requireUser(req), req.query.by, req.query.year),
  );

  r.get(
    '/resources/export.xlsx',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '导出支持记录及汇总（Excel）Export the records and totals as Excel',
        querystring: c.exportQuery,
        response: { 200: fileResponse('政策资源支持情况.xlsx', MEDIA.xlsx), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const buffer = await resourcesWorkbook(await svc.exportData(db, requireUser(req), req.query.pilotId));
      const filename = '政策资源支持情况.xlsx';
      // The typed reply expects the JSON schema's string; a download goes out as raw bytes.
      const raw = reply as FastifyReply;
      raw.header('content-disposition', `attachment; filename="policy-resources.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      return raw.type(MEDIA.xlsx).send(buffer);
    },
  );
}
