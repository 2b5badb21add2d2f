/**
 * The content security policy in Chromium where it is most likely to bite: the API documentation
 * (Swagger UI, its own narrow policy on /api/docs) and the attainment chart's tooltips (ECharts writes
 * the tooltip's styles from script). Each page is loaded and used while the browser's CSP violation
 * events and console errors are collected; none may appear.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, watchCsp, SCREENSHOT_DIR, signIn, startBrowserEnv, until, waitAttr, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();


/** Whether the chart's HTML tooltip is showing some text. */
function tooltipShown(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) =>
    [...el.querySelectorAll('div')].some((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.style.visibility !== 'hidden' && d.style.opacity !== '0' && /\d/.test(d.textContent ?? '') && !d.querySelector('canvas')),
  );
}

/** The centre of the pixels of a colour on the chart's canvas (a point's symbol), in CSS pixels from the chart's corner. */
function centreOfColour(page: Page, testId: string, rgb: [number, number, number]): Promise<{ x: number; y: number } | null> {
  return page.getByTestId(testId).evaluate((el, [r, g, b]) => {
    const canvas = el.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    let n = 0;
    let sx = 0;
    let sy = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (Math.abs(data[i]! - r) <= 12 && Math.abs(data[i + 1]! - g) <= 12 && Math.abs(data[i + 2]! - b) <= 12 && data[i + 3]! > 200) {
          n++;
          sx += x;
          sy += y;
        }
      }
    }
    return n ? { x: sx / n / scale, y: sy / n / scale } : null;
  }, rgb);
}

describe.skipIf(!available)('browser: the content security policy on the API docs and the charts', () => {
  let env: BrowserEnv;
  let pilotId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const city = await login(env.t.app, 'hangzhou', PASSWORD);
    const province = await login(env.t.app, 'zhejiang', PASSWORD);
    const ministry = await login(env.t.app, 'guihuasi', PASSWORD);
    pilotId = await seedPilot(env.t.database.db, { city, province, ministry }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号' });
    const reports = (await city.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json().items as { id: string; period: string }[];
    const id = reports.find((r) => r.period === '2017')!.id;
    const detail = (await city.request('GET', `/api/v1/reports/${id}`)).json();
    const values = (detail.values as { targetId: string; required: number }[]).map((v) => ({ targetId: v.targetId, actual: v.required, dataSource: '杭州市统计局', note: '', evidenceFileIds: [] }));
    const saved = await city.request('PUT', `/api/v1/reports/${id}`, { version: detail.version, narrative: '2017年度进展', values });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await city.request('POST', `/api/v1/reports/${id}/submit`, { version: saved.json().version });
    const confirmed = await province.request('POST', `/api/v1/reports/${id}/confirm`, { version: submitted.json().version, opinion: '同意' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await env?.close();
  });

  it('renders Swagger UI at /api/docs under its own policy, without unsafe-inline and with no violation', async () => {
    const { page } = await env.newPage();
    const violations = await watchCsp(page);
    const res = await page.goto(`${env.baseUrl}/api/docs`);
    expect(res?.status()).toBe(200);
    const policy = res!.headers()['content-security-policy']!;
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/script-src 'self';/);
    // The operations are drawn from /api/openapi.json, and one opens.
    await waitVisible(page.locator('.opblock-tag').first(), 30_000);
    await until('the operations to render', async () => (await page.locator('.opblock').count()) > 5, 30_000);
    await page.locator('.opblock-summary').first().click();
    await waitVisible(page.locator('.opblock-body').first());
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-csp-api-docs.png') });
    expect(await violations()).toEqual([]);
    // The other API answers keep the strict data policy.
    const api = await env.t.app.inject({ method: 'GET', url: '/api/health' });
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('shows the attainment charts’ tooltips on hover with no violation of the page policy', async () => {
    const { page } = await env.newPage();
    const violations = await watchCsp(page);
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);

    // 达成总览: the bar chart's tooltip (trigger "axis") over the first category.
    await page.getByRole('menuitem', { name: '达成总览' }).click();
    const overview = page.getByTestId('ov-chart');
    await waitAttr(overview, 'data-ready', 'true');
    const ob = (await overview.boundingBox())!;
    await page.mouse.move(ob.x + ob.width / 2, ob.y + 60);
    await page.mouse.move(ob.x + ob.width / 2 + 5, ob.y + 62);
    await until('the overview tooltip to show', () => tooltipShown(page, 'ov-chart'));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-csp-overview-tooltip.png') });

    // The pilot's indicator chart (trigger "item"): hover the 2017 actual value, drawn on track in #237804.
    await page.getByTestId(`ov-link-${pilotId}`).click();
    await page.getByTestId('attainment').waitFor();
    const chart = page.getByTestId('att-chart');
    await waitAttr(chart, 'data-ready', 'true');
    await chart.scrollIntoViewIfNeeded();
    const point = await centreOfColour(page, 'att-chart', [0x23, 0x78, 0x04]);
    expect(point, 'the actual value is drawn').not.toBeNull();
    const cb = (await chart.boundingBox())!;
    let shown = false;
    // On that point (the symbol is 7 px wide), until the tooltip answers.
    for (let dx = -2; dx <= 2 && !shown; dx += 2) {
      for (let dy = -2; dy <= 2 && !shown; dy += 2) {
        await page.mouse.move(cb.x + point!.x + dx, cb.y + point!.y + dy);
        shown = await tooltipShown(page, 'att-chart');
      }
    }
    if (!shown) await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-csp-chart-tooltip-missing.png') });
    expect(shown, `a tooltip near ${JSON.stringify(point)}`).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-csp-chart-tooltip.png') });
    const reported = await violations();
    // Nothing was blocked: no style (the charts' tooltips, the point of this test) and no script — zod's
    // probe for eval is off since src/web/public/zod-jitless.js sets `jitless` before any module loads.
    expect(reported).toEqual([]);
  });
});
