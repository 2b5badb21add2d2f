import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, pilots } from '../../src/db/schema.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/seed-demo.js';
import { dbKinds, login, makeTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('demo data on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads a living programme once, labelled as demo data, with one account per role', async () => {
    expect(await seedDemoData(t.database.db)).toBe(true);
    expect(await seedDemoData(t.database.db)).toBe(false);
    const apps = await t.database.db.select({ status: applications.status, title: applications.title, isDemo: applications.isDemo }).from(applications);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['approved', 'under_review', 'forwarded', 'submitted', 'returned', 'draft']));
    expect(apps.every((a) => a.isDemo && a.title.includes('演示数据'))).toBe(true);
    const p = await t.database.db.select().from(pilots);
    expect(p.map((x) => x.documentNo)).toEqual(['工信部规函〔2016〕242号']);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(7);
    for (const a of DEMO_ACCOUNTS) await login(t.app, a.username, DEMO_PASSWORD);
    const expert = await login(t.app, 'expert', DEMO_PASSWORD);
    const tasks = (await expert.request('GET', '/api/v1/review/assignments')).json().items as { submitted: boolean; applicationStatus: string }[];
    expect(tasks.some((x) => !x.submitted && x.applicationStatus === 'under_review')).toBe(true);
  });
});
