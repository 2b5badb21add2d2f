import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { errorResponses } from '../../server/openapi.js';
import { OPINIONS, rubricSchema } from '../../shared/review/rubric.js';
import { requireUser } from '../auth/session-plugin.js';
import { getReviewSettings, reviewSettingsSchema, saveReviewSettings } from './review-settings.js';
import * as svc from './review.service.js';

const appParams = z.object({ id: z.uuid() });
const panelParams = z.object({ panelId: z.uuid() });
const any200 = (...codes: number[]) => ({ 200: z.any(), ...errorResponses(...codes) });

export const DEPARTMENT_STANCES = ['support', 'support_with_conditions', 'object'] as const;
export const DOCUMENT_NO_PATTERN = /^工信部[\u4e00-\u9fa5]{1,3}〔\d{4}〕\d{1,4}号$/;

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
        body: z.object({
          applicationIds: z.array(z.uuid()).min(1).max(500),
          panelSize: z.number().int().min(3).max(15),
          backups: z.number().int().min(0).max(5).optional(),
          balanceWeight: z.number().min(0).max(100).optional(),
        }),
        response: any200(401, 403, 404, 409, 422),
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
        params: appParams,
        body: z.object({
          version: z.number().int().positive(),
          deadline: z.iso.datetime({ offset: true }).or(z.iso.date()),
          members: z.array(z.uuid()).min(1).max(15),
          backups: z.array(z.uuid()).max(5).default([]),
          reasons: z.record(z.string(), z.array(z.object({ zh: z.string(), en: z.string() }))).optional(),
          rubric: rubricSchema.optional(),
        }),
        response: any200(401, 403, 404, 409, 422),
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
        params: appParams,
        querystring: z.object({ divergenceThreshold: z.coerce.number().min(0).max(100).optional() }),
        response: any200(401, 403, 404, 422),
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
        params: appParams,
        body: z.object({ stance: z.enum(DEPARTMENT_STANCES), opinion: z.string().trim().min(1).max(5000) }),
        response: any200(401, 403, 404, 409, 422),
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
        params: appParams,
        body: z.object({ body: z.string().trim().min(1).max(5000) }),
        response: any200(401, 403, 404, 422),
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
        params: appParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
        response: any200(401, 403, 404, 409, 422),
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
        params: appParams,
        body: z.object({ expertId: z.uuid() }),
        response: any200(401, 403, 404, 409, 422),
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
        params: appParams,
        body: z.discriminatedUnion('decision', [
          z.object({
            version: z.number().int().positive(),
            decision: z.literal('approve'),
            documentNo: z.string().trim().regex(DOCUMENT_NO_PATTERN),
            approvalDate: z.iso.date(),
            comment: z.string().max(2000).optional(),
          }),
          z.object({ version: z.number().int().positive(), decision: z.enum(['send_back', 'reject']), reasons: z.string().trim().min(1).max(5000) }),
        ]),
        response: any200(401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.decide(db, requireUser(req), req.params.id, req.body),
  );

  r.get(
    '/review/settings',
    { config: { permission: 'review.read' }, schema: { tags: ['ministry review'], summary: '评审规则（评分细则、分歧阈值）Review rules: rubric and divergence threshold', response: any200(401, 403) } },
    async () => getReviewSettings(db),
  );

  r.put(
    '/review/settings',
    {
      config: { permission: 'review.manage' },
      schema: {
        tags: ['ministry review'],
        summary: '修改评审规则（新组建的评审组生效）Change the review rules (applies to panels confirmed afterwards)',
        body: reviewSettingsSchema,
        response: any200(401, 403, 422),
      },
    },
    async (req) => {
      const user = requireUser(req);
      await saveReviewSettings(db, req.body, user.id);
      return getReviewSettings(db);
    },
  );

  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  r.get(
    '/applications/:id/scores.xlsx',
    { config: { permission: 'review.read' }, schema: { tags: ['ministry review'], summary: '导出本申报的专家评分 Scores of an application as Excel', params: appParams, response: any200(401, 403, 404) } },
    async (req, reply) => {
      const { refNo, buffer } = await svc.applicationScoresExport(db, requireUser(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="${refNo}-scores.xlsx"; filename*=UTF-8''${encodeURIComponent(`${refNo}-专家评分.xlsx`)}`);
      return reply.type(xlsx).send(buffer);
    },
  );

  r.get(
    '/experts/:id/scores.xlsx',
    { config: { permission: 'review.manage' }, schema: { tags: ['ministry review'], summary: '导出某位专家的全部评分 Every score of one expert as Excel', params: appParams, response: any200(401, 403, 404) } },
    async (req, reply) => {
      const { name, buffer } = await svc.expertScoresExport(db, req.params.id);
      reply.header('content-disposition', `attachment; filename="expert-scores.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}-评分记录.xlsx`)}`);
      return reply.type(xlsx).send(buffer);
    },
  );

  // The expert's side.
  r.get(
    '/review/assignments',
    { config: { permission: 'review.score' }, schema: { tags: ['expert review'], summary: '我的评审任务 My review assignments', response: any200(401, 403) } },
    async (req) => ({ items: await svc.myAssignments(db, requireUser(req)) }),
  );

  r.get(
    '/review/assignments/:panelId',
    {
      config: { permission: 'review.score' },
      schema: { tags: ['expert review'], summary: '评审任务详情（声明无利益冲突后可见方案）Assignment; the plan opens after the declaration', params: panelParams, response: any200(401, 403, 404) },
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
        params: panelParams,
        body: z.object({ noConflict: z.literal(true) }),
        response: any200(401, 403, 404, 409, 422),
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
        params: panelParams,
        body: z.object({ reason: z.string().trim().min(2).max(1000) }),
        response: any200(401, 403, 404, 409, 422),
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
        params: panelParams,
        body: z.object({ scores: z.record(z.string(), z.number()), opinion: z.enum(OPINIONS), comments: z.string().max(5000) }),
        response: any200(401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.submitScores(db, requireUser(req), req.params.panelId, req.body),
  );

  r.get(
    '/review/assignments/:panelId/scores',
    {
      config: { permission: 'review.score' },
      schema: { tags: ['expert review'], summary: '评审组评分（提交本人评分后可见）Panel scores, after my own', params: panelParams, response: any200(401, 403, 404) },
    },
    async (req) => svc.panelScoresForExpert(db, requireUser(req), req.params.panelId),
  );
}
