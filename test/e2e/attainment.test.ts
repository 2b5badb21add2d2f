/**
 * The ministry reads attainment through the real UI in Chromium: 杭州's 2017 report is filled and
 * submitted by the city and confirmed by 浙江 through the progress-reports API, with one indicator off
 * track (发明专利 5.3 against 6) and one at risk (主营业务收入 4350 against 4400). The planning department
 * opens 达成总览 from the menu, sees the pilot off track in the table and the distribution chart, opens
 * the pilot's dashboard from it, and finds the off-track indicator in the chart (its red point drawn on
 * the canvas) and in the table; it saves the chart as PNG and exports its data to Excel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, until, waitAttr, waitEnabled, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';
import { startBrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const PATENTS = 't-innovation-patents';
const REVENUE = 't-quality-revenue';

/** Whether the chart's canvas has pixels of this colour (the off-track point), ±12 per channel. */
async function canvasHasColour(page: Page, testId: string, rgb: [number, number, number]): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el, [r, g, b]) => {
    const canvas = el.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return false;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r) <= 12 && Math.abs(data[i + 1]! - g) <= 12 && Math.abs(data[i + 2]! - b) <= 12 && data[i + 3]! > 200) return true;
    }
    return false;
  }, rgb);
}

describe.skipIf(!available)('browser: the ministry sees an off-track indicator on the attainment dashboard', () => {
  let env: BrowserEnv;
  let pilotId = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.t.database.db;
    const city = await login(env.t.app, 'hangzhou', PASSWORD);
    const province = await login(env.t.app, 'zhejiang', PASSWORD);
    const ministry = await login(env.t.app, 'guihuasi', PASSWORD);
    pilotId = await seedPilot(db, { city, province, ministry }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号' });

    const reports = (await city.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json().items as { id: string; period: string }[];
    const id = reports.find((r) => r.period === '2017')!.id;
    const detail = (await city.request('GET', `/api/v1/reports/${id}`)).json();
    const values = (detail.values as { targetId: string; required: number }[]).map((v) => ({
      targetId: v.targetId,
      actual: v.targetId === PATENTS ? 5.3 : v.targetId === REVENUE ? 4350 : v.required,
      dataSource: '杭州市统计局',
      note: '',
      evidenceFileIds: [],
    }));
    const saved = await city.request('PUT', `/api/v1/reports/${id}`, { version: detail.version, narrative: '2017年度进展', values });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await city.request('POST', `/api/v1/reports/${id}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const confirmed = await province.request('POST', `/api/v1/reports/${id}/confirm`, { version: submitted.json().version, opinion: '数据真实，同意' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('opens the overview, then the pilot’s dashboard, and finds the off-track indicator in the chart and the table', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);

    // 达成总览 from the menu: the pilot is off track overall, and the distribution chart is drawn.
    await page.getByRole('menuitem', { name: '达成总览' }).click();
    await waitText(page.getByTestId('page-title'), '指标达成总览');
    const row = page.getByTestId(`ov-row-${pilotId}`);
    await waitVisible(row);
    await waitAttr(row, 'data-status', 'off_track');
    await waitText(row, '滞后');
    await waitText(row, '浙江省');
    await waitText(page.getByTestId('ov-dist-innovation'), '1');
    await waitAttr(page.getByTestId('ov-chart'), 'data-ready', 'true');
    await until('the distribution chart to draw the off-track bar', () => canvasHasColour(page, 'ov-chart', [207, 19, 34]));
    expect(await page.getByTestId('ov-chart').getAttribute('aria-label')).toContain('创新能力达标2项、预警0项、滞后1项');
    await waitEnabled(page.getByTestId('ov-chart-png'), true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-40-attainment-overview.png'), fullPage: true });

    // The filter by overall status keeps it; "on track" leaves nothing.
    await page.getByTestId('ov-filter-status').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '达标' }).first().click();
    await waitVisible(page.getByText('没有符合条件的试点'));
    await page.getByTestId('ov-filter-status').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '滞后' }).first().click();
    await waitVisible(row);

    // The pilot's dashboard: the attainment tab is open, the chart shows the first off-track indicator.
    await page.getByTestId(`ov-link-${pilotId}`).click();
    await page.getByTestId('attainment').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/pilots/${pilotId}`);
    await waitText(page.locator('.ant-tabs-tab-active'), '指标达成');
    const panel = page.getByTestId('att-chart-panel');
    await waitAttr(panel, 'data-target', PATENTS);
    await waitText(panel, '每万人口发明专利拥有量');
    await waitAttr(page.getByTestId('att-chart-status'), 'data-status', 'off_track');
    await waitAttr(page.getByTestId('att-chart'), 'data-ready', 'true');
    // The off-track point is drawn in its colour (#cf1322) on the canvas, and named in the chart's description.
    await until('the chart to draw the off-track point', () => canvasHasColour(page, 'att-chart', [207, 19, 34]));
    expect(await page.getByTestId('att-chart').getAttribute('aria-label')).toContain('2017年目标6件、实际5.3件（滞后）');
    await waitText(page.getByTestId('att-chart-year-2017'), '滞后');

    // The table: the indicator's row is off track, 5.3 against 6 in 2017; revenue is at risk.
    const patents = page.getByTestId(`att-row-${PATENTS}`);
    await waitAttr(patents, 'data-status', 'off_track');
    await waitText(page.getByTestId(`att-cell-${PATENTS}-2017`), '5.3 / 6');
    await waitText(patents, '滞后');
    await waitAttr(page.getByTestId(`att-row-${REVENUE}`), 'data-status', 'at_risk');
    await waitText(page.getByTestId('att-summary-pilot'), '滞后 1');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-41-attainment-dashboard.png'), fullPage: true });

    // Save the chart as PNG, and its data as Excel.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('att-chart-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('att-chart-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/指标达成情况\.xlsx$/);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    // Another indicator's chart: the at-risk one.
    await page.getByTestId(`att-show-${REVENUE}`).click();
    await waitAttr(panel, 'data-target', REVENUE);
    await waitAttr(page.getByTestId('att-chart-status'), 'data-status', 'at_risk');
    await waitAttr(page.getByTestId('att-chart'), 'data-ready', 'true');
    await until('the chart to draw the at-risk point', () => canvasHasColour(page, 'att-chart', [173, 104, 0]));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-42-attainment-chart-at-risk.png') });
  });
});
