/**
 * Pilot cities (试点城市): the list in the user's scope, one pilot with its frozen targets, the
 * approval reply (批复) as Word and PDF, and the three-year cycle: the calendar and history, the
 * phase transitions, the reporting frequency, the calendar setting, the contract's versions and the
 * summary (总结报告, 典型经验). Scope and abilities come from the one policy; the services decide.
 */
import { sendBlob, storeBlob } from '../../kernel/blob-store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { checkUpload, KIND_MIME, safeFilename } from '../../shared/files/file-type.js';
import { pilotAbilities } from '../../shared/permissions/pilot-scope.js';
import * as c from './pilots.contract.js';
import { getPilotFile, insertPilotFile } from './pilots.queries.js';
import {
  approvalReply,
  contractVersions,
  cycleView,
  pilotsInScope,
  presentPilotDetail,
  presentPilots,
  requestTransition,
  saveScheduleConfig,
  scheduleSetting,
  setReportFrequency,
  visiblePilot,
  type ApprovalFormat,
} from './pilots.service.js';
import * as summary from './summary.service.js';

const TAGS = ['pilots'];
const CYCLE = ['pilot cycle'];
const MEDIA_OF: Record<ApprovalFormat, string> = { docx: MEDIA.docx, pdf: MEDIA.pdf };
const STORED_TYPES = [...new Set(Object.values(KIND_MIME))];
const ok = <T extends z.ZodType>(schema: T, ...codes: Parameters<typeof errorResponses>) => ({ 200: schema, ...errorResponses(...codes) });

export interface PilotRouteOptions {
  db: Db;
  uploadDir: string;
  maxBytes: number;
}

export async function pilotRoutes(app: FastifyInstance, opts: PilotRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, uploadDir, maxBytes } = opts;
  const config = { permission: 'pilot.read' as const };

  r.get(
    '/pilots',
    { config, schema: { tags: TAGS, summary: '试点城市 Pilot cities in my scope', response: ok(c.pilotListSchema, 401, 403) } },
    async (req) => {
      const user = requireUser(req);
      return { items: await presentPilots(db, user, req.server.clock(), await pilotsInScope(db, user)) };
    },
  );

  r.get(
    '/pilots/:id',
    { config, schema: { tags: TAGS, summary: '试点城市详情（含冻结的目标）Pilot with its frozen targets', params: c.pilotParams, response: ok(c.pilotDetailSchema, 401, 403, 404) } },
    async (req) => {
      const user = requireUser(req);
      return presentPilotDetail(db, user, req.server.clock(), await visiblePilot(db, user, req.params.id));
    },
  );

  /** Sends the rendered reply as an attachment, with an ASCII name and the Chinese one for browsers that read it. */
  function approvalRoute(format: ApprovalFormat, label: string) {
    return {
      config,
      schema: {
        tags: TAGS,
        summary: `批复（${label}）The approval reply as ${label}`,
        params: c.pilotParams,
        response: { 200: fileResponse(`批复 ${label}`, MEDIA_OF[format]), ...errorResponses(401, 403, 404) },
      },
    };
  }
  async function sendApproval(req: FastifyRequest, reply: FastifyReply, id: string, format: ApprovalFormat) {
    const file = await approvalReply(db, requireUser(req), id, format);
    reply.header('content-disposition', `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    return reply.type(MEDIA_OF[format]).send(file.buffer);
  }

  r.get('/pilots/:id/approval.docx', approvalRoute('docx', 'Word'), (req, reply) => sendApproval(req, reply, req.params.id, 'docx'));
  r.get('/pilots/:id/approval.pdf', approvalRoute('pdf', 'PDF'), (req, reply) => sendApproval(req, reply, req.params.id, 'pdf'));

  // ---- The cycle -------------------------------------------------------------------------------

  r.get(
    '/pilots/:id/cycle',
    {
      config,
      schema: { tags: CYCLE, summary: '试点周期：阶段、时间安排、可办理事项与记录 The cycle: phase, calendar, allowed actions, history', params: c.pilotParams, response: ok(c.pilotCycleSchema, 401, 403, 404, 422) },
    },
    async (req) => cycleView(db, requireUser(req), req.server.clock(), req.params.id),
  );

  r.post(
    '/pilots/:id/transitions',
    {
      config,
      schema: {
        tags: CYCLE,
        summary: '阶段转换（启动中期评估、转入总结示范、确认示范城市）Move the pilot: open_midterm, open_summary, confirm_demonstration',
        description:
          'The rectification actions (order_rectification, submit_rectification_report, pass_rectification, suspend, cancel) are taken on the rectification case and answer 409 PILOT_TRANSITION_ELSEWHERE here. Guards answer 409 with their own code (PHASE_NOT_DUE, EVALUATION_MISSING, EVALUATION_FAILED…).',
        params: c.pilotParams,
        body: c.transitionBody,
        response: ok(c.pilotCycleSchema, 401, 403, 404, 409, 422),
      },
    },
    async (req) => requestTransition(db, requireUser(req), req.server.clock(), req.params.id, req.body),
  );

  r.patch(
    '/pilots/:id/reporting',
    {
      config: { permission: 'pilot.manage' },
      schema: {
        tags: CYCLE,
        summary: '设置进度报告频次（年度、半年、季度）Set the reporting frequency',
        params: c.pilotParams,
        body: c.reportingBody,
        response: ok(c.pilotCycleSchema, 401, 403, 404, 409, 422),
      },
    },
    async (req) => setReportFrequency(db, requireUser(req), req.server.clock(), req.params.id, req.body),
  );

  r.get(
    '/settings/pilot-schedule',
    { config, schema: { tags: CYCLE, summary: '试点阶段时间安排的默认设置 Default calendar of the phases', response: ok(c.scheduleSettingSchema, 401, 403) } },
    async () => {
      const s = await scheduleSetting(db);
      return { ...s.config, version: s.version };
    },
  );

  r.put(
    '/settings/pilot-schedule',
    {
      config: { permission: 'pilot.manage' },
      schema: {
        tags: CYCLE,
        summary: '修改阶段时间安排的默认设置（此后批复的试点生效）Change the default calendar (applies to pilots approved afterwards)',
        body: c.scheduleSettingSchema,
        response: ok(c.scheduleSettingSchema, 401, 403, 409, 422),
      },
    },
    async (req) => saveScheduleConfig(db, req.body, requireUser(req).id),
  );

  r.get(
    '/pilots/:id/contract-versions',
    {
      config,
      schema: { tags: CYCLE, summary: '目标任务的各版本（调整优化历史）Every version of the contract', params: c.pilotParams, response: ok(c.contractVersionListSchema, 401, 403, 404, 422) },
    },
    async (req) => ({ items: await contractVersions(db, requireUser(req), req.server.clock(), req.params.id) }),
  );

  // ---- The summary 总结示范 -----------------------------------------------------------------------

  r.get(
    '/pilots/:id/summary',
    { config, schema: { tags: CYCLE, summary: '总结报告与典型经验 The summary report and nominations', params: c.pilotParams, response: ok(c.summaryViewSchema, 401, 403, 404, 422) } },
    async (req) => summary.summaryView(db, requireUser(req), req.params.id),
  );

  r.put(
    '/pilots/:id/summary',
    {
      config: { permission: 'summary.write' },
      schema: { tags: CYCLE, summary: '保存总结报告草稿 Save the summary report draft', params: c.pilotParams, body: c.summaryBody, response: ok(c.summaryViewSchema, 401, 403, 404, 409, 422) },
    },
    async (req) => summary.saveSummary(db, requireUser(req), req.params.id, req.body),
  );

  r.post(
    '/pilots/:id/summary/submit',
    {
      config: { permission: 'summary.write' },
      schema: { tags: CYCLE, summary: '提交总结报告 Submit the summary report', params: c.pilotParams, body: c.summarySubmitBody, response: ok(c.summaryViewSchema, 401, 403, 404, 409, 422) },
    },
    async (req) => summary.submitSummary(db, requireUser(req), req.server.clock(), req.params.id, req.body),
  );

  r.post(
    '/pilots/:id/nominations',
    {
      config: { permission: 'summary.write' },
      schema: {
        tags: CYCLE,
        summary: '推荐典型经验（草稿，供案例库）Nominate typical experience (a draft for the case library)',
        params: c.pilotParams,
        body: c.nominationBody,
        response: { 201: c.nominationSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await summary.createNomination(db, requireUser(req), req.params.id, req.body)),
  );

  r.put(
    '/pilots/:id/nominations/:nominationId',
    {
      config: { permission: 'summary.write' },
      schema: { tags: CYCLE, summary: '修改典型经验草稿 Edit a nomination draft', params: c.nominationParams, body: c.nominationUpdateBody, response: ok(c.nominationSchema, 401, 403, 404, 409, 422) },
    },
    async (req) => summary.updateNomination(db, requireUser(req), req.params.id, req.params.nominationId, req.body),
  );

  r.delete(
    '/pilots/:id/nominations/:nominationId',
    {
      config: { permission: 'summary.write' },
      schema: { tags: CYCLE, summary: '撤回典型经验草稿 Withdraw a nomination draft', params: c.nominationParams, response: { 204: z.null().describe('Withdrawn'), ...errorResponses(401, 403, 404, 409, 422) } },
    },
    async (req, reply) => {
      await summary.deleteNomination(db, requireUser(req), req.params.id, req.params.nominationId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/pilots/:id/summary/files',
    {
      config: { permission: 'summary.write' },
      schema: {
        tags: CYCLE,
        summary: '上传总结报告附件（multipart 字段 file）Upload a summary file (multipart field "file")',
        consumes: ['multipart/form-data'],
        params: c.pilotParams,
        response: { 201: c.summaryFileSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const pilot = await visiblePilot(db, user, req.params.id);
      if (user.role !== 'city_applicant') throw new AppError('FORBIDDEN');
      if (!pilotAbilities(user, pilot).includes('writeSummary')) throw new AppError('PILOT_INVALID_TRANSITION', { state: pilot.state });
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new AppError('BAD_REQUEST');
      const buf = await file.toBuffer();
      if (file.file.truncated || buf.length > maxBytes) throw new AppError('FILE_TOO_LARGE');
      const filename = safeFilename(file.filename);
      const check = checkUpload(filename, buf);
      if (!check.ok) throw new AppError(check.reason);
      const sha256 = await storeBlob(uploadDir, buf);
      const id = await insertPilotFile(db, { pilotId: pilot.id, purpose: 'summary', sha256, filename, mimeType: check.mimeType, size: buf.length, uploadedBy: user.id });
      return reply.status(201).send({ id, filename, size: buf.length });
    },
  );

  r.get(
    '/pilots/:id/summary/files/:fileId',
    {
      config,
      schema: {
        tags: CYCLE,
        summary: '下载总结报告附件 Download a summary file',
        params: c.pilotFileParams,
        response: { 200: fileResponse('附件 The file, with the type it was stored as', ...STORED_TYPES), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const pilot = await visiblePilot(db, requireUser(req), req.params.id);
      const f = await getPilotFile(db, pilot.id, req.params.fileId, 'summary');
      if (!f) throw new AppError('NOT_FOUND');
      return sendBlob(reply, uploadDir, f);
    },
  );
}


