/**
 * The province's part: the work plan and policies of an authority ("me" for one's own), uploading
 * their files, downloading them, the list of authorities for the ministry, and the overview of an
 * authority's pilots. Thin: permission, schema from the contract, the service.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { sendBlob } from '../../kernel/blob-store.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses, fileResponse } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { KIND_MIME } from '../../shared/files/file-type.js';
import { storeBlob } from './file-store.js';

import * as c from './provincial-work.contract.js';
import * as svc from './provincial-work.service.js';

const TAGS = ['province'];
const ok = <T>(schema: T, ...refusals: number[]) => ({ 200: schema, ...errorResponses(...refusals) });
const STORED_TYPES = [...new Set(Object.values(KIND_MIME))];

export interface ProvincialWorkOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
}

export async function provincialWorkRoutes(app: FastifyInstance, opts: ProvincialWorkOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, uploadDir, maxBytes } = opts;
  const read = { permission: 'province_work.read' as const };
  const manage = { permission: 'province_work.manage' as const };

  r.get(
    '/provinces',
    { config: read, schema: { tags: TAGS, summary: '省级主管部门工作方案与配套政策一览 Authorities with their work plans and policies', response: ok(c.authoritiesSchema, 401, 403) } },
    async (req) => svc.authorities(db, requireUser(req)),
  );

  r.get(
    '/provinces/:authorityId/work-plan',
    { config: read, schema: { tags: TAGS, summary: '细化工作方案 The authority’s refined work plan', params: c.authorityParams, response: ok(c.workPlanAnswerSchema, 401, 403, 404, 422) } },
    async (req) => svc.workPlan(db, requireUser(req), req.params.authorityId),
  );

  r.put(
    '/provinces/:authorityId/work-plan',
    {
      config: manage,
      schema: {
        tags: TAGS,
        summary: '保存细化工作方案（比对版本）Save the work plan (compare-and-set on its version)',
        params: c.authorityParams,
        body: c.workPlanBody,
        response: ok(c.workPlanAnswerSchema, 401, 403, 404, 409, 422),
      },
    },
    async (req) => svc.saveWorkPlan(db, requireUser(req), req.params.authorityId, req.body, req.server.clock()),
  );

  r.get(
    '/provinces/:authorityId/policies',
    { config: read, schema: { tags: TAGS, summary: '配套政策 The authority’s supporting policies', params: c.authorityParams, response: ok(c.policiesSchema, 401, 403, 404, 422) } },
    async (req) => svc.policies(db, requireUser(req), req.params.authorityId),
  );

  r.post(
    '/provinces/:authorityId/policies',
    {
      config: manage,
      schema: {
        tags: TAGS,
        summary: '登记配套政策 Add a supporting policy document',
        params: c.authorityParams,
        body: c.policyBody,
        response: { 201: c.policySchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.addPolicy(db, requireUser(req), req.params.authorityId, req.body, req.server.clock())),
  );

  r.post(
    '/provinces/:authorityId/files',
    {
      config: manage,
      schema: {
        tags: TAGS,
        summary: '上传政策文件或工作方案附件（multipart "file"）Upload a policy document or work-plan file',
        consumes: ['multipart/form-data'],
        params: c.authorityParams,
        querystring: c.uploadQuery,
        response: { 201: c.fileRefSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      svc.assertCanUpload(user, req.params.authorityId);
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer();
      if (file.file.truncated || buf.length > maxBytes) throw new AppError('FILE_TOO_LARGE');
      const blob = await storeBlob(uploadDir, file.filename, buf);
      return reply.status(201).send(await svc.recordFile(db, user, req.params.authorityId, req.query.purpose, blob));
    },
  );

  r.get(
    '/provincial-files/:fileId',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '下载政策文件或工作方案附件 Download an authority’s file',
        params: c.fileParams,
        response: { 200: fileResponse('The file, with the type it was stored as', ...STORED_TYPES), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => sendBlob(reply, uploadDir, await svc.readableFile(db, requireUser(req), req.params.fileId)),
  );

  r.get(
    '/provinces/:authorityId/overview',
    {
      config: read,
      schema: { tags: TAGS, summary: '本省试点一览：状态、报告、整改 The authority’s pilots on one page', params: c.authorityParams, response: ok(c.overviewSchema, 401, 403, 404, 422) },
    },
    async (req) => svc.overview(db, requireUser(req), req.params.authorityId, req.server.clock()),
  );
}
