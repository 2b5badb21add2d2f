/**
 * Browser tests: the real server (built web app + API on a fresh PGlite database) on a local port,
 * driven by Debian's Chromium through playwright-core. No test tool downloads a browser.
 * Outside CI a missing Chromium skips these tests with a warning; with CI=true it fails them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { seedAccounts } from '../helpers/seed-accounts.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** Whether browser tests can run here; throws in CI when they cannot. */
export function browserAvailable(): boolean {
  const hasChromium = existsSync(CHROMIUM_PATH);
  const hasWeb = existsSync(join(process.cwd(), 'dist/web/index.html'));
  if (process.env.CI === 'true') {
    if (!hasChromium) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk).`);
    if (!hasWeb) throw new Error('CI=true but dist/web is not built: run the tests through `npm test`, which builds it first.');
  }
  if (!hasChromium) console.warn(`[browser tests skipped] Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install chromium fonts-noto-cjk`);
  else if (!hasWeb) console.warn('[browser tests skipped] dist/web is not built; `npm test` builds it first.');
  return hasChromium && hasWeb;
}

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
  /** A fresh signed-out browser context (its own cookies) with a page at 1280×800. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  const t = await makeTestApp('pglite', { WEB_ROOT: join(process.cwd(), 'dist/web') });
  await seedAccounts(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      return { context, page };
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('btn-login').click();
  await page.getByTestId('current-user').waitFor();
}

/** Polls until `check` returns true; fails with `what` after the timeout. playwright-core has no expect. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export const waitVisible = (l: Locator, timeout = 10_000) => l.first().waitFor({ state: 'visible', timeout });
export const waitGone = (l: Locator, timeout = 10_000) => until(`${l} to disappear`, async () => (await l.count()) === 0, timeout);
export const waitAttr = (l: Locator, name: string, value: string, timeout = 10_000) =>
  until(`${l} [${name}=${value}]`, async () => (await l.getAttribute(name)) === value, timeout);
export const waitText = (l: Locator, text: string, timeout = 10_000) =>
  until(`${l} to contain "${text}"`, async () => (await l.innerText()).includes(text), timeout);
export const waitEnabled = (l: Locator, enabled: boolean, timeout = 10_000) =>
  until(`${l} to be ${enabled ? 'enabled' : 'disabled'}`, async () => (await l.isEnabled()) === enabled, timeout);
