/**
 * Values a route's schema lets through but the database cannot store — a version past PostgreSQL's
 * integer range, a NUL byte in a query — are refused as the request's fault: 422 VALIDATION_FAILED
 * with both languages, never a 500, and nothing saved changes (src/server/error-handler.ts,
 * isUnstorableValue). Both were found by the fuzz test (test/api/fuzz.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('values the database cannot store on %s', (kind) => {
  let t: TestApp;
  let ministry: Client;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    ministry = await login(t.app, 'guihuasi', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a version past the integer range with 422, and the schedule stays as it was', async () => {
    const before = await ministry.request('GET', '/api/v1/report-schedule');
    expect(before.statusCode, before.body).toBe(200);
    const res = await ministry.request('PUT', '/api/v1/report-schedule', { ...(before.json() as Record<string, unknown>), version: 2 ** 40 });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: { 'zh-CN': expect.any(String), 'en-US': expect.any(String) } });
    expect((await ministry.request('GET', '/api/v1/report-schedule')).json()).toEqual(before.json());
  });

  it('refuses a NUL byte in a list filter with 422 (a pilot in scope, so the filter reaches the database)', async () => {
    const c = { city: await login(t.app, 'hangzhou', PASSWORD), province: await login(t.app, 'zhejiang', PASSWORD), ministry };
    await seedPilot(t.database.db, c, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕990号' });
    expect((await ministry.request('GET', '/api/v1/resources?programme=industrial_upgrading')).statusCode).toBe(200);
    const res = await ministry.request('GET', '/api/v1/resources?programme=a%00b');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
