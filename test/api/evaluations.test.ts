/**
 * Evaluation 考核评估 through the HTTP layer, on both databases: the scheme setting, a round for two
 * pilots, experts seated with the conflict rules and the solver, scores hidden until an expert has
 * submitted, a department's opinion, and the decision — a 不合格 grade opens a rectification case and
 * moves the pilot into 限期整改. With the refusals: 401, 403, 404 (scope), 409 (stale version, wrong
 * step, incomplete panel), 422 (bad input).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { pilots, progressReports, reportValues, users } from '../../src/db/schema.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import { DEFAULT_EVALUATION_SCHEME } from '../../src/shared/monitoring/evaluation.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedExperts } from '../helpers/seed-experts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const base = '/api/v1';

describe.each(dbKinds())('evaluations on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  const clock = manualClock(new Date('2018-09-01T02:00:00Z'));
  const c: Record<string, Client> = {};
  let hangzhou: string;
  let wuhan: string;
  let evaluationId: string;
  let version: number;
  let seated: string[] = [];

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    db = t.database.db;
    await seedAccounts(db);
    await seedExperts(db);
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'admin', 'exp-bj', 'exp-hrb', 'exp-wh', 'exp-sh', 'exp-gz', 'exp-zj', 'exp-rel']) {
      c[u] = await login(t.app, u, PASSWORD);
    }
    const ministryId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi')))[0]!.id;
    const make = async (city: Client, province: Client, code: string, applicant: string, documentNo: string) => {
      const app = await receivedApplication({ city, province, ministry: c.guihuasi! }, { code, applicant, title: `${applicant}实施方案` });
      return createPilotForApproval(db, { application: (await getApplication(db, app.id))!, documentNo, approvalDate: '2016-09-01', approvedBy: ministryId });
    };
    hangzhou = await make(c.hangzhou!, c.zhejiang!, '330100', '杭州市人民政府', '工信部规函〔2016〕901号');
    wuhan = await make(c.wuhan!, c.hubei!, '420100', '武汉市人民政府', '工信部规函〔2016〕902号');
    const [r] = await db
      .insert(progressReports)
      .values({ pilotId: hangzhou, period: '2017', year: 2017, periodStart: '2017-01-01', periodEnd: '2017-12-31', dueDate: '2018-01-31', status: 'confirmed' })
      .returning({ id: progressReports.id });
    await db.insert(reportValues).values([
      { reportId: r!.id, targetId: 't-innovation-rd', actual: 1.22 },
      { reportId: r!.id, targetId: 't-quality-revenue', actual: 4450 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the scheme as a setting: the default until one is saved, validated when saved', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${base}/evaluation-scheme` })).statusCode).toBe(401);
    expect((await c.admin!.request('GET', `${base}/evaluation-scheme`)).statusCode).toBe(403);
    const got = await c.zhuangbeisi!.request('GET', `${base}/evaluation-scheme`);
    expect(got.json()).toMatchObject({ isDefault: true, scheme: DEFAULT_EVALUATION_SCHEME, updatedAt: null, version: 0 });
    expect((await c.hangzhou!.request('PUT', `${base}/evaluation-scheme`, { scheme: DEFAULT_EVALUATION_SCHEME, version: 0 })).statusCode).toBe(403);
    const badWeights = { ...DEFAULT_EVALUATION_SCHEME, items: DEFAULT_EVALUATION_SCHEME.items.map((i) => ({ ...i, weight: 0.5 })) };
    expect((await c.guihuasi!.request('PUT', `${base}/evaluation-scheme`, { scheme: badWeights, version: 0 })).statusCode).toBe(422);
    const noInnovation = { ...DEFAULT_EVALUATION_SCHEME, items: DEFAULT_EVALUATION_SCHEME.items.filter((i) => i.id !== 'innovation') };
    expect((await c.guihuasi!.request('PUT', `${base}/evaluation-scheme`, { scheme: noInnovation, version: 0 })).statusCode).toBe(422);
    const stricter = { ...DEFAULT_EVALUATION_SCHEME, id: 'stricter', grades: { excellent: 92, good: 80, pass: 65 } };
    const saved = await c.guihuasi!.request('PUT', `${base}/evaluation-scheme`, { scheme: stricter, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, scheme: { id: 'stricter', grades: { pass: 65 } }, version: 1 });
    // Saving over a version someone else already saved over is refused; their scheme stays.
    const stale = await c.guihuasi!.request('PUT', `${base}/evaluation-scheme`, { scheme: DEFAULT_EVALUATION_SCHEME, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.zhuangbeisi!.request('GET', `${base}/evaluation-scheme`)).json()).toMatchObject({ scheme: { id: 'stricter' }, version: 1 });
  });

  it('opens a round for several pilots, refusing others and bad input', async () => {
    const body = { kind: 'midterm', title: '2018年中期评估', deadline: '2018-10-31', pilotIds: [hangzhou, wuhan] };
    expect((await t.app.inject({ method: 'POST', url: `${base}/evaluation-rounds`, payload: body })).statusCode).toBe(401);
    for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi', 'exp-bj']) expect((await c[u]!.request('POST', `${base}/evaluation-rounds`, body)).statusCode, u).toBe(403);
    expect((await c.guihuasi!.request('POST', `${base}/evaluation-rounds`, { ...body, pilotIds: [] })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `${base}/evaluation-rounds`, { ...body, kind: 'yearly' })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `${base}/evaluation-rounds`, { ...body, deadline: '2018-08-31' })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', `${base}/evaluation-rounds`, { ...body, pilotIds: [NO_SUCH] })).statusCode).toBe(404);
    const res = await c.guihuasi!.request('POST', `${base}/evaluation-rounds`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'midterm', title: '2018年中期评估', status: 'open' });
    expect(res.json().evaluations).toHaveLength(2);
    evaluationId = res.json().evaluations.find((e: { pilotId: string }) => e.pilotId === hangzhou).id;
    expect((await c.guihuasi!.request('GET', `${base}/evaluation-rounds`)).json().items).toHaveLength(1);
    // Cities see nothing of a round while it is scored.
    expect((await c.hangzhou!.request('GET', `${base}/evaluation-rounds`)).json().items).toEqual([]);
  });

  it('shows the live result from the confirmed figures to the ministry, and nothing to the city or an unseated expert', async () => {
    for (const u of ['hangzhou', 'zhejiang', 'exp-bj']) expect((await c[u]!.request('GET', `${base}/evaluations/${evaluationId}`)).statusCode, u).toBe(404);
    expect((await c.guihuasi!.request('GET', `${base}/evaluations/${NO_SUCH}`)).statusCode).toBe(404);
    const res = await c.guihuasi!.request('GET', `${base}/evaluations/${evaluationId}`);
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json();
    expect(ev).toMatchObject({ pilotId: hangzhou, status: 'scoring', grade: null, members: [], abilities: ['assign', 'decide', 'seeScores'] });
    const innovation = ev.result.items.find((i: { id: string }) => i.id === 'innovation');
    expect(innovation.score).toBeCloseTo(10 / 3, 6); // R&D at 10 %, two indicators without data at 0
    expect(ev.result.items.find((i: { id: string }) => i.id === 'quality_efficiency').score).toBeCloseTo(100 / 3, 6);
    version = ev.version;
  });

  it('seats experts with the conflict rules and the solver', async () => {
    const url = `${base}/evaluations/${evaluationId}/panel`;
    expect((await c.zhuangbeisi!.request('POST', url, { version, panelSize: 3 })).statusCode).toBe(403);
    expect((await c.guihuasi!.request('POST', url, { version: version + 1, panelSize: 3 })).statusCode).toBe(409);
    expect((await c.guihuasi!.request('POST', url, { version, panelSize: 0 })).statusCode).toBe(422);
    expect((await c.guihuasi!.request('POST', url, { version, panelSize: 7 })).json().error.code).toBe('EVALUATION_PANEL_SHORT');
    const res = await c.guihuasi!.request('POST', url, { version, panelSize: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().members.map((m: { name: string }) => m.name);
    expect(names).toHaveLength(3);
    // 周教授 (浙江, same province as 杭州) and 吴研究员 (drafted 杭州's plan) are never seated.
    expect(names).not.toContain('周教授');
    expect(names).not.toContain('吴研究员');
    version = res.json().version;
    expect(res.json().abilities).toEqual(['decide', 'seeScores']);
    const byName: Record<string, string> = { 王院士: 'exp-bj', 李教授: 'exp-hrb', 张教授: 'exp-wh', 陈研究员: 'exp-sh', 刘总工: 'exp-gz' };
    seated = names.map((n: string) => byName[n]!);
    expect((await c.guihuasi!.request('POST', url, { version, panelSize: 3 })).statusCode).toBe(409);
  });

  it('takes each seated expert’s scores once, hiding the others’ until he has submitted', async () => {
    const [first, second, third] = seated as [string, string, string];
    const url = `${base}/evaluations/${evaluationId}/scores`;
    expect((await c['exp-zj']!.request('POST', url, { scores: { expert_evaluation: 70 } })).statusCode).toBe(404);
    expect((await c.guihuasi!.request('POST', url, { scores: { expert_evaluation: 70 } })).statusCode).toBe(403);
    expect((await c[first]!.request('POST', url, { scores: {} })).statusCode).toBe(422);
    expect((await c[first]!.request('POST', url, { scores: { expert_evaluation: 70, department_evaluation: 10 } })).statusCode).toBe(422);
    expect((await c[first]!.request('POST', url, { scores: { expert_evaluation: 101 } })).statusCode).toBe(422);
    const ok = await c[first]!.request('POST', url, { scores: { expert_evaluation: 40 }, comments: '推进缓慢' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().myScores).toMatchObject({ scores: { expert_evaluation: 40 }, comments: '推进缓慢' });
    expect(ok.json().scores).toHaveLength(1);
    expect((await c[first]!.request('POST', url, { scores: { expert_evaluation: 50 } })).json().error.code).toBe('EVALUATION_ALREADY_SCORED');
    const before = (await c[second]!.request('GET', `${base}/evaluations/${evaluationId}`)).json();
    expect(before).toMatchObject({ scores: [], myScores: null, abilities: ['score'] });
    await c[second]!.request('POST', url, { scores: { expert_evaluation: 50 } });
    expect((await c[second]!.request('GET', `${base}/evaluations/${evaluationId}`)).json().scores).toHaveLength(2);
    // The decision waits for the whole panel.
    const early = await c.guihuasi!.request('POST', `${base}/evaluations/${evaluationId}/decide`, { version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('SCORES_INCOMPLETE');
    await c[third]!.request('POST', url, { scores: { expert_evaluation: 45 } });
  });

  it('takes a department’s opinion', async () => {
    const url = `${base}/evaluations/${evaluationId}/opinion`;
    expect((await c.hangzhou!.request('POST', url, { opinion: '同意' })).statusCode).toBe(403);
    expect((await c.zhuangbeisi!.request('POST', url, { opinion: '' })).statusCode).toBe(422);
    expect((await c.zhuangbeisi!.request('POST', url, { opinion: '政策落实不到位', scores: { expert_evaluation: 10 } })).statusCode).toBe(422);
    const res = await c.zhuangbeisi!.request('POST', url, { opinion: '政策落实不到位。', scores: { department_evaluation: 50 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().opinions).toEqual([expect.objectContaining({ opinion: '政策落实不到位。', scores: { department_evaluation: 50 } })]);
  });

  it('decides: a 不合格 grade opens a rectification case and the pilot enters 限期整改', async () => {
    const url = `${base}/evaluations/${evaluationId}/decide`;
    expect((await c.zhuangbeisi!.request('POST', url, { version })).statusCode).toBe(403);
    expect((await c.guihuasi!.request('POST', url, { version: version + 3 })).statusCode).toBe(409);
    const res = await c.guihuasi!.request('POST', url, { version, requiredActions: '对照评估意见逐项整改。' });
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json();
    // 0.2 × 10/3 + 0.2 × 100/3 + 0.2 × 45 + 0.1 × 50 = 21.33…
    expect(ev.totalScore).toBeCloseTo(0.2 * (10 / 3) + 0.2 * (100 / 3) + 0.2 * 45 + 0.1 * 50, 6);
    expect(ev).toMatchObject({ status: 'decided', grade: 'fail', abilities: ['seeScores'] });
    expect(ev.rectificationCaseId).toEqual(expect.any(String));
    expect((await db.select().from(pilots).where(eq(pilots.id, hangzhou)))[0]!.state).toBe('rectification');
    const kase = (await c.guihuasi!.request('GET', `${base}/rectifications/${ev.rectificationCaseId}`)).json();
    expect(kase).toMatchObject({ origin: 'evaluation', evaluation: { id: evaluationId, grade: 'fail' }, requiredActions: '对照评估意见逐项整改。', status: 'open' });
    expect(kase.findings.map((f: { kind: string }) => f.kind)).toContain('indicator');
    expect(kase.findings[0].kind).toBe('evaluation');
    expect((await c.guihuasi!.request('POST', url, { version: ev.version })).statusCode).toBe(409);

    // Now decided, the city and its province see the grade — without who scored what.
    const city = await c.hangzhou!.request('GET', `${base}/evaluations/${evaluationId}`);
    expect(city.statusCode).toBe(200);
    expect(city.json()).toMatchObject({ grade: 'fail', members: [], scores: [], opinions: [], abilities: [] });
    expect((await c.zhejiang!.request('GET', `${base}/evaluations/${evaluationId}`)).statusCode).toBe(200);
    expect((await c.hubei!.request('GET', `${base}/evaluations/${evaluationId}`)).statusCode).toBe(404);
  });

  it('keeps the round open while one of its evaluations is scored, and the last decision closes it', async () => {
    const rounds = async () => (await c.guihuasi!.request('GET', `${base}/evaluation-rounds`)).json().items as { status: string; evaluations: { id: string; pilotId: string }[] }[];
    expect((await rounds())[0]!.status).toBe('open');
    const other = (await rounds())[0]!.evaluations.find((e) => e.pilotId === wuhan)!.id;
    let v = (await c.guihuasi!.request('GET', `${base}/evaluations/${other}`)).json().version as number;
    const panel = await c.guihuasi!.request('POST', `${base}/evaluations/${other}/panel`, { version: v, panelSize: 3 });
    expect(panel.statusCode, panel.body).toBe(200);
    v = panel.json().version;
    const byName: Record<string, string> = { 王院士: 'exp-bj', 李教授: 'exp-hrb', 张教授: 'exp-wh', 陈研究员: 'exp-sh', 刘总工: 'exp-gz', 周教授: 'exp-zj', 吴研究员: 'exp-rel' };
    for (const m of panel.json().members as { name: string }[]) {
      const who = byName[m.name];
      expect(who, m.name).toBeDefined();
      const r = await c[who!]!.request('POST', `${base}/evaluations/${other}/scores`, { scores: { expert_evaluation: 80 } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const decided = await c.guihuasi!.request('POST', `${base}/evaluations/${other}/decide`, { version: v });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await rounds())[0]!.status).toBe('closed');
  });
});
