/**
 * Amendments 调整优化 through the API: 长株潭 (长沙 株洲 湘潭) proposes that 衡阳 joins from 2018, 湖南
 * gives its opinion, the planning department approves, and the contract has two versions — 2017 is
 * computed against version 1, 2018 against version 2 (长株潭衡). Target revisions, refusal and
 * withdrawal, and every refusal of the routes (401, 403, 404, 409, 422).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilots, users } from '../../src/db/schema.js';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import { getApplication } from '../../src/features/applications/public.js';
import { contractInForce, createPilotForApproval } from '../../src/features/pilots/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { FULL_CHECKLIST, receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts, TEST_TOTP_SECRET } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const CLUSTER = ['430100', '430200', '430300'];

describe.each(dbKinds())('amendments on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2017-11-01T00:00:00Z'));
  const c: Record<string, Client> = {};
  let pilotId: string; // 长株潭
  let hangzhouId: string;

  const propose = (u: string, body: Record<string, unknown>, id = pilotId) => c[u]!.request('POST', `/api/v1/pilots/${id}/amendments`, body);
  const addHengyang = { kind: 'add_member', cityCode: '430400', name: '长株潭衡', reasons: '衡阳加入，形成长株潭衡城市群', effectiveFromYear: 2018 };
  const list = async (u: string) => (await c[u]!.request('GET', `/api/v1/pilots/${pilotId}/amendments`)).json().items;

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    const hash = await hashPassword(PASSWORD);
    for (const [username, org, orgKind, division, authority, role] of [
      ['changsha', '长沙市', 'city', '430100', null, 'city_applicant'],
      ['hengyang', '衡阳市', 'city', '430400', null, 'city_applicant'],
      ['hunan', '湖南省经信委', 'province_authority', '430000', '430000', 'provincial_authority'],
    ] as const) {
      const organisationId = await createOrganisation(db, { name: org, kind: orgKind, divisionCode: division, authorityId: authority });
      await createUser(db, { username, passwordHash: hash, displayName: `${org}用户`, role, organisationId, ...(role === 'provincial_authority' ? { totpSecret: TEST_TOTP_SECRET } : {}) });
    }
    for (const u of ['changsha', 'hengyang', 'hunan', 'hangzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    const [approver] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));

    // The cluster's joint application, forwarded by 湖南 and received by the ministry.
    const plan = makeCompletePlan({ cover: { cityCodes: CLUSTER, applicant: '长株潭城市群' } });
    const created = await c.changsha!.request('POST', '/api/v1/applications', { title: '长株潭实施方案', applicationYear: 2016, plan });
    expect(created.statusCode, created.body).toBe(201);
    const appId = created.json().id as string;
    let v = (await c.changsha!.request('POST', `/api/v1/applications/${appId}/submit`, { version: 1 })).json().version as number;
    v = (await c.hunan!.request('POST', `/api/v1/applications/${appId}/forward`, { version: v, checklist: FULL_CHECKLIST, opinion: '同意', opinionDate: '2016-11-01' })).json().version;
    const received = await c.guihuasi!.request('POST', `/api/v1/applications/${appId}/receive`, { version: v, printedCopies: 'received', discs: 'received', formalCheckPassed: true });
    expect(received.statusCode, received.body).toBe(200);
    pilotId = await createPilotForApproval(db, { application: (await getApplication(db, appId))!, documentNo: '工信部规函〔2016〕950号', approvalDate: '2016-12-01', approvedBy: approver!.id });

    const hz = await receivedApplication({ city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', title: '杭州市实施方案' });
    hangzhouId = await createPilotForApproval(db, { application: (await getApplication(db, hz.id))!, documentNo: '工信部规函〔2016〕951号', approvalDate: '2016-09-01', approvedBy: approver!.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out (401), roles that may not propose (403), another city (404) and malformed proposals (422)', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/pilots/${pilotId}/amendments` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/pilots/${pilotId}/amendments`, payload: addHengyang })).statusCode).toBe(401);
    const bodies: Record<string, object> = { opinion: { version: 1, supports: true, opinion: '同意' }, decision: { version: 1, decision: 'approve' }, withdraw: { version: 1 } };
    for (const [step, payload] of Object.entries(bodies)) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/amendments/${NO_SUCH}/${step}`, payload })).statusCode, step).toBe(401);
      expect((await c.expert!.request('POST', `/api/v1/amendments/${NO_SUCH}/${step}`, payload)).statusCode, step).toBe(403);
    }
    expect((await c.guihuasi!.request('POST', '/api/v1/amendments/not-a-uuid/decision', { version: 1, decision: 'approve' })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `/api/v1/amendments/${NO_SUCH}/decision`, { version: 1, decision: 'approve' })).statusCode).toBe(404);
    for (const u of ['expert', 'admin']) expect((await c[u]!.request('GET', `/api/v1/pilots/${pilotId}/amendments`)).statusCode, u).toBe(403);
    for (const u of ['hunan', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert']) expect((await propose(u, addHengyang)).statusCode, u).toBe(403);
    for (const u of ['wuhan', 'hengyang']) {
      expect((await propose(u, addHengyang)).statusCode, u).toBe(404);
      expect((await c[u]!.request('GET', `/api/v1/pilots/${pilotId}/amendments`)).statusCode, u).toBe(404);
    }
    expect((await c.hubei!.request('GET', `/api/v1/pilots/${pilotId}/amendments`)).statusCode).toBe(404);
    expect((await propose('changsha', addHengyang, NO_SUCH)).statusCode).toBe(404);
    expect((await propose('changsha', { ...addHengyang, kind: 'rename' })).statusCode).toBe(422);
    expect((await propose('changsha', { ...addHengyang, reasons: ' ' })).statusCode).toBe(422);
    expect((await propose('changsha', { ...addHengyang, cityCode: '4304' })).statusCode).toBe(422);
    for (const cityCode of ['999999', '430000', '430100', '430421']) {
      // unknown, a province, already a member, a county (not city-level)
      const res = await propose('changsha', { ...addHengyang, cityCode });
      expect(res.statusCode, cityCode).toBe(422);
      expect(res.json().error.code, cityCode).toBe('AMENDMENT_CITY_INVALID');
    }
    for (const effectiveFromYear of [2016, 2020]) expect((await propose('changsha', { ...addHengyang, effectiveFromYear })).json().error.code).toBe('AMENDMENT_YEAR_INVALID');
    const dup = makeCompletePlan().targets;
    expect((await propose('changsha', { kind: 'revise_targets', targets: [dup[0], dup[0]], reasons: '重复', effectiveFromYear: 2018 })).json().error.code).toBe('AMENDMENT_TARGETS_INVALID');
    expect((await propose('changsha', { kind: 'revise_targets', targets: [], reasons: '空', effectiveFromYear: 2018 })).statusCode).toBe(422);
    expect(await list('changsha')).toEqual([]);
  });

  it('takes 衡阳 into 长株潭 from 2018: proposal, the province\'s opinion, the ministry\'s approval', async () => {
    const proposed = await propose('changsha', addHengyang);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const a = proposed.json();
    expect(a).toMatchObject({
      kind: 'add_member',
      cityCode: '430400',
      cityName: '衡阳市',
      name: '长株潭衡',
      effectiveFromYear: 2018,
      status: 'proposed',
      version: 1,
      opinions: [],
      pendingAuthorities: [{ id: '430000' }],
      proposedBy: '长沙市用户',
      abilities: ['withdraw'],
    });
    expect((await list('hunan'))[0].abilities).toEqual(['giveOpinion']);
    expect((await list('guihuasi'))[0].abilities).toEqual([]);

    // The ministry cannot decide before the province; other provinces do not see it; the city cannot opine.
    const early = await c.guihuasi!.request('POST', `/api/v1/amendments/${a.id}/decision`, { version: 1, decision: 'approve' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('AMENDMENT_INVALID_TRANSITION');
    expect((await c.hubei!.request('POST', `/api/v1/amendments/${a.id}/opinion`, { version: 1, supports: true, opinion: '同意' })).statusCode).toBe(404);
    expect((await c.changsha!.request('POST', `/api/v1/amendments/${a.id}/opinion`, { version: 1, supports: true, opinion: '同意' })).statusCode).toBe(403);
    expect((await c.hunan!.request('POST', `/api/v1/amendments/${NO_SUCH}/opinion`, { version: 1, supports: true, opinion: '同意' })).statusCode).toBe(404);
    expect((await c.hunan!.request('POST', `/api/v1/amendments/${a.id}/opinion`, { version: 1, supports: true, opinion: '' })).statusCode).toBe(422);
    expect((await c.hunan!.request('POST', `/api/v1/amendments/${a.id}/opinion`, { version: 2, supports: true, opinion: '同意' })).json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });

    const opined = await c.hunan!.request('POST', `/api/v1/amendments/${a.id}/opinion`, { version: 1, supports: true, opinion: '同意衡阳加入' });
    expect(opined.statusCode, opined.body).toBe(200);
    expect(opined.json()).toMatchObject({ status: 'province_reviewed', version: 2, pendingAuthorities: [], opinions: [{ authorityId: '430000', supports: true, opinion: '同意衡阳加入', by: '湖南省经信委' }] });
    expect((await c.hunan!.request('POST', `/api/v1/amendments/${a.id}/opinion`, { version: 2, supports: true, opinion: '再次' })).json().error.code).toBe('AMENDMENT_INVALID_TRANSITION');

    for (const u of ['changsha', 'hunan', 'zhuangbeisi']) expect((await c[u]!.request('POST', `/api/v1/amendments/${a.id}/decision`, { version: 2, decision: 'approve' })).statusCode, u).toBe(403);
    expect((await c.guihuasi!.request('POST', `/api/v1/amendments/${a.id}/decision`, { version: 2, decision: 'maybe' })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `/api/v1/amendments/${a.id}/decision`, { version: 1, decision: 'approve' })).json().error.code).toBe('VERSION_CONFLICT');
    const approved = await c.guihuasi!.request('POST', `/api/v1/amendments/${a.id}/decision`, { version: 2, decision: 'approve', comment: '同意调整' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: 3, contractVersion: 2, decisionComment: '同意调整', decidedAt: clock().toISOString(), abilities: [] });
    expect((await c.guihuasi!.request('POST', `/api/v1/amendments/${a.id}/decision`, { version: 3, decision: 'approve' })).json().error.code).toBe('AMENDMENT_INVALID_TRANSITION');
  });

  it('versions the contract: 2017 is measured against version 1, 2018 and 2019 against version 2', async () => {
    const db = t.database.db;
    expect(await contractInForce(db, pilotId, 2017)).toMatchObject({ version: 1, name: '长株潭城市群', cityCodes: CLUSTER });
    expect(await contractInForce(db, pilotId, 2018)).toMatchObject({ version: 2, effectiveFromYear: 2018, name: '长株潭衡', cityCodes: [...CLUSTER, '430400'] });
    expect((await contractInForce(db, pilotId, 2019))!.version).toBe(2);
    expect((await contractInForce(db, pilotId, 2016))!.version).toBe(1);
    expect(await contractInForce(db, NO_SUCH, 2018)).toBeNull();

    const pilot = (await c.changsha!.request('GET', `/api/v1/pilots/${pilotId}`)).json();
    expect(pilot).toMatchObject({ name: '长株潭衡', cityCodes: [...CLUSTER, '430400'], cityNames: ['长沙市', '株洲市', '湘潭市', '衡阳市'], contractVersion: 2, version: 2 });
    // 衡阳 sees its pilot now.
    expect((await c.hengyang!.request('GET', `/api/v1/pilots/${pilotId}`)).statusCode).toBe(200);
    const versions = (await c.hengyang!.request('GET', `/api/v1/pilots/${pilotId}/contract-versions`)).json().items;
    expect(versions.map((x: { version: number; effectiveFromYear: number; name: string; inForce: boolean }) => [x.version, x.effectiveFromYear, x.name, x.inForce])).toEqual([
      [1, 2017, '长株潭城市群', true],
      [2, 2018, '长株潭衡', false],
    ]);
    clock.set(new Date('2018-03-01T00:00:00Z'));
    const later = (await c.hengyang!.request('GET', `/api/v1/pilots/${pilotId}/contract-versions`)).json().items;
    expect(later.map((x: { inForce: boolean }) => x.inForce)).toEqual([false, true]);
    expect(later[1].amendmentId).toBeTruthy();
    const events = (await c.guihuasi!.request('GET', `/api/v1/pilots/${pilotId}/cycle`)).json().events.map((e: { action: string }) => e.action);
    expect(events.slice(0, 4)).toEqual(['approve_amendment', 'amend_contract', 'amendment_opinion', 'propose_amendment']);
  });

  it('revises targets no earlier than the version in force, refuses with a reason, and lets the city withdraw', async () => {
    const targets = makeCompletePlan().targets.slice(0, 2).map((x) => ({ ...x, values: x.values.map((v) => (v === null ? null : v * 1.1)) }));
    expect((await propose('changsha', { kind: 'add_member', cityCode: '430400', name: '再加衡阳', reasons: '重复', effectiveFromYear: 2019 })).json().error.code).toBe('AMENDMENT_CITY_INVALID');
    expect((await propose('hengyang', { kind: 'revise_targets', targets, reasons: '追溯', effectiveFromYear: 2017 })).json().error.code).toBe('AMENDMENT_YEAR_INVALID');
    const revised = await propose('hengyang', { kind: 'revise_targets', targets, reasons: '根据中期评估调整目标', effectiveFromYear: 2019 });
    expect(revised.statusCode, revised.body).toBe(201);
    const r = revised.json();
    expect(r).toMatchObject({ kind: 'revise_targets', cityCode: null, targets: targets.map((x) => expect.objectContaining({ id: x.id })) });
    await c.hunan!.request('POST', `/api/v1/amendments/${r.id}/opinion`, { version: 1, supports: false, opinion: '不同意' });
    expect((await c.guihuasi!.request('POST', `/api/v1/amendments/${r.id}/decision`, { version: 2, decision: 'refuse' })).statusCode).toBe(422);
    const refused = await c.guihuasi!.request('POST', `/api/v1/amendments/${r.id}/decision`, { version: 2, decision: 'refuse', comment: '目标下调理由不足' });
    expect(refused.json()).toMatchObject({ status: 'refused', contractVersion: null, opinions: [{ supports: false }] });
    expect((await contractInForce(t.database.db, pilotId, 2019))!.version).toBe(2);

    const again = (await propose('changsha', { kind: 'revise_targets', targets, reasons: '再议', effectiveFromYear: 2019 })).json();
    expect((await c.hunan!.request('POST', `/api/v1/amendments/${again.id}/withdraw`, { version: 1 })).statusCode).toBe(403);
    expect((await c.wuhan!.request('POST', `/api/v1/amendments/${again.id}/withdraw`, { version: 1 })).statusCode).toBe(404);
    expect((await c.changsha!.request('POST', `/api/v1/amendments/${again.id}/withdraw`, { version: 5 })).json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.changsha!.request('POST', `/api/v1/amendments/${again.id}/withdraw`, { version: 1 })).json()).toMatchObject({ status: 'withdrawn', abilities: [] });
    expect((await c.changsha!.request('POST', `/api/v1/amendments/${again.id}/withdraw`, { version: 2 })).json().error.code).toBe('AMENDMENT_INVALID_TRANSITION');
    expect((await list('lingdao')).map((x: { status: string }) => x.status)).toEqual(['approved', 'refused', 'withdrawn']);

    // A revision approved for 2019 leaves 2018 on version 2.
    const third = (await propose('changsha', { kind: 'revise_targets', targets, reasons: '第二次调整', effectiveFromYear: 2019 })).json();
    await c.hunan!.request('POST', `/api/v1/amendments/${third.id}/opinion`, { version: 1, supports: true, opinion: '同意' });
    expect((await c.guihuasi!.request('POST', `/api/v1/amendments/${third.id}/decision`, { version: 2, decision: 'approve' })).json().contractVersion).toBe(3);
    expect((await contractInForce(t.database.db, pilotId, 2018))!.version).toBe(2);
    const v3 = (await contractInForce(t.database.db, pilotId, 2019))!;
    expect(v3).toMatchObject({ version: 3, name: '长株潭衡' });
    expect(v3.targets.map((x) => x.id)).toEqual(targets.map((x) => x.id));
  });

  it('refuses amendments of a pilot that no longer runs (409)', async () => {
    await t.database.db.update(pilots).set({ state: 'cancelled' }).where(eq(pilots.id, hangzhouId));
    const res = await propose('hangzhou', { ...addHengyang, cityCode: '330500', name: '杭湖' }, hangzhouId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PILOT_CLOSED');
  });
});
