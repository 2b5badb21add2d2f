/**
 * The typical-case library 典型案例: search, one case, the author's writing (create, edit, drafts from
 * nominations, the evidence a pilot offers), the editorial transitions and the case book. Thin:
 * permission, schema, then the service.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../kernel/clock.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import type { CaseTransition } from '../../shared/cases/case-lifecycle.js';
import { renderCaseBookDocx, renderCaseBookPdf, type CaseBookData } from './case-book.js';
import * as c from './cases.contract.js';
import * as svc from './cases.service.js';

const TAGS = ['cases'];

function attachment(reply: FastifyReply, filename: string, ascii: string) {
  return reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

const TRANSITIONS: { path: string; action: CaseTransition; permission: 'case.write' | 'case.review'; summary: string }[] = [
  { path: 'submit', action: 'submit', permission: 'case.write', summary: '提交审核（城市提交）Submit the case for the ministry\'s review' },
  { path: 'start-review', action: 'start_review', permission: 'case.review', summary: '开始审核 Start the ministry\'s review' },
  { path: 'return', action: 'return', permission: 'case.review', summary: '退回修改（须写明理由）Return for revision, with a reason' },
  { path: 'publish', action: 'publish', permission: 'case.review', summary: '发布 Publish the case in the library' },
  { path: 'unpublish', action: 'unpublish', permission: 'case.review', summary: '撤销发布（须写明理由）Unpublish, with a reason' },
];

export async function caseRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const read = { permission: 'case.read' as const };
  const write = { permission: 'case.write' as const };

  r.get(
    '/cases',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: '检索典型案例（中文分词、标签筛选、高亮）Search the cases: Chinese words, tag filters, highlighted matches',
        querystring: c.searchQuery,
        response: { 200: c.searchResultSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => svc.searchLibrary(db, requireUser(req), req.query),
  );

  r.post(
    '/cases',
    {
      config: write,
      schema: { tags: TAGS, summary: '新建案例草稿 Start a case (draft)', body: c.createCaseBody, response: { 201: c.caseDetailSchema, ...errorResponses(401, 403, 404, 422) } },
    },
    async (req, reply) => reply.status(201).send(await svc.createCase(db, requireUser(req), app.clock(), req.body)),
  );

  r.get(
    '/cases/pilots',
    { config: write, schema: { tags: TAGS, summary: '可撰写案例的试点 The pilots you may write cases for', response: { 200: c.writablePilotsSchema, ...errorResponses(401, 403) } } },
    async (req) => svc.writablePilots(db, requireUser(req)),
  );

  r.get(
    '/cases/pilots/:id/evidence',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: '试点可引用的指标佐证（目标与已确认的报告数据）The evidence a pilot offers: targets and confirmed report values',
        params: c.pilotParams,
        response: { 200: c.evidenceOptionsSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req) => svc.evidenceOptions(db, requireUser(req), req.params.id),
  );

  r.get(
    '/cases/nominations',
    {
      config: write,
      schema: { tags: TAGS, summary: '试点推荐的典型经验及其案例草稿 Nominated typical experience of your pilots, with their case drafts', response: { 200: c.nominationListSchema, ...errorResponses(401, 403) } },
    },
    async (req) => svc.listNominations(db, requireUser(req)),
  );

  r.post(
    '/cases/from-nomination/:nominationId',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: '由推荐的典型经验生成案例草稿 Make a case draft from a nomination of typical experience',
        params: c.nominationParams,
        response: { 201: c.caseDetailSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createFromNomination(db, requireUser(req), app.clock(), req.params.nominationId)),
  );

  const bookRoute = (format: 'docx' | 'pdf', label: string) => ({
    config: read,
    schema: {
      tags: TAGS,
      summary: `典型案例汇编（${label}）The case book of the chosen published cases as ${label}`,
      querystring: c.bookQuery,
      response: { 200: fileResponse(`典型案例汇编 ${label}`, MEDIA[format]), ...errorResponses(401, 403, 404, 422) },
    },
  });
  const sendBook = async (userReq: Parameters<typeof requireUser>[0], reply: FastifyReply, ids: string, format: 'docx' | 'pdf') => {
    const rows = await svc.casesForBook(db, requireUser(userReq), ids.split(','));
    const data: CaseBookData = { cases: rows, date: chinaDate(app.clock()) };
    const buffer = format === 'docx' ? await renderCaseBookDocx(data) : await renderCaseBookPdf(data);
    return attachment(reply, `典型案例汇编.${format}`, `case-book.${format}`).type(MEDIA[format]).send(buffer);
  };
  r.get('/cases/book.docx', bookRoute('docx', 'Word'), (req, reply) => sendBook(req, reply, req.query.ids, 'docx'));
  r.get('/cases/book.pdf', bookRoute('pdf', 'PDF'), (req, reply) => sendBook(req, reply, req.query.ids, 'pdf'));

  r.get(
    '/cases/:id',
    { config: read, schema: { tags: TAGS, summary: '典型案例 One case with its evidence and history', params: c.caseParams, response: { 200: c.caseDetailSchema, ...errorResponses(401, 403, 404, 422) } } },
    async (req) => svc.getCaseView(db, requireUser(req), req.params.id),
  );

  r.put(
    '/cases/:id',
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: '修改案例（草稿、退回或撤销发布后）Edit a case (draft, returned or unpublished), naming the version edited',
        params: c.caseParams,
        body: c.updateCaseBody,
        response: { 200: c.caseDetailSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.updateCase(db, requireUser(req), app.clock(), req.params.id, req.body),
  );

  for (const t of TRANSITIONS) {
    r.post(
      `/cases/:id/${t.path}`,
      {
        config: { permission: t.permission },
        schema: { tags: TAGS, summary: t.summary, params: c.caseParams, body: c.transitionBody, response: { 200: c.caseDetailSchema, ...errorResponses(401, 403, 404, 409, 422) } },
      },
      async (req) => svc.transitionCase(db, requireUser(req), app.clock(), req.params.id, t.action, req.body),
    );
  }
}
