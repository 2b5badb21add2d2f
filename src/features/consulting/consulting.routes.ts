/**
 * Think-tank consulting routes: a pilot's requests and asking for one (the city), the list in scope,
 * one request, the candidate experts, and the ministry's match / serve / close steps. Thin.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import * as c from './consulting.contract.js';
import * as svc from './consulting.service.js';

const TAGS = ['consulting'];
const ok = <T>(schema: T, ...refusals: number[]) => ({ 200: schema, ...errorResponses(...refusals) });

export async function consultingRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const read = { permission: 'consulting.read' as const };
  const match = { permission: 'consulting.match' as const };

  r.get(
    '/pilots/:id/consulting',
    { config: read, schema: { tags: TAGS, summary: '试点的智库咨询需求 A pilot’s consulting requests', params: c.pilotParams, response: ok(c.pilotConsultingSchema, 401, 403, 404) } },
    async (req) => svc.pilotConsulting(db, requireUser(req), req.params.id),
  );

  r.post(
    '/pilots/:id/consulting',
    {
      config: { permission: 'consulting.request' },
      schema: {
        tags: TAGS,
        summary: '提出智库咨询需求 Ask for think-tank consulting',
        params: c.pilotParams,
        body: c.consultingBody,
        response: { 201: c.consultingSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.requestConsulting(db, requireUser(req), req.params.id, req.body, req.server.clock())),
  );

  r.get(
    '/consulting',
    { config: read, schema: { tags: TAGS, summary: '智库咨询需求（本人范围）Consulting requests in my scope', querystring: c.consultingListQuery, response: ok(c.consultingListSchema, 401, 403) } },
    async (req) => svc.listConsulting(db, requireUser(req), req.query.status),
  );

  r.get(
    '/consulting/:requestId',
    { config: read, schema: { tags: TAGS, summary: '智库咨询需求 One consulting request', params: c.requestParams, response: ok(c.consultingSchema, 401, 403, 404) } },
    async (req) => svc.getConsulting(db, requireUser(req), req.params.requestId),
  );

  r.get(
    '/consulting/:requestId/candidates',
    {
      config: match,
      schema: {
        tags: TAGS,
        summary: '候选专家（按专业匹配，列明回避原因）Candidate experts by expertise, and the excluded with the reason',
        params: c.requestParams,
        response: ok(c.candidatesSchema, 401, 403, 404, 409),
      },
    },
    async (req) => svc.candidates(db, requireUser(req), req.params.requestId),
  );

  r.post(
    '/consulting/:requestId/match',
    {
      config: match,
      schema: { tags: TAGS, summary: '确定咨询专家 Match and confirm the experts', params: c.requestParams, body: c.matchBody, response: ok(c.consultingSchema, 401, 403, 404, 409, 422) },
    },
    async (req) => svc.matchExperts(db, requireUser(req), req.params.requestId, req.body),
  );

  r.post(
    '/consulting/:requestId/serve',
    {
      config: match,
      schema: { tags: TAGS, summary: '登记咨询服务情况 Record the service given', params: c.requestParams, body: c.serveBody, response: ok(c.consultingSchema, 401, 403, 404, 409, 422) },
    },
    async (req) => svc.recordService(db, requireUser(req), req.params.requestId, req.body, req.server.clock()),
  );

  r.post(
    '/consulting/:requestId/close',
    {
      config: match,
      schema: { tags: TAGS, summary: '关闭咨询需求（注明原因）Close a request that cannot be served, with the reason', params: c.requestParams, body: c.closeBody, response: ok(c.consultingSchema, 401, 403, 404, 409, 422) },
    },
    async (req) => svc.closeRequest(db, requireUser(req), req.params.requestId, req.body),
  );
}
