/**
 * First-visit weight of the web app's pages: the JS and CSS a browser with an empty cache downloads
 * to show each page, measured in Chromium on the built app (dist/web) over a fresh PGlite database.
 * Prints the raw and gzip bytes per page, and one `RESULT page=… js_css_gzip_kb=…` line per page.
 *
 *   npm run build && npx tsx bench/page-weight.ts [--files]
 * With --files it also lists each file with its gzip size.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/browser-harness.js';
import { PASSWORD, seedAccounts } from '../test/helpers/seed-accounts.js';
import { freshTotpCode, makeTestApp } from '../test/helpers/test-app.js';

interface PageSpec {
  name: string;
  /** The account that signs in first (its own context), or none for a signed-out page. */
  user?: string;
  path: string;
  /** A test id that shows when the page has rendered. */
  ready: string;
}

const PAGES: PageSpec[] = [
  { name: 'sign-in', path: '/login', ready: 'btn-login' },
  { name: 'ministry-home', user: 'guihuasi', path: '/', ready: 'current-user' },
  { name: 'city-home', user: 'huzhou', path: '/', ready: 'current-user' },
];

async function measure(page: Page, url: string, ready: string) {
  const assets = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const u = res.url();
    if (!/\.(js|css)(\?|$)/.test(u)) return;
    pending.push(
      res.body().then(
        (b) => void assets.set(u, b),
        () => undefined,
      ),
    );
  });
  await page.goto(url);
  await page.getByTestId(ready).first().waitFor({ timeout: 20_000 });
  // Until the page is drawn: no loading spinner left (a lazy page or its data) and the network quiet.
  await page.waitForFunction(() => !document.querySelector('.page-loading'), undefined, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  let raw = 0;
  let gzip = 0;
  const list: { name: string; gzip: number }[] = [];
  for (const [url, body] of assets) {
    const g = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += g;
    list.push({ name: url.replace(/^.*\/assets\//, ''), gzip: g });
  }
  return { files: assets.size, raw, gzip, list: list.sort((a, b) => b.gzip - a.gzip) };
}

const t = await makeTestApp('pglite', { WEB_ROOT: join(process.cwd(), 'dist/web') });
await seedAccounts(t.database.db);
await t.app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  console.log('page            files   raw KB   gzip KB');
  for (const spec of PAGES) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    if (spec.user) {
      // Sign in through the API in this context, so the page visit itself is the first visit of its assets.
      let res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: spec.user, password: PASSWORD } });
      // An account enrolled in TOTP (the test accounts of provincial and ministry roles) sends its code too.
      if (res.status() === 401 && ((await res.json()) as { error?: { code?: string } }).error?.code === 'TOTP_CODE_REQUIRED') {
        res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: spec.user, password: PASSWORD, code: await freshTotpCode(t.app, spec.user) } });
      }
      if (!res.ok()) throw new Error(`sign-in as ${spec.user} failed: ${res.status()} ${await res.text()}`);
    }
    const m = await measure(page, base + spec.path, spec.ready);
    console.log(`${spec.name.padEnd(15)} ${String(m.files).padStart(5)} ${(m.raw / 1024).toFixed(1).padStart(8)} ${(m.gzip / 1024).toFixed(1).padStart(9)}`);
    if (process.argv.includes('--files')) for (const f of m.list) console.log(`    ${(f.gzip / 1024).toFixed(1).padStart(7)} KB  ${f.name}`);
    console.log(`RESULT page=${spec.name} files=${m.files} js_css_raw_kb=${(m.raw / 1024).toFixed(1)} js_css_gzip_kb=${(m.gzip / 1024).toFixed(1)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await t.close();
}
