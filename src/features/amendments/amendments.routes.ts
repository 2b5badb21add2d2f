/**
 * Amendments 调整优化: list a pilot's amendments, propose one (city), give the province's opinion, the
 * ministry's decision, withdraw (city). Thin: permission, schema, then the service.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import * as c from './amendments.contract.js';
import * as svc from './amendments.service.js';

const TAGS = ['amendments'];

export async function amendmentRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/pilots/:id/amendments',
    {
      config: { permission: 'pilot.read' },
      schema: { tags: TAGS, summary: '试点的调整优化申请 Amendments of a pilot', params: c.pilotParams, response: { 200: c.amendmentListSchema, ...errorResponses(401, 403, 404, 422) } },
    },
    async (req) => ({ items: await svc.listForPilot(db, requireUser(req), req.params.id) }),
  );

  r.post(
    '/pilots/:id/amendments',
    {
      config: { permission: 'amendment.propose' },
      schema: {
        tags: TAGS,
        summary: '提出调整优化（新增成员城市或调整目标）Propose an amendment: a member joins, or targets are revised',
        params: c.pilotParams,
        body: c.proposeBody,
        response: { 201: c.amendmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.propose(db, requireUser(req), req.params.id, req.body)),
  );

  r.post(
    '/amendments/:id/opinion',
    {
      config: { permission: 'amendment.opinion' },
      schema: { tags: TAGS, summary: '省级主管部门意见 The provincial authority\'s opinion', params: c.amendmentParams, body: c.opinionBody, response: { 200: c.amendmentSchema, ...errorResponses(401, 403, 404, 409, 422) } },
    },
    async (req) => {
      const user = requireUser(req);
      return svc.giveOpinion(db, user, req.params.id, { ...req.body, displayName: user.organisationName }, req.server.clock());
    },
  );

  r.post(
    '/amendments/:id/decision',
    {
      config: { permission: 'amendment.decide' },
      schema: {
        tags: TAGS,
        summary: '批准或不予批准调整（批准即生成新版本目标任务）Approve (a new contract version) or refuse',
        params: c.amendmentParams,
        body: c.decisionBody,
        response: { 200: c.amendmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.decide(db, requireUser(req), req.params.id, req.body, req.server.clock()),
  );

  r.post(
    '/amendments/:id/withdraw',
    {
      config: { permission: 'amendment.propose' },
      schema: { tags: TAGS, summary: '撤回调整申请 Withdraw a proposal', params: c.amendmentParams, body: c.withdrawBody, response: { 200: c.amendmentSchema, ...errorResponses(401, 403, 404, 409, 422) } },
    },
    async (req) => svc.withdraw(db, requireUser(req), req.params.id, req.body),
  );
}
