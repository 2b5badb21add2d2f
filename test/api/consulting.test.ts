/**
 * Think-tank consulting through the HTTP layer: the city asks, the ministry sees candidates ranked by
 * expertise with the conflicted ones excluded and why, matches (compare-and-set, audited), records
 * the service under a controllable clock, or closes the request — and every refusal on the way.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experts, pilotEvents, pilots } from '../../src/db/schema.js';
import { manualClock } from '../../src/kernel/clock.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedExperts } from '../helpers/seed-experts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const API = '/api/v1';

describe.each(dbKinds())('consulting on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2018-06-01T02:00:00Z'));
  const c: Record<string, Client> = {};
  let hz: string;
  let cancelled: string;
  let ex: Map<string, string>;
  let requestId: string;

  const ask = { topic: '智能制造新模式推广路径', description: '请专家就离散型智能制造新模式在汽车零部件企业的推广提供咨询。', fields: ['智能制造', '汽车'] };

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    ex = await seedExperts(db);
    for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    hz = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕811号' });
    cancelled = await seedPilot(db, { city: c.huzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330500', applicant: '湖州市人民政府', documentNo: '工信部规函〔2016〕812号' });
    await db.update(pilots).set({ state: 'cancelled' }).where(eq(pilots.id, cancelled));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out with 401', async () => {
    for (const url of [`${API}/pilots/${hz}/consulting`, `${API}/consulting`, `${API}/consulting/${NO_SUCH}`, `${API}/consulting/${NO_SUCH}/candidates`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await t.app.inject({ method: 'POST', url: `${API}/pilots/${hz}/consulting`, payload: ask })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `${API}/consulting/${NO_SUCH}/match`, payload: { version: 1, expertIds: [NO_SUCH] } })).statusCode).toBe(401);
  });

  it('lets only the pilot’s city ask: 403 for other roles, 404 for another city, 409 for a cancelled pilot, 422 for bad input', async () => {
    for (const u of ['zhejiang', 'guihuasi', 'expert', 'admin']) expect((await c[u]!.request('POST', `${API}/pilots/${hz}/consulting`, ask)).statusCode, u).toBe(403);
    for (const u of ['expert', 'admin', 'lingdao']) expect((await c[u]!.request('GET', `${API}/pilots/${hz}/consulting`)).statusCode, u).toBe(403);
    expect((await c.wuhan!.request('POST', `${API}/pilots/${hz}/consulting`, ask)).statusCode).toBe(404);
    expect((await c.hangzhou!.request('POST', `${API}/pilots/${NO_SUCH}/consulting`, ask)).statusCode).toBe(404);
    const closed = await c.huzhou!.request('POST', `${API}/pilots/${cancelled}/consulting`, ask);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('PILOT_CLOSED_FOR_SUPPORT');
    for (const bad of [{ ...ask, topic: '' }, { ...ask, fields: [] }, { ...ask, description: undefined }, { ...ask, fields: Array(11).fill('x') }]) {
      expect((await c.hangzhou!.request('POST', `${API}/pilots/${hz}/consulting`, bad)).statusCode).toBe(422);
    }
  });

  it('records the request, audited, and shows it to the city, its province and the ministry', async () => {
    const res = await c.hangzhou!.request('POST', `${API}/pilots/${hz}/consulting`, ask);
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().id;
    expect(res.json()).toMatchObject({ pilotId: hz, cityNames: ['杭州市'], status: 'requested', version: 1, experts: [], abilities: [], requestedAt: '2018-06-01T02:00:00.000Z' });
    expect((await c.hangzhou!.request('GET', `${API}/pilots/${hz}/consulting`)).json()).toMatchObject({ canRequest: true, items: [{ id: requestId }] });
    expect((await c.zhejiang!.request('GET', `${API}/pilots/${hz}/consulting`)).json().canRequest).toBe(false);
    expect((await c.guihuasi!.request('GET', `${API}/consulting/${requestId}`)).json().abilities).toEqual(['match', 'close']);
    expect((await c.zhuangbeisi!.request('GET', `${API}/consulting?status=requested`)).json().items.map((i: { id: string }) => i.id)).toEqual([requestId]);
    expect((await c.guihuasi!.request('GET', `${API}/consulting?status=served`)).json().items).toEqual([]);
    for (const u of ['wuhan', 'hubei']) {
      expect((await c[u]!.request('GET', `${API}/consulting/${requestId}`)).statusCode, u).toBe(404);
      expect((await c[u]!.request('GET', `${API}/consulting`)).json().items, u).toEqual([]);
    }
    const [event] = await t.database.db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, hz), eq(pilotEvents.action, 'consulting.request')));
    expect(event!.data).toMatchObject({ requestId, fields: ['智能制造', '汽车'] });
  });

  it('gives the ministry candidates by expertise and the excluded experts with the reason', async () => {
    for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi']) expect((await c[u]!.request('GET', `${API}/consulting/${requestId}/candidates`)).statusCode, u).toBe(403);
    expect((await c.guihuasi!.request('GET', `${API}/consulting/${NO_SUCH}/candidates`)).statusCode).toBe(404);
    const res = await c.guihuasi!.request('GET', `${API}/consulting/${requestId}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const { candidates, excluded } = res.json();
    const zj = excluded.find((e: { expertId: string }) => e.expertId === ex.get('exp-zj'));
    expect(zj.rules).toEqual(expect.arrayContaining(['SAME_PROVINCE', 'SAME_CITY']));
    expect(zj.reasons.map((r: { zh: string }) => r.zh).join()).toContain('浙江省');
    expect(excluded.find((e: { expertId: string }) => e.expertId === ex.get('exp-rel')).rules).toContain('DECLARED_RELATION');
    expect(candidates.map((x: { expertId: string }) => x.expertId)).not.toContain(ex.get('exp-zj'));
    // 王院士 covers 智能制造 and 汽车: the best fit comes first.
    expect(candidates[0]).toMatchObject({ expertId: ex.get('exp-bj'), matchedFields: ['智能制造', '汽车'], chosen: false });
    const costs = candidates.map((x: { cost: number }) => x.cost);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
  });

  it('refuses a match with a conflicted, unavailable or unknown expert (422) or a stale version (409)', async () => {
    const match = (body: unknown) => c.guihuasi!.request('POST', `${API}/consulting/${requestId}/match`, body);
    const conflicted = await match({ version: 1, expertIds: [ex.get('exp-bj'), ex.get('exp-zj')] });
    expect(conflicted.statusCode).toBe(422);
    expect(conflicted.json().error.code).toBe('CONFLICT_OF_INTEREST');
    expect(conflicted.json().error.details[0]).toMatchObject({ expertId: ex.get('exp-zj'), name: '周教授' });
    await t.database.db.update(experts).set({ available: false }).where(eq(experts.id, ex.get('exp-sh')!));
    expect((await match({ version: 1, expertIds: [ex.get('exp-sh')] })).json().error.code).toBe('EXPERT_UNAVAILABLE');
    expect((await match({ version: 1, expertIds: [NO_SUCH] })).statusCode).toBe(422);
    expect((await match({ version: 1, expertIds: [] })).statusCode).toBe(422);
    const stale = await match({ version: 7, expertIds: [ex.get('exp-bj')] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    expect((await c.zhuangbeisi!.request('POST', `${API}/consulting/${requestId}/match`, { version: 1, expertIds: [ex.get('exp-bj')] })).statusCode).toBe(403);
    expect((await c.wuhan!.request('POST', `${API}/consulting/${requestId}/match`, { version: 1, expertIds: [ex.get('exp-bj')] })).statusCode).toBe(403);
    // Serving before a match is the wrong step.
    const early = await c.guihuasi!.request('POST', `${API}/consulting/${requestId}/serve`, { version: 1, servedOn: '2018-06-01', record: '现场咨询' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONSULTING_INVALID_STATE');
  });

  it('matches the experts (compare-and-set, audited) and the city sees who they are', async () => {
    const res = await c.guihuasi!.request('POST', `${API}/consulting/${requestId}/match`, { version: 1, expertIds: [ex.get('exp-bj'), ex.get('exp-gz')] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'matched', version: 2, abilities: ['match', 'serve', 'close'] });
    expect(res.json().experts.map((e: { name: string }) => e.name)).toEqual(['王院士', '刘总工']);
    const city = (await c.hangzhou!.request('GET', `${API}/consulting/${requestId}`)).json();
    expect(city).toMatchObject({ status: 'matched', abilities: [] });
    expect(city.experts.map((e: { organisation: string }) => e.organisation)).toEqual(['中国工程院', '广州机械科学研究院']);
    const chosen = (await c.guihuasi!.request('GET', `${API}/consulting/${requestId}/candidates`)).json().candidates.filter((x: { chosen: boolean }) => x.chosen);
    expect(chosen).toHaveLength(2);
    const [event] = await t.database.db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, hz), eq(pilotEvents.action, 'consulting.match')));
    expect(event!.data).toMatchObject({ requestId, from: 'requested', to: 'matched', expertIds: [ex.get('exp-bj'), ex.get('exp-gz')] });
  });

  it('records the service with a date between the request and today, then allows nothing more', async () => {
    const serve = (body: unknown) => c.guihuasi!.request('POST', `${API}/consulting/${requestId}/serve`, body);
    clock.advanceDays(20);
    for (const servedOn of ['2018-05-31', '2018-06-22']) {
      const res = await serve({ version: 2, servedOn, record: '专家赴杭州开展现场咨询' });
      expect(res.statusCode, servedOn).toBe(422);
      expect(res.json().error.code).toBe('CONSULTING_SERVED_ON_INVALID');
    }
    expect((await serve({ version: 2, servedOn: '2018-06-15', record: '' })).statusCode).toBe(422);
    expect((await serve({ version: 1, servedOn: '2018-06-15', record: '现场咨询' })).statusCode).toBe(409);
    expect((await c.hangzhou!.request('POST', `${API}/consulting/${requestId}/serve`, { version: 2, servedOn: '2018-06-15', record: 'x' })).statusCode).toBe(403);
    const ok = await serve({ version: 2, servedOn: '2018-06-15', record: '专家赴杭州开展现场咨询，形成咨询报告一份。' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'served', servedOn: '2018-06-15', serviceRecord: '专家赴杭州开展现场咨询，形成咨询报告一份。', version: 3, abilities: [] });
    for (const [action, body] of [
      ['match', { version: 3, expertIds: [ex.get('exp-bj')] }],
      ['close', { version: 3, comment: '已结束' }],
      ['serve', { version: 3, servedOn: '2018-06-15', record: '再次' }],
    ] as const) {
      const res = await c.guihuasi!.request('POST', `${API}/consulting/${requestId}/${action}`, body);
      expect(res.statusCode, action).toBe(409);
      expect(res.json().error.code).toBe('CONSULTING_INVALID_STATE');
    }
    expect((await c.guihuasi!.request('GET', `${API}/consulting/${requestId}/candidates`)).statusCode).toBe(409);
    const events = await t.database.db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, hz), eq(pilotEvents.action, 'consulting.serve')));
    expect(events).toHaveLength(1);
  });

  it('closes a request the ministry cannot serve, with the reason', async () => {
    const id = (await c.hangzhou!.request('POST', `${API}/pilots/${hz}/consulting`, { ...ask, topic: '工业互联网平台建设' })).json().id;
    expect((await c.guihuasi!.request('POST', `${API}/consulting/${id}/close`, { version: 1, comment: '' })).statusCode).toBe(422);
    const res = await c.guihuasi!.request('POST', `${API}/consulting/${id}/close`, { version: 1, comment: '与已有咨询合并办理' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', version: 2 });
    const [event] = await t.database.db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, hz), eq(pilotEvents.action, 'consulting.close')));
    expect(event!.comment).toBe('与已有咨询合并办理');
  });
});
