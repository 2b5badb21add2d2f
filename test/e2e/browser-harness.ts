/**
 * Browser tests: the real server (built web app + API on a fresh PGlite database) on a local port,
 * driven through playwright-core. No test tool downloads a browser: the Chromium is Debian's
 * (/usr/bin/chromium, or CHROMIUM_PATH) where it is installed, otherwise the one that the npm package
 * @sparticuz/chromium carries inside itself, unpacked once into node_modules/.cache. TEST_BROWSER=npm-chromium
 * forces the npm one, TEST_BROWSER=system the Debian one. The npm Chromium gets its shared libraries
 * (NSS, expat) from the same package and its fonts from npm packages too: Open Sans for Latin and
 * Noto Serif SC (already a dependency, for PDFs) for Chinese, so it needs nothing from the system.
 * Outside CI a missing browser or an unbuilt web app skips these tests with a warning; with CI=true
 * it fails them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { seedAccounts } from '../helpers/seed-accounts.js';
import { freshTotpCode, makeTestApp, type TestApp } from '../helpers/test-app.js';
import type { Clock } from '../../src/kernel/clock.js';

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

/** Where the browser comes from: Debian's package or the npm package @sparticuz/chromium. */
export type ChromiumSource = 'system' | 'npm';

const require = createRequire(import.meta.url);

/** The folder of an installed package (its exports may not include package.json). */
function packageDir(name: string): string | null {
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return null;
  }
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return dir;
}

const npmChromiumInstalled = () => packageDir('@sparticuz/chromium') !== null;

/** The source the tests use here: TEST_BROWSER decides when set, else Debian's Chromium if present. */
export function chromiumSource(): ChromiumSource | null {
  const wanted = process.env.TEST_BROWSER;
  if (wanted === 'npm-chromium' || wanted === 'npm') return npmChromiumInstalled() ? 'npm' : null;
  if (wanted === 'system') return existsSync(CHROMIUM_PATH) ? 'system' : null;
  if (existsSync(CHROMIUM_PATH)) return 'system';
  return npmChromiumInstalled() ? 'npm' : null;
}

/** Whether browser tests can run here; throws in CI when they cannot. */
export function browserAvailable(): boolean {
  const source = chromiumSource();
  const hasWeb = existsSync(join(process.cwd(), 'dist/web/index.html'));
  const missing =
    source === null
      ? `no Chromium: neither ${CHROMIUM_PATH} nor the npm package @sparticuz/chromium (run npm install)` +
        (process.env.TEST_BROWSER ? ` for TEST_BROWSER=${process.env.TEST_BROWSER}` : '')
      : null;
  if (process.env.CI === 'true') {
    if (missing) throw new Error(`CI=true but there is ${missing}.`);
    if (!hasWeb) throw new Error('CI=true but dist/web is not built: run the tests through `npm test`, which builds it first.');
  }
  if (missing) console.warn(`[browser tests skipped] ${missing}`);
  else if (!hasWeb) console.warn('[browser tests skipped] dist/web is not built; `npm test` builds it first.');
  return source !== null && hasWeb;
}

export interface ChromiumLaunch {
  source: ChromiumSource;
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

/** Reads the regular files out of an uncompressed tar archive (enough for the package's own tarball). */
function untar(tar: Buffer, into: string): void {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const field = (from: number, len: number) => header.subarray(from, from + len).toString('utf8').replace(/\0.*$/s, '');
    const name = field(0, 100);
    if (!name) break;
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const path = join(into, prefix ? `${prefix}/${name}` : name);
    if (type === '0') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, tar.subarray(at + 512, at + 512 + size), { mode: parseInt(field(100, 8).trim() || '644', 8) });
    } else if (type === '5') {
      mkdirSync(path, { recursive: true });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

function fontconfigFile(cacheDir: string): string {
  const serif = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  const fontDirs = [join(cacheDir, 'fonts'), join(serif, '400Regular'), join(serif, '700Bold')];
  const family = (generic: string, ...names: string[]) =>
    `  <alias><family>${generic}</family><prefer>${names.map((n) => `<family>${n}</family>`).join('')}</prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...fontDirs.map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${join(cacheDir, 'fontconfig-cache')}</cachedir>`,
    family('sans-serif', 'Open Sans', 'Noto Serif SC'),
    family('serif', 'Noto Serif SC', 'Open Sans'),
    family('monospace', 'Open Sans', 'Noto Serif SC'),
    '</fontconfig>',
    '',
  ].join('\n');
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Unpacks the npm-shipped Chromium once into node_modules/.cache/npm-chromium/<version> and returns
 * how to launch it. Test files run in parallel processes, so a lock directory makes one of them
 * unpack while the others wait; a `.complete` marker tells a finished unpack from an interrupted one.
 */
export async function npmChromium(): Promise<ChromiumLaunch> {
  const pkgDir = packageDir('@sparticuz/chromium');
  if (!pkgDir) throw new Error('the npm package @sparticuz/chromium is not installed (run npm install)');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'npm-chromium', version);
  const complete = join(cacheDir, '.complete');
  const lock = `${cacheDir}.lock`;
  mkdirSync(dirname(cacheDir), { recursive: true });
  while (!existsSync(complete)) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is unpacking; a lock older than two minutes belongs to a process that died.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      const { default: Chromium } = await import('@sparticuz/chromium');
      // The package unpacks into os.tmpdir(), which reads TMPDIR at each call: point it at the cache
      // for the synchronous start of executablePath(), where every destination is decided.
      const savedTmp = process.env.TMPDIR;
      process.env.TMPDIR = cacheDir;
      let unpacked: Promise<string>;
      try {
        unpacked = Chromium.executablePath();
      } finally {
        if (savedTmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = savedTmp;
      }
      await unpacked;
      // NSS, NSPR and expat, which the binary links against and a bare machine may lack. The package
      // unpacks them only on Amazon Linux; they run on any glibc as new as theirs.
      untar(brotliDecompressSync(readFileSync(join(pkgDir, 'bin', 'al2023.tar.br'))), join(cacheDir, 'al2023'));
      mkdirSync(join(cacheDir, 'fontconfig'), { recursive: true });
      writeFileSync(join(cacheDir, 'fontconfig', 'fonts.conf'), fontconfigFile(cacheDir));
      writeFileSync(complete, `${new Date().toISOString()}\n`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return {
    source: 'npm',
    executablePath: join(cacheDir, 'chromium'),
    // The package's binary is a headless shell; without a zygote it needs no sandbox helper.
    args: [...CHROMIUM_ARGS, '--no-zygote'],
    env: {
      LD_LIBRARY_PATH: [join(cacheDir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: join(cacheDir, 'fontconfig'),
      FONTCONFIG_FILE: join(cacheDir, 'fontconfig', 'fonts.conf'),
    },
  };
}

/** How to launch the Chromium of `source` (by default the one chromiumSource() picks). */
export async function chromiumLaunch(source: ChromiumSource | null = chromiumSource()): Promise<ChromiumLaunch> {
  if (source === 'npm') return npmChromium();
  if (source === 'system') return { source, executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
  throw new Error('no Chromium to launch (see browserAvailable)');
}

export async function launchChromium(source?: ChromiumSource): Promise<{ browser: Browser; launch: ChromiumLaunch }> {
  const launch = await chromiumLaunch(source);
  const browser = await chromium.launch({
    executablePath: launch.executablePath,
    args: launch.args,
    headless: true,
    ...(launch.env ? { env: { ...(process.env as Record<string, string>), ...launch.env } } : {}),
  });
  return { browser, launch };
}

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** Which Chromium runs, and how it was launched. */
  launch: ChromiumLaunch;
  close(): Promise<void>;
  /** A fresh signed-out browser context (its own cookies) with a page at 1280×800. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
}

export async function startBrowserEnv(opts: { chromium?: ChromiumSource; clock?: Clock } = {}): Promise<BrowserEnv> {
  const t = await makeTestApp('pglite', { WEB_ROOT: join(process.cwd(), 'dist/web') }, { clock: opts.clock });
  await seedAccounts(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  servers.set(`http://127.0.0.1:${port}`, t);
  const { browser, launch } = await launchChromium(opts.chromium);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    launch,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      return { context, page };
    },
    close: async () => {
      servers.delete(`http://127.0.0.1:${port}`);
      await browser.close();
      await t.close();
    },
  };
}

/** The test app behind each base URL, so signIn can compute an account's TOTP code. */
const servers = new Map<string, TestApp>();

/**
 * Signs in through the sign-in page; provincial and ministry accounts are asked for their code after
 * the password, which this computes with the platform's TOTP function from the secret they are
 * enrolled with (see freshTotpCode).
 */
export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('btn-login').click();
  const signedIn = page.getByTestId('current-user');
  const code = page.getByTestId('login-code');
  await until(`${username} signed in or asked for a code`, async () => (await signedIn.count()) > 0 || (await code.count()) > 0);
  if ((await signedIn.count()) === 0) {
    const t = servers.get(baseUrl);
    if (!t) throw new Error(`signIn: no test server at ${baseUrl}`);
    await code.fill(await freshTotpCode(t.app, username));
    await page.getByTestId('btn-login').click();
  }
  await signedIn.waitFor();
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

/** Collects CSP violation events (from the first script on) and console errors naming the policy; call the result to read them. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleErrors];
}
