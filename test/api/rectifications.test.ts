/**
 * Rectification 限期整改 through the HTTP layer, on both databases, under a manual clock:
 * - a case opened from off-track indicators → the city's answer with evidence → the province's
 *   opinion → a passing re-assessment, and the pilot back in the phase it left;
 * - a case opened from a 不合格 evaluation → a failed re-assessment → suspension (中止) → cancellation
 *   (通报取消) with its public notice as Word and PDF;
 * - the deadline passing on the clock, which lets the ministry suspend a case the city never answered;
 * and every refusal: 401, 403 (role), 404 (scope), 409 (stale version, wrong step), 422 (bad input).
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { evaluationRounds, evaluations, pilots, progressReports, reportValues, users } from '../../src/db/schema.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025rectification';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const FINDINGS = [{ kind: 'other', ref: null, text: '年度目标完成进度滞后。' }];

describe.each(dbKinds())('rectifications on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  const clock = manualClock(new Date('2018-06-01T02:00:00Z'));
  const c: Record<string, Client> = {};
  const pilot: Record<'hangzhou' | 'wuhan' | 'huzhou', string> = { hangzhou: '', wuhan: '', huzhou: '' };
  let ministryId: string;

  async function makePilot(city: Client, province: Client, code: string, applicant: string, documentNo: string) {
    const app = await receivedApplication({ city, province, ministry: c.guihuasi! }, { code, applicant, title: `${applicant}实施方案` });
    return createPilotForApproval(db, { application: (await getApplication(db, app.id))!, documentNo, approvalDate: '2016-09-01', approvedBy: ministryId });
  }

  /** A confirmed yearly report of 2017: R&D share far behind (off track), revenue on target. */
  async function confirmReport(pilotId: string) {
    const [r] = await db
      .insert(progressReports)
      .values({ pilotId, period: '2017', year: 2017, periodStart: '2017-01-01', periodEnd: '2017-12-31', dueDate: '2018-01-31', status: 'confirmed', confirmedAt: new Date() })
      .returning({ id: progressReports.id });
    await db.insert(reportValues).values([
      { reportId: r!.id, targetId: 't-innovation-rd', actual: 1.22, dataSource: '统计局' },
      { reportId: r!.id, targetId: 't-quality-revenue', actual: 4450, dataSource: '统计局' },
    ]);
  }

  async function failedEvaluation(pilotId: string) {
    const [round] = await db
      .insert(evaluationRounds)
      .values({ kind: 'midterm', title: '中期评估', scheme: {}, deadline: '2018-05-31', openedBy: ministryId })
      .returning({ id: evaluationRounds.id });
    const result = {
      total: 52.5,
      items: [{ id: 'innovation', label: { zh: '创新能力目标完成情况', en: 'Innovation' } }],
      weakItems: [{ id: 'innovation', score: 20, reasons: ['lowest', 'below_pass'] }],
    };
    const [e] = await db
      .insert(evaluations)
      .values({ roundId: round!.id, pilotId, status: 'decided', grade: 'fail', totalScore: 52.5, result, decidedAt: new Date(), decidedBy: ministryId })
      .returning({ id: evaluations.id });
    return e!.id;
  }

  const pilotRow = async (id: string) => (await db.select().from(pilots).where(eq(pilots.id, id)))[0]!;

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    ministryId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi')))[0]!.id;
    pilot.hangzhou = await makePilot(c.hangzhou!, c.zhejiang!, '330100', '杭州市人民政府', '工信部规函〔2016〕801号');
    pilot.wuhan = await makePilot(c.wuhan!, c.hubei!, '420100', '武汉市人民政府', '工信部规函〔2016〕802号');
    pilot.huzhou = await makePilot(c.huzhou!, c.zhejiang!, '330500', '湖州市人民政府', '工信部规函〔2016〕803号');
  });
  afterAll(async () => {
    await t?.close();
  });

  const base = '/api/v1';

  describe('from off-track indicators to a passed re-assessment', () => {
    let caseId: string;
    let version: number;
    let fileId: string;

    it('refuses the signed-out, the roles without the permission, and other cities and provinces', async () => {
      for (const url of [`${base}/pilots/${pilot.hangzhou}/rectifications`, `${base}/notices`, `${base}/rectifications/${NO_SUCH}`]) {
        expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
      expect((await t.app.inject({ method: 'POST', url: `${base}/pilots/${pilot.hangzhou}/rectifications`, payload: { version: 1, findings: FINDINGS, requiredActions: '整改' } })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: `${base}/rectifications/${NO_SUCH}/suspend`, payload: { version: 1, comment: '中止' } })).statusCode).toBe(401);
      for (const u of ['expert', 'admin']) expect((await c[u]!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications`)).statusCode, u).toBe(403);
      for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi', 'lingdao']) {
        const res = await c[u]!.request('POST', `${base}/pilots/${pilot.hangzhou}/rectifications`, { version: 1, findings: FINDINGS, requiredActions: '整改' });
        expect(res.statusCode, u).toBe(403);
        expect((await c[u]!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications/proposal`)).statusCode, u).toBe(403);
      }
      for (const u of ['wuhan', 'hubei']) expect((await c[u]!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications`)).statusCode, u).toBe(404);
      expect((await c.guihuasi!.request('GET', `${base}/pilots/${NO_SUCH}/rectifications`)).statusCode).toBe(404);
      expect((await c.guihuasi!.request('GET', `${base}/pilots/not-a-uuid/rectifications`)).statusCode).toBe(422);
    });

    it('proposes nothing and refuses to open a case while no indicator is off track', async () => {
      const proposal = (await c.guihuasi!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications/proposal`)).json();
      expect(proposal).toMatchObject({ origin: 'indicators', evaluation: null, findings: [], indicatorsOffTrack: false, deadline: '2019-06-01' });
      const res = await c.guihuasi!.request('POST', `${base}/pilots/${pilot.hangzhou}/rectifications`, { version: 1, findings: FINDINGS, requiredActions: '整改' });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('EVALUATION_NOT_FAILED');
      expect((await c.guihuasi!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications`)).json()).toEqual({ items: [], abilities: ['open'] });
    });

    it('prefills the findings from the confirmed figures: the off-track indicator only', async () => {
      await confirmReport(pilot.hangzhou);
      const proposal = (await c.guihuasi!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications/proposal`)).json();
      expect(proposal.indicatorsOffTrack).toBe(true);
      expect(proposal.findings).toHaveLength(1);
      expect(proposal.findings[0]).toMatchObject({ kind: 'indicator', ref: 't-innovation-rd' });
      expect(proposal.findings[0].text).toContain('2017年应达到1.4%，实际为1.22%');
    });

    it('refuses bad input (422), a stale version and a deadline in the past', async () => {
      const url = `${base}/pilots/${pilot.hangzhou}/rectifications`;
      expect((await c.guihuasi!.request('POST', url, { version: 1, findings: [], requiredActions: '整改' })).statusCode).toBe(422);
      expect((await c.guihuasi!.request('POST', url, { version: 1, findings: FINDINGS, requiredActions: ' ' })).statusCode).toBe(422);
      expect((await c.guihuasi!.request('POST', url, { version: 1, findings: FINDINGS, requiredActions: '整改', deadline: '2019-02-30x' })).statusCode).toBe(422);
      const past = await c.guihuasi!.request('POST', url, { version: 1, findings: FINDINGS, requiredActions: '整改', deadline: '2018-06-01' });
      expect(past.statusCode).toBe(422);
      expect(past.json().error.code).toBe('RECTIFICATION_DEADLINE_INVALID');
      const stale = await c.guihuasi!.request('POST', url, { version: 7, findings: FINDINGS, requiredActions: '整改' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
      const foreign = await c.guihuasi!.request('POST', url, { version: 1, findings: FINDINGS, requiredActions: '整改', evaluationId: NO_SUCH });
      expect(foreign.statusCode).toBe(422);
    });

    it('opens the case: the pilot enters rectification, remembering its phase, with the default deadline', async () => {
      const proposal = (await c.guihuasi!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications/proposal`)).json();
      const res = await c.guihuasi!.request('POST', `${base}/pilots/${pilot.hangzhou}/rectifications`, {
        version: 1,
        findings: proposal.findings,
        requiredActions: '加大研发投入，落实研发费用加计扣除政策。',
        comment: '指标滞后',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        origin: 'indicators',
        status: 'open',
        deadline: '2019-06-01',
        overdue: false,
        resumePhase: 'implementation',
        pilot: { id: pilot.hangzhou, state: 'rectification', version: 2 },
        abilities: [],
      });
      caseId = body.id;
      version = body.version;
      expect((await pilotRow(pilot.hangzhou)).state).toBe('rectification');
      expect((await c.hangzhou!.request('GET', `${base}/rectifications/${caseId}`)).json().abilities).toEqual(['answer', 'uploadEvidence']);
      expect((await c.zhejiang!.request('GET', `${base}/rectifications/${caseId}`)).json().abilities).toEqual([]);
      expect((await c.lingdao!.request('GET', `${base}/rectifications/${caseId}`)).json().abilities).toEqual([]);
      for (const u of ['wuhan', 'hubei']) expect((await c[u]!.request('GET', `${base}/rectifications/${caseId}`)).statusCode, u).toBe(404);
      // No second case while the first runs: the pilot is no longer in a phase.
      const again = await c.guihuasi!.request('POST', `${base}/pilots/${pilot.hangzhou}/rectifications`, { version: 2, findings: FINDINGS, requiredActions: '整改' });
      expect(again.statusCode).toBe(409);
      expect((await c.guihuasi!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications`)).json().abilities).toEqual([]);
    });

    it('takes the city’s evidence, refusing others and wrong files', async () => {
      const m = multipart('整改佐证 研发投入.pdf', PDF);
      expect((await c.zhejiang!.request('POST', `${base}/rectifications/${caseId}/evidence`, m.body, m.headers)).statusCode).toBe(403);
      expect((await c.wuhan!.request('POST', `${base}/rectifications/${caseId}/evidence`, m.body, m.headers)).statusCode).toBe(404);
      const exe = multipart('x.pdf', Buffer.from('MZ\x90\x00not a pdf'));
      expect((await c.hangzhou!.request('POST', `${base}/rectifications/${caseId}/evidence`, exe.body, exe.headers)).statusCode).toBe(415);
      const res = await c.hangzhou!.request('POST', `${base}/rectifications/${caseId}/evidence`, m.body, m.headers);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ filename: '整改佐证 研发投入.pdf', mimeType: 'application/pdf', size: PDF.length });
      fileId = res.json().id;
      const dl = await c.hangzhou!.request('GET', `${base}/rectifications/${caseId}/evidence/${fileId}`);
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(PDF)).toBe(true);
    });

    it('takes the city’s answer: refusals first, then the report is on record', async () => {
      const url = `${base}/rectifications/${caseId}/answer`;
      const body = { version, response: '已出台研发投入奖补办法，2018年上半年研发投入同比增长15%。', fileIds: [fileId] };
      expect((await c.zhejiang!.request('POST', url, body)).statusCode).toBe(403);
      expect((await c.guihuasi!.request('POST', url, body)).statusCode).toBe(403);
      expect((await c.wuhan!.request('POST', url, body)).statusCode).toBe(404);
      expect((await c.hangzhou!.request('POST', url, { ...body, response: '' })).statusCode).toBe(422);
      const badFile = await c.hangzhou!.request('POST', url, { ...body, fileIds: [NO_SUCH] });
      expect(badFile.statusCode).toBe(422);
      expect(badFile.json().error.code).toBe('RECTIFICATION_FILE_INVALID');
      expect((await c.hangzhou!.request('POST', url, { ...body, version: version + 5 })).statusCode).toBe(409);
      const res = await c.hangzhou!.request('POST', url, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'answered', response: body.response, abilities: [] });
      expect(res.json().evidence.map((f: { id: string }) => f.id)).toEqual([fileId]);
      version = res.json().version;
      const again = await c.hangzhou!.request('POST', url, { ...body, version });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('RECTIFICATION_INVALID_STATE');
      // The province and the ministry now see the evidence the answer names.
      expect((await c.zhejiang!.request('GET', `${base}/rectifications/${caseId}/evidence/${fileId}`)).statusCode).toBe(200);
    });

    it('takes the province’s opinion, then the ministry’s passing re-assessment returns the pilot to its phase', async () => {
      const reassess = { version, reassessment: '整改到位。', grade: 'pass' };
      const early = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/reassess`, reassess);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('RECTIFICATION_INVALID_STATE');
      const early2 = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version, comment: '中止' });
      expect(early2.statusCode).toBe(409);

      const url = `${base}/rectifications/${caseId}/opinion`;
      expect((await c.hangzhou!.request('POST', url, { version, opinion: '同意' })).statusCode).toBe(403);
      expect((await c.hubei!.request('POST', url, { version, opinion: '同意' })).statusCode).toBe(404);
      expect((await c.zhejiang!.request('POST', url, { version, opinion: '' })).statusCode).toBe(422);
      const op = await c.zhejiang!.request('POST', url, { version, opinion: '经核实，整改措施已落实。' });
      expect(op.statusCode, op.body).toBe(200);
      expect(op.json()).toMatchObject({ status: 'province_reviewed', provinceOpinion: '经核实，整改措施已落实。' });
      version = op.json().version;
      expect((await c.guihuasi!.request('GET', `${base}/rectifications/${caseId}`)).json().abilities).toEqual(['reassess']);

      expect((await c.zhuangbeisi!.request('POST', `${base}/rectifications/${caseId}/reassess`, { ...reassess, version })).statusCode).toBe(403);
      expect((await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/reassess`, { ...reassess, version, grade: 'excellent!' })).statusCode).toBe(422);
      expect((await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/reassess`, { ...reassess, version: version - 1 })).statusCode).toBe(409);
      const res = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/reassess`, { ...reassess, version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'passed', reassessmentGrade: 'pass', pilot: { state: 'implementation' }, abilities: [] });
      const row = await pilotRow(pilot.hangzhou);
      expect(row).toMatchObject({ state: 'implementation', resumePhase: null });
      // A new case may be opened again, now that the pilot is back in its phase.
      expect((await c.guihuasi!.request('GET', `${base}/pilots/${pilot.hangzhou}/rectifications`)).json().abilities).toEqual(['open']);
    });

    it('audits every step in the pilot’s history', async () => {
      const { pilotEvents } = await import('../../src/db/schema.js');
      const events = await db.select().from(pilotEvents).where(eq(pilotEvents.pilotId, pilot.hangzhou));
      const actions = events.map((e) => e.action);
      for (const a of ['order_rectification', 'rectification_evidence', 'submit_rectification_report', 'rectification_opinion', 'pass_rectification']) expect(actions, a).toContain(a);
      const pass = events.find((e) => e.action === 'pass_rectification')!;
      expect(pass).toMatchObject({ fromState: 'rectification', toState: 'implementation' });
      expect(pass.data).toMatchObject({ caseId, grade: 'pass' });
    });
  });

  describe('from a failed evaluation to suspension and cancellation with a notice', () => {
    let caseId: string;
    let version: number;
    let evaluationId: string;

    it('prefills the evaluation’s grade and weak items, and refuses another pilot’s evaluation', async () => {
      evaluationId = await failedEvaluation(pilot.wuhan);
      const proposal = (await c.guihuasi!.request('GET', `${base}/pilots/${pilot.wuhan}/rectifications/proposal?evaluationId=${evaluationId}`)).json();
      expect(proposal).toMatchObject({ origin: 'evaluation', evaluation: { id: evaluationId, grade: 'fail', totalScore: 52.5 } });
      expect(proposal.findings.map((f: { kind: string }) => f.kind)).toEqual(['evaluation', 'evaluation_item']);
      expect(proposal.findings[1].text).toContain('创新能力目标完成情况：得分20分，低于合格线');
      const hangzhouVersion = (await pilotRow(pilot.hangzhou)).version;
      const foreign = await c.guihuasi!.request('POST', `${base}/pilots/${pilot.hangzhou}/rectifications`, { version: hangzhouVersion, evaluationId, findings: FINDINGS, requiredActions: '整改' });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().error.code).toBe('RECTIFICATION_EVALUATION_INVALID');
      const res = await c.guihuasi!.request('POST', `${base}/pilots/${pilot.wuhan}/rectifications`, {
        version: 1,
        evaluationId,
        findings: proposal.findings,
        requiredActions: '全面对照中期评估意见整改。',
        deadline: '2018-12-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ origin: 'evaluation', evaluation: { id: evaluationId }, deadline: '2018-12-31', status: 'open' });
      caseId = res.json().id;
      version = res.json().version;
    });

    it('fails the re-assessment, which lets the ministry suspend and only then cancel', async () => {
      version = (await c.wuhan!.request('POST', `${base}/rectifications/${caseId}/answer`, { version, response: '正在整改。' })).json().version;
      version = (await c.hubei!.request('POST', `${base}/rectifications/${caseId}/opinion`, { version, opinion: '整改不到位。' })).json().version;
      const fail = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/reassess`, { version, reassessment: '整改仍未达到要求。', grade: 'fail' });
      expect(fail.statusCode, fail.body).toBe(200);
      expect(fail.json()).toMatchObject({ status: 'failed', reassessmentGrade: 'fail', pilot: { state: 'rectification' }, abilities: ['suspend'] });
      version = fail.json().version;

      const early = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/cancel`, { version, comment: '取消' });
      expect(early.statusCode).toBe(409);
      expect((await c.wuhan!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version, comment: '中止' })).statusCode).toBe(403);
      expect((await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version, comment: '' })).statusCode).toBe(422);
      expect((await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version: version + 1, comment: '中止' })).statusCode).toBe(409);
      const sus = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version, comment: '整改复核不合格，中止试点。' });
      expect(sus.statusCode, sus.body).toBe(200);
      expect(sus.json()).toMatchObject({ status: 'failed', pilot: { state: 'suspended' }, abilities: ['cancel'], notice: null });
      version = sus.json().version;
    });

    it('cancels the pilot and issues the 通报, published, as Word and PDF', async () => {
      expect((await c.zhuangbeisi!.request('POST', `${base}/rectifications/${caseId}/cancel`, { version, comment: '取消' })).statusCode).toBe(403);
      expect((await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/cancel`, { version: version - 1, comment: '取消' })).statusCode).toBe(409);
      clock.advanceDays(30);
      const res = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/cancel`, { version, comment: '通报取消。' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ pilot: { state: 'cancelled' }, abilities: [] });
      expect(body.notice).toMatchObject({ kind: 'cancellation', pilotId: pilot.wuhan, documentNo: '工信部规〔2018〕101号', issuedOn: '2018-07-01', published: true });
      expect(body.notice.title).toBe('工业和信息化部关于取消武汉市“中国制造2025”试点示范城市资格的通报');
      expect(body.notice.body).toContain('2016年9月1日，我部批复同意武汉市');
      expect(body.notice.body).toContain('2018年6月1日，我部责令其限期整改，整改期限至2018年12月31日。经复核，整改仍未达到要求。');
      expect(body.notice.body).toContain('我部于2018年6月1日中止了武汉市试点示范工作');
      expect((await pilotRow(pilot.wuhan)).state).toBe('cancelled');
      const noticeId = body.notice.id as string;

      for (const u of ['hangzhou', 'hubei', 'lingdao', 'guihuasi']) {
        const list = await c[u]!.request('GET', `${base}/notices`);
        expect(list.statusCode, u).toBe(200);
        expect(list.json().items.map((n: { id: string }) => n.id), u).toContain(noticeId);
      }
      expect((await c.expert!.request('GET', `${base}/notices`)).statusCode).toBe(403);
      const docx = await c.hangzhou!.request('GET', `${base}/notices/${noticeId}.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      expect(docx.headers['content-disposition']).toContain('filename="notice-2018-07-01.docx"');
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('工信部规〔2018〕101号');
      const pdf = await c.lingdao!.request('GET', `${base}/notices/${noticeId}.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await c.hangzhou!.request('GET', `${base}/notices/${noticeId}`)).json()).toMatchObject({ id: noticeId, published: true });
      expect((await c.hangzhou!.request('GET', `${base}/notices/${NO_SUCH}.pdf`)).statusCode).toBe(404);
      // The document number is taken now.
      const events = await c.guihuasi!.request('GET', `${base}/rectifications/${caseId}`);
      expect(events.json().notice.id).toBe(noticeId);
    });
  });

  describe('the deadline passing on the clock', () => {
    let caseId: string;
    let version: number;

    it('lets the ministry suspend a case the city left unanswered, and an unpublished notice stays inside the ministry', async () => {
      await confirmReport(pilot.huzhou);
      // The default deadline follows the configured rectification period (here 6 months instead of 12).
      const schedule = (await c.guihuasi!.request('GET', `${base}/settings/pilot-schedule`)).json();
      expect((await c.guihuasi!.request('PUT', `${base}/settings/pilot-schedule`, { ...schedule, rectificationMonths: 6 })).statusCode).toBe(200);
      const proposal = (await c.guihuasi!.request('GET', `${base}/pilots/${pilot.huzhou}/rectifications/proposal`)).json();
      expect(proposal.deadline).toBe('2019-01-01');
      const res = await c.guihuasi!.request('POST', `${base}/pilots/${pilot.huzhou}/rectifications`, {
        version: 1,
        findings: proposal.findings,
        requiredActions: '限期提高研发投入强度。',
        deadline: '2018-09-30',
      });
      expect(res.statusCode, res.body).toBe(201);
      caseId = res.json().id;
      version = res.json().version;
      const early = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version, comment: '逾期未整改' });
      expect(early.statusCode).toBe(409);

      clock.set(new Date('2018-09-30T12:00:00Z')); // still 2018-09-30 in China until 16:00 UTC
      expect((await c.guihuasi!.request('GET', `${base}/rectifications/${caseId}`)).json()).toMatchObject({ overdue: false, abilities: [] });
      clock.set(new Date('2018-09-30T16:30:00Z')); // 2018-10-01 in China
      const late = (await c.guihuasi!.request('GET', `${base}/rectifications/${caseId}`)).json();
      expect(late).toMatchObject({ overdue: true, abilities: ['suspend'] });
      const sus = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/suspend`, { version, comment: '逾期未提交整改报告，中止试点。' });
      expect(sus.statusCode, sus.body).toBe(200);
      expect(sus.json()).toMatchObject({ status: 'failed', overdue: false, pilot: { state: 'suspended' }, abilities: ['cancel'] });
      version = sus.json().version;
      const answer = await c.huzhou!.request('POST', `${base}/rectifications/${caseId}/answer`, { version, response: '迟到的报告' });
      expect(answer.statusCode).toBe(409);

      const taken = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/cancel`, { version, comment: '取消', documentNo: '工信部规〔2018〕101号' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('NOTICE_DOCUMENT_NO_TAKEN');
      const cancel = await c.guihuasi!.request('POST', `${base}/rectifications/${caseId}/cancel`, { version, comment: '取消', publish: false });
      expect(cancel.statusCode, cancel.body).toBe(200);
      const notice = cancel.json().notice;
      expect(notice).toMatchObject({ documentNo: '工信部规〔2018〕102号', published: false, publishedAt: null });
      expect(notice.body).toContain('整改期限届满，湖州市未按要求完成整改。');
      expect((await c.huzhou!.request('GET', `${base}/notices`)).json().items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
      expect((await c.huzhou!.request('GET', `${base}/notices/${notice.id}.docx`)).statusCode).toBe(404);
      expect((await c.huzhou!.request('GET', `${base}/rectifications/${caseId}`)).json().notice).toBeNull();
      expect((await c.zhuangbeisi!.request('GET', `${base}/notices`)).json().items.map((n: { id: string }) => n.id)).toContain(notice.id);
    });
  });
});
