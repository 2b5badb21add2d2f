/**
 * Progress reports (进度报告) over HTTP: thin routes — the permission in the route config, the schemas
 * from the contract, the date from the app's clock, the rules in the service. Uploads (evidence, the
 * Excel import) are checked by their bytes; downloads are sent so the browser neither sniffs nor runs them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { checkUpload, KIND_MIME, safeFilename } from '../../shared/files/file-type.js';
import {
  confirmBody,
  correctionBody,
  dueListQuery,
  dueListSchema,
  evidenceFileSchema,
  evidenceParams,
  pilotReportsParams,
  pilotReportsSchema,
  reportDetailSchema,
  reportParams,
  returnBody,
  saveReportBody,
  versionBody,
  versionedReportScheduleSchema,
} from './progress-reports.contract.js';
import { sendBlob } from '../../kernel/blob-store.js';
import {
  confirmReport,
  correctValue,
  dueList,
  evidenceForDownload,
  importReport,
  pilotReports,
  reportDetail,
  versionedReportSchedule,
  reportTemplate,
  returnReport,
  saveReport,
  saveReportSchedule,
  storeEvidence,
  submitReport,
} from './progress-reports.service.js';

const TAGS = ['progress-reports'];
const STORED_TYPES = [...new Set(Object.values(KIND_MIME))];

export interface ProgressReportRouteOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
  /** Largest Excel import in bytes (default: the upload limit, at most 5 MB). */
  importMaxBytes?: number;
}

function attachmentHeaders(reply: FastifyReply, filename: string, asciiFilename: string) {
  return reply
    .header('content-disposition', `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
}

/** The one uploaded file (multipart field "file"), within `limit` bytes, with its multipart fields. */
async function oneFile(req: FastifyRequest, limit: number) {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
  const file = await req.file({ limits: { fileSize: limit, files: 1 } });
  if (!file || file.fieldname !== 'file') throw new AppError('BAD_REQUEST');
  const buf = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit
  if (file.file.truncated || buf.length > limit) throw new AppError('FILE_TOO_LARGE');
  const filename = safeFilename(file.filename);
  const field = (name: string): string | undefined => {
    const f = file.fields[name];
    const one = Array.isArray(f) ? f[0] : f;
    return one && 'value' in one && typeof one.value === 'string' ? one.value : undefined;
  };
  return { buf, filename, field };
}

export async function progressReportRoutes(app: FastifyInstance, opts: ProgressReportRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, uploadDir, maxBytes } = opts;
  const importMaxBytes = opts.importMaxBytes ?? Math.min(maxBytes, 5 * 1024 * 1024);
  const read = { permission: 'report.read' as const };
  const edit = { permission: 'report.edit' as const };
  const review = { permission: 'report.review' as const };
  const correct = { permission: 'report.correct' as const };
  const now = () => app.clock();

  r.get(
    '/report-schedule',
    {
      config: read,
      schema: { tags: TAGS, summary: '报告期设置（截止日期规则、提醒天数）The reporting schedule: due-date rules and reminder days', response: { 200: versionedReportScheduleSchema, ...errorResponses(401, 403) } },
    },
    async () => {
      const s = await versionedReportSchedule(db);
      return { ...s.schedule, version: s.version };
    },
  );

  r.put(
    '/report-schedule',
    {
      config: { permission: 'pilot.manage' as const },
      schema: {
        tags: TAGS,
        summary: '修改报告期设置（未报送报告的截止日期随之调整）Change the schedule; reports still owed take the new due dates',
        body: versionedReportScheduleSchema,
        response: { 200: versionedReportScheduleSchema, ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (req) => {
      const { version, ...schedule } = req.body;
      return saveReportSchedule(db, requireUser(req), schedule, version);
    },
  );

  r.get(
    '/pilots/:id/reports',
    {
      config: read,
      schema: { tags: TAGS, summary: '试点城市的报告期与进度报告 The pilot’s reporting periods and reports', params: pilotReportsParams, response: { 200: pilotReportsSchema, ...errorResponses(401, 403, 404, 422) } },
    },
    async (req) => pilotReports(db, requireUser(req), req.params.id, now()),
  );

  r.get(
    '/reports',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '待报、逾期、已报送、已确认的进度报告 What is due, overdue, submitted and confirmed, in my scope',
        querystring: dueListQuery,
        response: { 200: dueListSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => dueList(db, requireUser(req), req.query.state, now()),
  );

  r.get(
    '/reports/:id',
    {
      config: read,
      schema: { tags: TAGS, summary: '进度报告详情 A report with its figures, tasks, corrections and history', params: reportParams, response: { 200: reportDetailSchema, ...errorResponses(401, 403, 404, 422) } },
    },
    async (req) => reportDetail(db, requireUser(req), req.params.id, now()),
  );

  r.put(
    '/reports/:id',
    {
      config: edit,
      schema: {
        tags: TAGS,
        summary: '保存进度报告（乐观锁）Save the report (compare-and-set on version)',
        params: reportParams,
        body: saveReportBody,
        response: { 200: reportDetailSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => saveReport(db, requireUser(req), req.params.id, req.body, now()),
  );

  r.post(
    '/reports/:id/submit',
    {
      config: edit,
      schema: { tags: TAGS, summary: '报送进度报告 Submit the report to the province', params: reportParams, body: versionBody, response: { 200: reportDetailSchema, ...errorResponses(401, 403, 404, 409, 422) } },
    },
    async (req) => submitReport(db, requireUser(req), req.params.id, req.body.version, now()),
  );

  r.post(
    '/reports/:id/confirm',
    {
      config: review,
      schema: { tags: TAGS, summary: '省级主管部门确认（附审核意见）The province confirms, with its opinion', params: reportParams, body: confirmBody, response: { 200: reportDetailSchema, ...errorResponses(401, 403, 404, 409, 422) } },
    },
    async (req) => confirmReport(db, requireUser(req), req.params.id, req.body.version, req.body.opinion, now()),
  );

  r.post(
    '/reports/:id/return',
    {
      config: review,
      schema: { tags: TAGS, summary: '退回进度报告（附理由）The province returns it, with reasons', params: reportParams, body: returnBody, response: { 200: reportDetailSchema, ...errorResponses(401, 403, 404, 409, 422) } },
    },
    async (req) => returnReport(db, requireUser(req), req.params.id, req.body.version, req.body.reasons, now()),
  );

  r.post(
    '/reports/:id/corrections',
    {
      config: correct,
      schema: {
        tags: TAGS,
        summary: '更正已确认的数据（须说明理由，原值留痕）Correct a confirmed figure, with a reason; the old value is kept',
        params: reportParams,
        body: correctionBody,
        response: { 200: reportDetailSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => correctValue(db, requireUser(req), req.params.id, req.body, now()),
  );

  r.post(
    '/reports/:id/evidence',
    {
      config: edit,
      schema: {
        tags: TAGS,
        summary: '上传佐证材料（multipart 字段 file；PDF、Word、Excel、图片）Upload an evidence file',
        consumes: ['multipart/form-data'],
        params: reportParams,
        response: { 201: evidenceFileSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const { buf, filename } = await oneFile(req, maxBytes);
      const check = checkUpload(filename, buf);
      if (!check.ok) throw new AppError(check.reason);
      const saved = await storeEvidence(db, user, req.params.id, now(), { buf, filename, check }, uploadDir);
      return reply.status(201).send(saved);
    },
  );

  r.get(
    '/reports/:id/evidence/:fileId',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '下载佐证材料 Download an evidence file',
        params: evidenceParams,
        response: { 200: fileResponse('佐证材料 The file, with the type it was stored as', ...STORED_TYPES), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const f = await evidenceForDownload(db, requireUser(req), req.params.id, req.params.fileId, now());
      return sendBlob(reply, uploadDir, f);
    },
  );

  r.get(
    '/reports/:id/template.xlsx',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '下载本期填报模板 The Excel template for this pilot and period',
        params: reportParams,
        response: { 200: fileResponse('进度报告填报模板 Excel', MEDIA.xlsx), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const file = await reportTemplate(db, requireUser(req), req.params.id, now());
      return attachmentHeaders(reply, file.filename, file.asciiFilename).type(MEDIA.xlsx).send(file.buffer);
    },
  );

  r.post(
    '/reports/:id/import',
    {
      config: edit,
      schema: {
        tags: TAGS,
        summary:
          '从 Excel 导入进度报告（multipart 字段 file，仅本期模板 .xlsx；任一行有误则全部不导入，422 的 details.rows 列出每个问题）Import the report from its template; all or nothing',
        consumes: ['multipart/form-data'],
        params: reportParams,
        response: { 200: reportDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { buf, filename, field } = await oneFile(req, importMaxBytes);
      const check = checkUpload(filename, buf);
      if (!check.ok) throw new AppError(check.reason, { accepted: ['.xlsx'] });
      if (check.kind !== 'xlsx') throw new AppError('FILE_TYPE_NOT_ALLOWED', { accepted: ['.xlsx'] });
      const v = field('version');
      const version = v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
      return importReport(db, user, req.params.id, buf, version, now());
    },
  );
}
