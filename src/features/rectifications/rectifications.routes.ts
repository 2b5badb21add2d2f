/**
 * Rectification 限期整改 and public notices 通报: thin routes. The permission is coarse here; scope,
 * the step's turn and the compare-and-set are the service's. The date comes from the app's clock.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { checkUpload, KIND_MIME, safeFilename } from '../../shared/files/file-type.js';
import {
  answerBody,
  cancelBody,
  caseParams,
  caseSchema,
  evidenceFileSchema,
  evidenceParams,
  noticeListSchema,
  noticeParams,
  noticeSchema,
  openCaseBody,
  opinionBody,
  pilotCasesSchema,
  pilotParams,
  proposalQuery,
  proposalSchema,
  reassessBody,
  suspendBody,
} from './rectifications.contract.js';
import { sendBlob, storeBlob } from '../../kernel/blob-store.js';
import {
  answerCase,
  cancelPilot,
  evidenceFile,
  evidenceTarget,
  giveOpinion,
  noticeFile,
  noticeFor,
  noticesFor,
  openCase,
  pilotCases,
  presentCase,
  proposal,
  reassessCase,
  recordEvidence,
  suspendPilot,
  type NoticeFormat,
  type Today,
} from './rectifications.service.js';

const TAGS = ['rectifications'];
const STORED_TYPES = [...new Set(Object.values(KIND_MIME))];

export interface RectificationOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
}

function todayOf(req: FastifyRequest): Today {
  const now = req.server.clock();
  return { date: chinaDate(now), now };
}

function attachment(reply: FastifyReply, filename: string, ascii: string) {
  return reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

export async function rectificationRoutes(app: FastifyInstance, opts: RectificationOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, uploadDir, maxBytes } = opts;
  const read = { permission: 'rectification.read' as const };
  const manage = { permission: 'rectification.manage' as const };
  const answer = { permission: 'rectification.answer' as const };
  const opinion = { permission: 'rectification.opinion' as const };
  const stepErrors = errorResponses(401, 403, 404, 409, 422);

  r.get(
    '/pilots/:id/rectifications',
    { config: read, schema: { tags: TAGS, summary: '试点的整改案件 Rectification cases of a pilot', params: pilotParams, response: { 200: pilotCasesSchema, ...errorResponses(401, 403, 404, 422) } } },
    async (req) => pilotCases(db, requireUser(req), req.params.id, todayOf(req)),
  );

  r.get(
    '/pilots/:id/rectifications/proposal',
    {
      config: manage,
      schema: {
        tags: TAGS,
        summary: '整改建议（预填问题与默认期限）Proposed findings and the default deadline',
        params: pilotParams,
        querystring: proposalQuery,
        response: { 200: proposalSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => proposal(db, requireUser(req), req.params.id, req.query.evaluationId, todayOf(req)),
  );

  r.post(
    '/pilots/:id/rectifications',
    { config: manage, schema: { tags: TAGS, summary: '下达限期整改 Open a rectification case', params: pilotParams, body: openCaseBody, response: { 201: caseSchema, ...stepErrors } } },
    async (req, reply) => reply.status(201).send(await openCase(db, requireUser(req), req.params.id, req.body, todayOf(req))),
  );

  r.get(
    '/rectifications/:id',
    { config: read, schema: { tags: TAGS, summary: '整改案件 A rectification case', params: caseParams, response: { 200: caseSchema, ...errorResponses(401, 403, 404, 422) } } },
    async (req) => presentCase(db, requireUser(req), req.params.id, todayOf(req)),
  );

  r.post(
    '/rectifications/:id/answer',
    { config: answer, schema: { tags: TAGS, summary: '提交整改报告 The city answers with its report and evidence', params: caseParams, body: answerBody, response: { 200: caseSchema, ...stepErrors } } },
    async (req) => answerCase(db, requireUser(req), req.params.id, req.body, todayOf(req)),
  );

  r.post(
    '/rectifications/:id/opinion',
    { config: opinion, schema: { tags: TAGS, summary: '省级意见 The province’s opinion', params: caseParams, body: opinionBody, response: { 200: caseSchema, ...stepErrors } } },
    async (req) => giveOpinion(db, requireUser(req), req.params.id, req.body, todayOf(req)),
  );

  r.post(
    '/rectifications/:id/reassess',
    {
      config: manage,
      schema: { tags: TAGS, summary: '整改复核 Re-assessment with a grade (a passing grade closes the case)', params: caseParams, body: reassessBody, response: { 200: caseSchema, ...stepErrors } },
    },
    async (req) => reassessCase(db, requireUser(req), req.params.id, req.body, todayOf(req)),
  );

  r.post(
    '/rectifications/:id/suspend',
    { config: manage, schema: { tags: TAGS, summary: '中止试点 Suspend the pilot', params: caseParams, body: suspendBody, response: { 200: caseSchema, ...stepErrors } } },
    async (req) => suspendPilot(db, requireUser(req), req.params.id, req.body, todayOf(req)),
  );

  r.post(
    '/rectifications/:id/cancel',
    { config: manage, schema: { tags: TAGS, summary: '通报取消 Cancel the pilot and issue the public notice', params: caseParams, body: cancelBody, response: { 200: caseSchema, ...stepErrors } } },
    async (req) => cancelPilot(db, requireUser(req), req.params.id, req.body, todayOf(req)),
  );

  r.post(
    '/rectifications/:id/evidence',
    {
      config: answer,
      schema: {
        tags: TAGS,
        summary: '上传佐证材料 Upload an evidence file (multipart field "file")',
        consumes: ['multipart/form-data'],
        params: caseParams,
        response: { 201: evidenceFileSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const today = todayOf(req);
      // Refuse before reading the upload: a stranger's file is never stored.
      await evidenceTarget(db, user, req.params.id, today);
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer();
      if (file.file.truncated || buf.length > maxBytes) throw new AppError('FILE_TOO_LARGE');
      const filename = safeFilename(file.filename);
      const check = checkUpload(filename, buf);
      if (!check.ok) throw new AppError(check.reason);
      const sha256 = await storeBlob(uploadDir, buf);
      return reply.status(201).send(await recordEvidence(db, user, req.params.id, { sha256, filename, mimeType: check.mimeType, size: buf.length }, today));
    },
  );

  r.get(
    '/rectifications/:id/evidence/:fileId',
    {
      config: read,
      schema: { tags: TAGS, summary: '下载佐证材料 Download an evidence file', params: evidenceParams, response: { 200: fileResponse('佐证材料 The evidence file', ...STORED_TYPES), ...errorResponses(401, 403, 404) } },
    },
    async (req, reply) => {
      const f = await evidenceFile(db, requireUser(req), req.params.id, req.params.fileId);
      return sendBlob(reply, uploadDir, f);
    },
  );

  const noticeRead = { permission: 'notice.read' as const };
  r.get(
    '/notices',
    { config: noticeRead, schema: { tags: TAGS, summary: '通报 Public notices (published ones, for all but the ministry)', response: { 200: noticeListSchema, ...errorResponses(401, 403) } } },
    async (req) => ({ items: await noticesFor(db, requireUser(req)) }),
  );

  const MEDIA_OF: Record<NoticeFormat, string> = { docx: MEDIA.docx, pdf: MEDIA.pdf };
  function noticeRoute(format: NoticeFormat, label: string) {
    return {
      config: noticeRead,
      schema: { tags: TAGS, summary: `通报（${label}）The public notice as ${label}`, params: noticeParams, response: { 200: fileResponse(`通报 ${label}`, MEDIA_OF[format]), ...errorResponses(401, 403, 404) } },
    };
  }
  async function sendNotice(req: FastifyRequest, reply: FastifyReply, id: string, format: NoticeFormat) {
    const file = await noticeFile(db, requireUser(req), id, format);
    return attachment(reply, file.filename, file.asciiFilename).type(MEDIA_OF[format]).send(file.buffer);
  }
  r.get('/notices/:id.docx', noticeRoute('docx', 'Word'), (req, reply) => sendNotice(req, reply, req.params.id, 'docx'));
  r.get('/notices/:id.pdf', noticeRoute('pdf', 'PDF'), (req, reply) => sendNotice(req, reply, req.params.id, 'pdf'));
  r.get(
    '/notices/:id',
    { config: noticeRead, schema: { tags: TAGS, summary: '通报 One public notice', params: noticeParams, response: { 200: noticeSchema, ...errorResponses(401, 403, 404, 422) } } },
    async (req) => noticeFor(db, requireUser(req), req.params.id),
  );
}
