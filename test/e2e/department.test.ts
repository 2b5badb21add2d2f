/**
 * A ministry department's (其他司局) main path through the real UI in Chromium: the application is
 * prepared through the API (Hangzhou creates and submits, Zhejiang forwards); the department finds
 * it in its list, reads the plan without any action to take, and sees the forward in the history.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCIAL_CHECKLIST } from '../../src/shared/lifecycle/provincial-checklist.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, waitAttr, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

const TITLE = '杭州市“中国制造2025”试点示范城市实施方案';
const OPINION = '经初审，杭州市申报材料齐全、数据真实，符合试点示范城市选择标准，同意推荐。';

describe.skipIf(!available)('browser: ministry department reads forwarded applications', () => {
  let env: BrowserEnv;
  let applicationId = '';
  let refNo = '';

  beforeAll(async () => {
    env = await startBrowserEnv();

    const hangzhou = await login(env.t.app, 'hangzhou', PASSWORD);
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府', title: TITLE } });
    const created = await hangzhou.request('POST', '/api/v1/applications', { title: TITLE, applicationYear: plan.cover.applicationYear, plan });
    expect(created.statusCode, created.body).toBe(201);
    applicationId = created.json().id as string;
    const draft = await hangzhou.request('GET', `/api/v1/applications/${applicationId}`);
    refNo = draft.json().application.refNo as string;
    const submitted = await hangzhou.request('POST', `/api/v1/applications/${applicationId}/submit`, { version: draft.json().application.version });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const zhejiang = await login(env.t.app, 'zhejiang', PASSWORD);
    const forwarded = await zhejiang.request('POST', `/api/v1/applications/${applicationId}/forward`, {
      version: submitted.json().version,
      checklist: Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true])),
      opinion: OPINION,
      opinionDate: new Date().toISOString().slice(0, 10),
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().status).toBe('forwarded');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('finds the forwarded application, reads the plan with no action to take, and sees the forward in the history', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'zhuangbeisi', PASSWORD);
    await waitText(page.getByTestId('current-role'), '工信部相关司局');
    await waitText(page.getByTestId('page-title'), '已转报申报');
    await waitVisible(page.getByTestId(`app-row-${refNo}`));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-20-department-list.png') });

    await page.getByTestId(`app-link-${refNo}`).click();
    await page.getByTestId('application-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/applications/${applicationId}`);
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'forwarded');
    await waitVisible(page.getByTestId('plan-document'));
    await waitVisible(page.getByTestId('doc-targets'));
    await waitText(page.getByTestId('plan-document'), '杭州市人民政府');
    await waitText(page.getByTestId('application-detail'), '当前没有需要您办理的操作');
    for (const id of ['btn-forward', 'btn-receive', 'btn-edit', 'btn-return', 'btn-submit']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    // Read-only: nothing in the plan can be typed into.
    expect(await page.getByTestId('plan-document').locator('input, textarea, [contenteditable="true"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-21-department-detail.png') });

    await page.getByRole('tab', { name: '办理历史' }).click();
    await waitText(page.locator('.ant-tabs-tab-active'), '办理历史');
    const forward = page.getByTestId('history-forward');
    await waitVisible(forward);
    await waitText(forward, '浙江省经信委');
    await waitVisible(page.getByTestId('history-submit'));
    await page.waitForTimeout(400); // let the tab's ink bar settle for the screenshot
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-22-department-history.png') });
  });
});
