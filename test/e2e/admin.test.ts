/**
 * The platform administrator's main path through the real UI in Chromium: lands on account
 * administration, creates a user for an existing city (the password policy is checked in the form
 * first), sees a locked account (which the security administrator unlocks), deactivates and reactivates the new one and resets its password,
 * creates organisations; the new user then signs in.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../../src/features/accounts/accounts.queries.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, until, waitAttr, waitGone, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

const NEW_USERNAME = 'hz-jxj-li';
const NEW_PASSWORD = 'Xihu2025spring';
const NEW_NAME = '杭州市经信局李明';
const RESET_PASSWORD = 'Qiantang2025river';

describe.skipIf(!available)('browser: platform administrator', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
  /** Every modal has finished closing (antd animates it out before hiding its wrapper). */
  const modalsClosed = (page: Page) => waitGone(page.locator('.ant-modal-wrap:visible'));
  /** Lets animations (tab ink bar, toasts) settle before a screenshot. */
  const settle = (page: Page) => page.waitForTimeout(400);

  it('lands on account administration, creates a user for 杭州市, deactivates and reactivates it', async () => {
    // Five wrong passwords lock 湖州's account; the administrator will unlock it.
    for (let i = 0; i < 5; i++) {
      await env.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huzhou', password: 'wrong-password-1' } });
    }
    await expect(login(env.t.app, 'huzhou', PASSWORD)).rejects.toThrow(/423|ACCOUNT_LOCKED/);

    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'admin', PASSWORD);
    await waitText(page.getByTestId('current-role'), '平台管理员');
    await waitVisible(page.getByTestId('admin-page'));
    expect(new URL(page.url()).pathname).toBe('/admin');
    await waitVisible(page.getByTestId('user-row-hangzhou'));
    // One cannot deactivate oneself.
    expect(await page.getByTestId('btn-deactivate-admin').isDisabled()).toBe(true);

    await waitAttr(page.getByTestId('user-status-huzhou'), 'data-locked', 'true');
    await waitText(page.getByTestId('user-status-huzhou'), '已锁定');
    // Unlocking is the security administrator's work (三权分立, test/e2e/audit.test.ts): no button here.
    expect(await page.getByTestId('btn-unlock-huzhou').count()).toBe(0);

    await page.getByTestId('btn-new-user').click();
    await page.getByTestId('new-user-org').click();
    await page.keyboard.type('杭州市');
    await page.locator('.ant-select-item-option').filter({ hasText: '杭州市' }).first().click();
    await waitText(page.getByTestId('new-user-role'), '申报城市');
    await page.getByTestId('new-user-username').fill(NEW_USERNAME);
    await page.getByTestId('new-user-name').fill(NEW_NAME);
    // The password policy is checked before anything is sent.
    await page.getByTestId('new-user-password').fill('short1');
    await page.getByTestId('btn-create-user').click();
    await waitVisible(page.getByText('密码至少 8 位'));
    await page.getByTestId('new-user-password').fill(NEW_PASSWORD);
    await page.getByTestId('new-user-email').fill('liming@hangzhou.example.cn');
    await shot(page, 'e2e-10-admin-new-user');
    await page.getByTestId('btn-create-user').click();
    await modalsClosed(page);

    const row = page.getByTestId(`user-row-${NEW_USERNAME}`);
    await waitVisible(row);
    await waitText(row, NEW_NAME);
    await waitText(row, '杭州市');
    await waitText(row, '申报城市');
    await waitAttr(page.getByTestId(`user-status-${NEW_USERNAME}`), 'data-active', 'true');
    const created = await findUserByUsername(env.t.database.db, NEW_USERNAME);
    expect(created).toMatchObject({ role: 'city_applicant', active: true, displayName: NEW_NAME });

    await page.getByTestId(`btn-deactivate-${NEW_USERNAME}`).click();
    await page.getByTestId('btn-deactivate-confirm').click();
    await waitAttr(page.getByTestId(`user-status-${NEW_USERNAME}`), 'data-active', 'false');
    await waitText(page.getByTestId(`user-status-${NEW_USERNAME}`), '停用');
    await waitVisible(page.getByTestId(`btn-activate-${NEW_USERNAME}`));
    await waitGone(page.getByTestId(`btn-deactivate-${NEW_USERNAME}`));
    await shot(page, 'e2e-11-admin-user-deactivated');
    // A deactivated account cannot sign in.
    await expect(login(env.t.app, NEW_USERNAME, NEW_PASSWORD)).rejects.toThrow();

    await page.getByTestId(`btn-activate-${NEW_USERNAME}`).click();
    await waitAttr(page.getByTestId(`user-status-${NEW_USERNAME}`), 'data-active', 'true');
    await waitText(page.getByTestId(`user-status-${NEW_USERNAME}`), '启用');
    await waitVisible(page.getByTestId(`btn-deactivate-${NEW_USERNAME}`));
    expect((await findUserByUsername(env.t.database.db, NEW_USERNAME))?.active).toBe(true);
    await settle(page);
    await shot(page, 'e2e-12-admin-users');

    // Reset the password: typed twice, checked before it is sent.
    await page.getByTestId(`btn-reset-${NEW_USERNAME}`).click();
    await page.getByTestId('reset-password').fill(RESET_PASSWORD);
    await page.getByTestId('reset-password-confirm').fill(`${RESET_PASSWORD}x`);
    await page.getByTestId('btn-reset-confirm').click();
    await waitVisible(page.getByText('两次输入的密码不一致'));
    await page.getByTestId('reset-password-confirm').fill(RESET_PASSWORD);
    await shot(page, 'e2e-12b-admin-reset-password');
    await page.getByTestId('btn-reset-confirm').click();
    await modalsClosed(page);
    await expect(login(env.t.app, NEW_USERNAME, NEW_PASSWORD)).rejects.toThrow();
  });

  it('creates a city and a provincial authority, and reads the page in English', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'admin', PASSWORD);
    await page.getByTestId('tab-orgs').click();
    await waitVisible(page.getByTestId('orgs-table'));
    await waitVisible(page.getByTestId('orgs-table').getByText('浙江省经信委'));

    await settle(page);
    await page.getByTestId('btn-new-org').click();
    await page.getByTestId('new-org-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '城市人民政府' }).first().click();
    await page.getByTestId('new-org-division').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '浙江省' }).first().click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '嘉兴市' }).first().click();
    await page.keyboard.press('Escape'); // closes the cascader's menus
    await waitGone(page.locator('.ant-cascader-dropdown:visible'));
    await waitVisible(page.getByTestId('new-org-name'));
    await waitText(page.getByTestId('new-org-division'), '嘉兴市');
    await until('the name suggested from the division', async () => (await page.getByTestId('new-org-name').inputValue()) === '嘉兴市人民政府');
    await shot(page, 'e2e-13-admin-new-org');
    await page.getByTestId('btn-create-org').click();

    const row = page.getByTestId('org-row-嘉兴市人民政府');
    await waitVisible(row);
    await waitText(row, '330400');
    await waitText(row, '城市人民政府');
    await modalsClosed(page);

    // A provincial authority is one of the review authorities and takes its division.
    await page.getByTestId('btn-new-org').click();
    await page.getByTestId('new-org-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '省级工信主管部门' }).first().click();
    await page.getByTestId('new-org-authority').click();
    await page.keyboard.type('江苏');
    await page.locator('.ant-select-item-option').filter({ hasText: '江苏省' }).first().click();
    await waitText(page.getByTestId('new-org-division-derived'), '江苏省');
    await until('the name suggested from the authority', async () => (await page.getByTestId('new-org-name').inputValue()).startsWith('江苏省'));
    await page.getByTestId('new-org-name').fill('江苏省工业和信息化厅');
    await page.getByTestId('btn-create-org').click();
    const province = page.getByTestId('org-row-江苏省工业和信息化厅');
    await waitVisible(province);
    await waitText(province, '320000');
    await waitText(province, '省级工信主管部门');
    await modalsClosed(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'e2e-14-admin-orgs');

    // The page in English.
    await page.getByTestId('locale-switch').getByText('English').click();
    await waitText(page.getByTestId('page-title'), 'Account administration');
    await waitText(province, 'Provincial authority');
    await settle(page);
    await shot(page, 'e2e-14b-admin-orgs-en');
    await page.getByTestId('tab-users').click();
    await waitText(page.getByTestId('user-row-hangzhou'), 'City applicant');
    await settle(page);
    await shot(page, 'e2e-14c-admin-users-en');
  });

  it('the new user signs in as a city applicant, changing the temporary password first', async () => {
    const { page } = await env.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await page.getByTestId('login-username').fill(NEW_USERNAME);
    await page.getByTestId('login-password').fill(RESET_PASSWORD);
    await page.getByTestId('btn-login').click();
    // The administrator's password is temporary: it is changed before anything else.
    await waitVisible(page.getByTestId('step-password'));
    await shot(page, 'e2e-15a-temporary-password');
    await page.getByTestId('pw-current').fill(RESET_PASSWORD);
    await page.getByTestId('pw-new').fill('Password2025!');
    await page.getByTestId('pw-confirm').fill('Password2025!');
    await page.getByTestId('btn-change-password').click();
    await waitText(page.getByTestId('step-password'), '常见或已泄露的弱密码');
    await page.getByTestId('pw-new').fill('Meijiawu-tea-88');
    await page.getByTestId('pw-confirm').fill('Meijiawu-tea-88');
    await page.getByTestId('btn-change-password').click();
    await waitText(page.getByTestId('current-role'), '申报城市');
    await waitText(page.getByTestId('current-user'), NEW_NAME);
    await waitVisible(page.getByTestId('work-queue'));
    await shot(page, 'e2e-15-new-user-signed-in');
  });
});
