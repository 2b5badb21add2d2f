/**
 * Evaluation 考核评估: thin routes over the service. The permission is coarse; scope, turn and the
 * compare-and-set are the service's. The date comes from the app's clock.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../kernel/clock.js';
import { errorResponses } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import {
  assignBody,
  decideBody,
  evaluationSchema,
  idParams,
  openRoundBody,
  opinionBody,
  putSchemeBody,
  roundListSchema,
  roundSchema,
  schemeSettingSchema,
  scoreBody,
} from './evaluations.contract.js';
import { assignExperts, decide, evaluationDetail, giveOpinion, openRound, roundsFor, saveScheme, schemeSetting, submitScores } from './evaluations.service.js';

const TAGS = ['evaluations'];

function todayOf(req: FastifyRequest) {
  const now = req.server.clock();
  return { date: chinaDate(now), now };
}

export async function evaluationRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const read = { permission: 'evaluation.read' as const };
  const manage = { permission: 'evaluation.manage' as const };
  const steps = errorResponses(401, 403, 404, 409, 422);

  r.get(
    '/evaluation-scheme',
    { config: read, schema: { tags: TAGS, summary: '考核评估体系 The evaluation scheme in force', response: { 200: schemeSettingSchema, ...errorResponses(401, 403) } } },
    async () => schemeSetting(db),
  );
  r.put(
    '/evaluation-scheme',
    { config: manage, schema: { tags: TAGS, summary: '保存考核评估体系 Save the evaluation scheme', body: putSchemeBody, response: { 200: schemeSettingSchema, ...errorResponses(401, 403, 409, 422) } } },
    async (req) => saveScheme(db, requireUser(req), req.body.scheme, req.body.version),
  );
  r.get(
    '/evaluation-rounds',
    { config: read, schema: { tags: TAGS, summary: '考核评估批次 Evaluation rounds', response: { 200: roundListSchema, ...errorResponses(401, 403) } } },
    async (req) => ({ items: await roundsFor(db, requireUser(req)) }),
  );
  r.post(
    '/evaluation-rounds',
    { config: manage, schema: { tags: TAGS, summary: '启动考核评估 Open a round for one pilot or many', body: openRoundBody, response: { 201: roundSchema, ...steps } } },
    async (req, reply) => reply.status(201).send(await openRound(db, requireUser(req), req.body, todayOf(req))),
  );
  r.get(
    '/evaluations/:id',
    { config: read, schema: { tags: TAGS, summary: '试点考核评估 One pilot’s evaluation', params: idParams, response: { 200: evaluationSchema, ...errorResponses(401, 403, 404, 422) } } },
    async (req) => evaluationDetail(db, requireUser(req), req.params.id),
  );
  r.post(
    '/evaluations/:id/panel',
    { config: manage, schema: { tags: TAGS, summary: '组建评估专家组 Seat the experts (conflict rules and solver)', params: idParams, body: assignBody, response: { 200: evaluationSchema, ...steps } } },
    async (req) => assignExperts(db, requireUser(req), req.params.id, req.body),
  );
  r.post(
    '/evaluations/:id/scores',
    { config: { permission: 'evaluation.score' }, schema: { tags: TAGS, summary: '专家评分 An expert’s scores of the qualitative items', params: idParams, body: scoreBody, response: { 200: evaluationSchema, ...steps } } },
    async (req) => submitScores(db, requireUser(req), req.params.id, req.body),
  );
  r.post(
    '/evaluations/:id/opinion',
    { config: { permission: 'evaluation.opinion' }, schema: { tags: TAGS, summary: '部门意见 A department’s opinion and scores', params: idParams, body: opinionBody, response: { 200: evaluationSchema, ...steps } } },
    async (req) => giveOpinion(db, requireUser(req), req.params.id, req.body),
  );
  r.post(
    '/evaluations/:id/decide',
    { config: manage, schema: { tags: TAGS, summary: '评估结论 Compute the result and grade (不合格 opens a rectification)', params: idParams, body: decideBody, response: { 200: evaluationSchema, ...steps } } },
    async (req) => decide(db, requireUser(req), req.params.id, req.body, todayOf(req)),
  );
}
