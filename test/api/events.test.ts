/**
 * Events 活动 and action items 督办事项 through the HTTP layer: the ministry plans a national yearly
 * meeting and a regional on-site meeting, edits them (compare-and-set), holds them, writes and
 * publishes the minutes (Word), keeps materials; provinces and cities see what concerns them. Action
 * items: the owner logs progress and closes with a note, the ministry reopens and reassigns, overdue
 * is computed, Excel export; reminders go out exactly once through the sweep, on the job runner too.
 * And every refusal on the way: 401, 403, 404, 409, 422.
 */
import ExcelJS from 'exceljs';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, notifications, organisations, users } from '../../src/db/schema.js';
import { updateUser } from '../../src/features/accounts/accounts.queries.js';
import type { OutgoingEmail } from '../../src/features/notifications/mail-transport.js';
import { sendOutboxEmail } from '../../src/features/notifications/outbox.js';
import { EVENT_ACTION_SWEEP, EVENT_ACTION_SWEEP_CRON, eventActionReminderSweep } from '../../src/features/events/public.js';
import { startJobRunner, type JobLog } from '../../src/features/notifications/jobs.js';
import { manualClock } from '../../src/kernel/clock.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const API = '/api/v1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025events';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, cond: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
const quietLog = (): JobLog => ({ info: () => {}, warn: () => {}, error: () => {} }) as unknown as JobLog;

describe.each(dbKinds())('events and action items on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2026-03-02T02:00:00Z')); // 10:00 in China
  const c: Record<string, Client> = {};
  const org: Record<string, string> = {};
  let hz: string;
  let annual: string;
  let onsite: string;
  let training: string;
  let itemId: string;

  const annualBody = () => ({
    kind: 'annual_meeting',
    title: '2026年度部省市联动工作会议',
    startsOn: '2026-03-10',
    endsOn: '2026-03-11',
    place: '北京',
    hostOrganisation: '工业和信息化部规划司',
    description: '总结上年度试点示范工作，部署本年度重点任务。',
    national: true,
    authorityIds: [],
    pilotIds: [],
    agenda: [
      { time: '09:00–09:30', topic: '规划司通报年度工作', speaker: '规划司' },
      { time: '09:30–11:00', topic: '试点城市交流发言', speaker: '各试点城市' },
    ],
    participants: [
      { organisationId: org.zhejiang!, name: '浙江省经信委', person: '张处长', role: 'attendee', attendance: 'invited' },
      { organisationId: null, name: '中国工程院', person: '', role: 'speaker', attendance: 'confirmed' },
    ],
  });
  const onsiteBody = () => ({
    ...annualBody(),
    kind: 'onsite_meeting',
    title: '智能制造现场会',
    startsOn: '2026-04-15',
    endsOn: '2026-04-15',
    place: '杭州',
    national: false,
    authorityIds: ['330000'],
    pilotIds: [hz],
    participants: [],
  });

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'wuhan', 'ningbo', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    hz = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕811号' });
    await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕812号' });
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'hubei', 'zhuangbeisi', 'expert', 'ningbo']) {
      const [row] = await db.select({ id: users.organisationId }).from(users).where(eq(users.username, u));
      org[u] = row!.id;
    }
    // An address for the owner, so the reminder e-mail is queued as well (sealed, as the accounts feature stores it).
    const [wuhan] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'wuhan'));
    await updateUser(db, wuhan!.id, { email: 'wuhan@example.org' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out with 401 on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/events'],
      ['POST', '/events'],
      ['GET', '/events/owner-options'],
      ['GET', `/events/${NO_SUCH}`],
      ['PUT', `/events/${NO_SUCH}`],
      ['PUT', `/events/${NO_SUCH}/minutes`],
      ['POST', `/events/${NO_SUCH}/transitions`],
      ['GET', `/events/${NO_SUCH}/minutes.docx`],
      ['POST', `/events/${NO_SUCH}/materials`],
      ['GET', `/events/${NO_SUCH}/materials/${NO_SUCH}`],
      ['DELETE', `/events/${NO_SUCH}/materials/${NO_SUCH}`],
      ['POST', `/events/${NO_SUCH}/action-items`],
      ['GET', '/action-items'],
      ['GET', '/action-items/export.xlsx'],
      ['GET', `/action-items/${NO_SUCH}`],
      ['PUT', `/action-items/${NO_SUCH}`],
      ['POST', `/action-items/${NO_SUCH}/updates`],
      ['POST', `/action-items/${NO_SUCH}/close`],
      ['POST', `/action-items/${NO_SUCH}/reopen`],
    ];
    // A well-formed body where the route takes one: the refusal is for the missing session, not the input.
    const item = { title: '事项', description: '', ownerOrganisationId: NO_SUCH, deadline: '2026-06-30' };
    const bodies: Record<string, unknown> = {
      'POST /events': annualBody(),
      [`PUT /events/${NO_SUCH}`]: { ...annualBody(), version: 1 },
      [`PUT /events/${NO_SUCH}/minutes`]: { version: 1, minutes: '纪要' },
      [`POST /events/${NO_SUCH}/transitions`]: { action: 'hold', version: 1 },
      [`POST /events/${NO_SUCH}/action-items`]: item,
      [`PUT /action-items/${NO_SUCH}`]: { ...item, version: 1 },
      [`POST /action-items/${NO_SUCH}/updates`]: { version: 1, note: '进展' },
      [`POST /action-items/${NO_SUCH}/close`]: { version: 1, note: '办结' },
      [`POST /action-items/${NO_SUCH}/reopen`]: { version: 1, note: '重办' },
    };
    for (const [method, url] of routes) {
      const body = bodies[`${method} ${url}`];
      const res = await t.app.inject({ method: method as 'GET', url: API + url, ...(body === undefined ? {} : { payload: body as object }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lets only the planning department plan: 403 for the others, 422 for bad input', async () => {
    for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) {
      expect((await c[u]!.request('POST', `${API}/events`, annualBody())).statusCode, u).toBe(403);
      expect((await c[u]!.request('GET', `${API}/events/owner-options`)).statusCode, u).toBe(403);
    }
    for (const u of ['expert', 'admin']) expect((await c[u]!.request('GET', `${API}/events`)).statusCode, u).toBe(403);
    const post = (body: unknown) => c.guihuasi!.request('POST', `${API}/events`, body);
    const dates = await post({ ...annualBody(), endsOn: '2026-03-09' });
    expect(dates.statusCode).toBe(422);
    expect(dates.json().error.code).toBe('EVENT_DATES_INVALID');
    expect((await post({ ...annualBody(), pilotIds: [NO_SUCH] })).json().error.code).toBe('EVENT_PILOT_UNKNOWN');
    expect((await post({ ...annualBody(), authorityIds: ['999999'] })).json().error.code).toBe('EVENT_AUTHORITY_UNKNOWN');
    for (const bad of [{ ...annualBody(), title: '' }, { ...annualBody(), kind: 'party' }, { ...annualBody(), startsOn: '10 March' }, { ...annualBody(), agenda: [{ time: '', topic: '', speaker: '' }] }]) {
      expect((await post(bad)).statusCode).toBe(422);
    }
  });

  it('creates events, shows each to those it concerns, and filters by kind and year', async () => {
    const a = await c.guihuasi!.request('POST', `${API}/events`, annualBody());
    expect(a.statusCode, a.body).toBe(201);
    annual = a.json().id;
    expect(a.json()).toMatchObject({ state: 'planned', version: 1, national: true, abilities: ['edit', 'hold', 'cancel', 'addMaterial', 'addActionItem'], minutes: '' });
    expect(a.json().agenda).toHaveLength(2);
    const o = await c.guihuasi!.request('POST', `${API}/events`, onsiteBody());
    expect(o.statusCode, o.body).toBe(201);
    onsite = o.json().id;
    expect(o.json()).toMatchObject({ authorities: [{ id: '330000', name: '浙江省' }], pilots: [{ id: hz }] });
    const tr = await c.guihuasi!.request('POST', `${API}/events`, { ...annualBody(), kind: 'training', title: '两化融合培训研讨班', startsOn: '2025-11-05', endsOn: '2025-11-07', national: false, participants: [] });
    training = tr.json().id;

    const ids = async (u: string, qs = '') => (await c[u]!.request('GET', `${API}/events${qs}`)).json().items.map((e: { id: string }) => e.id).sort();
    expect(await ids('guihuasi')).toEqual([annual, onsite, training].sort());
    expect(await ids('zhuangbeisi')).toEqual([annual, onsite, training].sort());
    expect(await ids('lingdao')).toEqual([annual, onsite, training].sort());
    expect(await ids('hangzhou')).toEqual([annual, onsite].sort());
    expect(await ids('zhejiang')).toEqual([annual, onsite].sort());
    expect(await ids('wuhan')).toEqual([annual]);
    expect(await ids('hubei')).toEqual([annual]);
    expect(await ids('ningbo')).toEqual([annual]); // 宁波 is a 计划单列市, not under 浙江's authority here
    expect(await ids('guihuasi', '?kind=onsite_meeting')).toEqual([onsite]);
    expect(await ids('guihuasi', '?year=2025')).toEqual([training]);
    const list = (await c.guihuasi!.request('GET', `${API}/events`)).json();
    expect(list).toMatchObject({ years: [2026, 2025], canCreate: true });
    expect((await c.hangzhou!.request('GET', `${API}/events`)).json().canCreate).toBe(false);
    expect((await c.guihuasi!.request('GET', `${API}/events?kind=party`)).statusCode).toBe(422);

    // Detail: 404 outside the scope or for no such event; the list and the detail agree.
    expect((await c.wuhan!.request('GET', `${API}/events/${onsite}`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `${API}/events/${NO_SUCH}`)).statusCode).toBe(404);
    const seen = await c.hangzhou!.request('GET', `${API}/events/${onsite}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ abilities: [], history: [], minutes: null });
    for (const u of ['expert', 'admin']) expect((await c[u]!.request('GET', `${API}/events/${annual}`)).statusCode, u).toBe(403);
  });

  it('edits with optimistic locking: 409 on a stale version, 403/404 for others', async () => {
    const edit = await c.guihuasi!.request('PUT', `${API}/events/${annual}`, { ...annualBody(), place: '北京 工业和信息化部', version: 1 });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ place: '北京 工业和信息化部', version: 2 });
    const stale = await c.guihuasi!.request('PUT', `${API}/events/${annual}`, { ...annualBody(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await c.hangzhou!.request('PUT', `${API}/events/${annual}`, { ...annualBody(), version: 2 })).statusCode).toBe(403);
    expect((await c.guihuasi!.request('PUT', `${API}/events/${NO_SUCH}`, { ...annualBody(), version: 1 })).statusCode).toBe(404);
    expect((await c.guihuasi!.request('PUT', `${API}/events/${annual}`, { ...annualBody(), version: 2, endsOn: '2026-01-01' })).json().error.code).toBe('EVENT_DATES_INVALID');
    expect((await c.guihuasi!.request('PUT', `${API}/events/${annual}`, { ...annualBody() })).statusCode).toBe(422);
  });

  it('runs the lifecycle: hold from the first day, minutes drafted then published, refusals by state', async () => {
    const go = (id: string, body: unknown) => c.guihuasi!.request('POST', `${API}/events/${id}/transitions`, body);
    const early = await go(annual, { action: 'hold', version: 2 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('EVENT_NOT_YET_HELD');
    expect((await go(annual, { action: 'publishMinutes', version: 2 })).json().error.code).toBe('EVENT_INVALID_STATE');
    expect((await c.guihuasi!.request('PUT', `${API}/events/${annual}/minutes`, { version: 2, minutes: '草稿' })).json().error.code).toBe('EVENT_INVALID_STATE');
    expect((await go(annual, { action: 'fly', version: 2 })).statusCode).toBe(422);
    expect((await c.zhejiang!.request('POST', `${API}/events/${annual}/transitions`, { action: 'hold', version: 2 })).statusCode).toBe(403);
    expect((await go(NO_SUCH, { action: 'hold', version: 1 })).statusCode).toBe(404);

    clock.set(new Date('2026-03-10T02:00:00Z'));
    expect((await go(annual, { action: 'hold', version: 1 })).statusCode).toBe(409); // stale
    const held = await go(annual, { action: 'hold', version: 2 });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ state: 'held', version: 3 });
    expect(held.json().abilities).toEqual(['edit', 'publishMinutes', 'editMinutes', 'addMaterial', 'addActionItem']);
    const empty = await go(annual, { action: 'publishMinutes', version: 3 });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('EVENT_MINUTES_EMPTY');

    const minutes = '会议听取了规划司关于年度工作的通报。\n会议要求各地加快推进试点示范工作，按期报送进度报告。';
    const saved = await c.guihuasi!.request('PUT', `${API}/events/${annual}/minutes`, { version: 3, minutes });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ minutes, version: 4 });
    expect((await c.guihuasi!.request('PUT', `${API}/events/${annual}/minutes`, { version: 3, minutes })).statusCode).toBe(409);
    expect((await c.hangzhou!.request('PUT', `${API}/events/${annual}/minutes`, { version: 4, minutes })).statusCode).toBe(403);
    // The draft stays in the ministry.
    expect((await c.hangzhou!.request('GET', `${API}/events/${annual}`)).json().minutes).toBeNull();
    expect((await c.hangzhou!.request('GET', `${API}/events/${annual}/minutes.docx`)).statusCode).toBe(404);
    const draft = await c.guihuasi!.request('GET', `${API}/events/${annual}/minutes.docx`);
    expect(draft.statusCode).toBe(200);

    const published = await go(annual, { action: 'publishMinutes', version: 4 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'minutes_published', abilities: ['withdrawMinutes', 'addActionItem', 'downloadMinutes'] });
    expect(published.json().minutesPublishedAt).toBe('2026-03-10T02:00:00.000Z');
    expect((await c.hangzhou!.request('GET', `${API}/events/${annual}`)).json()).toMatchObject({ minutes, abilities: ['downloadMinutes'] });
    const docx = await c.wuhan!.request('GET', `${API}/events/${annual}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('2026年度部省市联动工作会议纪要.docx');
    expect((await c.wuhan!.request('GET', `${API}/events/${onsite}/minutes.docx`)).statusCode).toBe(404);
    expect((await c.expert!.request('GET', `${API}/events/${annual}/minutes.docx`)).statusCode).toBe(403);

    // Editing after publication is refused; withdrawing needs a reason.
    expect((await c.guihuasi!.request('PUT', `${API}/events/${annual}`, { ...annualBody(), version: 5 })).json().error.code).toBe('EVENT_INVALID_STATE');
    expect((await go(annual, { action: 'withdrawMinutes', version: 5 })).json().error.code).toBe('EVENT_REASON_REQUIRED');

    // Cancelling a planned event needs a reason; a cancelled one takes no step.
    expect((await go(training, { action: 'cancel', version: 1, reason: '  ' })).json().error.code).toBe('EVENT_REASON_REQUIRED');
    const cancelled = await go(training, { action: 'cancel', version: 1, reason: '与省级培训合并举办' });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', abilities: [] });
    expect(cancelled.json().history.map((h: { action: string }) => h.action)).toEqual(['create', 'cancel']);
    expect(cancelled.json().history[1]).toMatchObject({ fromState: 'planned', toState: 'cancelled', comment: '与省级培训合并举办' });
    expect((await go(training, { action: 'hold', version: 2 })).json().error.code).toBe('EVENT_INVALID_STATE');
  });

  let materialId: string;
  it('keeps materials in the blob store: upload by the ministry, download by those who see the event', async () => {
    const m = multipart('现场会议程 材料.pdf', PDF);
    expect((await c.hangzhou!.request('POST', `${API}/events/${onsite}/materials`, m.body, m.headers)).statusCode).toBe(403);
    expect((await c.guihuasi!.request('POST', `${API}/events/${NO_SUCH}/materials`, m.body, m.headers)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('POST', `${API}/events/${training}/materials`, m.body, m.headers)).json().error.code).toBe('EVENT_INVALID_STATE');
    const bad = multipart('script.pdf', Buffer.from('<script>alert(1)</script>'));
    expect((await c.guihuasi!.request('POST', `${API}/events/${onsite}/materials`, bad.body, bad.headers)).statusCode).toBe(415);
    const up = await c.guihuasi!.request('POST', `${API}/events/${onsite}/materials`, m.body, m.headers);
    expect(up.statusCode, up.body).toBe(201);
    materialId = up.json().id;
    expect(up.json()).toMatchObject({ filename: '现场会议程 材料.pdf', mimeType: 'application/pdf', size: PDF.length });
    const down = await c.zhejiang!.request('GET', `${API}/events/${onsite}/materials/${materialId}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect((await c.wuhan!.request('GET', `${API}/events/${onsite}/materials/${materialId}`)).statusCode).toBe(404);
    expect((await c.zhejiang!.request('GET', `${API}/events/${annual}/materials/${materialId}`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `${API}/events/${onsite}`)).json().materials).toHaveLength(1);
    expect((await c.zhejiang!.request('DELETE', `${API}/events/${onsite}/materials/${materialId}`)).statusCode).toBe(403);
    expect((await c.guihuasi!.request('DELETE', `${API}/events/${onsite}/materials/${NO_SUCH}`)).statusCode).toBe(404);
    const removed = await c.guihuasi!.request('DELETE', `${API}/events/${onsite}/materials/${materialId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().materials).toEqual([]);
    expect((await c.guihuasi!.request('DELETE', `${API}/events/${training}/materials/${materialId}`)).statusCode).toBe(409);
  });

  it('assigns action items to organisations that may own them', async () => {
    const opts = (await c.guihuasi!.request('GET', `${API}/events/owner-options`)).json();
    const ownerIds = opts.items.map((o: { id: string }) => o.id);
    expect(ownerIds).toEqual(expect.arrayContaining([org.wuhan, org.hangzhou, org.zhejiang, org.zhuangbeisi]));
    expect(ownerIds).not.toContain(org.expert);
    expect(ownerIds).not.toContain(org.ningbo); // 宁波 is no pilot here
    expect(opts.pilots.map((p: { id: string }) => p.id)).toContain(hz);

    const body = { title: '出台支持智能制造的配套政策', description: '年度会议议定事项', ownerOrganisationId: org.wuhan!, deadline: '2026-06-30' };
    const add = (id: string, b: unknown, u = 'guihuasi') => c[u]!.request('POST', `${API}/events/${id}/action-items`, b);
    expect((await add(annual, body, 'wuhan')).statusCode).toBe(403);
    expect((await add(NO_SUCH, body)).statusCode).toBe(404);
    expect((await add(training, body)).json().error.code).toBe('EVENT_INVALID_STATE');
    const badOwner = await add(annual, { ...body, ownerOrganisationId: org.expert });
    expect(badOwner.statusCode).toBe(422);
    expect(badOwner.json().error.code).toBe('ACTION_ITEM_OWNER_INVALID');
    expect((await add(annual, { ...body, deadline: '30/06/2026' })).statusCode).toBe(422);
    const res = await add(annual, body);
    expect(res.statusCode, res.body).toBe(201);
    itemId = res.json().id;
    expect(res.json()).toMatchObject({ ownerName: '武汉市', status: 'open', daysLeft: 112, version: 1, abilities: ['update', 'edit'], eventTitle: '2026年度部省市联动工作会议' });
    expect(res.json().updates.map((u: { kind: string }) => u.kind)).toEqual(['create']);
  });

  it('lets the owner log progress and close with a note; the ministry reopens and reassigns', async () => {
    const mine = async (u: string) => (await c[u]!.request('GET', `${API}/action-items`)).json().items.map((i: { id: string }) => i.id);
    expect(await mine('wuhan')).toEqual([itemId]);
    expect(await mine('hangzhou')).toEqual([]);
    expect((await c.hangzhou!.request('GET', `${API}/action-items?scope=all`)).json().items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    expect((await c.wuhan!.request('GET', `${API}/action-items/${itemId}`)).json().abilities).toEqual(['update', 'close']);
    expect((await c.hangzhou!.request('GET', `${API}/action-items/${itemId}`)).json().abilities).toEqual([]);
    expect((await c.wuhan!.request('GET', `${API}/action-items/${NO_SUCH}`)).statusCode).toBe(404);
    expect((await c.expert!.request('GET', `${API}/action-items/${itemId}`)).statusCode).toBe(403);

    const post = (u: string, path: string, body: unknown) => c[u]!.request('POST', `${API}/action-items/${itemId}/${path}`, body);
    expect((await post('hangzhou', 'updates', { version: 1, note: '进展' })).statusCode).toBe(403);
    expect((await post('wuhan', 'updates', { version: 1, note: ' ' })).json().error.code).toBe('ACTION_ITEM_NOTE_REQUIRED');
    const upd = await post('wuhan', 'updates', { version: 1, note: '政策草案已征求意见' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().version).toBe(2);
    expect((await post('wuhan', 'close', { version: 1, note: '已出台' })).statusCode).toBe(409);
    const noNote = await post('wuhan', 'close', { version: 2, note: '' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.code).toBe('ACTION_ITEM_NOTE_REQUIRED');
    expect((await post('guihuasi', 'close', { version: 2, note: '已出台' })).statusCode).toBe(403);
    const closed = await post('wuhan', 'close', { version: 2, note: '《武汉市智能制造三年行动计划》已印发' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'done', closingNote: '《武汉市智能制造三年行动计划》已印发', abilities: [] });
    const again = await post('wuhan', 'close', { version: 3, note: '再次办结' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACTION_ITEM_INVALID_STATE');
    expect((await post('wuhan', 'reopen', { version: 3, note: '再议' })).statusCode).toBe(403);
    expect((await post('guihuasi', 'reopen', { version: 3, note: '' })).json().error.code).toBe('ACTION_ITEM_NOTE_REQUIRED');
    const reopened = await post('guihuasi', 'reopen', { version: 3, note: '配套细则尚未出台' });
    expect(reopened.json()).toMatchObject({ status: 'open', closingNote: null, abilities: ['update', 'edit'] });
    expect((await post('guihuasi', 'reopen', { version: 4, note: '再次' })).json().error.code).toBe('ACTION_ITEM_INVALID_STATE');

    const edit = (u: string, body: unknown) => c[u]!.request('PUT', `${API}/action-items/${itemId}`, body);
    const base = { title: '出台支持智能制造的配套政策', description: '', deadline: '2026-06-30', note: '改由杭州市承办' };
    expect((await edit('wuhan', { ...base, ownerOrganisationId: org.hangzhou, version: 4 })).statusCode).toBe(403);
    expect((await edit('guihuasi', { ...base, ownerOrganisationId: org.hangzhou, version: 3 })).statusCode).toBe(409);
    expect((await edit('guihuasi', { ...base, ownerOrganisationId: org.expert, version: 4 })).json().error.code).toBe('ACTION_ITEM_OWNER_INVALID');
    expect((await c.guihuasi!.request('PUT', `${API}/action-items/${NO_SUCH}`, { ...base, ownerOrganisationId: org.hangzhou, version: 1 })).statusCode).toBe(404);
    const moved = await edit('guihuasi', { ...base, ownerOrganisationId: org.hangzhou, version: 4 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ ownerName: '杭州市', version: 5 });
    expect(moved.json().updates.map((u: { kind: string }) => u.kind)).toEqual(['create', 'update', 'close', 'reopen', 'reassign']);
    expect(await mine('wuhan')).toEqual([]);
    expect(await mine('hangzhou')).toEqual([itemId]);
    // Back to 武汉 for what follows.
    expect((await edit('guihuasi', { ...base, note: '', ownerOrganisationId: org.wuhan, version: 5 })).statusCode).toBe(200);
  });

  it('shows an owner its item on an event that does not otherwise concern it, and computes overdue', async () => {
    const res = await c.guihuasi!.request('POST', `${API}/events/${onsite}/action-items`, { title: '报送现场会交流材料', ownerOrganisationId: org.wuhan!, deadline: '2026-03-05' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'overdue', daysLeft: -5 });
    const overdueId = res.json().id;
    expect((await c.wuhan!.request('GET', `${API}/events/${onsite}`)).statusCode).toBe(200);
    expect((await c.wuhan!.request('GET', `${API}/events`)).json().items.map((e: { id: string }) => e.id).sort()).toEqual([annual, onsite].sort());
    expect((await c.wuhan!.request('GET', `${API}/action-items?status=overdue`)).json().items.map((i: { id: string }) => i.id)).toEqual([overdueId]);
    expect((await c.guihuasi!.request('GET', `${API}/action-items?scope=all&eventId=${onsite}`)).json().items.map((i: { id: string }) => i.id)).toEqual([overdueId]);
    const summary = (await c.guihuasi!.request('GET', `${API}/events?kind=onsite_meeting`)).json().items[0];
    expect(summary).toMatchObject({ openItems: 0, overdueItems: 1 });
    expect((await c.guihuasi!.request('GET', `${API}/action-items?status=late`)).statusCode).toBe(422);
  });

  it('exports the action items as Excel, in scope', async () => {
    const res = await c.guihuasi!.request('GET', `${API}/action-items/export.xlsx?scope=all`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('督办事项')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['活动', '督办事项', '承办单位', '办理期限', '状态']));
    expect(ws.rowCount).toBe(3);
    const statuses = [2, 3].map((n) => ws.getRow(n).getCell(5).value);
    expect(statuses.sort()).toEqual(['办理中', '已逾期'].sort());
    const mine = await c.hangzhou!.request('GET', `${API}/action-items/export.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('督办事项')!.rowCount).toBe(1);
    expect((await c.expert!.request('GET', `${API}/action-items/export.xlsx`)).statusCode).toBe(403);
  });

  it('sends each reminder exactly once: a week before, the day before, and the overdue notice', async () => {
    const db = t.database.db;
    const keys = async () =>
      (await db.select({ key: notifications.dedupeKey }).from(notifications).where(like(notifications.dedupeKey, `action:${itemId}:%`)))
        .map((r) => r.key.split(':').slice(2, 4).join(':'))
        .sort();
    const mails = async () => (await db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `action:${itemId}:%`))).length;
    const [wuhanUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'wuhan'));
    const [planner] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));

    clock.set(new Date('2026-06-22T02:00:00Z')); // 8 days before the deadline: nothing yet
    await eventActionReminderSweep(db, clock());
    expect(await keys()).toEqual([]);

    clock.set(new Date('2026-06-23T02:00:00Z')); // 7 days before
    const first = await eventActionReminderSweep(db, clock());
    expect(first.notifications).toBeGreaterThanOrEqual(1);
    expect(await keys()).toEqual(['2026-06-30:remind_7d']);
    expect(await mails()).toBe(1);
    // Sealed in the outbox; opened only to send, to the owner's address.
    const [queued] = await db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `action:${itemId}:%`));
    expect(queued!.toAddress).toMatch(/^sm4:v1:/);
    const sent: OutgoingEmail[] = [];
    expect(await sendOutboxEmail(db, { send: async (m) => void sent.push(m) }, queued!.id, { now: clock(), lastAttempt: false })).toBe('sent');
    expect(sent.map((m) => m.to)).toEqual(['wuhan@example.org']);
    const again = await eventActionReminderSweep(db, clock());
    expect(await keys()).toHaveLength(1);
    expect(again.emails).toBe(0);

    clock.set(new Date('2026-06-29T02:00:00Z')); // the day before
    await eventActionReminderSweep(db, clock());
    await eventActionReminderSweep(db, clock());
    expect(await keys()).toEqual(['2026-06-30:remind_1d', '2026-06-30:remind_7d']);

    clock.set(new Date('2026-07-01T02:00:00Z')); // overdue: the owner and the planning department
    await eventActionReminderSweep(db, clock());
    await eventActionReminderSweep(db, clock());
    const overdue = await db.select().from(notifications).where(like(notifications.dedupeKey, `action:${itemId}:%:overdue:%`));
    expect(overdue.map((n) => n.userId).sort()).toEqual([wuhanUser!.id, planner!.id].sort());
    expect(overdue[0]!.title.zh).toContain('已逾期');
    expect(overdue.every((n) => n.kind === 'action_item_overdue')).toBe(true);
    expect((await c.wuhan!.request('GET', `${API}/action-items/${itemId}`)).json().status).toBe('overdue');

    // Through the job runner too: the named sweep adds nothing already sent, and a moved deadline owes again.
    const item = (await c.guihuasi!.request('GET', `${API}/action-items/${itemId}`)).json();
    await c.guihuasi!.request('PUT', `${API}/action-items/${itemId}`, { title: item.title, description: '', ownerOrganisationId: org.wuhan, deadline: '2026-07-08', note: '延期一周', version: item.version });
    const before = (await db.select().from(notifications).where(like(notifications.dedupeKey, `action:${itemId}:%`))).length;
    const runner = await startJobRunner({
      database: t.database,
      log: quietLog(),
      transport: null,
      pollSeconds: 0.5,
      schedule: false,
      sweepAtStart: false,
      clock,
      sweeps: [{ name: EVENT_ACTION_SWEEP, cron: EVENT_ACTION_SWEEP_CRON, run: eventActionReminderSweep }],
    });
    try {
      await runner.runSweep(EVENT_ACTION_SWEEP);
      await until('the 7-day reminder of the new deadline', async () => (await keys()).includes('2026-07-08:remind_7d'));
    } finally {
      await runner.stop();
    }
    const after = await db.select().from(notifications).where(like(notifications.dedupeKey, `action:${itemId}:%`));
    expect(after.length).toBe(before + 1);
    expect(after.filter((n) => n.dedupeKey.includes(':2026-07-08:'))).toHaveLength(1);
  });

  it('sends nothing for a closed item', async () => {
    const db = t.database.db;
    const item = (await c.wuhan!.request('GET', `${API}/action-items/${itemId}`)).json();
    expect((await c.wuhan!.request('POST', `${API}/action-items/${itemId}/close`, { version: item.version, note: '已办结' })).statusCode).toBe(200);
    clock.set(new Date('2026-07-07T02:00:00Z'));
    await eventActionReminderSweep(db, clock());
    expect(await db.select().from(notifications).where(like(notifications.dedupeKey, `action:${itemId}:2026-07-08:remind_1d:%`))).toEqual([]);
    const [o] = await db.select().from(organisations).where(eq(organisations.id, org.wuhan!));
    expect(o!.name).toBe('武汉市');
  });
});
