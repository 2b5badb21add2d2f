/**
 * Keyboard use (issue 10 point 5; GB/T 37668-2019 follows WCAG 2.1: 2.1.1 keyboard, 2.4.1 bypass blocks,
 * 2.4.3 focus order, 2.4.7 focus visible). On the main pages of each role, with the demo data, the Tab
 * key walks the page and every stop must show where the focus is; the skip link comes first and the
 * regions follow the visual order (skip link, top bar, menu, content). The dialogs of the main paths,
 * opened from their button with the keyboard, keep the focus inside while open and give it back to
 * the button when they close.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/seed-demo.js';
import { freshTotpCode, makeTestApp, type TestApp } from '../helpers/test-app.js';
import { browserAvailable, launchChromium } from './browser-harness.js';

const available = browserAvailable();

/** The regions in their visual order; a Tab stop's region is the first of these that contains it. */
const REGIONS = ['skip', 'header', 'menu', 'main'] as const;
type Region = (typeof REGIONS)[number] | 'other';

interface Stop {
  region: Region;
  what: string;
  /** The focused element, or the control it belongs to, draws an outline or a shadow. */
  visible: boolean;
}

/** Where the focus is now, and whether it can be seen. Runs in the page, after two frames (a control sets its focused class on the focus event). */
async function focusStop(): Promise<Stop | null> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const region: Region = el.classList.contains('skip-link')
    ? 'skip'
    : el.closest('.app-header')
      ? 'header'
      : el.closest('.app-sider')
        ? 'menu'
        : el.closest('#main-content')
          ? 'main'
          : 'other';
  const shows = (n: Element | null): boolean => {
    if (!n) return false;
    const s = getComputedStyle(n);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
  };
  // A control may draw its focus on a wrapper (Ant Design's inputs with a prefix, the select's box, the segmented item).
  let visible = false;
  for (let n: Element | null = el, i = 0; n && i < 4 && !visible; n = n.parentElement, i++) visible = shows(n);
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
  const what = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${label}"`;
  return { region, what, visible };
}

/** Up to `count` Tab stops from the top of the page, ending where the focus leaves the page or comes round to the skip link again. */
async function tabStops(page: Page, count: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(focusStop);
    if (!stop || (stop.region === 'skip' && stops.length > 0)) break;
    stops.push(stop);
  }
  return stops;
}

/** Opens a dialog from its button with the keyboard; Tab and Shift+Tab stay inside; Escape closes it and the focus is back on the button. */
async function checkDialog(page: Page, opener: Locator, dialog: Locator) {
  await opener.waitFor();
  await opener.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'visible' });
  // The dialog takes the focus once it has opened.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    const inside = await dialog.evaluate((d) => d.contains(document.activeElement));
    expect(inside, `focus left the dialog after ${key}: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160))}`).toBe(true);
    const stop = await page.evaluate(focusStop);
    expect(stop?.visible, `focus not visible in the dialog: ${stop?.what}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => opener.evaluate((b) => b === document.activeElement)).toBe(true);
}

describe.skipIf(!available)('keyboard use: focus order, visible focus, dialogs', () => {
  let t: TestApp;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    t = await makeTestApp('pglite', { WEB_ROOT: join(process.cwd(), 'dist/web') });
    await seedDemoData(t.database.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    ({ browser } = await launchChromium());
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(user: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: user, password: DEMO_PASSWORD, code: await freshTotpCode(t.app, user) } });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  it('the sign-in page: every stop visible, the form in reading order', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByTestId('btn-login').waitFor();
      // The user name has the focus on arrival; from there, Tab reaches the password and then the button.
      await expect.poll(() => page.getByTestId('login-username').evaluate((e) => e === document.activeElement)).toBe(true);
      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(focusStop);
        if (!stop) break; // past the last control
        expect(stop.visible, `focus not visible: ${stop.what}`).toBe(true);
        order.push(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid ?? ''));
      }
      expect(order.indexOf('login-password')).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('btn-login')).toBeGreaterThan(order.indexOf('login-password'));
      // Submitting empty says what is missing next to the field, and puts the focus there.
      await page.getByTestId('login-username').focus();
      await page.keyboard.press('Enter');
      await page.locator('#login-username-error').waitFor();
      await expect.poll(() => page.getByTestId('login-username').evaluate((e) => e === document.activeElement && e.getAttribute('aria-invalid') === 'true')).toBe(true);
    } finally {
      await context.close();
    }
  });

  const MAIN_PAGES: { user: string; paths: string[] }[] = [
    { user: 'guihuasi', paths: ['/', '/pilots', '/cases'] },
    { user: 'zhejiang', paths: ['/', '/province'] },
    { user: 'huzhou', paths: ['/', '/reports'] },
    { user: 'zhuangbeisi', paths: ['/?tab=all'] },
    { user: 'expert', paths: ['/review'] },
    { user: 'lingdao', paths: ['/pilots'] },
    { user: 'admin', paths: ['/admin'] },
    { user: 'shenji', paths: ['/audit'] },
  ];

  it.each(MAIN_PAGES.map((p) => [p.user, p] as const))('%s: skip link first, regions in visual order, focus always visible', async (_user, spec) => {
    const { context, page } = await signedIn(spec.user);
    try {
      for (const path of spec.paths) {
        await page.goto(base + path);
        await page.getByTestId('current-user').waitFor();
        await page.waitForLoadState('networkidle');
        const stops = await tabStops(page, 30);
        const where = `${spec.user} ${path}`;
        expect(stops[0]?.region, `${where}: the first stop is the skip link`).toBe('skip');
        const invisible = stops.filter((s) => !s.visible).map((s) => s.what);
        expect(invisible, `${where}: stops without a visible focus`).toEqual([]);
        // Regions never go back: skip link, then the top bar, then the menu, then the content.
        const ranks = stops.filter((s) => s.region !== 'other').map((s) => REGIONS.indexOf(s.region as (typeof REGIONS)[number]));
        const back = ranks.findIndex((r, i) => i > 0 && r < ranks[i - 1]!);
        expect(back, `${where}: focus order goes back at ${back >= 0 ? stops[back]?.what : ''}: ${stops.map((s) => s.region).join(' ')}`).toBe(-1);
        expect(ranks, `${where}: the menu and the content are reached`).toEqual(expect.arrayContaining([REGIONS.indexOf('menu'), REGIONS.indexOf('main')]));

        // The skip link jumps over the top bar and the menu: the next Tab lands in the content.
        await page.goto(base + path);
        await page.getByTestId('current-user').waitFor();
        await page.keyboard.press('Tab');
        await expect.poll(() => page.getByTestId('skip-link').evaluate((e) => e === document.activeElement && e.getBoundingClientRect().top >= 0)).toBe(true);
        await page.waitForLoadState('networkidle');
        await page.locator('#main-content').locator('a[href]:visible, button:visible, input:visible, [tabindex="0"]:visible').first().waitFor();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
        await page.keyboard.press('Tab');
        expect((await page.evaluate(focusStop))?.region, `${where}: after the skip link`).toBe('main');
      }
    } finally {
      await context.close();
    }
  });

  it('the menu works from the keyboard: one Tab stop, the arrow keys move across the groups, Enter opens the page', async () => {
    const { context, page } = await signedIn('guihuasi');
    try {
      await page.goto(`${base}/`);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
      // Tab until the focus is in the menu.
      for (let i = 0; i < 30 && (await page.evaluate(focusStop))?.region !== 'menu'; i++) await page.keyboard.press('Tab');
      expect((await page.evaluate(focusStop))?.region).toBe('menu');
      const focusedText = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
      const start = await focusedText();
      // Six entries down: past the first group's five entries, into 试点跟踪. The menu moves the focus
      // after the key event, so each press waits for it to land before the next.
      for (let i = 0; i < 6; i++) {
        const before = await focusedText();
        await page.keyboard.press('ArrowDown');
        await expect.poll(focusedText).not.toBe(before);
      }
      const target = await focusedText();
      expect(target).not.toBe(start);
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).not.toBe('/');
      await expect.poll(() => page.locator('.app-sider .ant-menu-item-selected').textContent()).toBe(target);
    } finally {
      await context.close();
    }
  });

  it('dialogs of the main paths trap the focus and give it back', async () => {
    // The city: a new application from the home page.
    {
      const { context, page } = await signedIn('huzhou');
      try {
        await page.goto(`${base}/`);
        await page.getByTestId('current-user').waitFor();
        await checkDialog(page, page.getByTestId('btn-new-application'), page.getByRole('dialog'));
      } finally {
        await context.close();
      }
    }
    // The province: forward and return on an application waiting for its preliminary review.
    {
      const { context, page } = await signedIn('zhejiang');
      try {
        await page.goto(`${base}/?tab=queue`);
        await page.getByTestId('current-user').waitFor();
        await page.locator('a[href^="/applications/"]').first().click();
        await page.getByTestId('status-tag').first().waitFor();
        await checkDialog(page, page.getByTestId('btn-forward'), page.getByRole('dialog'));
        await checkDialog(page, page.getByTestId('btn-return'), page.getByRole('dialog'));
      } finally {
        await context.close();
      }
    }
    // The ministry: receiving a forwarded application from its inbox.
    {
      const { context, page } = await signedIn('guihuasi');
      try {
        await page.goto(`${base}/?tab=queue`);
        await page.getByTestId('current-user').waitFor();
        await page.locator('a[href^="/applications/"]').first().click();
        await page.getByTestId('status-tag').first().waitFor();
        await checkDialog(page, page.getByTestId('btn-receive'), page.getByRole('dialog'));
      } finally {
        await context.close();
      }
    }
  });
});
