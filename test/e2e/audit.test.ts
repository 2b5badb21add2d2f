/**
 * 三权分立 and the audit log through the real UI in Chromium, under the real Content-Security-Policy
 * (no 'unsafe-inline'; Ant Design's styles carry the page's nonce): the security administrator unlocks
 * a locked account; the audit administrator finds the failed sign-ins, opens a record, verifies the
 * chain, and sees it broken after a record is changed in SQL. No page violates the policy.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedAdministrators } from '../helpers/seed-administrators.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, waitAttr, waitGone, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

/** Collects the page's CSP violations (the browser reports each as an event). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
  });
  return () =>
    page.evaluate(() => [
      ...(window as unknown as { __csp: string[] }).__csp,
      ...[...document.querySelectorAll('style')].filter((el) => !el.nonce).map((el) => `style without nonce: ${[...el.attributes].map((a) => a.name + '=' + a.value).join(' ')} ${el.textContent?.slice(0, 80)}`),
    ]);
}

describe.skipIf(!available)('browser: security and audit administrators', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv();
    await seedAdministrators(env.t.database.db);
  });
  afterAll(async () => {
    await env?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });

  it('the security administrator unlocks a locked account; nothing breaks the page policy', async () => {
    for (let i = 0; i < 5; i++) {
      await env.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huzhou', password: 'wrong-password-1' }, remoteAddress: '203.0.113.50' });
    }
    const { page } = await env.newPage();
    const violations = await watchCsp(page);
    await signIn(page, env.baseUrl, 'anquan', PASSWORD);
    await waitText(page.getByTestId('current-role'), '安全管理员');
    await waitVisible(page.getByTestId('admin-page'));
    expect(new URL(page.url()).pathname).toBe('/admin');
    await waitText(page.getByTestId('page-title'), '账号安全');
    expect(await page.getByTestId('btn-new-user').count()).toBe(0);
    await waitAttr(page.getByTestId('user-status-huzhou'), 'data-locked', 'true');
    await page.getByTestId('btn-unlock-huzhou').click();
    await waitAttr(page.getByTestId('user-status-huzhou'), 'data-locked', 'false');
    await login(env.t.app, 'huzhou', PASSWORD);
    // The menu offers the security administrator nothing of the audit log.
    expect(await page.locator('a[href="/audit"], [data-menu-id$="audit"]').count()).toBe(0);
    await page.waitForTimeout(300);
    await shot(page, 'security-admin-accounts');
    expect(await violations()).toEqual([]);
  });

  it('the audit administrator filters the failed sign-ins, opens one, verifies the chain and sees tampering', async () => {
    const { page } = await env.newPage();
    const violations = await watchCsp(page);
    const res = await page.goto(`${env.baseUrl}/login`);
    const csp = res!.headers()['content-security-policy']!;
    expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toContain('unsafe-inline');
    await signIn(page, env.baseUrl, 'shenji', PASSWORD);
    await waitText(page.getByTestId('current-role'), '审计管理员');
    await waitVisible(page.getByTestId('audit-page'));
    expect(new URL(page.url()).pathname).toBe('/audit');

    await page.goto(`${env.baseUrl}/audit?action=sign_in&outcome=failure`);
    await waitVisible(page.getByTestId('audit-table'));
    const failed = page.locator('[data-testid^="audit-row-"]');
    await failed.first().waitFor();
    const texts = await failed.allInnerTexts();
    expect(texts.length).toBeGreaterThanOrEqual(5);
    expect(texts.every((r) => r.includes('huzhou') && r.includes('203.0.113.50') && r.includes('失败'))).toBe(true);
    await shot(page, 'audit-log-failed-sign-ins');

    // A record's details: the account named, the refusal code (the newest: the fifth failure locked it), the hashes.
    await page.locator('[data-testid^="audit-show-"]').first().click();
    await waitVisible(page.getByTestId('audit-record'));
    await waitText(page.getByTestId('audit-record'), 'ACCOUNT_LOCKED');
    await page.waitForTimeout(300);
    await shot(page, 'audit-log-record');
    await page.keyboard.press('Escape');
    await waitGone(page.locator('.ant-modal-wrap:visible'));

    await page.getByTestId('btn-verify-chain').click();
    await waitAttr(page.getByTestId('audit-verification'), 'data-ok', 'true');
    await waitText(page.getByTestId('audit-verification'), '哈希链完整');

    // A database administrator rewrites a failed sign-in as a success: the next check names it.
    const db = env.t.database.db;
    const row = ((await db.execute(sql`select seq::int as seq from audit_log where username = 'huzhou' and outcome = 'failure' order by seq limit 1`)) as unknown as { rows: { seq: number }[] }).rows[0]!;
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
      await tx.execute(sql`update audit_log set outcome = 'success', status = 200 where seq = ${row.seq}`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
    });
    await page.getByTestId('btn-verify-chain').click();
    await waitAttr(page.getByTestId('audit-verification'), 'data-ok', 'false');
    await waitText(page.getByTestId('audit-verification'), `第 #${row.seq} 条记录内容被修改`);
    await page.waitForTimeout(300);
    await shot(page, 'audit-log-chain-broken');
    expect(await violations()).toEqual([]);
  });
});
