/**
 * 评审规则设置 in Chromium: the planning department opens the page from the menu, changes the
 * divergence threshold and a weight (the weights no longer total 1: the total turns red and saving
 * is refused), fixes the weights and saves; the API then serves the new rules. The expert pool
 * offers each expert's score record as Excel.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedExperts, TEST_EXPERTS } from '../helpers/seed-experts.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, until, waitAttr, waitEnabled, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

describe.skipIf(!available)('browser: review rules settings', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv();
    await seedExperts(env.t.database.db);
  });
  afterAll(async () => {
    await env?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
  const settle = (page: Page) => page.waitForTimeout(400);

  it('guihuasi changes the threshold and the weights and saves them', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.locator('.ant-menu-item').filter({ hasText: '评审规则设置' }).click();
    await waitVisible(page.getByTestId('review-settings-page'));
    expect(new URL(page.url()).pathname).toBe('/review/settings');
    await waitVisible(page.getByTestId('criterion-row-compliance'));
    await waitAttr(page.getByTestId('weight-sum'), 'data-ok', 'true');
    await waitEnabled(page.getByTestId('btn-save-settings'), true);

    await page.getByTestId('threshold').fill('15');
    // 0.3 + 0.2 + 0.4 + 0.2 = 1.1: shown red, not savable.
    await page.getByTestId('weight-compliance').fill('0.3');
    await waitAttr(page.getByTestId('weight-sum'), 'data-ok', 'false');
    await waitText(page.getByTestId('weight-sum'), '1.1');
    const color = await page.getByTestId('weight-sum').evaluate((el) => getComputedStyle(el).color);
    expect(color).toMatch(/rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}/); // red
    await waitEnabled(page.getByTestId('btn-save-settings'), false);
    await page.getByTestId('btn-save-settings').scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'e2e-40-review-settings-wrong-sum');

    await page.getByTestId('weight-plan_quality').fill('0.3');
    await waitAttr(page.getByTestId('weight-sum'), 'data-ok', 'true');
    await waitEnabled(page.getByTestId('btn-save-settings'), true);
    await page.getByTestId('btn-save-settings').click();
    await waitVisible(page.getByText('评审规则已保存'));
    await page.getByTestId('btn-save-settings').scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'e2e-41-review-settings-saved');

    const guihuasi = await login(env.t.app, 'guihuasi', PASSWORD);
    const res = await guihuasi.request('GET', '/api/v1/review/settings');
    expect(res.statusCode).toBe(200);
    const settings = res.json() as { divergenceThreshold: number; rubric: { criteria: { key: string; weight: number }[] } };
    expect(settings.divergenceThreshold).toBe(15);
    const weights = Object.fromEntries(settings.rubric.criteria.map((c) => [c.key, c.weight]));
    expect(weights).toMatchObject({ compliance: 0.3, plan_quality: 0.3 });

    // Reloaded, the page shows what was saved.
    await page.reload();
    await waitVisible(page.getByTestId('criterion-row-compliance'));
    await until('threshold 15', async () => (await page.getByTestId('threshold').inputValue()) === '15');
  });

  it('the expert pool links each expert to their score record', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.goto(`${env.baseUrl}/experts`);
    const name = TEST_EXPERTS[0]!.name;
    const link = page.getByTestId(`link-expert-scores-${name}`);
    await waitVisible(link);
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/experts\/[^/]+\/scores\.xlsx$/);
    const guihuasi = await login(env.t.app, 'guihuasi', PASSWORD);
    const res = await guihuasi.request('GET', href!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
