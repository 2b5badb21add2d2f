import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../server/app-error.js';
import { errorResponses } from '../../server/openapi.js';
import { APPLICATION_ACTIONS, APPLICATION_STATES } from '../../shared/lifecycle/application-lifecycle.js';
import { PAPER_COPY_STATES } from '../../shared/lifecycle/provincial-checklist.js';
import { checkPlan } from '../../shared/plan/checker.js';
import { planSchema } from '../../shared/plan/plan-schema.js';
import { requireUser } from '../auth/session-plugin.js';
import {
  getIntake,
  getPlanVersion,
  listApplications,
  listAttachments,
  listEvents,
  listPlanVersions,
  listProvincialReviews,
} from './applications.queries.js';
import { planToDocx, planToXlsx } from './plan-documents.js';
import { allowedActions, createApplication, loadVisible, savePlan, transition } from './applications.service.js';

const idParams = z.object({ id: z.uuid() });
const versionBody = { version: z.number().int().positive() };

const listItem = z.object({
  id: z.string(),
  refNo: z.string(),
  title: z.string(),
  status: z.enum(APPLICATION_STATES),
  version: z.number(),
  round: z.number(),
  applicationYear: z.number(),
  applicantName: z.string(),
  cityCodes: z.array(z.string()),
  updatedAt: z.date(),
  submittedAt: z.date().nullable(),
  forwardedAt: z.date().nullable(),
  receivedAt: z.date().nullable(),
  isDemo: z.boolean(),
});

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['blocking', 'warning']),
  path: z.string(),
  targetId: z.string().optional(),
  sectionKey: z.string().optional(),
  message: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});

const transitionResult = z.object({ version: z.number(), status: z.enum(APPLICATION_STATES) });

export async function applicationRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/applications',
    {
      config: { permission: 'application.read' },
      schema: {
        tags: ['applications'],
        summary: '申报列表（按角色范围）Applications in my scope',
        querystring: z.object({
          status: z.enum(APPLICATION_STATES).optional(),
          queue: z.enum(['true', 'false']).optional().describe('true: only what waits for my action'),
          q: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: z.object({ items: z.array(listItem), total: z.number() }), ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { queue, ...rest } = req.query;
      const result = await listApplications(db, user, { ...rest, queue: queue === 'true' });
      return { items: result.items.map((i) => ({ ...i, status: i.status as (typeof APPLICATION_STATES)[number] })), total: result.total };
    },
  );

  r.post(
    '/applications',
    {
      config: { permission: 'application.create' },
      schema: {
        tags: ['applications'],
        summary: '新建申报（或导入 JSON 方案）Create an application, optionally from an imported plan',
        body: z.object({
          title: z.string().max(200).default(''),
          applicationYear: z.number().int().min(2015).max(2100),
          cityCodes: z.array(z.string().regex(/^\d{6}$/)).max(30).optional(),
          plan: planSchema.optional(),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const id = await createApplication(db, user, req.body);
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/applications/:id',
    {
      config: { permission: 'application.read' },
      schema: {
        tags: ['applications'],
        summary: '申报详情 Application detail, with checker findings and the actions I may take',
        params: idParams,
        response: { 200: z.any(), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const [actions, reviews, intake, files] = await Promise.all([
        allowedActions(db, user, a),
        listProvincialReviews(db, a.id),
        getIntake(db, a.id),
        listAttachments(db, a.id),
      ]);
      return {
        application: {
          id: a.id,
          refNo: a.refNo,
          title: a.title,
          status: a.status,
          version: a.version,
          round: a.round,
          applicationYear: a.applicationYear,
          applicantName: a.applicantName,
          cities: a.cities,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          submittedAt: a.submittedAt,
          forwardedAt: a.forwardedAt,
          receivedAt: a.receivedAt,
          isDemo: a.isDemo,
        },
        plan: a.plan,
        findings: checkPlan(a.plan),
        allowedActions: actions,
        provincialReviews: reviews,
        intake,
        attachments: files,
      };
    },
  );

  r.put(
    '/applications/:id/plan',
    {
      config: { permission: 'application.update' },
      schema: {
        tags: ['applications'],
        summary: '保存方案（乐观锁）Save the plan; the version must be the one you loaded',
        params: idParams,
        body: z.object({ ...versionBody, plan: planSchema, title: z.string().max(200).optional() }),
        response: {
          200: z.object({ version: z.number(), findings: z.array(findingSchema) }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { version } = await savePlan(db, user, req.params.id, req.body);
      return { version, findings: checkPlan(req.body.plan) };
    },
  );

  r.get(
    '/applications/:id/versions',
    {
      config: { permission: 'application.read' },
      schema: { tags: ['applications'], summary: '方案版本历史 Plan versions', params: idParams, response: { 200: z.any(), ...errorResponses(401, 403, 404) } },
    },
    async (req) => {
      const user = requireUser(req);
      await loadVisible(db, user, req.params.id);
      return { items: await listPlanVersions(db, req.params.id) };
    },
  );

  r.get(
    '/applications/:id/versions/:versionId',
    {
      config: { permission: 'application.read' },
      schema: {
        tags: ['applications'],
        summary: '某一版本的方案 One plan version',
        params: z.object({ id: z.uuid(), versionId: z.uuid() }),
        response: { 200: z.any(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      await loadVisible(db, user, req.params.id);
      const v = await getPlanVersion(db, req.params.id, req.params.versionId);
      if (!v) throw new AppError('NOT_FOUND');
      return v;
    },
  );

  r.get(
    '/applications/:id/history',
    {
      config: { permission: 'application.read' },
      schema: { tags: ['applications'], summary: '办理历史 Audit history', params: idParams, response: { 200: z.any(), ...errorResponses(401, 403, 404) } },
    },
    async (req) => {
      const user = requireUser(req);
      await loadVisible(db, user, req.params.id);
      return { items: await listEvents(db, req.params.id) };
    },
  );

  r.get(
    '/applications/:id/export',
    {
      config: { permission: 'application.export' },
      schema: { tags: ['applications'], summary: '导出方案 JSON Export the plan as JSON (docs/plan-format.md)', params: idParams, response: { 200: z.any(), ...errorResponses(401, 403, 404) } },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const name = encodeURIComponent(`${a.refNo}-实施方案.json`);
      reply.header('content-disposition', `attachment; filename="${a.refNo}.json"; filename*=UTF-8''${name}`);
      reply.type('application/json; charset=utf-8');
      return JSON.stringify(a.plan, null, 2);
    },
  );

  r.get(
    '/applications/:id/export.docx',
    {
      config: { permission: 'application.export' },
      schema: { tags: ['applications'], summary: '导出实施方案 Word 文档 The plan as a Word document', params: idParams, response: { 200: z.any(), ...errorResponses(401, 403, 404) } },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const buf = await planToDocx(a.plan, { refNo: a.refNo });
      reply.header('content-disposition', `attachment; filename="${a.refNo}.docx"; filename*=UTF-8''${encodeURIComponent(`${a.refNo}-实施方案.docx`)}`);
      return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(buf);
    },
  );

  r.get(
    '/applications/:id/export.xlsx',
    {
      config: { permission: 'application.export' },
      schema: { tags: ['applications'], summary: '导出目标体系及附表 Excel The target system and tables as Excel', params: idParams, response: { 200: z.any(), ...errorResponses(401, 403, 404) } },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const buf = await planToXlsx(a.plan);
      reply.header('content-disposition', `attachment; filename="${a.refNo}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${a.refNo}-目标体系.xlsx`)}`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(buf);
    },
  );

  const transitionRoute = (action: (typeof APPLICATION_ACTIONS)[number], permission: 'application.submit' | 'application.forward' | 'application.return' | 'application.receive', summary: string, body: z.ZodObject) =>
    r.post(
      `/applications/:id/${action}`,
      {
        config: { permission },
        schema: {
          tags: ['workflow'],
          summary,
          params: idParams,
          body,
          response: { 200: transitionResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return transition(db, user, (req.params as { id: string }).id, { action, ...(req.body as object) } as never);
      },
    );

  transitionRoute('submit', 'application.submit', '提交省级初审 Submit to the provincial authority', z.object({ ...versionBody, comment: z.string().max(2000).optional() }));
  transitionRoute(
    'forward',
    'application.forward',
    '初审通过并转报工信部 Forward with the provincial opinion',
    z.object({
      ...versionBody,
      checklist: z.record(z.string(), z.boolean()),
      opinion: z.string().trim().min(1).max(5000),
      opinionDate: z.iso.date(),
    }),
  );
  transitionRoute('return', 'application.return', '退回修改 Return to the city for revision', z.object({ ...versionBody, reasons: z.string().trim().min(1).max(5000) }));
  transitionRoute(
    'receive',
    'application.receive',
    '受理并登记纸质材料 Receive; record the paper copies (3 printed, 2 discs)',
    z.object({
      ...versionBody,
      printedCopies: z.enum(PAPER_COPY_STATES),
      discs: z.enum(PAPER_COPY_STATES),
      formalCheckPassed: z.boolean(),
      note: z.string().max(2000).optional(),
    }),
  );
}
