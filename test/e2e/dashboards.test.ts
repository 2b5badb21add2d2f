/**
 * The dashboards 统计看板 through the real UI in Chromium, on the demo data: the planning department
 * opens 统计看板 from the menu, sees the schematic province grid (示意图，非地图) drawn, saves it as
 * PNG, exports a chart's data and the whole dashboard as Excel, drills national → 浙江 (clicking the
 * tile on the canvas) → 宁波 (the city's link) and lands on the pilot's page; the keyboard path (the
 * province's button in the table) drills too. 湖南's authority sees its own province only (长株潭衡's
 * four cities, no other province's pilot) and is refused another province. axe-core finds no
 * serious or critical violation on the national view, a province's view and the province's own.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/seed-demo.js';
import { freshTotpCode, makeTestApp, type TestApp } from '../helpers/test-app.js';
import { browserAvailable, launchChromium, SCREENSHOT_DIR, until, waitAttr, waitEnabled, waitText, waitVisible } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

async function seriousFindings(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

describe.skipIf(!available)('browser: the dashboards for the ministry and a province', () => {
  let t: TestApp;
  let browser: Browser;
  let base = '';
  const contexts: BrowserContext[] = [];
  /** What the page's Content-Security-Policy blocked: the charts' tooltips add nothing to it. */
  const blocked: string[] = [];

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD, code: await freshTotpCode(t.app, username) } });
    expect(res.status()).toBe(200);
    const page = await context.newPage();
    await page.exposeFunction('__cspViolation', (v: string) => void blocked.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return page;
  }

  beforeAll(async () => {
    t = await makeTestApp('pglite', { WEB_ROOT: join(process.cwd(), 'dist/web') });
    await seedDemoData(t.database.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    ({ browser } = await launchChromium());
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the ministry drills national → 浙江 → 宁波, saves a chart as PNG and exports Excel', async () => {
    const page = await signedIn('guihuasi');
    await page.goto(`${base}/pilots`);
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('menuitem', { name: '统计看板' }).click();
    await waitText(page.getByTestId('page-title'), '统计看板');
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    // The national view: the schematic grid with its notice, drawn; the province table lists 浙江 with 1 pilot.
    await waitText(page.getByTestId('dash-grid-notice'), '示意图，非地图');
    const grid = page.getByTestId('dash-chart-provinces');
    await waitAttr(grid, 'data-ready', 'true');
    expect(await grid.getAttribute('aria-label')).toContain('浙江省1个');
    await waitText(page.getByTestId('dash-province-330000'), '1');
    await waitText(page.getByTestId('dash-card-pilots'), '5');
    await waitVisible(page.getByTestId('dash-panel-attainment'));
    await waitVisible(page.getByTestId('dash-resources-table'));
    await page.locator('[data-testid^="dash-chart-"][data-ready="true"]').nth(5).waitFor();
    await shot(page, 'e2e-60-dashboard-national');
    await page.getByTestId('dash-panel-provinces').screenshot({ path: join(SCREENSHOT_DIR, 'e2e-60-dashboard-grid.png') });
    expect(await seriousFindings(page)).toEqual([]);

    // Tooltips (a tile, a bar) write plain text: the CSP blocks nothing.
    const blockedBefore = blocked.length;
    const hover = async (testId: string, fx: number, fy: number) => {
      const chart = page.getByTestId(testId);
      await chart.scrollIntoViewIfNeeded();
      const b = (await chart.boundingBox())!;
      await page.mouse.move(b.x + b.width * fx, b.y + b.height * fy);
      await page.mouse.move(b.x + b.width * fx + 2, b.y + b.height * fy + 2);
    };
    await hover('dash-chart-provinces', 0.78, 0.7);
    await until('the grid tooltip to show', async () => (await page.getByTestId('dash-chart-provinces').innerText()).includes('试点数：'));
    await hover('dash-chart-attainment', 0.3, 0.5);
    await until('the bar tooltip to show', async () => (await page.getByTestId('dash-chart-attainment').innerText()).includes(':'));
    expect(blocked.slice(blockedBefore)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Save the grid as PNG; export its data and the whole dashboard as Excel.
    await waitEnabled(page.getByTestId('dash-png-provinces'), true);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dash-png-provinces').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString('latin1')).toBe('PNG');
    const [part] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dash-xlsx-provinces').click()]);
    expect(decodeURIComponent(part.suggestedFilename())).toMatch(/按省份\.xlsx$|dashboard-provinces\.xlsx$/);
    expect(readFileSync((await part.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dash-export').click()]);
    expect(readFileSync((await all.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    // Drill down by clicking 浙江's tile on the canvas (row 5, col 5 of the 8 × 8 grid).
    const box = (await grid.boundingBox())!;
    const cellW = (box.width - 16) / 7;
    const gridH = box.height - 8 - 56;
    const cellH = gridH / 8;
    await page.mouse.click(box.x + 8 + cellW * 5.5, box.y + 8 + cellH * 5.5);
    await until('the dashboard to narrow to 浙江', async () => new URL(page.url()).searchParams.get('province') === '330000');
    await waitText(page.getByTestId('dash-breadcrumb'), '浙江省');
    await waitText(page.getByTestId('dash-panel-cities'), '浙江省试点城市');
    await waitVisible(page.getByTestId('dash-city-330200'));
    await waitText(page.getByTestId('dash-card-pilots'), '1');
    await waitAttr(page.getByTestId('dash-chart-cities'), 'data-ready', 'true');
    await shot(page, 'e2e-61-dashboard-zhejiang');
    expect(await seriousFindings(page)).toEqual([]);

    // Back to the national view, then the keyboard path: the province's button in the table.
    await page.getByTestId('dash-crumb-national').click();
    await waitVisible(page.getByTestId('dash-province-table'));
    await page.getByTestId('dash-drill-330000').focus();
    await page.keyboard.press('Enter');
    await waitVisible(page.getByTestId('dash-city-330200'));

    // The city opens its pilot.
    await page.getByTestId('dash-city-link-330200').click();
    await until('the pilot page', async () => /^\/pilots\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname));
    await waitText(page.locator('h1.page-title'), '宁波市人民政府');
    await waitVisible(page.getByTestId('pilot-facts'));
  });

  it('湖南 sees its own province only, and is refused another', async () => {
    const page = await signedIn('hunan');
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('current-user').waitFor();
    await waitText(page.getByTestId('dash-breadcrumb'), '本省范围：湖南省');
    await waitVisible(page.getByTestId('dash-city-table'));
    // 长株潭衡's cities, all in 湖南 (43xxxx), and nothing else.
    const rows = page.getByTestId('dash-city-table').locator('tbody tr');
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    expect(codes.length).toBeGreaterThanOrEqual(3);
    expect(codes.every((c) => /^dash-city-43\d{4}$/.test(c ?? ''))).toBe(true);
    expect(await page.getByTestId('dash-province-table').count()).toBe(0);
    expect(await page.getByTestId('dash-pilots').textContent()).not.toContain('宁波');
    await waitAttr(page.getByTestId('dash-chart-cities'), 'data-ready', 'true');
    await shot(page, 'e2e-62-dashboard-hunan');
    expect(await seriousFindings(page)).toEqual([]);

    await page.goto(`${base}/dashboard?province=330000`);
    await waitText(page.getByTestId('query-error'), '本省');
  });
});
