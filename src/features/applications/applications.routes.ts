import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { compiledSerializerCompiler } from '../../kernel/compiled-serializer.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import type { Permission } from '../../shared/permissions/policy.js';
import { checkPlan } from '../../shared/plan/checker.js';
import {
  applicationDetailSchema,
  applicationListSchema,
  applicationParams,
  createApplicationBody,
  createdApplicationSchema,
  forwardBody,
  historySchema,
  listApplicationsQuery,
  planVersionDetailSchema,
  planVersionListSchema,
  receiveBody,
  returnBody,
  savedPlanSchema,
  savePlanBody,
  submitBody,
  transitionResultSchema,
  versionParams,
} from './applications.contract.js';
import {
  presentApplication,
  presentAttachment,
  presentEvent,
  presentIntake,
  presentListItem,
  presentPlanVersion,
  presentPlanVersionDetail,
  presentProvincialReview,
} from './applications.presenters.js';
import {
  getIntake,
  getPlanVersion,
  listApplications,
  listAttachments,
  listEvents,
  listPlanVersions,
  listProvincialReviews,
} from './applications.queries.js';
import { accessOf, createApplication, loadVisible, savePlan, transition, type TransitionInput } from './applications.service.js';
import { planToDocx, planToXlsx } from './plan-documents.js';

/** Sends a file's bytes as they are: a file response has no JSON schema to serialise with. */
function sendFile(reply: FastifyReply, mediaType: string, body: Buffer) {
  return reply.type(mediaType).send(body);
}

export async function applicationRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/applications',
    {
      config: { permission: 'application.read' },
      // The busiest read: serialised by code compiled from the same schema (kernel/compiled-serializer.ts).
      serializerCompiler: compiledSerializerCompiler,
      schema: {
        tags: ['applications'],
        summary: '申报列表（按角色范围）Applications in my scope',
        querystring: listApplicationsQuery,
        response: { 200: applicationListSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { queue, ...rest } = req.query;
      const result = await listApplications(db, user, { ...rest, queue: queue === 'true' });
      return { items: result.items.map((i) => presentListItem(user, i)), total: result.total };
    },
  );

  r.post(
    '/applications',
    {
      config: { permission: 'application.create' },
      schema: {
        tags: ['applications'],
        summary: '新建申报（或导入 JSON 方案）Create an application, optionally from an imported plan',
        body: createApplicationBody,
        response: { 201: createdApplicationSchema, ...errorResponses(400, 401, 403, 422) },
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
        params: applicationParams,
        response: { 200: applicationDetailSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const [access, reviews, intake, files] = await Promise.all([
        accessOf(db, user, a),
        listProvincialReviews(db, a.id),
        getIntake(db, a.id),
        listAttachments(db, a.id),
      ]);
      return {
        application: presentApplication(a, access.abilities),
        plan: a.plan,
        findings: checkPlan(a.plan),
        allowedActions: access.allowedActions,
        provincialReviews: reviews.map(presentProvincialReview),
        intake: intake && presentIntake(intake),
        attachments: files.map(presentAttachment),
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
        params: applicationParams,
        body: savePlanBody,
        response: { 200: savedPlanSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
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
      schema: { tags: ['applications'], summary: '方案版本历史 Plan versions', params: applicationParams, response: { 200: planVersionListSchema, ...errorResponses(401, 403, 404) } },
    },
    async (req) => {
      const user = requireUser(req);
      await loadVisible(db, user, req.params.id);
      return { items: (await listPlanVersions(db, req.params.id)).map(presentPlanVersion) };
    },
  );

  r.get(
    '/applications/:id/versions/:versionId',
    {
      config: { permission: 'application.read' },
      schema: {
        tags: ['applications'],
        summary: '某一版本的方案 One plan version',
        params: versionParams,
        response: { 200: planVersionDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      await loadVisible(db, user, req.params.id);
      const v = await getPlanVersion(db, req.params.id, req.params.versionId);
      if (!v) throw new AppError('NOT_FOUND');
      return presentPlanVersionDetail(v);
    },
  );

  r.get(
    '/applications/:id/history',
    {
      config: { permission: 'application.read' },
      schema: { tags: ['applications'], summary: '办理历史 Audit history', params: applicationParams, response: { 200: historySchema, ...errorResponses(401, 403, 404) } },
    },
    async (req) => {
      const user = requireUser(req);
      await loadVisible(db, user, req.params.id);
      return { items: (await listEvents(db, req.params.id)).map(presentEvent) };
    },
  );

  r.get(
    '/applications/:id/export',
    {
      config: { permission: 'application.export' },
      schema: {
        tags: ['applications'],
        summary: '导出方案 JSON Export the plan as JSON (docs/plan-format.md)',
        params: applicationParams,
        response: { 200: fileResponse('实施方案 JSON 文件 The plan file (mic2025-plan)', MEDIA.json), ...errorResponses(401, 403, 404) },
      },
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
      schema: {
        tags: ['applications'],
        summary: '导出实施方案 Word 文档 The plan as a Word document',
        params: applicationParams,
        response: { 200: fileResponse('实施方案 Word', MEDIA.docx), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const buf = await planToDocx(a.plan, { refNo: a.refNo });
      reply.header('content-disposition', `attachment; filename="${a.refNo}.docx"; filename*=UTF-8''${encodeURIComponent(`${a.refNo}-实施方案.docx`)}`);
      return sendFile(reply, MEDIA.docx, buf);
    },
  );

  r.get(
    '/applications/:id/export.xlsx',
    {
      config: { permission: 'application.export' },
      schema: {
        tags: ['applications'],
        summary: '导出目标体系及附表 Excel The target system and tables as Excel',
        params: applicationParams,
        response: { 200: fileResponse('目标体系及附表 Excel', MEDIA.xlsx), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const a = await loadVisible(db, user, req.params.id);
      const buf = await planToXlsx(a.plan);
      reply.header('content-disposition', `attachment; filename="${a.refNo}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${a.refNo}-目标体系.xlsx`)}`);
      return sendFile(reply, MEDIA.xlsx, buf);
    },
  );

  /** One route per transition: its body schema from the contract, the same answer for all. */
  const transitionRoute = <B extends z.ZodObject>(
    action: TransitionInput['action'],
    permission: Permission,
    summary: string,
    body: B,
  ) =>
    r.post(
      `/applications/:id/${action}`,
      {
        config: { permission },
        schema: {
          tags: ['workflow'],
          summary,
          params: applicationParams,
          body,
          response: { 200: transitionResultSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return transition(db, user, req.params.id, { action, ...(req.body as object) } as TransitionInput);
      },
    );

  transitionRoute('submit', 'application.submit', '提交省级初审 Submit to the provincial authority', submitBody);
  transitionRoute('forward', 'application.forward', '初审通过并转报工信部 Forward with the provincial opinion', forwardBody);
  transitionRoute('return', 'application.return', '退回修改 Return to the city for revision', returnBody);
  transitionRoute('receive', 'application.receive', '受理并登记纸质材料 Receive; record the paper copies (3 printed, 2 discs)', receiveBody);
}
