/** HTTP of the ministry review: each route validates with the contract, calls the service and answers. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { getVersionedReviewSettings, saveReviewSettings } from './review-settings.js';

import * as c from './review.contract.js';
import * as svc from './review.service.js';

const ok = <S>(schema: S, ...codes: number[]) => ({ 200: schema, ...errorResponses(...codes) });
const versioned = (r: { settings: c.ReviewSettings; version: number }): c.VersionedReviewSettings => ({ ...r.settings, version: r.version });

/** Sends a workbook's bytes as they are: a file response has no JSON schema to serialise with. */
function sendXlsx(reply: FastifyReply, buffer: Buffer, asciiName: string, name: string) {
  reply.header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.type(MEDIA.xlsx).send(buffer);
}

export async function reviewRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.post(
    '/review/proposals',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '推荐评审组（最小费用流最优分配）Propose panels for received applications (optimal min-cost flow)',
        body: c.proposalBody,
        response: ok(c.proposalSchema, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.proposePanels(db, requireUser(req), req.body),
  );

  r.post(
    '/applications/:id/panel',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '确认评审组并开始评审 Confirm the panel (possibly changed by hand) and open the review',
        params: c.applicationParams,
        body: c.confirmPanelBody,
        response: ok(c.confirmPanelResult, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.confirmPanel(db, requireUser(req), req.params.id, req.body),
  );

  r.get(
    '/applications/:id/review',
    {
      config: { permission: 'review.read' },
      schema: {
        tags: ['ministry review'],
        summary: '评审情况（评分汇总、分歧、标准化、百分位、司局意见、讨论）Review overview',
        params: c.applicationParams,
        querystring: c.overviewQuery,
        response: ok(c.reviewOverviewSchema, 401, 403, 404, 422),
      },
    },
    async (req) => svc.reviewOverview(db, requireUser(req), req.params.id, req.query.divergenceThreshold),
  );

  r.post(
    '/applications/:id/opinions',
    {
      config: { permission: 'review.opinion' },
      schema: {
        tags: ['ministry review'],
        summary: '司局审查意见 Departmental opinion',
        params: c.applicationParams,
        body: c.opinionBody,
        response: ok(c.okSchema, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.giveDepartmentOpinion(db, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/applications/:id/comments',
    {
      config: { permission: 'review.discuss' },
      schema: {
        tags: ['ministry review'],
        summary: '评审讨论 Discussion on the application',
        params: c.applicationParams,
        body: c.commentBody,
        response: ok(c.okSchema, 401, 403, 404, 422),
      },
    },
    async (req) => svc.addComment(db, requireUser(req), req.params.id, req.body.body),
  );

  r.post(
    '/applications/:id/rescore',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '请求重新评分 Ask the panel to score again',
        params: c.applicationParams,
        body: c.rescoreBody,
        response: ok(c.rescoreResult, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.requestRescore(db, requireUser(req), req.params.id, req.body.reason),
  );

  r.post(
    '/applications/:id/panel/promote',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '备选专家转为评审组成员 Seat a backup expert as a member',
        params: c.applicationParams,
        body: c.promoteBody,
        response: ok(c.okSchema, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.promoteBackup(db, requireUser(req), req.params.id, req.body.expertId),
  );

  r.post(
    '/applications/:id/decision',
    {
      config: { permission: 'application.decide' },
      schema: {
        tags: ['ministry review'],
        summary: '作出决定：批复同意、退回修改或不予批复 Decide: approve, return for revision, or reject',
        params: c.applicationParams,
        body: c.decisionBody,
        response: ok(c.decisionResult, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.decide(db, requireUser(req), req.params.id, req.body),
  );

  r.get(
    '/review/settings',
    {
      config: { permission: 'review.read' },
      schema: { tags: ['ministry review'], summary: '评审规则（评分细则、分歧阈值）Review rules: rubric and divergence threshold', response: ok(c.versionedReviewSettingsSchema, 401, 403) },
    },
    async () => versioned(await getVersionedReviewSettings(db)),
  );

  r.put(
    '/review/settings',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '修改评审规则（新组建的评审组生效）Change the review rules (applies to panels confirmed afterwards)',
        body: c.versionedReviewSettingsSchema,
        response: ok(c.versionedReviewSettingsSchema, 401, 403, 409, 422),
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { version, ...rules } = req.body;
      await saveReviewSettings(db, rules, version, user.id);
      return versioned(await getVersionedReviewSettings(db));
    },
  );

  r.get(
    '/applications/:id/scores.xlsx',
    {
      config: { permission: 'review.read' },
      schema: {
        tags: ['ministry review'],
        summary: '导出本申报的专家评分 Scores of an application as Excel',
        params: c.applicationParams,
        response: { 200: fileResponse('专家评分 Excel', MEDIA.xlsx), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { refNo, buffer } = await svc.applicationScoresExport(db, requireUser(req), req.params.id);
      return sendXlsx(reply, buffer, `${refNo}-scores.xlsx`, `${refNo}-专家评分.xlsx`);
    },
  );

  r.get(
    '/experts/:id/scores.xlsx',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '导出某位专家的全部评分 Every score of one expert as Excel',
        params: c.expertParams,
        response: { 200: fileResponse('专家评分记录 Excel', MEDIA.xlsx), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { name, buffer } = await svc.expertScoresExport(db, req.params.id);
      return sendXlsx(reply, buffer, 'expert-scores.xlsx', `${name}-评分记录.xlsx`);
    },
  );

  // The expert's side.
  r.get(
    '/review/assignments',
    { config: { permission: 'review.score' }, schema: { tags: ['expert review'], summary: '我的评审任务 My review assignments', response: ok(c.assignmentListSchema, 401, 403) } },
    async (req) => ({ items: await svc.myAssignments(db, requireUser(req)) }),
  );

  r.get(
    '/review/assignments/:panelId',
    {
      config: { permission: 'review.score' },
      schema: {
        tags: ['expert review'],
        summary: '评审任务详情（声明无利益冲突后可见方案）Assignment; the plan opens after the declaration',
        params: c.panelParams,
        response: ok(c.assignmentDetailSchema, 401, 403, 404),
      },
    },
    async (req) => svc.assignmentDetail(db, requireUser(req), req.params.panelId),
  );

  r.post(
    '/review/assignments/:panelId/declare',
    {
      config: { permission: 'review.score' },
      schema: {
        tags: ['expert review'],
        summary: '声明无利益冲突 Declare no conflict of interest',
        params: c.panelParams,
        body: c.declareBody,
        response: ok(c.declareResult, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.declareNoConflict(db, requireUser(req), req.params.panelId),
  );

  r.post(
    '/review/assignments/:panelId/recuse',
    {
      config: { permission: 'review.score' },
      schema: {
        tags: ['expert review'],
        summary: '申请回避 Recuse with a reason',
        params: c.panelParams,
        body: c.recuseBody,
        response: ok(c.recuseResult, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.recuse(db, requireUser(req), req.params.panelId, req.body.reason),
  );

  r.post(
    '/review/assignments/:panelId/scores',
    {
      config: { permission: 'review.score' },
      schema: {
        tags: ['expert review'],
        summary: '提交评分 Submit my scores',
        params: c.panelParams,
        body: c.scoreBody,
        response: ok(c.scoreResult, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.submitScores(db, requireUser(req), req.params.panelId, req.body),
  );

  r.get(
    '/review/assignments/:panelId/scores',
    {
      config: { permission: 'review.score' },
      schema: {
        tags: ['expert review'],
        summary: '评审组评分（提交本人评分后可见）Panel scores, after my own',
        params: c.panelParams,
        response: ok(c.panelScoresSchema, 401, 403, 404),
      },
    },
    async (req) => svc.panelScoresForExpert(db, requireUser(req), req.params.panelId),
  );
}
