/**
 * The province's part through the HTTP layer: the refined work plan (compare-and-set), supporting
 * policies with their attachment (type checked by bytes), the files' download scope, the ministry's
 * reading of every authority, and the overview of a province's pilots — states, reports (overdue
 * under a controllable clock) and open rectification cases.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReports, rectificationCases, users } from '../../src/db/schema.js';
import { manualClock } from '../../src/kernel/clock.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const API = '/api/v1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dbKinds())('provincial work on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2018-06-01T02:00:00Z'));
  const c: Record<string, Client> = {};
  let hz: string;
  let nb: string;
  let policyFileId: string;

  const upload = (who: Client, authority: string, purpose: string, filename: string, content: Buffer) => {
    const m = multipart(filename, content);
    return who.request('POST', `${API}/provinces/${authority}/files?purpose=${purpose}`, m.body, m.headers);
  };
  const plan = { version: 0, title: '浙江省“中国制造2025”城市试点示范细化工作方案', body: '一、工作目标……二、重点任务……三、保障措施……', fileId: null };
  const policy = { documentNo: '浙政发〔2017〕12号', issuedOn: '2017-03-20', title: '关于支持试点城市建设的若干意见', summary: '省级财政每年安排专项资金支持试点城市。', fileId: null };

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'ningbo', 'wuhan', 'zhejiang', 'ningbo-sj', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    hz = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕821号' });
    nb = await seedPilot(db, { city: c.ningbo!, province: c['ningbo-sj']!, ministry: c.guihuasi! }, { code: '330200', applicant: '宁波市人民政府', documentNo: '工信部规函〔2016〕822号' });
    await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕823号' });
    // The reports and cases other features write; here they are facts the overview reads.
    const report = (pilotId: string, period: string, status: string, dueDate: string) => ({
      pilotId,
      period,
      year: Number(period.slice(0, 4)),
      periodStart: `${period.slice(0, 4)}-01-01`,
      periodEnd: `${period.slice(0, 4)}-12-31`,
      dueDate,
      status,
    });
    await db.insert(progressReports).values([report(hz, '2017', 'confirmed', '2018-01-31'), report(hz, '2018', 'draft', '2019-01-31'), report(nb, '2017', 'returned', '2018-01-31')]);
    const [ministry] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    await db.insert(rectificationCases).values([
      { pilotId: nb, origin: 'manual', findings: [], requiredActions: '限期补报年度报告', deadline: '2018-07-31', status: 'open', resumePhase: 'implementation', openedBy: ministry!.id },
      { pilotId: hz, origin: 'manual', findings: [], requiredActions: '已整改', deadline: '2018-03-31', status: 'passed', resumePhase: 'implementation', openedBy: ministry!.id },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out with 401', async () => {
    for (const p of ['/provinces', '/provinces/me/work-plan', '/provinces/me/policies', '/provinces/me/overview', `/provincial-files/${NO_SUCH}`]) {
      expect((await t.app.inject({ method: 'GET', url: API + p })).statusCode, p).toBe(401);
    }
    expect((await t.app.inject({ method: 'PUT', url: `${API}/provinces/me/work-plan`, payload: plan })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `${API}/provinces/me/policies`, payload: policy })).statusCode).toBe(401);
  });

  it('refuses roles without the permission with 403, and a ministry user writing with 403', async () => {
    for (const u of ['hangzhou', 'expert', 'admin', 'lingdao']) {
      for (const p of ['/provinces', '/provinces/330000/work-plan', '/provinces/330000/policies', '/provinces/330000/overview']) {
        expect((await c[u]!.request('GET', API + p)).statusCode, `${u} ${p}`).toBe(403);
      }
    }
    for (const u of ['guihuasi', 'zhuangbeisi']) {
      expect((await c[u]!.request('PUT', `${API}/provinces/330000/work-plan`, plan)).statusCode, u).toBe(403);
      expect((await c[u]!.request('POST', `${API}/provinces/330000/policies`, policy)).statusCode, u).toBe(403);
      expect((await upload(c[u]!, '330000', 'policy', 'a.pdf', PDF)).statusCode, u).toBe(403);
    }
  });

  it('answers 404 for another authority and for "me" without one; 422 for a malformed id', async () => {
    for (const p of ['/provinces/420000/work-plan', '/provinces/420000/policies', '/provinces/420000/overview', '/provinces/330200/overview']) {
      expect((await c.zhejiang!.request('GET', API + p)).statusCode, p).toBe(404);
    }
    expect((await c.zhejiang!.request('PUT', `${API}/provinces/420000/work-plan`, plan)).statusCode).toBe(404);
    expect((await c.zhejiang!.request('POST', `${API}/provinces/420000/policies`, policy)).statusCode).toBe(404);
    expect((await upload(c.zhejiang!, '420000', 'policy', 'a.pdf', PDF)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `${API}/provinces/me/work-plan`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `${API}/provinces/990000/work-plan`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `${API}/provinces/zhejiang/work-plan`)).statusCode).toBe(422);
  });

  it('keeps one work plan per authority with compare-and-set', async () => {
    const empty = await c.zhejiang!.request('GET', `${API}/provinces/me/work-plan`);
    expect(empty.json()).toMatchObject({ authorityId: '330000', plan: null, abilities: ['edit'] });
    for (const bad of [{ ...plan, title: '' }, { ...plan, body: '  ' }, { ...plan, version: -1 }]) {
      expect((await c.zhejiang!.request('PUT', `${API}/provinces/me/work-plan`, bad)).statusCode).toBe(422);
    }
    const first = await c.zhejiang!.request('PUT', `${API}/provinces/me/work-plan`, plan);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().plan).toMatchObject({ title: plan.title, version: 1, file: null, updatedAt: '2018-06-01T02:00:00.000Z' });
    const again = await c.zhejiang!.request('PUT', `${API}/provinces/me/work-plan`, plan);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    const file = await upload(c.zhejiang!, 'me', 'work_plan', '细化工作方案.pdf', PDF);
    expect(file.statusCode, file.body).toBe(201);
    // A file uploaded for a policy is not the work plan's.
    const wrongPurpose = (await upload(c.zhejiang!, 'me', 'policy', 'p.pdf', PDF)).json().id;
    expect((await c.zhejiang!.request('PUT', `${API}/provinces/me/work-plan`, { ...plan, version: 1, fileId: wrongPurpose })).json().error.code).toBe('PROVINCE_FILE_INVALID');
    const second = await c.zhejiang!.request('PUT', `${API}/provinces/330000/work-plan`, { ...plan, version: 1, body: '修订后的方案', fileId: file.json().id });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().plan).toMatchObject({ version: 2, body: '修订后的方案', file: { filename: '细化工作方案.pdf', purpose: 'work_plan' } });
    // The ministry reads it, without the ability to edit.
    const ministry = await c.zhuangbeisi!.request('GET', `${API}/provinces/330000/work-plan`);
    expect(ministry.json()).toMatchObject({ plan: { version: 2 }, abilities: [] });
  });

  it('keeps supporting policies with an attachment checked by its bytes', async () => {
    expect((await upload(c.zhejiang!, 'me', 'policy', 'fake.pdf', Buffer.from('not a pdf at all'))).statusCode).toBe(415);
    expect((await upload(c.zhejiang!, 'me', 'policy', 'run.exe', PDF)).statusCode).toBe(415);
    expect((await upload(c.zhejiang!, 'me', 'minutes', 'a.pdf', PDF)).statusCode).toBe(422);
    const file = await upload(c.zhejiang!, 'me', 'policy', '浙政发〔2017〕12号.pdf', PDF);
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ mimeType: 'application/pdf', purpose: 'policy' });
    policyFileId = file.json().id;
    for (const bad of [{ ...policy, documentNo: '' }, { ...policy, issuedOn: '2017/03/20' }, { ...policy, issuedOn: '2018-07-01' }, { ...policy, fileId: NO_SUCH }]) {
      expect((await c.zhejiang!.request('POST', `${API}/provinces/me/policies`, bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
    // Another authority's file may not be attached.
    const hubeiFile = (await upload(c.hubei!, 'me', 'policy', 'hb.pdf', PDF)).json().id;
    expect((await c.zhejiang!.request('POST', `${API}/provinces/me/policies`, { ...policy, fileId: hubeiFile })).json().error.code).toBe('PROVINCE_FILE_INVALID');
    const res = await c.zhejiang!.request('POST', `${API}/provinces/me/policies`, { ...policy, fileId: policyFileId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ authorityId: '330000', documentNo: '浙政发〔2017〕12号', file: { id: policyFileId } });
    await c.zhejiang!.request('POST', `${API}/provinces/me/policies`, { ...policy, documentNo: '浙经信〔2018〕3号', issuedOn: '2018-02-01' });
    const list = (await c.guihuasi!.request('GET', `${API}/provinces/330000/policies`)).json();
    expect(list.items.map((p: { documentNo: string }) => p.documentNo)).toEqual(['浙经信〔2018〕3号', '浙政发〔2017〕12号']);
    expect(list.abilities).toEqual([]);
    expect((await c.zhejiang!.request('GET', `${API}/provinces/me/policies`)).json().abilities).toEqual(['edit']);
  });

  it('serves the files to their authority and the ministry only', async () => {
    const own = await c.zhejiang!.request('GET', `${API}/provincial-files/${policyFileId}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('application/pdf');
    expect(own.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await c.guihuasi!.request('GET', `${API}/provincial-files/${policyFileId}`)).statusCode).toBe(200);
    expect((await c.hubei!.request('GET', `${API}/provincial-files/${policyFileId}`)).statusCode).toBe(404);
    expect((await c.hangzhou!.request('GET', `${API}/provincial-files/${policyFileId}`)).statusCode).toBe(403);
    expect((await c.guihuasi!.request('GET', `${API}/provincial-files/${NO_SUCH}`)).statusCode).toBe(404);
  });

  it('lists the authorities for the ministry, and only its own for a province', async () => {
    const all = (await c.guihuasi!.request('GET', `${API}/provinces`)).json().items;
    const zj = all.find((a: { authorityId: string }) => a.authorityId === '330000');
    expect(zj).toMatchObject({ workPlanTitle: plan.title, policyCount: 2, pilotCount: 1 });
    expect(all.find((a: { authorityId: string }) => a.authorityId === '330200')).toMatchObject({ pilotCount: 1, policyCount: 0, workPlanTitle: null });
    expect(all.find((a: { authorityId: string }) => a.authorityId === '420000')).toMatchObject({ pilotCount: 1 });
    expect((await c.zhejiang!.request('GET', `${API}/provinces`)).json().items.map((a: { authorityId: string }) => a.authorityId)).toEqual(['330000']);
  });

  it('shows a province its pilots on one page: state, reports, overdue and open rectifications', async () => {
    const zj = (await c.zhejiang!.request('GET', `${API}/provinces/me/overview`)).json();
    expect(zj).toMatchObject({ authorityId: '330000', today: '2018-06-01', totals: { pilots: 1, overdueReports: 0, openRectifications: 0 } });
    expect(zj.pilots[0]).toMatchObject({
      id: hz,
      cityNames: ['杭州市'],
      state: 'implementation',
      reports: { total: 2, confirmed: 1, draft: 1, overdue: 0 },
      latestReport: { period: '2017', status: 'confirmed', overdue: false },
      openRectifications: [],
    });
    // 宁波 is the 计划单列市's own: its authority sees the returned, overdue report and the open case.
    const nbView = (await c['ningbo-sj']!.request('GET', `${API}/provinces/me/overview`)).json();
    expect(nbView.pilots.map((p: { id: string }) => p.id)).toEqual([nb]);
    expect(nbView.pilots[0]).toMatchObject({ latestReport: { status: 'returned', overdue: true }, openRectifications: [{ status: 'open', deadline: '2018-07-31', overdue: false }] });
    expect(nbView.totals).toMatchObject({ overdueReports: 1, openRectifications: 1 });
    // Time passes: the case's deadline goes by; the ministry reads the same page for that authority.
    clock.advanceDays(70);
    const later = (await c.guihuasi!.request('GET', `${API}/provinces/330200/overview`)).json();
    expect(later.today).toBe('2018-08-10');
    expect(later.pilots[0].openRectifications[0].overdue).toBe(true);
  });
});
