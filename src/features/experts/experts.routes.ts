/**
 * The expert pool (专家库) for the ministry planning department (permission expert.manage): list
 * with filters, create, edit, switch availability, and Excel export, template and all-or-nothing
 * import. Uploads are .xlsx only, checked by their bytes. Schemas in experts.contract.ts; rules in
 * experts.service.ts and the one policy (shared/permissions/expert-scope.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { checkUpload, KIND_MIME, safeFilename } from '../../shared/files/file-type.js';
import { SUGGESTED_FIELDS } from './expert-labels.js';
import {
  availabilityBody,
  expertFieldsSchema,
  expertFilterQuery,
  expertInputSchema,
  expertUpdateSchema,
  expertListQuery,
  expertListSchema,
  expertParams,
  expertSchema,
  importResultSchema,
} from './experts.contract.js';
import { expertsToXlsx, expertTemplateXlsx } from './experts.excel.js';
import { fieldsInUse, listExperts, type ExpertFilter } from './experts.queries.js';
import { createExpert, expertPage, importExperts, presentExpert, replaceExpert, setAvailability, visibleExpert } from './experts.service.js';

const TAGS = ['experts'];

function filterOf(q: z.infer<typeof expertFilterQuery>): ExpertFilter {
  return {
    q: q.q || undefined,
    field: q.field || undefined,
    provinceCode: q.provinceCode,
    available: q.available === undefined ? undefined : q.available === 'true',
  };
}

function sendXlsx(reply: FastifyReply, buf: Buffer, filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_');
  reply
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'private, no-store');
  return reply.type(KIND_MIME.xlsx).send(buf);
}

export interface ExpertRouteOptions {
  db: Db;
  /** Largest accepted upload in bytes; defaults to the multipart plugin's limit. */
  maxBytes?: number;
}

export async function expertRoutes(app: FastifyInstance, opts: ExpertRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const config = { permission: 'expert.manage' as const };

  r.get(
    '/experts',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '专家库列表 The expert pool, filtered (q: name, organisation or title; field; provinceCode; available)',
        querystring: expertListQuery,
        response: { 200: expertListSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const { page, pageSize, ...q } = req.query;
      return expertPage(db, requireUser(req), filterOf(q), page, pageSize);
    },
  );

  r.get(
    '/experts/fields',
    {
      config,
      schema: { tags: TAGS, summary: '专业领域（在用及建议）Fields of expertise in use and suggested', response: { 200: expertFieldsSchema, ...errorResponses(401, 403) } },
    },
    async () => ({ inUse: await fieldsInUse(db), suggested: [...SUGGESTED_FIELDS] }),
  );

  r.get(
    '/experts/export.xlsx',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '导出专家库 Excel The pool (with the list filters) as Excel',
        querystring: expertFilterQuery,
        response: { 200: fileResponse('专家库 Excel', MEDIA.xlsx), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { items } = await listExperts(db, filterOf(req.query));
      const buf = await expertsToXlsx(items);
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      return sendXlsx(reply, buf, `专家库-${day}.xlsx`);
    },
  );

  r.get(
    '/experts/template.xlsx',
    {
      config,
      schema: { tags: TAGS, summary: '下载专家导入模板 The empty import template', response: { 200: fileResponse('专家库导入模板 Excel', MEDIA.xlsx), ...errorResponses(401, 403) } },
    },
    async (_req, reply) => sendXlsx(reply, await expertTemplateXlsx(), '专家库导入模板.xlsx'),
  );

  r.post(
    '/experts/import',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '从 Excel 导入专家（multipart 字段 file，仅 .xlsx；任一行有误则全部不导入，422 的 details.rows 列出每个问题）Import experts from .xlsx, all or nothing; a 422 lists every problem in details.rows',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (req) => {
      requireUser(req);
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file(opts.maxBytes ? { limits: { fileSize: opts.maxBytes, files: 1 } } : undefined);
      if (!file || file.fieldname !== 'file') throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit
      if (file.file.truncated) throw new AppError('FILE_TOO_LARGE');
      const check = checkUpload(safeFilename(file.filename), buf);
      if (!check.ok) throw new AppError(check.reason, { accepted: ['.xlsx'] });
      if (check.kind !== 'xlsx') throw new AppError('FILE_TYPE_NOT_ALLOWED', { accepted: ['.xlsx'] });
      return importExperts(db, buf);
    },
  );

  r.get(
    '/experts/:id',
    { config, schema: { tags: TAGS, summary: '专家详情 One expert', params: expertParams, response: { 200: expertSchema, ...errorResponses(401, 403, 404, 422) } } },
    async (req) => {
      const user = requireUser(req);
      return presentExpert(user, await visibleExpert(db, user, req.params.id));
    },
  );

  r.post(
    '/experts',
    {
      config,
      schema: { tags: TAGS, summary: '新增专家 Add an expert', body: expertInputSchema, response: { 201: expertSchema, ...errorResponses(401, 403, 422) } },
    },
    async (req, reply) => reply.status(201).send(await createExpert(db, requireUser(req), req.body)),
  );

  r.put(
    '/experts/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改专家信息 Replace an expert record',
        params: expertParams,
        body: expertUpdateSchema,
        response: { 200: expertSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return replaceExpert(db, requireUser(req), req.params.id, input, version);
    },
  );

  r.patch(
    '/experts/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '设置专家是否可用 Mark an expert available or not',
        params: expertParams,
        body: availabilityBody,
        response: { 200: expertSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req) => setAvailability(db, requireUser(req), req.params.id, req.body.available),
  );
}
