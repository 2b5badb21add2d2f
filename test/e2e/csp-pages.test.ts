/**
 * The page policy (script-src 'self', no 'unsafe-eval', no 'unsafe-inline') on the pages a visit goes
 * through first: the sign-in page, the home page after signing in, and a pilot's page, which builds zod
 * schemas in the browser. zod 4 would probe for eval (`new Function`) when it builds an object schema;
 * src/web/public/zod-jitless.js runs before the app and tells it not to. Every CSP violation event and
 * console error naming the policy is collected on each page; none may appear. The sign-in page also
 * loads no zod at all.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { freshTotpCode, login } from '../helpers/test-app.js';
import { browserAvailable, watchCsp, startBrowserEnv, until, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();


/** The script files the page has downloaded so far (their paths). */
function scriptsOf(page: Page): () => string[] {
  const urls: string[] = [];
  page.on('response', (r) => {
    if (/\.js(\?|$)/.test(r.url())) urls.push(new URL(r.url()).pathname);
  });
  return () => [...urls];
}

describe.skipIf(!available)('browser: no CSP violation on the sign-in, home and pilot pages', () => {
  let env: BrowserEnv;
  let pilotId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const city = await login(env.t.app, 'hangzhou', PASSWORD);
    const province = await login(env.t.app, 'zhejiang', PASSWORD);
    const ministry = await login(env.t.app, 'guihuasi', PASSWORD);
    pilotId = await seedPilot(env.t.database.db, { city, province, ministry }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号' });
  }, 180_000);
  afterAll(async () => {
    await env?.close();
  });

  it('signs in, opens the home page and a pilot without any violation; zod loads only where it is used', async () => {
    const { page } = await env.newPage();
    const violations = await watchCsp(page);
    const scripts = scriptsOf(page);

    // The sign-in page, under the page policy, with zod's configuration loaded first.
    const res = await page.goto(`${env.baseUrl}/login`);
    const policy = res!.headers()['content-security-policy']!;
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    await waitVisible(page.getByTestId('btn-login'));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless)).toBe(true);
    expect(scripts().filter((s) => /\/assets\/zod-/.test(s)), 'the sign-in page loads no zod').toEqual([]);
    expect(await violations(), 'the sign-in page').toEqual([]);

    // Signing in (with the second factor of the ministry's account) leads to the home page.
    await page.getByTestId('login-username').fill('guihuasi');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('btn-login').click();
    await waitVisible(page.getByTestId('login-code'));
    await page.getByTestId('login-code').fill(await freshTotpCode(env.t.app, 'guihuasi'));
    await page.getByTestId('btn-login').click();
    await waitVisible(page.getByTestId('current-user'));
    await page.waitForLoadState('networkidle');
    expect(await violations(), 'the home page').toEqual([]);

    // A pilot's page: its schemas are built with zod in the browser.
    await page.goto(`${env.baseUrl}/pilots/${pilotId}`);
    await waitVisible(page.getByTestId('pilot'));
    await page.waitForLoadState('networkidle');
    await until('zod to have loaded on the pilot page', async () => scripts().some((s) => /\/assets\/zod-/.test(s)));
    expect(await violations(), 'the pilot page').toEqual([]);
  });
});
