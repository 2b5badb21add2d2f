/**
 * The pilot's lifecycle through the API, under a manual clock: the calendar stored at approval,
 * every path of the lifecycle table (the mid-term opened when due, the summary after a passed
 * evaluation, rectification ordered, answered, passed and returned to its phase, suspension after the
 * deadline and cancellation, the demonstration city), the reporting frequency, the calendar setting,
 * the summary report and its nominations — and every refusal (401, 403, 404, 409, 422).
 * Evaluations and rectification cases are written straight into their tables: their own features
 * are tested elsewhere; what matters here is that the lifecycle reads them.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationRounds, evaluations, organisations, pilots, rectificationCases, users } from '../../src/db/schema.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval, transitionPilot } from '../../src/features/pilots/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import type { Actor } from '../../src/shared/roles/roles.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe.each(dbKinds())('pilot cycle on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2018-06-01T00:00:00Z'));
  const c: Record<string, Client> = {};
  let pilotId: string; // 杭州: the main path
  let otherId: string; // 湖州: rectification that fails, suspension, cancellation
  const ids: Record<string, string> = {};

  const cycle = async (u: string, id = pilotId) => {
    const res = await c[u]!.request('GET', `/api/v1/pilots/${id}/cycle`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const move = (u: string, action: string, version: number, id = pilotId) =>
    c[u]!.request('POST', `/api/v1/pilots/${id}/transitions`, { action, version, comment: `${action} 说明` });
  const actorOf = async (username: string): Promise<Actor> => {
    const [row] = await t.database.db
      .select({ id: users.id, role: users.role, organisationId: users.organisationId, divisionCode: organisations.divisionCode, authorityId: organisations.authorityId })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.username, username));
    return row as Actor;
  };
  /** A decided evaluation of the pilot, in a round of its own (one evaluation per pilot and round). */
  const evaluate = async (id: string, grade: string, kind = 'midterm') => {
    const [round] = await t.database.db
      .insert(evaluationRounds)
      .values({ kind, title: kind === 'final' ? '总结评估' : '中期评估', scheme: {}, deadline: '2020-03-31', openedBy: ids.guihuasi! })
      .returning({ id: evaluationRounds.id });
    await t.database.db.insert(evaluations).values({ roundId: round!.id, pilotId: id, status: 'decided', grade, totalScore: grade === 'fail' ? 50 : 80, decidedAt: clock(), decidedBy: ids.guihuasi });
  };
  const pilotVersion = async (id: string) => (await t.database.db.select({ v: pilots.version }).from(pilots).where(eq(pilots.id, id)))[0]!.v;

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    const db = t.database.db;
    for (const row of await db.select({ id: users.id, username: users.username }).from(users)) ids[row.username] = row.id;
    const make = async (city: Client, code: string, applicant: string, documentNo: string) => {
      const app = await receivedApplication({ city, province: c.zhejiang!, ministry: c.guihuasi! }, { code, applicant, title: `${applicant}实施方案` });
      return createPilotForApproval(db, { application: (await getApplication(db, app.id))!, documentNo, approvalDate: '2016-09-01', approvedBy: ids.guihuasi! });
    };
    pilotId = await make(c.hangzhou!, '330100', '杭州市人民政府', '工信部规函〔2016〕801号');
    otherId = await make(c.huzhou!, '330500', '湖州市人民政府', '工信部规函〔2016〕802号');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the calendar, contract version 1 and the approval event when the pilot is created', async () => {
    const view = await cycle('guihuasi');
    expect(view).toMatchObject({
      pilotId,
      state: 'implementation',
      resumePhase: null,
      version: 1,
      today: '2018-06-01',
      scheduleStored: true,
      reportFrequency: 'yearly',
      contractVersion: 1,
      schedule: {
        implementation: { start: '2016-09-01', end: '2018-06-30' },
        midterm: { start: '2018-07-01', end: '2018-12-31' },
        summary: { start: '2019-10-01', end: '2020-03-31' },
        completedFrom: '2020-04-01',
      },
    });
    expect(view.allowedActions).toEqual([
      { action: 'open_midterm', blockedBy: 'PHASE_NOT_DUE', via: 'transitions' },
      { action: 'order_rectification', blockedBy: 'EVALUATION_NOT_FAILED', via: 'rectification' },
    ]);
    expect(view.events.map((e: { action: string }) => e.action)).toEqual(['approve']);
    expect(view.events[0]).toMatchObject({ fromState: null, toState: 'implementation', actorName: '工信部规划司用户' });
    const versions = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/contract-versions`)).json().items;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, effectiveFromYear: 2017, name: '杭州市人民政府', cityCodes: ['330100'], cityNames: ['杭州市'], amendmentId: null, inForce: true });
    // Roles other than the planning department are offered no lifecycle action.
    for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi', 'lingdao']) expect((await cycle(u)).allowedActions, u).toEqual([]);
  });

  it('shows state, version and the lifecycle actions on the list and the detail', async () => {
    const item = (await c.guihuasi!.request('GET', '/api/v1/pilots')).json().items.find((p: { id: string }) => p.id === pilotId);
    expect(item).toMatchObject({ state: 'implementation', version: 1, contractVersion: 1, reportFrequency: 'yearly', abilities: ['downloadApproval', 'setReporting', 'decideAmendment'] });
    expect(item.lifecycleActions.map((a: { action: string }) => a.action)).toEqual(['open_midterm', 'order_rectification']);
    const detail = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}`)).json();
    expect(detail).toMatchObject({ state: 'implementation', lifecycleActions: [], abilities: ['downloadApproval', 'proposeAmendment'] });
  });

  it('refuses the cycle routes: 401 signed out, 403 without the permission, 404 outside the scope, 422 malformed', async () => {
    const gets = [`/api/v1/pilots/${pilotId}/cycle`, `/api/v1/pilots/${pilotId}/contract-versions`, `/api/v1/pilots/${pilotId}/summary`, '/api/v1/settings/pilot-schedule'];
    for (const url of gets) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/pilots/${pilotId}/transitions`, payload: { action: 'open_midterm', version: 1 } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/pilots/${pilotId}/reporting`, payload: { reportFrequency: 'quarterly', version: 1 } })).statusCode).toBe(401);
    for (const u of ['expert', 'admin']) {
      for (const url of gets) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(403);
      expect((await move(u, 'open_midterm', 1)).statusCode, u).toBe(403);
    }
    for (const u of ['wuhan', 'hubei']) {
      for (const url of gets.slice(0, 3)) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(404);
      expect((await move(u, 'open_midterm', 1)).statusCode, u).toBe(404);
    }
    expect((await c.guihuasi!.request('GET', `/api/v1/pilots/${NO_SUCH}/cycle`)).statusCode).toBe(404);
    expect((await move('guihuasi', 'open_midterm', 1, NO_SUCH)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', '/api/v1/pilots/not-a-uuid/cycle')).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `/api/v1/pilots/${pilotId}/transitions`, { action: 'fly', version: 1 })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `/api/v1/pilots/${pilotId}/transitions`, { action: 'open_midterm' })).statusCode).toBe(422);
  });

  it('refuses a transition by the wrong role (403), one served elsewhere, a stale version, the wrong phase and one not yet due (409)', async () => {
    for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi', 'lingdao']) {
      const res = await move(u, 'open_midterm', 1);
      expect(res.statusCode, u).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const elsewhere = await move('guihuasi', 'order_rectification', 1);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.code).toBe('PILOT_TRANSITION_ELSEWHERE');
    // The city's rectification report is its own action: the city is told it is not taken here.
    expect((await move('hangzhou', 'submit_rectification_report', 1)).json().error.code).toBe('PILOT_TRANSITION_ELSEWHERE');
    const stale = await move('guihuasi', 'open_midterm', 7);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    const wrong = await move('guihuasi', 'open_summary', 1);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('PILOT_INVALID_TRANSITION');
    expect((await move('guihuasi', 'confirm_demonstration', 1)).json().error.code).toBe('PILOT_INVALID_TRANSITION');
    const early = await move('guihuasi', 'open_midterm', 1);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('PHASE_NOT_DUE');
    expect(early.json().error.message['zh-CN']).toContain('尚未到');
    expect(await pilotVersion(pilotId)).toBe(1);
  });

  it('opens the mid-term evaluation once the clock reaches its start', async () => {
    clock.advanceDays(29); // 2018-06-30, the last day of implementation
    expect((await move('guihuasi', 'open_midterm', 1)).json().error.code).toBe('PHASE_NOT_DUE');
    clock.advanceDays(1); // 2018-07-01
    const view = await cycle('guihuasi');
    expect(view.allowedActions[0]).toEqual({ action: 'open_midterm', blockedBy: null, via: 'transitions' });
    const res = await move('guihuasi', 'open_midterm', 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'midterm', version: 2, today: '2018-07-01' });
    expect(res.json().events[0]).toMatchObject({ action: 'open_midterm', fromState: 'implementation', toState: 'midterm', comment: 'open_midterm 说明', data: { date: '2018-07-01' } });
    // The same request again is stale now.
    expect((await move('guihuasi', 'open_midterm', 1)).json().error.code).toBe('VERSION_CONFLICT');
  });

  it('moves to the summary only when due and after a passed evaluation of the mid-term', async () => {
    expect((await move('guihuasi', 'open_summary', 2)).json().error.code).toBe('PHASE_NOT_DUE');
    clock.set(new Date('2019-10-01T00:00:00+08:00'));
    expect((await move('guihuasi', 'open_summary', 2)).json().error.code).toBe('EVALUATION_MISSING');
    await evaluate(pilotId, 'fail');
    const failed = await move('guihuasi', 'open_summary', 2);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().error.code).toBe('EVALUATION_FAILED');
    expect((await cycle('guihuasi')).allowedActions).toEqual([
      { action: 'open_summary', blockedBy: 'EVALUATION_FAILED', via: 'transitions' },
      { action: 'order_rectification', blockedBy: null, via: 'rectification' },
    ]);
  });

  it('runs a rectification through transitionPilot: ordered, answered by the city, re-assessed, and back to the mid-term', async () => {
    const db = t.database.db;
    const ministry = await actorOf('guihuasi');
    const city = await actorOf('hangzhou');
    const now = clock();
    // Roles and scope hold for other features' callers too.
    await expect(transitionPilot(db, { pilotId, action: 'order_rectification', actor: city, now })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(transitionPilot(db, { pilotId, action: 'order_rectification', actor: await actorOf('wuhan'), now })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(transitionPilot(db, { pilotId, version: 1, action: 'order_rectification', actor: ministry, now })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const ordered = await transitionPilot(db, { pilotId, action: 'order_rectification', actor: ministry, now, data: { caseId: 'x' } });
    expect(ordered).toMatchObject({ from: 'midterm', state: 'rectification', resumePhase: 'midterm', version: 3 });
    const [kase] = await db
      .insert(rectificationCases)
      .values({ pilotId, origin: 'evaluation', findings: [], requiredActions: '补齐短板', deadline: '2020-09-30', resumePhase: 'midterm', openedBy: ids.guihuasi! })
      .returning({ id: rectificationCases.id });
    expect((await cycle('guihuasi')).allowedActions).toEqual([
      { action: 'pass_rectification', blockedBy: 'RECTIFICATION_REPORT_MISSING', via: 'rectification' },
      { action: 'suspend', blockedBy: 'RECTIFICATION_PENDING', via: 'rectification' },
    ]);
    expect((await cycle('hangzhou')).allowedActions).toEqual([{ action: 'submit_rectification_report', blockedBy: null, via: 'rectification' }]);
    await expect(transitionPilot(db, { pilotId, action: 'pass_rectification', actor: ministry, now })).rejects.toMatchObject({ code: 'RECTIFICATION_REPORT_MISSING' });
    await db.update(rectificationCases).set({ status: 'answered', response: '已整改', respondedAt: clock(), respondedBy: ids.hangzhou }).where(eq(rectificationCases.id, kase!.id));
    expect(await transitionPilot(db, { pilotId, action: 'submit_rectification_report', actor: city, now })).toMatchObject({ state: 'rectification', resumePhase: 'midterm', version: 4 });
    await expect(transitionPilot(db, { pilotId, action: 'pass_rectification', actor: ministry, now })).rejects.toMatchObject({ code: 'REASSESSMENT_MISSING' });
    await db.update(rectificationCases).set({ reassessmentGrade: 'fail', reassessedAt: clock() }).where(eq(rectificationCases.id, kase!.id));
    await expect(transitionPilot(db, { pilotId, action: 'pass_rectification', actor: ministry, now })).rejects.toMatchObject({ code: 'REASSESSMENT_FAILED' });
    await db.update(rectificationCases).set({ status: 'passed', reassessmentGrade: 'pass', reassessedAt: clock() }).where(eq(rectificationCases.id, kase!.id));
    // The route does not take it: it belongs to the case.
    expect((await move('guihuasi', 'pass_rectification', 4)).json().error.code).toBe('PILOT_TRANSITION_ELSEWHERE');
    expect(await transitionPilot(db, { pilotId, version: 4, action: 'pass_rectification', actor: ministry, now, comment: '复核合格' })).toMatchObject({
      from: 'rectification',
      state: 'midterm',
      resumePhase: null,
      version: 5,
    });
    const view = await cycle('guihuasi');
    expect(view.events.slice(0, 4).map((e: { action: string }) => e.action)).toEqual(['pass_rectification', 'submit_rectification_report', 'order_rectification', 'open_midterm']);
    expect(view.events[2].data).toMatchObject({ caseId: 'x', resumePhase: 'midterm' });
  });

  it('counts the passed re-assessment as the mid-term result, and opens the summary', async () => {
    clock.advanceDays(1); // 2019-10-02: what was decided before belongs to the mid-term
    const res = await move('guihuasi', 'open_summary', 5);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'summary', version: 6 });
    // A fresh phase: its own evaluation is needed before the demonstration city.
    expect((await cycle('guihuasi')).allowedActions).toEqual([
      { action: 'confirm_demonstration', blockedBy: 'EVALUATION_MISSING', via: 'transitions' },
      { action: 'order_rectification', blockedBy: 'EVALUATION_NOT_FAILED', via: 'rectification' },
    ]);
  });

  it('keeps the summary report as a draft by compare-and-set, submits it once, and keeps nominations as drafts', async () => {
    const url = `/api/v1/pilots/${pilotId}/summary`;
    expect((await c.hangzhou!.request('GET', url)).json()).toEqual({ report: null, nominations: [], abilities: ['edit', 'nominate'] });
    expect((await c.guihuasi!.request('GET', url)).json().abilities).toEqual([]);
    // Wrong role, another city, malformed, stale.
    expect((await c.zhejiang!.request('PUT', url, { body: 'x', version: 0 })).statusCode).toBe(403);
    expect((await c.guihuasi!.request('PUT', url, { body: 'x', version: 0 })).statusCode).toBe(403);
    expect((await c.wuhan!.request('PUT', url, { body: 'x', version: 0 })).statusCode).toBe(404);
    expect((await c.hangzhou!.request('PUT', url, { body: 42, version: 0 })).statusCode).toBe(422);
    expect((await c.hangzhou!.request('PUT', url, { body: '草稿', version: 3 })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.hangzhou!.request('PUT', url, { body: '草稿', fileIds: [NO_SUCH], version: 0 })).json().error.code).toBe('SUMMARY_FILE_INVALID');

    // An evidence file, checked by its bytes, then the draft that names it.
    const boundary = '----cycle';
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="总结附件.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await c.hangzhou!.request('POST', `${url}/files`, form, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as string;
    const draft = await c.hangzhou!.request('PUT', url, { body: '三年试点总结（草稿）', fileIds: [fileId], version: 0 });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().report).toMatchObject({ body: '三年试点总结（草稿）', status: 'draft', version: 1, files: [{ id: fileId, filename: '总结附件.pdf' }] });
    expect(draft.json().abilities).toEqual(['edit', 'submit', 'nominate']);
    const file = await c.zhejiang!.request('GET', `${url}/files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect((await c.wuhan!.request('GET', `${url}/files/${fileId}`)).statusCode).toBe(404);
    expect((await c.hangzhou!.request('PUT', url, { body: '草稿', version: 0 })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.hangzhou!.request('PUT', url, { body: '三年试点总结', fileIds: [fileId], version: 1 })).json().report.version).toBe(2);
    expect((await c.hangzhou!.request('POST', `${url}/submit`, { version: 1 })).json().error.code).toBe('VERSION_CONFLICT');
    const submitted = await c.hangzhou!.request('POST', `${url}/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().report).toMatchObject({ status: 'submitted', version: 3 });
    expect(submitted.json().report.submittedAt).toBe(clock().toISOString());
    expect((await c.hangzhou!.request('PUT', url, { body: '再改', version: 3 })).json().error.code).toBe('SUMMARY_ALREADY_SUBMITTED');
    expect((await c.hangzhou!.request('POST', `${url}/submit`, { version: 3 })).json().error.code).toBe('SUMMARY_ALREADY_SUBMITTED');

    const nominations = `/api/v1/pilots/${pilotId}/nominations`;
    expect((await c.hangzhou!.request('POST', nominations, { title: '', summary: 'x' })).statusCode).toBe(422);
    expect((await c.zhejiang!.request('POST', nominations, { title: '亩均论英雄', summary: 'x' })).statusCode).toBe(403);
    const created = await c.hangzhou!.request('POST', nominations, { title: '“亩均论英雄”改革', summary: '以亩均效益评价配置要素', body: '做法与成效' });
    expect(created.statusCode, created.body).toBe(201);
    const nid = created.json().id as string;
    expect(created.json()).toMatchObject({ status: 'draft', title: '“亩均论英雄”改革' });
    expect(created.json().version).toBe(1);
    const edited = await c.hangzhou!.request('PUT', `${nominations}/${nid}`, { title: '亩均效益评价', summary: '按六项指标分类施策', version: 1 });
    expect(edited.json()).toMatchObject({ title: '亩均效益评价', version: 2 });
    // A second edit made on version 1 is refused and the first stays; one without a version is malformed.
    const stale = await c.hangzhou!.request('PUT', `${nominations}/${nid}`, { title: '旧稿', summary: '旧稿', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.hangzhou!.request('PUT', `${nominations}/${nid}`, { title: '旧稿', summary: '旧稿' })).statusCode).toBe(422);
    expect((await c.hangzhou!.request('PUT', `${nominations}/${NO_SUCH}`, { title: 'x', summary: 'y', version: 1 })).statusCode).toBe(404);
    const extra = (await c.hangzhou!.request('POST', nominations, { title: '撤回的', summary: 'x' })).json().id as string;
    expect((await c.hangzhou!.request('DELETE', `${nominations}/${extra}`)).statusCode).toBe(204);
    expect((await c.hangzhou!.request('DELETE', `${nominations}/${extra}`)).statusCode).toBe(404);
    expect((await c.zhejiang!.request('GET', url)).json().nominations.map((n: { title: string }) => n.title)).toEqual(['亩均效益评价']);
  });

  it('confirms the demonstration city after a passed evaluation of the summary', async () => {
    await evaluate(pilotId, 'good', 'final');
    expect((await move('guihuasi', 'confirm_demonstration', 5)).json().error.code).toBe('VERSION_CONFLICT');
    const res = await move('guihuasi', 'confirm_demonstration', 6);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'completed', version: 7, allowedActions: [] });
    expect((await move('guihuasi', 'open_summary', 7)).json().error.code).toBe('PILOT_INVALID_TRANSITION');
    // Nominations stay open to a demonstration city; the report is closed.
    expect((await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/summary`)).json().abilities).toEqual(['nominate']);
  });

  it('sets the reporting frequency by compare-and-set (the ministry only, a running pilot only)', async () => {
    const url = `/api/v1/pilots/${otherId}/reporting`;
    for (const u of ['huzhou', 'zhejiang', 'zhuangbeisi', 'lingdao']) expect((await c[u]!.request('PATCH', url, { reportFrequency: 'quarterly', version: 1 })).statusCode, u).toBe(403);
    expect((await c.guihuasi!.request('PATCH', `/api/v1/pilots/${NO_SUCH}/reporting`, { reportFrequency: 'quarterly', version: 1 })).statusCode).toBe(404);
    expect((await c.guihuasi!.request('PATCH', url, { reportFrequency: 'monthly', version: 1 })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('PATCH', url, { reportFrequency: 'quarterly', version: 9 })).json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    const res = await c.guihuasi!.request('PATCH', url, { reportFrequency: 'quarterly', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reportFrequency: 'quarterly', version: 2 });
    expect(res.json().events[0]).toMatchObject({ action: 'set_report_frequency', data: { from: 'yearly', to: 'quarterly' } });
    expect((await c.guihuasi!.request('PATCH', `/api/v1/pilots/${pilotId}/reporting`, { reportFrequency: 'quarterly', version: 7 })).json().error.code).toBe('PILOT_CLOSED');
  });

  it('suspends a pilot only once the deadline has passed, then cancels it', async () => {
    const db = t.database.db;
    const ministry = await actorOf('guihuasi');
    // 湖州 is still in implementation (its calendar has long been due, but it failed its evaluation).
    await evaluate(otherId, 'fail');
    expect((await move('guihuasi', 'open_midterm', 2, otherId)).json().error.code).toBe('EVALUATION_FAILED');
    await transitionPilot(db, { pilotId: otherId, version: 2, action: 'order_rectification', actor: ministry, now: clock() });
    await db.insert(rectificationCases).values({ pilotId: otherId, origin: 'evaluation', findings: [], requiredActions: '限期整改', deadline: '2019-12-31', resumePhase: 'implementation', openedBy: ids.guihuasi! });
    await expect(transitionPilot(db, { pilotId: otherId, action: 'suspend', actor: ministry, now: clock() })).rejects.toMatchObject({ code: 'RECTIFICATION_PENDING' });
    clock.set(new Date('2019-12-31T12:00:00+08:00'));
    await expect(transitionPilot(db, { pilotId: otherId, action: 'suspend', actor: ministry, now: clock() })).rejects.toMatchObject({ code: 'RECTIFICATION_PENDING' });
    clock.set(new Date('2020-01-01T00:30:00+08:00')); // still 2019-12-31 in UTC, but the 1st in China
    expect((await cycle('guihuasi', otherId)).allowedActions.find((a: { action: string }) => a.action === 'suspend')).toEqual({ action: 'suspend', blockedBy: null, via: 'rectification' });
    expect(await transitionPilot(db, { pilotId: otherId, action: 'suspend', actor: ministry, now: clock(), comment: '逾期未完成整改' })).toMatchObject({ state: 'suspended', version: 4 });
    expect((await cycle('guihuasi', otherId)).allowedActions).toEqual([{ action: 'cancel', blockedBy: null, via: 'rectification' }]);
    expect((await move('guihuasi', 'cancel', 4, otherId)).json().error.code).toBe('PILOT_TRANSITION_ELSEWHERE');
    expect(await transitionPilot(db, { pilotId: otherId, version: 4, action: 'cancel', actor: ministry, now: clock() })).toMatchObject({ state: 'cancelled', version: 5 });
    await expect(transitionPilot(db, { pilotId: otherId, action: 'cancel', actor: ministry, now: clock() })).rejects.toMatchObject({ code: 'PILOT_INVALID_TRANSITION' });
    const list = (await c.huzhou!.request('GET', '/api/v1/pilots')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: otherId, state: 'cancelled', abilities: ['downloadApproval'] });
  });

  it('keeps the calendar defaults as a setting: read by all, changed by the planning department, used for new pilots', async () => {
    const url = '/api/v1/settings/pilot-schedule';
    expect((await c.hangzhou!.request('GET', url)).json()).toEqual({
      midterm: { periodYear: 2, startMonth: 7, months: 6 },
      summary: { periodYear: 3, startMonth: 10, months: 6 },
      rectificationMonths: 12,
      version: 0,
    });
    const next = { midterm: { periodYear: 2, startMonth: 9, months: 3 }, summary: { periodYear: 3, startMonth: 9, months: 4 }, rectificationMonths: 6, version: 0 };
    expect((await c.hangzhou!.request('PUT', url, next)).statusCode).toBe(403);
    expect((await c.zhuangbeisi!.request('PUT', url, next)).statusCode).toBe(403);
    expect((await c.guihuasi!.request('PUT', url, { ...next, summary: { periodYear: 2, startMonth: 10, months: 3 } })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('PUT', url, { ...next, rectificationMonths: 0 })).statusCode).toBe(422);
    const saved = await c.guihuasi!.request('PUT', url, next);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ...next, version: 1 });
    // Another save over version 0 is refused: the saved calendar stays.
    const stale = await c.guihuasi!.request('PUT', url, { ...next, rectificationMonths: 9 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.hangzhou!.request('GET', url)).json()).toEqual({ ...next, version: 1 });
    // A pilot stored without a calendar gets it from the current setting on read, and keeps it from its first transition.
    await t.database.db.update(pilots).set({ schedule: null }).where(and(eq(pilots.id, otherId)));
    const view = await cycle('guihuasi', otherId);
    expect(view).toMatchObject({ scheduleStored: false, schedule: { midterm: { start: '2018-09-01', end: '2018-11-30' }, summary: { start: '2019-09-01', end: '2019-12-31' }, completedFrom: '2020-01-01' } });
    // The stored calendar of 杭州 did not move.
    expect((await cycle('guihuasi')).schedule.midterm.start).toBe('2018-07-01');
  });
});
