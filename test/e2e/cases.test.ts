/**
 * The typical-case library through the real UI in Chromium: 杭州 (a pilot city) drafts a case of its
 * pilot in the editor and submits it; the planning department finds it in its review queue, starts
 * the review and publishes it; a provincial authority searches the library for a two-character word
 * of the case and finds it with the match highlighted; the case book page offers it for export.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, waitEnabled, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const TITLE = '杭州市光伏制造业绿色发展';

async function pick(page: Page, field: string, label: string) {
  // Under load the dropdown may still be opening when the option is clicked: try again until the field shows it.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(field).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    await page.keyboard.press('Escape');
    if ((await page.getByTestId(field).innerText()).includes(label)) return;
  }
  throw new Error(`could not pick ${label} in ${field}`);
}

describe.skipIf(!available)('browser: a city drafts a case, the ministry publishes it, the library finds it', () => {
  let env: BrowserEnv;
  let caseId = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    const clients = { city: await login(env.t.app, 'hangzhou', PASSWORD), province: await login(env.t.app, 'zhejiang', PASSWORD), ministry: await login(env.t.app, 'guihuasi', PASSWORD) };
    await seedPilot(env.t.database.db, clients, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕930号' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('drafts and submits a case as the city', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await page.getByRole('menuitem', { name: '典型案例' }).click();
    await page.getByTestId('cases-library').waitFor();
    await page.goto(`${env.baseUrl}/cases/mine`);
    await page.getByTestId('case-new').click();
    await page.getByTestId('case-editor').waitFor();
    // The city's own pilot is chosen, and the region follows it.
    await waitText(page.getByTestId('case-pilot'), '杭州');
    await waitText(page.getByTestId('case-field-regions'), '东部');
    await page.getByTestId('case-field-title').fill(TITLE);
    await page.getByTestId('case-field-summary').fill('杭州推动光伏组件企业建设绿色工厂，形成光伏制造和应用一体化发展格局。');
    await page.getByTestId('case-field-body').fill('市里出台光伏产业专项政策，支持企业开展清洁生产改造。\n全市光伏制造企业全部通过绿色工厂评价。');
    await pick(page, 'case-field-industries', '新材料');
    await pick(page, 'case-field-themes', '绿色制造');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-cases-1-editor.png'), fullPage: true });
    await page.getByTestId('case-save').click();
    await page.getByTestId('case-page').waitFor();
    await waitText(page.getByTestId('case-title'), TITLE);
    caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    await waitText(page.getByTestId('case-status'), '草稿');

    await page.getByTestId('case-action-submit').click();
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).first().click();
    await waitText(page.getByTestId('case-status'), '已提交待审核');
    expect(await page.getByTestId('case-action-edit').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-cases-2-submitted.png'), fullPage: true });
  });

  it('reviews and publishes it as the planning department', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.getByRole('menuitem', { name: '典型案例' }).click();
    await page.getByTestId('cases-review-link').click();
    await page.getByTestId('cases-review').waitFor();
    await page.getByTestId(`case-link-${caseId}`).click();
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('case-action-startReview').click();
    await waitText(page.getByTestId('case-status'), '部里审核中');
    await waitEnabled(page.getByTestId('case-action-publish'), true);
    await page.getByTestId('case-action-publish').click();
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).first().click();
    await waitText(page.getByTestId('case-status'), '已发布');
    await waitText(page.getByTestId('case-page'), '发布');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-cases-3-published.png'), fullPage: true });
  });

  it('finds the published case in the library by a two-character word, with the match highlighted', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'zhejiang', PASSWORD);
    await page.getByRole('menuitem', { name: '典型案例' }).click();
    await page.getByTestId('cases-library').waitFor();
    await page.getByLabel('检索案例').fill('光伏');
    await page.getByTestId('case-search-go').click();
    const hit = page.getByTestId(`case-hit-${caseId}`);
    await waitVisible(hit);
    expect(new URL(page.url()).searchParams.get('q')).toBe('光伏');
    const marks = await hit.locator('mark.case-hit').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['光伏']));
    await waitText(page.getByTestId('case-count'), '共找到 1 个案例');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-cases-4-library.png'), fullPage: true });

    // A one-character query finds it by trigram.
    await page.getByLabel('检索案例').fill('光');
    await page.getByTestId('case-search-go').click();
    await waitText(page.getByTestId('case-count'), '单字检索');
    await waitVisible(page.getByTestId(`case-hit-${caseId}`));

    // The case book offers it for export once chosen.
    await page.goto(`${env.baseUrl}/cases/book`);
    await page.getByTestId(`choose-${caseId}`).click();
    await waitText(page.getByTestId('book-selected'), '已选 1 个案例');
    const href = await page.getByTestId('book-pdf').getAttribute('href');
    expect(href).toBe(`/api/v1/cases/book.pdf?ids=${caseId}`);
    const res = await page.request.get(env.baseUrl + href!);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-cases-5-book.png'), fullPage: true });
  });
});
