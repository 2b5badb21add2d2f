import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('reference data and document exports on %s', (kind) => {
  let t: TestApp;
  let city: Client;
  let other: Client;
  let id: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    city = await login(t.app, 'wuhan', PASSWORD);
    other = await login(t.app, 'hangzhou', PASSWORD);
    const plan = makeCompletePlan({ cover: { cityCodes: ['420100'], applicant: '武汉市人民政府' } });
    id = (await city.request('POST', '/api/v1/applications', { title: '导出测试', applicationYear: 2016, plan })).json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the division tree, authorities and city types to anyone', async () => {
    const tree = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/divisions' })).json().items as { code: string; name: string; children?: { code: string }[] }[];
    expect(tree).toHaveLength(31);
    const zj = tree.find((p) => p.code === '330000')!;
    expect(zj.children!.map((c) => c.code)).toContain('330200');
    const authorities = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/authorities' })).json().items as { id: string; kind: string }[];
    expect(authorities.filter((a) => a.kind === 'separately_planned').map((a) => a.id).sort()).toEqual(['210200', '330200', '350200', '370200', '440300']);
    expect(authorities.some((a) => a.id === 'xpcc')).toBe(true);
    const types = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/city-types' })).json();
    expect(types.cityTypes).toHaveLength(6);
    expect(types.regions.map((r: { key: string }) => r.key)).toEqual(['east', 'central', 'west', 'northeast']);
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/reference/divisions/440606' });
    expect(one.json()).toMatchObject({ name: '顺德区', parentCode: '440600' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reference/divisions/999999' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reference/divisions/abc' })).statusCode).toBe(422);
  });

  it('exports the plan as Word and Excel to those who may see it', async () => {
    const docx = await city.request('GET', `/api/v1/applications/${id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const xlsx = await city.request('GET', `/api/v1/applications/${id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await other.request('GET', `/api/v1/applications/${id}/export.docx`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}/export.xlsx` })).statusCode).toBe(401);
    const expert = await login(t.app, 'expert', PASSWORD);
    expect((await expert.request('GET', `/api/v1/applications/${id}/export.docx`)).statusCode).toBe(403);
  });
});
