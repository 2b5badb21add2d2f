/**
 * The public portal in Chromium. The planning department publishes 杭州's page and its 2017 progress on
 * its publishing page; then, with JavaScript DISABLED, every portal page renders its text on a phone
 * (390×844), the home page and the city page are photographed, and the city page's transferred bytes
 * are measured; axe-core (WCAG 2.1 A/AA) finds no serious or critical violation on any portal page nor
 * on the publishing page.
 */
import { eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { manualClock } from '../../src/kernel/clock.js';
import { caseIn, confirmReport, insertNotice, type PortalWorld } from '../helpers/portal-seed.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const SUMMARY = '杭州市以智能制造为主攻方向，推进“机器换人”和数字化车间建设。';

async function audit(page: Page): Promise<{ rule: string; targets: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

describe.skipIf(!available)('browser: the public portal', () => {
  let env: BrowserEnv;
  let pilotId = '';
  let caseId = '';
  let noticeId = '';

  beforeAll(async () => {
    env = await startBrowserEnv({ clock: manualClock(new Date('2018-03-01T02:00:00Z')) });
    const db = env.t.database.db;
    const c = { hangzhou: await login(env.t.app, 'hangzhou', PASSWORD), zhejiang: await login(env.t.app, 'zhejiang', PASSWORD), guihuasi: await login(env.t.app, 'guihuasi', PASSWORD) };
    pilotId = await seedPilot(db, { city: c.hangzhou, province: c.zhejiang, ministry: c.guihuasi }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕940号' });
    await confirmReport(c.hangzhou, c.zhejiang, pilotId, '2017', (i) => 20 + i);
    const [ministry] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    const world: PortalWorld = { c, pilots: { hangzhou: pilotId, wuhan: '', huzhou: '' }, ministryId: ministry!.id };
    caseId = await caseIn(world, 'hangzhou', pilotId, 'published', { title: '杭州市推进智能制造', summary: '杭州以智能制造为主攻方向。', body: '全市推进“机器换人”。\n建成一批数字化车间。' });
    noticeId = await insertNotice(db, world, { title: '关于试点工作进展的通报', body: '各有关单位：现将试点工作进展通报如下。', published: true, pilotId });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('publishes 杭州’s page and its 2017 progress as the planning department', async () => {
    const { page, context } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.getByRole('menuitem', { name: '公开门户发布' }).click();
    await page.getByTestId('portal-publishing-page').waitFor();
    await page.getByTestId(`publish-page-${pilotId}`).click();
    await page.getByLabel('实施方案摘要（公开）').fill(SUMMARY);
    await page.getByRole('button', { name: '发布页面' }).last().click();
    await waitVisible(page.getByTestId(`withdraw-page-${pilotId}`));
    await page.getByTestId(`publish-year-${pilotId}-2017`).click();
    await waitVisible(page.getByTestId(`withdraw-year-${pilotId}-2017`));
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-portal-1-publishing.png'), fullPage: true });
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  const pages = () => [
    { path: '/portal', text: ['试点城市分布示意图', '示意图，非地图', '试点城市概况', '关于试点工作进展的通报', '杭州市推进智能制造'] },
    { path: '/portal/pilots', text: ['杭州市人民政府'] },
    { path: `/portal/pilots/${pilotId}`, text: [SUMMARY, '试点目标', '2017年指标达成情况', '杭州市推进智能制造'] },
    { path: '/portal/provinces/330000', text: ['浙江省的试点城市', '杭州市人民政府'] },
    { path: '/portal/notices', text: ['关于试点工作进展的通报'] },
    { path: `/portal/notices/${noticeId}`, text: ['现将试点工作进展通报如下'] },
    { path: '/portal/cases?q=%E6%99%BA%E8%83%BD', text: ['“智能”的检索结果', '杭州市推进智能制造'] },
    { path: `/portal/cases/${caseId}`, text: ['建成一批数字化车间', '智能制造'] },
    { path: '/portal/nope', text: ['页面不存在'] },
  ];

  it('renders every portal page’s text on a phone with JavaScript disabled', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'zh-CN', javaScriptEnabled: false, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const p of pages()) {
      await page.goto(`${env.baseUrl}${p.path}`);
      const main = await page.locator('main').innerText();
      for (const text of p.text) expect(main, `${p.path}: ${text}`).toContain(text);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      // The style sheet applied (no inline styles under the CSP): the skip link is moved off screen.
      expect((await page.locator('a.skip').boundingBox())?.x ?? 0).toBeLessThan(0);
      // Nothing wider than the phone's screen but the tables' own scroll boxes.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth).catch(() => null);
      if (overflow !== null) expect(overflow).toBeLessThanOrEqual(PHONE.width);
    }
    await page.goto(`${env.baseUrl}/portal`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-portal-2-home-phone.png'), fullPage: true });
    await page.goto(`${env.baseUrl}/portal/pilots/${pilotId}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-portal-3-pilot-phone.png'), fullPage: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-portal-4-pilot-phone-top.png') });
    // The search form works without script: it is a plain GET form.
    await page.goto(`${env.baseUrl}/portal/cases`);
    await page.getByLabel('检索案例').fill('数字化车间');
    await page.getByRole('button', { name: '检索' }).click();
    await waitText(page.locator('main'), '“数字化车间”的检索结果');
    await context.close();
  });

  it('passes axe-core on every portal page, and the city page transfers under 100 KB', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    for (const p of pages()) {
      await page.goto(`${env.baseUrl}${p.path}`);
      expect(await audit(page), p.path).toEqual([]);
    }
    await context.close();
    // Measured, not timed, in a fresh context (nothing cached): the bytes the city page and its style sheet
    // took on the wire (compressed), and its first contentful paint (logged only).
    const fresh = await env.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const cold = await fresh.newPage();
    await cold.goto(`${env.baseUrl}/portal/pilots/${pilotId}`, { waitUntil: 'load' });
    const measured = await cold.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { page: nav.transferSize, decoded: nav.decodedBodySize, resources: resources.reduce((s, r) => s + r.transferSize, 0), names: resources.map((r) => r.name), fcp: fcp?.startTime ?? null };
    });
    console.log(`portal city page: ${measured.page} B transferred (${measured.decoded} B decoded), sub-resources ${measured.names.join(' ')} ${measured.resources} B, FCP ${measured.fcp} ms`);
    expect(measured.names.filter((n) => !n.endsWith('/favicon.ico'))).toHaveLength(1);
    expect(measured.page).toBeGreaterThan(0);
    expect(measured.page + measured.resources).toBeLessThan(100 * 1024);
    // The feeds parse in the browser's own XML parser too.
    for (const feed of ['/portal/feeds/notices.xml', '/portal/feeds/cases.atom']) {
      const ok = await cold.evaluate(async (url) => {
        const text = await (await fetch(url)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return doc.getElementsByTagName('parsererror').length === 0 && (doc.documentElement.nodeName === 'rss' || doc.documentElement.nodeName === 'feed');
      }, feed);
      expect(ok, feed).toBe(true);
    }
    await fresh.close();
  });
});
