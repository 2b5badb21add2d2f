/**
 * Identity in the browser: a provincial user without a second factor enrols at the first sign-in
 * (key as text and otpauth:// link, confirmed with a code, recovery codes shown once), then signs in
 * with password and code; the account security page lists their sessions. Codes come from the
 * platform's own TOTP function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema.js';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import { totpCode } from '../../src/shared/identity/totp.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { freshTotpCode } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, startBrowserEnv, until, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious or critical WCAG 2.1 AA violations on the page (as test/e2e/accessibility.test.ts checks every page). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

describe.skipIf(!available)('browser: second factor', () => {
  let env: BrowserEnv;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });

  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.t.database.db;
    const org = await createOrganisation(db, { name: '江西省工业和信息化厅', kind: 'province_authority', divisionCode: '360000', authorityId: '360000' });
    await createUser(db, { username: 'jiangxi', passwordHash: await hashPassword(PASSWORD), displayName: '江西省工信厅 陈立', role: 'provincial_authority', organisationId: org });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('enrols a provincial user at the first sign-in, then signs in with the code', async () => {
    const { page, context } = await env.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.getByTestId('login-username').fill('jiangxi');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('btn-login').click();
    await waitVisible(page.getByTestId('step-totp'));
    await page.getByTestId('btn-totp-start').click();
    await waitVisible(page.getByTestId('totp-secret'));
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByTestId('totp-uri').getAttribute('href')).toContain(`secret=${secret}`);
    await shot(page, 'e2e-identity-01-enrol');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('totp-code').fill('000000' === totpCode(secret, new Date()) ? '111111' : '000000');
    await page.getByTestId('btn-totp-confirm').click();
    await waitText(page.getByTestId('totp-error'), '验证码不正确');
    await page.getByTestId('totp-code').fill(totpCode(secret, new Date()));
    await page.getByTestId('btn-totp-confirm').click();
    await waitVisible(page.getByTestId('recovery-codes'));
    const codes = (await page.locator('.recovery-codes').innerText()).trim().split('\n');
    expect(codes).toHaveLength(10);
    await shot(page, 'e2e-identity-02-recovery-codes');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('btn-totp-continue').click();
    await waitText(page.getByTestId('current-user'), '陈立');
    const stored = (await env.t.database.db.select({ enabled: users.totpEnabledAt }).from(users).where(eq(users.username, 'jiangxi')))[0]!;
    expect(stored.enabled).not.toBeNull();
    await context.close();

    // Signing in again: the password, then the code.
    const second = await env.newPage();
    const p2 = second.page;
    await p2.goto(`${env.baseUrl}/login`);
    await p2.getByTestId('login-username').fill('jiangxi');
    await p2.getByTestId('login-password').fill(PASSWORD);
    await p2.getByTestId('btn-login').click();
    await waitVisible(p2.getByTestId('login-code'));
    // Demo mode (the test app has no DATABASE_URL): the demo code is shown beside the field, labelled.
    await waitText(p2.getByTestId('demo-code'), '演示数据');
    await shot(p2, 'e2e-identity-03-code');
    expect(await axeViolations(p2)).toEqual([]);
    await p2.getByTestId('login-code').fill('000000' === totpCode(secret, new Date()) ? '111111' : '000000');
    await p2.getByTestId('btn-login').click();
    await waitText(p2.getByTestId('login-error'), '动态口令不正确');
    await p2.getByTestId('login-code').fill(await freshTotpCode(env.t.app, 'jiangxi', secret));
    await p2.getByTestId('btn-login').click();
    await waitText(p2.getByTestId('current-user'), '陈立');

    // Account security: this session and the first, which may be ended.
    await p2.getByTestId('link-security').click();
    await waitVisible(p2.getByTestId('my-sessions'));
    await until('two sessions listed', async () => (await p2.locator('[data-testid="my-sessions"] tbody tr').count()) === 2);
    await waitText(p2.getByTestId('totp-status'), '已绑定动态口令');
    await shot(p2, 'e2e-identity-04-security');
  });
});
