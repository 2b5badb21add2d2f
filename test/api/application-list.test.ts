/**
 * The application list's filters and scope, on PGlite and on PostgreSQL. The list is sent as a
 * prepared statement per request shape, so these cases also prove that one shape's statement,
 * reused with another actor's or another filter's values, answers for those values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('application list on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  const ids: Record<string, string> = {};

  async function create(user: string, code: string, title: string) {
    const plan = makeCompletePlan({ cover: { cityCodes: [code], applicant: `${title}申报单位` } });
    const res = await c[user]!.request('POST', '/api/v1/applications', { title, applicationYear: 2016, plan });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const list = async (user: string, query = '') => {
    const res = await c[user]!.request('GET', `/api/v1/applications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string; title: string; status: string }[]; total: number };
    return { titles: body.items.map((i) => i.title).sort(), total: body.total, ids: body.items.map((i) => i.id) };
  };

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    ids.hz1 = await create('hangzhou', '330100', '杭州 智能制造 方案');
    ids.hz2 = await create('hangzhou', '330100', '杭州 100%_绿色 方案');
    ids.hz3 = await create('hangzhou', '330100', '杭州 服务型制造 方案');
    ids.huz = await create('huzhou', '330500', '湖州 绿色智造 方案');
    ids.wh = await create('wuhan', '420100', '武汉 智能制造 方案');
    for (const [user, id] of [['hangzhou', ids.hz1], ['huzhou', ids.huz], ['wuhan', ids.wh]] as const) {
      const r = await c[user]!.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('each city sees its own applications only, though the statement is shared', async () => {
    expect((await list('hangzhou')).total).toBe(3);
    expect((await list('huzhou')).titles).toEqual(['湖州 绿色智造 方案']);
    expect((await list('wuhan')).titles).toEqual(['武汉 智能制造 方案']);
    expect((await list('hangzhou')).total).toBe(3);
  });

  it('filters by status, and by the queue, with each actor\'s values', async () => {
    expect((await list('hangzhou', '?status=submitted')).titles).toEqual(['杭州 智能制造 方案']);
    expect((await list('hangzhou', '?status=draft')).total).toBe(2);
    expect((await list('huzhou', '?status=draft')).total).toBe(0);
    expect((await list('hangzhou', '?queue=true')).total).toBe(2);
    expect((await list('zhejiang', '?queue=true')).titles).toEqual(['杭州 智能制造 方案', '湖州 绿色智造 方案']);
    expect((await list('hubei', '?queue=true')).titles).toEqual(['武汉 智能制造 方案']);
  });

  it('searches title, reference number and applicant, with % and _ taken literally', async () => {
    expect((await list('hangzhou', `?q=${encodeURIComponent('智能')}`)).titles).toEqual(['杭州 智能制造 方案']);
    expect((await list('hangzhou', `?q=${encodeURIComponent('100%_')}`)).titles).toEqual(['杭州 100%_绿色 方案']);
    expect((await list('hangzhou', `?q=${encodeURIComponent('%')}`)).total).toBe(1);
    expect((await list('hangzhou', `?q=${encodeURIComponent('服务型 制造')}`)).total).toBe(0);
    // The applicant is the applying organisation (the test accounts' 湖州市).
    expect((await list('zhejiang', `?q=${encodeURIComponent('湖州市')}`)).titles).toEqual(['湖州 绿色智造 方案']);
    const refNo = (await c.huzhou!.request('GET', `/api/v1/applications/${ids.huz}`)).json().application.refNo as string;
    expect((await list('zhejiang', `?q=${encodeURIComponent(refNo)}`)).titles).toEqual(['湖州 绿色智造 方案']);
    expect((await list('zhejiang', `?q=${encodeURIComponent('绿色')}`)).titles).toEqual(['湖州 绿色智造 方案']);
    expect((await list('zhejiang', `?q=${encodeURIComponent('绿色')}&status=draft`)).total).toBe(0);
  });

  it('pages with the count of the whole result', async () => {
    const first = await list('hangzhou', '?pageSize=2&page=1');
    const second = await list('hangzhou', '?pageSize=2&page=2');
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(first.ids.length).toBe(2);
    expect(second.ids.length).toBe(1);
    expect(new Set([...first.ids, ...second.ids]).size).toBe(3);
    // Past the end no row carries the count, which is then asked alone.
    const past = await list('hangzhou', '?pageSize=2&page=3');
    expect(past.total).toBe(3);
    expect(past.ids).toEqual([]);
    expect((await list('huzhou', '?status=draft&page=2')).total).toBe(0);
  });

  it('a role without the list is refused with 403, and no session gets 401', async () => {
    const admin = await c.admin!.request('GET', '/api/v1/applications');
    expect(admin.statusCode, admin.body).toBe(403);
    expect(admin.json().error.code).toBe('FORBIDDEN');
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/applications' });
    expect(anon.statusCode).toBe(401);
  });
});
