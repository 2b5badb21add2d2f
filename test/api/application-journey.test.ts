/**
 * The application journey through the HTTP layer, on PGlite and on PostgreSQL:
 * city drafts and submits, the province returns or forwards, the ministry receives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCIAL_CHECKLIST } from '../../src/shared/lifecycle/provincial-checklist.js';
import type { Plan } from '../../src/shared/plan/plan-schema.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const checklist = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));

function planFor(cityCodes: string[], applicant = '测试市人民政府'): Plan {
  const plan = makeCompletePlan();
  plan.cover.cityCodes = cityCodes;
  plan.cover.applicant = applicant;
  return plan;
}

describe.each(dbKinds())('application journey on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'huzhou', 'ningbo', 'wuhan', 'xuancheng', 'zhejiang', 'ningbo-sj', 'hubei', 'anhui', 'guihuasi', 'zhuangbeisi', 'expert', 'admin']) {
      c[u] = await login(t.app, u, PASSWORD);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function create(user: string, plan: Plan, title = '试点示范城市实施方案') {
    const res = await c[user]!.request('POST', '/api/v1/applications', { title, applicationYear: plan.cover.applicationYear, plan });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function detail(user: string, id: string) {
    const res = await c[user]!.request('GET', `/api/v1/applications/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  async function act(user: string, id: string, action: string, body: object) {
    return c[user]!.request('POST', `/api/v1/applications/${id}/${action}`, body);
  }

  it('answers health with the database kind, and serves the OpenAPI document and docs page', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: kind });
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toContain('/api/v1/applications/{id}/forward');
    expect(paths).toContain('/api/v1/plan/check');
    // Every answer of the applications has its schema; the exports are files, not JSON.
    const ok = (path: string, method = 'get') => doc.json().paths[path][method].responses['200'];
    expect(Object.keys(ok('/api/v1/applications/{id}').content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['application', 'plan', 'findings', 'allowedActions', 'provincialReviews', 'intake', 'attachments']),
    );
    for (const path of ['/api/v1/applications', '/api/v1/applications/{id}/versions', '/api/v1/applications/{id}/history', '/api/v1/plan/parse-target']) {
      const method = path.startsWith('/api/v1/plan') ? 'post' : 'get';
      expect(ok(path, method).content['application/json'].schema, path).toHaveProperty('properties');
    }
    expect(Object.keys(ok('/api/v1/applications/{id}/export.docx').content)).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(ok('/api/v1/applications/{id}/export.xlsx').content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toMatchObject({ format: 'binary' });
    expect(ok('/api/v1/attachments/{attachmentId}').content['application/pdf'].schema).toMatchObject({ format: 'binary' });
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('refuses unauthenticated, wrong-role and CSRF-less requests with stable codes', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/applications' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('AUTH_REQUIRED');
    expect(anon.json().error.message['zh-CN']).toMatch(/登录/);

    const wrongRole = await c.zhejiang!.request('POST', '/api/v1/applications', { title: 'x', applicationYear: 2016 });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.code).toBe('FORBIDDEN');

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { cookie: c.hangzhou!.cookie },
      payload: { title: 'x', applicationYear: 2016 },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');

    for (const u of ['expert', 'admin']) {
      const res = await c[u]!.request('GET', '/api/v1/applications');
      expect(res.statusCode).toBe(403);
    }
  });

  it('refuses malformed JSON and invalid bodies with 400/422, never 500', async () => {
    const malformed = await c.hangzhou!.request('POST', '/api/v1/applications', '{"title": "x", ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    const invalid = await c.hangzhou!.request('POST', '/api/v1/applications', { title: 'x', applicationYear: 'next year' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    const badId = await c.hangzhou!.request('GET', '/api/v1/applications/not-a-uuid');
    expect(badId.statusCode).toBe(422);
    const otherCity = await c.hangzhou!.request('POST', '/api/v1/applications', { title: 'x', applicationYear: 2016, cityCodes: ['420100'] });
    expect(otherCity.statusCode).toBe(422);
    expect(otherCity.json().error.code).toBe('CITY_NOT_IN_SCOPE');
  });

  it('keeps a city to its own applications and a province to its own cities', async () => {
    const id = await create('hangzhou', planFor(['330100']));
    expect((await c.huzhou!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    // A draft is not yet visible to the province, nor to the ministry.
    expect((await c.zhejiang!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    const list = await c.huzhou!.request('GET', '/api/v1/applications');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const own = await c.hangzhou!.request('GET', '/api/v1/applications');
    expect(own.json().items.map((i: { id: string }) => i.id)).toContain(id);
    // Writing to another city's application is refused as not found.
    const d = await detail('hangzhou', id);
    const write = await c.huzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: d.application.version, plan: d.plan });
    expect(write.statusCode).toBe(404);
  });

  it('saves with optimistic locking: a stale version gets 409 and loses nothing already saved', async () => {
    const id = await create('hangzhou', planFor(['330100']));
    const d = await detail('hangzhou', id);
    const first = structuredClone(d.plan) as Plan;
    first.sections['ch8.other'] = '<p>第一位编辑者的内容</p>';
    const ok = await c.hangzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: d.application.version, plan: first });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(d.application.version + 1);

    const second = structuredClone(d.plan) as Plan;
    second.sections['ch8.other'] = '<p>第二位编辑者的内容</p>';
    const stale = await c.hangzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: d.application.version, plan: second });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.currentVersion).toBe(d.application.version + 1);

    const after = await detail('hangzhou', id);
    expect(after.plan.sections['ch8.other']).toBe('<p>第一位编辑者的内容</p>');

    const versions = await c.hangzhou!.request('GET', `/api/v1/applications/${id}/versions`);
    expect(versions.statusCode).toBe(200);
    expect(versions.json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses submission while blocking findings remain, then runs the whole journey', async () => {
    const plan = planFor(['330500'], '湖州市人民政府');
    plan.targets[0]!.values = [plan.targets[0]!.values[0]!, null, null];
    const id = await create('huzhou', plan);
    let d = await detail('huzhou', id);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['save', 'submit']));
    expect(d.application.abilities).toEqual(['open', 'edit', 'submit', 'export', 'uploadAttachment']);
    expect(d.application.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const refused = await act('huzhou', id, 'submit', { version: d.application.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('PLAN_HAS_BLOCKING_FINDINGS');
    expect(refused.json().error.details.findings.length).toBeGreaterThan(0);

    // Fix and submit.
    const fixed = planFor(['330500'], '湖州市人民政府');
    const saved = await c.huzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: d.application.version, plan: fixed });
    expect(saved.statusCode).toBe(200);
    const submitted = await act('huzhou', id, 'submit', { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');

    // Wrong state: submitting again.
    const again = await act('huzhou', id, 'submit', { version: submitted.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
    // The city can no longer edit.
    const edit = await c.huzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: submitted.json().version, plan: fixed });
    expect(edit.statusCode).toBe(409);

    // The province sees it in its queue; other provinces do not.
    const queue = await c.zhejiang!.request('GET', '/api/v1/applications?queue=true');
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const queued = queue.json().items.find((i: { id: string }) => i.id === id);
    expect(queued.abilities).toEqual(['open', 'forward', 'return', 'export']);
    expect(queued.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const own = (await c.huzhou!.request('GET', '/api/v1/applications')).json().items.find((i: { id: string }) => i.id === id);
    expect(own.abilities).toEqual(['open', 'export']);
    expect((await c.hubei!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    expect((await act('hubei', id, 'forward', { version: submitted.json().version, checklist, opinion: '同意', opinionDate: '2016-08-01' })).statusCode).toBe(404);
    // A city cannot forward its own application.
    expect((await act('huzhou', id, 'forward', { version: submitted.json().version, checklist, opinion: '同意', opinionDate: '2016-08-01' })).statusCode).toBe(403);

    // Province returns it with reasons.
    d = await detail('zhejiang', id);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['forward', 'return']));
    const returned = await act('zhejiang', id, 'return', { version: d.application.version, reasons: '请补充基期数据来源。' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    const emptyReasons = await act('zhejiang', id, 'return', { version: returned.json().version, reasons: '   ' });
    expect(emptyReasons.statusCode).toBe(422);

    // City revises and resubmits: round 2.
    d = await detail('huzhou', id);
    const revised = structuredClone(d.plan) as Plan;
    revised.sections['ch8.other'] = '<p>已补充基期数据来源：湖州市统计年鉴（2015）。</p>';
    const saved2 = await c.huzhou!.request('PUT', `/api/v1/applications/${id}/plan`, { version: d.application.version, plan: revised });
    expect(saved2.statusCode).toBe(200);
    const resubmitted = await act('huzhou', id, 'submit', { version: saved2.json().version });
    expect(resubmitted.statusCode).toBe(200);

    // Forwarding needs the whole checklist, and the current version.
    const partial = await act('zhejiang', id, 'forward', { version: resubmitted.json().version, checklist: { materials_complete: true }, opinion: '同意', opinionDate: '2016-08-10' });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error.code).toBe('CHECKLIST_INCOMPLETE');
    const staleForward = await act('zhejiang', id, 'forward', { version: resubmitted.json().version - 1, checklist, opinion: '同意', opinionDate: '2016-08-10' });
    expect(staleForward.statusCode).toBe(409);
    const forwarded = await act('zhejiang', id, 'forward', { version: resubmitted.json().version, checklist, opinion: '经初审，材料齐全、真实，同意推荐。', opinionDate: '2016-08-10' });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().status).toBe('forwarded');

    // The ministry finds it in its inbox and records the paper copies.
    const inbox = await c.guihuasi!.request('GET', '/api/v1/applications?queue=true');
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const deptView = await c.zhuangbeisi!.request('GET', `/api/v1/applications/${id}`);
    expect(deptView.statusCode).toBe(200);
    expect(deptView.json().allowedActions).toEqual([]);
    expect(deptView.json().application.abilities).toEqual(['open', 'export']);
    expect((await detail('guihuasi', id)).application.abilities).toEqual(['open', 'receive', 'export']);
    expect((await act('zhuangbeisi', id, 'receive', { version: forwarded.json().version, printedCopies: 'received', discs: 'received', formalCheckPassed: true })).statusCode).toBe(403);
    const badIntake = await act('guihuasi', id, 'receive', { version: forwarded.json().version, printedCopies: 'maybe', discs: 'received', formalCheckPassed: true });
    expect(badIntake.statusCode).toBe(422);
    const received = await act('guihuasi', id, 'receive', { version: forwarded.json().version, printedCopies: 'received', discs: 'waived', formalCheckPassed: true, note: '光盘以电子版替代' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().status).toBe('received');
    const twice = await act('guihuasi', id, 'receive', { version: received.json().version, printedCopies: 'received', discs: 'received', formalCheckPassed: true });
    expect(twice.statusCode).toBe(409);

    const final = await detail('guihuasi', id);
    expect(final.intake).toMatchObject({ printedCopies: 'received', discs: 'waived', formalCheckPassed: true });
    expect(final.provincialReviews.map((r: { round: number; decision: string }) => `${r.round}:${r.decision}`)).toEqual(['2:forwarded', '1:returned']);

    const history = await c.huzhou!.request('GET', `/api/v1/applications/${id}/history`);
    const events = history.json().items as { action: string; fromStatus: string | null; toStatus: string | null; comment: string | null; actorName: string }[];
    expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'forward', 'receive']);
    expect(events[2]).toMatchObject({ fromStatus: 'submitted', toStatus: 'returned', comment: '请补充基期数据来源。' });
    expect(events.every((e) => e.actorName)).toBe(true);

    // Every submitted version is kept.
    const versions = (await c.huzhou!.request('GET', `/api/v1/applications/${id}/versions`)).json().items as { id: string; kind: string; round: number }[];
    expect(versions.filter((v) => v.kind === 'submitted').map((v) => v.round).sort()).toEqual([1, 2]);
    const firstSubmitted = versions.find((v) => v.kind === 'submitted' && v.round === 1)!;
    const old = await c.huzhou!.request('GET', `/api/v1/applications/${id}/versions/${firstSubmitted.id}`);
    expect(old.statusCode).toBe(200);
    expect(old.json().plan.sections['ch8.other']).not.toContain('已补充基期数据来源');
  });

  it('sends a 计划单列市 application to its own authority, not the province', async () => {
    const id = await create('ningbo', planFor(['330200'], '宁波市人民政府'));
    const d = await detail('ningbo', id);
    const sub = await act('ningbo', id, 'submit', { version: d.application.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect((await c.zhejiang!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    const fwd = await act('ningbo-sj', id, 'forward', { version: sub.json().version, checklist, opinion: '同意', opinionDate: '2016-07-20' });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json().status).toBe('forwarded');
  });

  it('sends a cross-province cluster to each province and reaches the ministry when all have forwarded', async () => {
    const id = await create('huzhou', planFor(['330500', '341800'], '湖州市、宣城市人民政府'));
    // The partner city sees the joint application too.
    expect((await c.xuancheng!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(200);
    const d = await detail('huzhou', id);
    const sub = await act('huzhou', id, 'submit', { version: d.application.version });
    expect(sub.statusCode).toBe(200);
    const first = await act('zhejiang', id, 'forward', { version: sub.json().version, checklist, opinion: '同意', opinionDate: '2016-09-01' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('submitted');
    expect((await c.guihuasi!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(404);
    const repeat = await act('zhejiang', id, 'forward', { version: first.json().version, checklist, opinion: '同意', opinionDate: '2016-09-01' });
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json().error.code).toBe('ALREADY_DECIDED');
    const second = await act('anhui', id, 'forward', { version: first.json().version, checklist, opinion: '同意', opinionDate: '2016-09-02' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().status).toBe('forwarded');
    expect((await c.guihuasi!.request('GET', `/api/v1/applications/${id}`)).statusCode).toBe(200);
  });

  it('exports a plan as JSON and imports it back as a new draft', async () => {
    const id = await create('wuhan', planFor(['420100'], '武汉市人民政府'));
    const exp = await c.wuhan!.request('GET', `/api/v1/applications/${id}/export`);
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-disposition']).toMatch(/attachment/);
    const plan = JSON.parse(exp.body) as Plan;
    expect(plan.format).toBe('mic2025-plan');
    const copy = await create('wuhan', plan, '导入的方案');
    const d = await detail('wuhan', copy);
    expect(d.plan).toEqual(plan);
    const bad = await c.wuhan!.request('POST', '/api/v1/applications', { title: 'x', applicationYear: 2016, plan: { ...plan, format: 'other' } });
    expect(bad.statusCode).toBe(422);
  });

  it('checks a plan and parses a target through the stateless endpoints', async () => {
    const plan = makeCompletePlan();
    const ok = await c.hangzhou!.request('POST', '/api/v1/plan/check', { plan });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().blocking).toBe(false);
    plan.sections['ch1.economy'] = '';
    const bad = await c.hangzhou!.request('POST', '/api/v1/plan/check', { plan });
    expect(bad.json().blocking).toBe(true);
    expect(bad.json().findings.some((f: { path: string }) => f.path === 'sections.ch1.economy')).toBe(true);
    const parsed = await c.hangzhou!.request('POST', '/api/v1/plan/parse-target', { wording: '到2019年，单位工业增加值能耗比2015年下降18%', applicationYear: 2016 });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.json()).toMatchObject({ kind: 'change_vs_base', direction: 'lower', value: 18, baseYear: 2015, targetYear: 2019 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/plan/check', payload: { plan } })).statusCode).toBe(401);
  });
});
