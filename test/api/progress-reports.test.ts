/**
 * Progress reports through the HTTP layer, on both databases: the reporting calendar, every path of a
 * report (save, submit, return, resubmit, confirm, correct) and every refusal (401, 403, 404 outside
 * the scope, 409 stale version or wrong status or period not begun, 422 bad input, a correction
 * without a reason, confirming twice), evidence files, the "what is due" lists, and the reminders
 * sent exactly once per report and offset under a manual clock.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, notifications, pilots, users } from '../../src/db/schema.js';
import { updateUser } from '../../src/features/accounts/accounts.queries.js';
import type { OutgoingEmail } from '../../src/features/notifications/mail-transport.js';
import { sendOutboxEmail } from '../../src/features/notifications/outbox.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { reportReminderSweep } from '../../src/features/progress-reports/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----mic2025reports';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const TARGETS = makeCompletePlan().targets;
const fullValues = (bump = 0) => TARGETS.map((t, i) => ({ targetId: t.id, actual: 10 + i + bump, dataSource: '市统计局', note: '', evidenceFileIds: [] as string[] }));

describe.each(dbKinds())('progress reports on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2018-01-20T02:00:00Z'));
  const c: Record<string, Client> = {};
  let pilotId: string;
  let wuhanPilotId: string;
  const reportIds: Record<string, string> = {};

  async function makePilot(city: Client, province: Client, code: string, applicant: string, documentNo: string) {
    const app = await receivedApplication({ city, province, ministry: c.guihuasi! }, { code, applicant, title: `${applicant}实施方案` });
    const db = t.database.db;
    const [approver] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    return createPilotForApproval(db, { application: (await getApplication(db, app.id))!, documentNo, approvalDate: '2016-09-01', approvedBy: approver!.id });
  }

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    pilotId = await makePilot(c.hangzhou!, c.zhejiang!, '330100', '杭州市人民政府', '工信部规函〔2016〕801号');
    wuhanPilotId = await makePilot(c.wuhan!, c.hubei!, '420100', '武汉市人民政府', '工信部规函〔2016〕802号');
    const list = await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/reports`);
    for (const item of list.json().items as { id: string; period: string }[]) reportIds[item.period] = item.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (who: string, id: string) => c[who]!.request('GET', `/api/v1/reports/${id}`);
  const current = async (id: string) => (await get('hangzhou', id)).json() as { version: number; status: string };

  it('refuses the signed-out with 401 on every route', async () => {
    const id = reportIds['2017']!;
    const routes: [string, string][] = [
      ['GET', `/api/v1/pilots/${pilotId}/reports`],
      ['GET', '/api/v1/reports'],
      ['GET', `/api/v1/reports/${id}`],
      ['PUT', `/api/v1/reports/${id}`],
      ['POST', `/api/v1/reports/${id}/submit`],
      ['POST', `/api/v1/reports/${id}/confirm`],
      ['POST', `/api/v1/reports/${id}/return`],
      ['POST', `/api/v1/reports/${id}/corrections`],
      ['POST', `/api/v1/reports/${id}/evidence`],
      ['GET', `/api/v1/reports/${id}/evidence/${NO_SUCH}`],
      ['GET', `/api/v1/reports/${id}/template.xlsx`],
      ['POST', `/api/v1/reports/${id}/import`],
    ];
    // A body every schema accepts, so that the session check is what refuses.
    const body = { version: 1, opinion: '同意', reasons: '退回', targetId: 't', actual: 1, dataSource: 's', reason: 'r' };
    for (const [method, url] of routes) expect((await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : body })).statusCode, `${method} ${url}`).toBe(401);
  });

  it('creates one report per period, once, with due dates and where today stands', async () => {
    const res = await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/reports`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.pilot).toMatchObject({ id: pilotId, reportFrequency: 'yearly', periodStartYear: 2017, periodEndYear: 2019 });
    expect(body.items.map((i: { period: string; dueDate: string; timing: string; status: string }) => [i.period, i.dueDate, i.timing, i.status])).toEqual([
      ['2017', '2018-01-31', 'due', 'draft'],
      ['2018', '2019-01-31', 'current', 'draft'],
      ['2019', '2020-01-31', 'upcoming', 'draft'],
    ]);
    expect(body.items[0]).toMatchObject({ overdue: false, daysUntilDue: 11, periodText: { zh: '2017年度', en: '2017' }, abilities: ['open', 'edit', 'submit', 'uploadEvidence', 'import'] });
    expect(body.items[2].abilities).toEqual(['open']);
    // Asking again creates nothing new.
    const again = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json();
    expect(again.items.map((i: { id: string }) => i.id)).toEqual(body.items.map((i: { id: string }) => i.id));
  });

  it('shows the calendar to the province and the ministry, but not the figures of an unconfirmed report to the ministry', async () => {
    const prov = (await c.zhejiang!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json();
    expect(prov.items[0].abilities).toEqual(['open']);
    const min = await c.guihuasi!.request('GET', `/api/v1/pilots/${pilotId}/reports`);
    expect(min.statusCode).toBe(200);
    expect(min.json().items[0].abilities).toEqual([]);
    expect((await get('guihuasi', reportIds['2017']!)).statusCode).toBe(404);
    expect((await get('zhejiang', reportIds['2017']!)).statusCode).toBe(200);
  });

  it('answers 404 for another city’s or province’s pilot, 403 for roles without reports, 422 for a malformed id', async () => {
    for (const u of ['wuhan', 'hubei']) {
      expect((await c[u]!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).statusCode, u).toBe(404);
      expect((await get(u, reportIds['2017']!)).statusCode, u).toBe(404);
      expect((await c[u]!.request('GET', `/api/v1/reports/${reportIds['2017']}/template.xlsx`)).statusCode, u).toBe(404);
    }
    expect((await c.wuhan!.request('PUT', `/api/v1/reports/${reportIds['2017']}`, { version: 1, values: [] })).statusCode).toBe(404);
    expect((await c.hubei!.request('POST', `/api/v1/reports/${reportIds['2017']}/return`, { version: 1, reasons: 'x' })).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `/api/v1/pilots/${NO_SUCH}/reports`)).statusCode).toBe(404);
    expect((await get('hangzhou', NO_SUCH)).statusCode).toBe(404);
    expect((await get('hangzhou', 'not-a-uuid')).statusCode).toBe(422);
    for (const u of ['expert', 'admin']) {
      expect((await c[u]!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).statusCode, u).toBe(403);
      expect((await c[u]!.request('GET', '/api/v1/reports')).statusCode, u).toBe(403);
    }
    // Wrong role for the action.
    expect((await c.zhejiang!.request('PUT', `/api/v1/reports/${reportIds['2017']}`, { version: 1 })).statusCode).toBe(403);
    expect((await c.guihuasi!.request('POST', `/api/v1/reports/${reportIds['2017']}/submit`, { version: 1 })).statusCode).toBe(403);
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${reportIds['2017']}/confirm`, { version: 1, opinion: '同意' })).statusCode).toBe(403);
    expect((await c.lingdao!.request('POST', `/api/v1/reports/${reportIds['2017']}/corrections`, { targetId: 'x', actual: 1, dataSource: 's', reason: 'r' })).statusCode).toBe(403);
  });

  it('gives every indicator of the contract with the value required that year, and every task of the plan', async () => {
    const res = await get('hangzhou', reportIds['2017']!);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.values).toHaveLength(TARGETS.length);
    expect(r.values.find((v: { targetId: string }) => v.targetId === 't-innovation-rd')).toMatchObject({ required: 1.4, finalTarget: 1.8, actual: null, unit: '%' });
    expect(r.values.find((v: { targetId: string }) => v.targetId === 't-innovation-centres')).toMatchObject({ required: 6, finalTarget: 20 });
    expect(r.tasks).toHaveLength(makeCompletePlan().taskDivision.length);
    expect(r.tasks[0]).toMatchObject({ taskIndex: 0, status: 'not_started', narrative: '' });
    expect(r.contractVersion).toBe(1);
  });

  it('saves with compare-and-set, and refuses a stale version, an unknown indicator, bad input and a period not begun', async () => {
    const id = reportIds['2017']!;
    const first = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, {
      version: 1,
      narrative: '总体进展顺利',
      values: [{ targetId: 't-innovation-rd', actual: 1.45, dataSource: '市统计局《统计年鉴》', note: '快报数' }],
      tasks: [{ taskIndex: 0, status: 'done', narrative: '已成立领导小组' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, narrative: '总体进展顺利' });
    expect(first.json().values.find((v: { targetId: string }) => v.targetId === 't-innovation-rd')).toMatchObject({ actual: 1.45, note: '快报数' });
    expect(first.json().tasks[0]).toMatchObject({ status: 'done', narrative: '已成立领导小组' });

    const stale = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: 1, narrative: '旧' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const unknown = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: 2, values: [{ targetId: 'no-such', actual: 1, dataSource: 'x' }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('REPORT_TARGET_UNKNOWN');
    for (const body of [{ values: [] }, { version: 2, values: [{ targetId: 't-innovation-rd', actual: 'many', dataSource: '' }] }, { version: 2, tasks: [{ taskIndex: 0, status: 'finished' }] }, { version: 2, tasks: [{ taskIndex: 99, status: 'done' }] }]) {
      const res = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    const evidence = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: 2, values: [{ targetId: 't-innovation-rd', actual: 1, dataSource: 'x', evidenceFileIds: [NO_SUCH] }] });
    expect(evidence.json().error.code).toBe('REPORT_EVIDENCE_UNKNOWN');
    expect((await current(id)).version).toBe(2);

    const future = await c.hangzhou!.request('PUT', `/api/v1/reports/${reportIds['2019']}`, { version: 1, narrative: '提前' });
    expect(future.statusCode).toBe(409);
    expect(future.json().error.code).toBe('REPORT_PERIOD_NOT_OPEN');
  });

  it('stores evidence by content hash, checks its type by bytes, and serves it only within the scope', async () => {
    const id = reportIds['2017']!;
    const m = multipart('统计快报.pdf', PDF, 'application/pdf');
    const up = await c.hangzhou!.request('POST', `/api/v1/reports/${id}/evidence`, m.body, m.headers);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ filename: '统计快报.pdf', mimeType: 'application/pdf', size: PDF.length });
    const fake = multipart('fake.pdf', Buffer.from('just text, not a pdf'));
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${id}/evidence`, fake.body, fake.headers)).statusCode).toBe(415);
    const exe = multipart('tool.exe', Buffer.from('MZ......'));
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${id}/evidence`, exe.body, exe.headers)).statusCode).toBe(415);
    expect((await c.zhejiang!.request('POST', `/api/v1/reports/${id}/evidence`, m.body, m.headers)).statusCode).toBe(403);
    expect((await c.wuhan!.request('POST', `/api/v1/reports/${id}/evidence`, m.body, m.headers)).statusCode).toBe(404);

    const v = (await current(id)).version;
    const saved = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: v, values: [{ targetId: 't-innovation-rd', actual: 1.45, dataSource: '市统计局《统计年鉴》', evidenceFileIds: [file.id] }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().values.find((x: { targetId: string }) => x.targetId === 't-innovation-rd').evidence).toEqual([file]);

    const dl = await c.zhejiang!.request('GET', `/api/v1/reports/${id}/evidence/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await c.wuhan!.request('GET', `/api/v1/reports/${id}/evidence/${file.id}`)).statusCode).toBe(404);
    expect((await c.hangzhou!.request('GET', `/api/v1/reports/${id}/evidence/${NO_SUCH}`)).statusCode).toBe(404);
  });

  it('submits only a complete report; the province returns it with reasons and confirms it with an opinion, once', async () => {
    const id = reportIds['2017']!;
    let v = (await current(id)).version;
    const incomplete = await c.hangzhou!.request('POST', `/api/v1/reports/${id}/submit`, { version: v });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('REPORT_INCOMPLETE');
    expect(incomplete.json().error.details.missing.length).toBe(TARGETS.length - 1);

    v = (await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: v, values: fullValues() })).json().version;
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${id}/submit`, { version: v - 1 })).statusCode).toBe(409);
    const submitted = await c.hangzhou!.request('POST', `/api/v1/reports/${id}/submit`, { version: v });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', abilities: ['open'] });
    v = submitted.json().version;

    const edit = await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: v, narrative: '报送后修改' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('REPORT_INVALID_TRANSITION');
    expect((await get('zhejiang', id)).json().abilities).toEqual(['open', 'confirm', 'return']);

    expect((await c.zhejiang!.request('POST', `/api/v1/reports/${id}/return`, { version: v, reasons: '   ' })).statusCode).toBe(422);
    expect((await c.zhejiang!.request('POST', `/api/v1/reports/${id}/return`, { version: v })).statusCode).toBe(422);
    const returned = await c.zhejiang!.request('POST', `/api/v1/reports/${id}/return`, { version: v, reasons: '请补充数据来源说明' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', provinceOpinion: '请补充数据来源说明' });
    v = returned.json().version;

    v = (await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: v, values: fullValues(0.5) })).json().version;
    v = (await c.hangzhou!.request('POST', `/api/v1/reports/${id}/submit`, { version: v })).json().version;

    expect((await c.zhejiang!.request('POST', `/api/v1/reports/${id}/confirm`, { version: v, opinion: '' })).statusCode).toBe(422);
    expect((await c.zhejiang!.request('POST', `/api/v1/reports/${id}/confirm`, { version: v - 1, opinion: '同意' })).json().error.code).toBe('VERSION_CONFLICT');
    const confirmed = await c.zhejiang!.request('POST', `/api/v1/reports/${id}/confirm`, { version: v, opinion: '数据真实，同意' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', provinceOpinion: '数据真实，同意' });
    expect(confirmed.json().confirmedAt).toBe(clock().toISOString());
    for (const version of [v, confirmed.json().version]) {
      const twice = await c.zhejiang!.request('POST', `/api/v1/reports/${id}/confirm`, { version, opinion: '同意' });
      expect(twice.statusCode).toBe(409);
    }
    const history = confirmed.json().history.map((h: { action: string; toStatus: string }) => [h.action, h.toStatus]);
    expect(history).toEqual([
      ['report.submit', 'submitted'],
      ['report.return', 'returned'],
      ['report.submit', 'submitted'],
      ['report.confirm', 'confirmed'],
    ]);
  });

  it('lets the ministry open a confirmed report', async () => {
    const res = await get('guihuasi', reportIds['2017']!);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual(['open']);
    expect((await get('lingdao', reportIds['2017']!)).statusCode).toBe(200);
  });

  it('changes a confirmed figure only through a correction with a reason, keeping the old value', async () => {
    const id = reportIds['2017']!;
    const before = (await get('hangzhou', id)).json();
    const old = before.values.find((x: { targetId: string }) => x.targetId === 't-innovation-rd');
    expect((await c.hangzhou!.request('PUT', `/api/v1/reports/${id}`, { version: before.version, values: fullValues(9) })).statusCode).toBe(409);
    const noReason = await c.hangzhou!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 't-innovation-rd', actual: 1.5, dataSource: '统计公报' });
    expect(noReason.statusCode).toBe(422);
    const blank = await c.hangzhou!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 't-innovation-rd', actual: 1.5, dataSource: '统计公报', reason: ' ' });
    expect(blank.statusCode).toBe(422);
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 'nope', actual: 1.5, dataSource: 's', reason: 'r' })).json().error.code).toBe('REPORT_TARGET_UNKNOWN');
    expect((await c.wuhan!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 't-innovation-rd', actual: 1.5, dataSource: 's', reason: 'r' })).statusCode).toBe(404);
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 't-innovation-rd', actual: 1.5, dataSource: 's', reason: 'r', version: 1 })).statusCode).toBe(409);
    // Not yet confirmed: no correction.
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${reportIds['2018']}/corrections`, { targetId: 't-innovation-rd', actual: 1.5, dataSource: 's', reason: 'r' })).json().error.code).toBe('REPORT_INVALID_TRANSITION');

    const res = await c.hangzhou!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 't-innovation-rd', actual: 1.52, dataSource: '2017年统计公报（终核数）', reason: '统计局发布终核数据' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.status).toBe('confirmed');
    expect(after.values.find((x: { targetId: string }) => x.targetId === 't-innovation-rd')).toMatchObject({ actual: 1.52, dataSource: '2017年统计公报（终核数）', corrected: true });
    expect(after.corrections).toEqual([
      expect.objectContaining({ targetId: 't-innovation-rd', oldActual: old.actual, newActual: 1.52, oldDataSource: old.dataSource, newDataSource: '2017年统计公报（终核数）', reason: '统计局发布终核数据' }),
    ]);
    expect(after.history.at(-1)).toMatchObject({ action: 'report.correct', comment: '统计局发布终核数据' });
    // The province may correct too.
    expect((await c.zhejiang!.request('POST', `/api/v1/reports/${id}/corrections`, { targetId: 't-innovation-rd', actual: 1.53, dataSource: '省统计局', reason: '口径调整' })).statusCode).toBe(200);
  });

  it('lists what is due, overdue, submitted and confirmed within each scope', async () => {
    // 杭州's 2017 report is confirmed; 武汉's is in its reporting window.
    const prov = await c.zhejiang!.request('GET', '/api/v1/reports');
    expect(prov.statusCode, prov.body).toBe(200);
    expect(prov.json().counts).toEqual({ due: 0, overdue: 0, submitted: 0, confirmed: 1 });
    const hubei = (await c.hubei!.request('GET', '/api/v1/reports?state=due')).json();
    expect(hubei.counts).toEqual({ due: 1, overdue: 0, submitted: 0, confirmed: 0 });
    expect(hubei.items.map((i: { pilotId: string; period: string }) => [i.pilotId, i.period])).toEqual([[wuhanPilotId, '2017']]);
    const ministry = (await c.guihuasi!.request('GET', '/api/v1/reports')).json();
    expect(ministry.counts).toEqual({ due: 1, overdue: 0, submitted: 0, confirmed: 1 });
    expect((await c.guihuasi!.request('GET', '/api/v1/reports?state=confirmed')).json().items.map((i: { id: string }) => i.id)).toEqual([reportIds['2017']]);
    expect((await c.guihuasi!.request('GET', '/api/v1/reports?state=bogus')).statusCode).toBe(422);
    // After the due date, 武汉's report is overdue.
    clock.set(new Date('2018-02-02T02:00:00Z'));
    try {
      const later = (await c.guihuasi!.request('GET', '/api/v1/reports?state=overdue')).json();
      expect(later.counts).toMatchObject({ due: 0, overdue: 1 });
      expect(later.items[0]).toMatchObject({ pilotId: wuhanPilotId, overdue: true, timing: 'overdue' });
      const wuhanCal = (await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json();
      expect(wuhanCal.items[0]).toMatchObject({ overdue: true, daysUntilDue: -2 });
    } finally {
      clock.set(new Date('2018-01-20T02:00:00Z'));
    }
  });

  it('sends each reminder and the overdue flag exactly once per report and offset, in the app and by e-mail', async () => {
    const db = t.database.db;
    const [wuhanUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'wuhan'));
    const [hubeiUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'hubei'));
    // The addresses as the accounts feature stores them: sealed (SM4).
    await updateUser(db, wuhanUser!.id, { email: 'wuhan@example.cn' });
    await updateUser(db, hubeiUser!.id, { email: 'hubei@example.cn' });
    const wuhanReport = (await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json().items[0].id as string;
    const keysFor = async () =>
      (await db.select({ key: notifications.dedupeKey, userId: notifications.userId }).from(notifications).where(like(notifications.dedupeKey, `report:${wuhanReport}:%`)))
        .map((n) => n.key)
        .sort();
    const mails = async () => (await db.select({ to: emailOutbox.toAddress, key: emailOutbox.dedupeKey }).from(emailOutbox).where(like(emailOutbox.dedupeKey, `report:${wuhanReport}:%`))).length;

    const sweep = new Date('2018-01-16T02:00:00Z'); // 15 days before the due date: nothing yet
    clock.set(sweep);
    await reportReminderSweep(db, clock());
    expect(await keysFor()).toEqual([]);

    clock.advanceDays(1); // 14 days before
    const first = await reportReminderSweep(db, clock());
    expect(first.notifications).toBeGreaterThanOrEqual(1);
    expect(await keysFor()).toEqual([`report:${wuhanReport}:remind_14d:${wuhanUser!.id}`]);
    expect(await mails()).toBe(1);
    // The outbox holds the address sealed, and the message reaches the city's user.
    const [queued] = await db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `report:${wuhanReport}:%`));
    expect(queued!.toAddress).toMatch(/^sm4:v1:/);
    const sent: OutgoingEmail[] = [];
    expect(await sendOutboxEmail(db, { send: async (m) => void sent.push(m) }, queued!.id, { now: clock(), lastAttempt: false })).toBe('sent');
    expect(sent.map((m) => m.to)).toEqual(['wuhan@example.cn']);
    const again = await reportReminderSweep(db, clock());
    expect(await keysFor()).toHaveLength(1);
    expect(again.emails).toBe(0);

    clock.advanceDays(5); // 9 days before: still the 14-day reminder, already sent
    await reportReminderSweep(db, clock());
    expect(await keysFor()).toHaveLength(1);

    clock.set(new Date('2018-01-28T02:00:00Z')); // 3 days before
    await reportReminderSweep(db, clock());
    await reportReminderSweep(db, clock());
    expect(await keysFor()).toEqual([`report:${wuhanReport}:remind_14d:${wuhanUser!.id}`, `report:${wuhanReport}:remind_3d:${wuhanUser!.id}`].sort());

    clock.set(new Date('2018-02-01T02:00:00Z')); // the day after: overdue, to the city and its province
    await reportReminderSweep(db, clock());
    clock.advanceDays(3);
    await reportReminderSweep(db, clock());
    const keys = await keysFor();
    expect(keys).toHaveLength(4);
    expect(keys).toContain(`report:${wuhanReport}:overdue:${wuhanUser!.id}`);
    expect(keys).toContain(`report:${wuhanReport}:overdue:${hubeiUser!.id}`);
    expect(await mails()).toBe(4);
    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.dedupeKey, `report:${wuhanReport}:overdue:${wuhanUser!.id}`)));
    expect(notice).toMatchObject({ kind: 'report_overdue', link: `/reports/${wuhanReport}` });
    expect(notice!.title.zh).toContain('已逾期');
    // 杭州's 2017 report was confirmed: it is owed nothing.
    const hz = await db.select({ key: notifications.dedupeKey }).from(notifications).where(like(notifications.dedupeKey, `report:${reportIds['2017']}:%`));
    expect(hz).toEqual([]);
    clock.set(new Date('2018-01-20T02:00:00Z'));
  });

  it('keeps a cancelled pilot’s reports read only (409 PILOT_CLOSED)', async () => {
    const db = t.database.db;
    const item = (await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json().items[0];
    await db.update(pilots).set({ state: 'cancelled' }).where(eq(pilots.id, wuhanPilotId));
    try {
      const r = (await get('wuhan', item.id)).json();
      expect(r.abilities).toEqual(['open']);
      const res = await c.wuhan!.request('PUT', `/api/v1/reports/${item.id}`, { version: item.version, narrative: '取消后' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('PILOT_CLOSED');
      // A cancelled pilot owes nothing more: none of its periods reads as overdue, even past the due date.
      clock.set(new Date('2018-02-02T02:00:00Z'));
      const items = (await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json().items as { overdue: boolean }[];
      expect(items.filter((i) => i.overdue)).toEqual([]);
    } finally {
      await db.update(pilots).set({ state: 'implementation' }).where(eq(pilots.id, wuhanPilotId));
      const items = (await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json().items as { overdue: boolean }[];
      expect(items.some((i) => i.overdue), 'the running pilot has an overdue period, or the check above proves nothing').toBe(true);
      clock.set(new Date('2018-01-20T02:00:00Z'));
    }
  });

  it('reads the configured schedule; the ministry changes it and the reports still owed take the new due dates', async () => {
    const got = await c.hangzhou!.request('GET', '/api/v1/report-schedule');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ yearly: { monthsAfter: 1, daysAfter: 0 }, half_yearly: { monthsAfter: 1, daysAfter: 0 }, quarterly: { monthsAfter: 0, daysAfter: 20 }, reminderDays: [14, 3], version: 0 });
    expect((await c.expert!.request('GET', '/api/v1/report-schedule')).statusCode).toBe(403);
    expect((await c.zhejiang!.request('PUT', '/api/v1/report-schedule', { reminderDays: [7], version: 0 })).statusCode).toBe(403);
    expect((await c.guihuasi!.request('PUT', '/api/v1/report-schedule', { reminderDays: [3, 3], version: 0 })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('PUT', '/api/v1/report-schedule', { yearly: { monthsAfter: 13 }, version: 0 })).statusCode).toBe(422);
    const put = await c.guihuasi!.request('PUT', '/api/v1/report-schedule', { yearly: { monthsAfter: 2, daysAfter: 0 }, version: 0 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ yearly: { monthsAfter: 2, daysAfter: 0 }, version: 1 });
    // A save over the version already saved over is refused, and moves no due date.
    const stale = await c.guihuasi!.request('PUT', '/api/v1/report-schedule', { yearly: { monthsAfter: 5, daysAfter: 0 }, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const wuhan = (await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json().items;
    expect(wuhan.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2018-02-28', '2019-02-28', '2020-02-29']);
    const hz = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json().items;
    expect(hz[0]).toMatchObject({ status: 'confirmed', dueDate: '2018-01-31' });
    expect(hz[1].dueDate).toBe('2019-02-28');
    expect((await c.guihuasi!.request('PUT', '/api/v1/report-schedule', { version: 1 })).statusCode).toBe(200);
    expect((await c.wuhan!.request('GET', `/api/v1/pilots/${wuhanPilotId}/reports`)).json().items[0].dueDate).toBe('2018-01-31');
  });

  it('serves the template as a workbook and describes the routes in OpenAPI', async () => {
    const res = await c.hangzhou!.request('GET', `/api/v1/reports/${reportIds['2018']}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/reports/{id}/corrections']).toBeDefined();
    expect(doc.paths['/api/v1/reports/{id}/template.xlsx'].get.responses['200'].content).toHaveProperty('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
