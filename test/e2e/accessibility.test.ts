/**
 * Accessibility (GB/T 37668-2019, which follows WCAG 2.1 AA): axe-core runs on each page of each
 * role, over the demo data, and none may have a serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/seed-demo.js';
import { freshTotpCode, makeTestApp, type TestApp } from '../helpers/test-app.js';
import { browserAvailable, launchChromium } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Finding {
  rule: string;
  impact: string;
  targets: string[];
}

async function audit(page: Page): Promise<Finding[]> {
  await page.waitForLoadState('networkidle');
  // Evaluated through DevTools, not as an inline <script>: the page's CSP (no 'unsafe-inline') stays in force.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/**
 * Pages per demo account; `detail` also opens the first application the account can see, `pilot`
 * the first pilot city with its cycle and attainment tabs, reports and rectification pages.
 */
const PAGES: { user: string | null; paths: string[]; detail?: boolean; pilot?: boolean; cases?: boolean }[] = [
  { user: null, paths: ['/login'] },
  {
    user: 'guihuasi',
    paths: ['/', '/?tab=all', '/experts', '/review/batch', '/review/settings', '/pilots', '/attainment', '/cycle/settings', '/reports', '/resources', '/consulting', '/province', '/notices', '/evaluations', '/evaluations/scheme', '/cases', '/cases/review', '/cases/mine', '/cases/book', '/cases/new'],
    detail: true,
    pilot: true,
    cases: true,
  },
  { user: 'zhuangbeisi', paths: ['/?tab=all', '/pilots', '/resources'], detail: true },
  { user: 'huzhou', paths: ['/', '/?tab=all', '/pilots'], detail: true },
  { user: 'ningbo', paths: ['/pilots', '/reports', '/resources', '/consulting', '/notices', '/cases/mine', '/cases/new'], pilot: true, cases: true },
  { user: 'ningbo-sj', paths: ['/province', '/reports'], pilot: true },
  { user: 'zhejiang', paths: ['/', '/?tab=all', '/province', '/attainment', '/cases'], detail: true, cases: true },
  { user: 'expert', paths: ['/review'] },
  { user: 'lingdao', paths: ['/', '/pilots', '/attainment', '/account/security'] },
  { user: 'admin', paths: ['/admin', '/admin?tab=orgs', '/admin/jobs'] },
  { user: 'anquan', paths: ['/admin', '/admin?tab=orgs', '/account/security'] },
  { user: 'shenji', paths: ['/audit', '/audit?action=sign_in&outcome=failure'] },
];

describe.skipIf(!available)('accessibility of every page, per role (axe-core, WCAG 2.1 AA)', () => {
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

  it.each(PAGES.map((p) => [p.user ?? 'signed-out visitor', p] as const))('%s: no serious or critical violation', async (_who, spec) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      if (spec.user) {
        // Provincial and ministry demo accounts sign in with the demo secret's current code too.
        const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: spec.user, password: DEMO_PASSWORD, code: await freshTotpCode(t.app, spec.user) } });
        expect(res.status()).toBe(200);
      }
      const page = await context.newPage();
      // Every page also renders under the real Content-Security-Policy (no 'unsafe-inline'): nothing is blocked.
      const blocked: string[] = [];
      await page.exposeFunction('__cspViolation', (v: string) => void blocked.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
        );
      });
      const found: Record<string, Finding[]> = {};
      const ready = spec.user ? 'current-user' : 'btn-login';
      for (const path of spec.paths) {
        await page.goto(base + path);
        await page.getByTestId(ready).first().waitFor();
        const f = await audit(page);
        if (f.length) found[path] = f;
      }
      if (spec.detail) {
        await page.goto(`${base}/?tab=all`);
        await page.getByTestId('current-user').waitFor();
        const link = page.locator('a[href^="/applications/"]').first();
        await link.waitFor();
        await link.click();
        await page.getByTestId('status-tag').first().waitFor();
        const f = await audit(page);
        if (f.length) found[page.url().replace(base, '')] = f;
      }
      if (spec.pilot) {
        await page.goto(`${base}/pilots`);
        await page.getByTestId('current-user').waitFor();
        const link = page.locator('a[href^="/pilots/"]').first();
        await link.waitFor();
        const href = (await link.getAttribute('href'))!;
        for (const path of [href, `${href}/reports`, `${href}/rectifications`]) {
          await page.goto(base + path);
          await page.getByTestId('current-user').waitFor();
          const f = await audit(page);
          if (f.length) found[path] = f;
        }
        await page.goto(base + href);
        await page.getByTestId('pilot-tab-cycle').click();
        // The cycle tab is complete once the amendments panel (composed in by the route) is there.
        await page.getByTestId('amendments').waitFor();
        const f = await audit(page);
        if (f.length) found[`${href} (cycle tab)`] = f;
        // The attainment tab (指标达成), composed in by the route, once its chart has drawn.
        await page.goto(`${base}${href}?tab=attainment`);
        await page.getByTestId('attainment').waitFor();
        await page.locator('[data-testid="att-chart"][data-ready="true"]').first().waitFor();
        const a = await audit(page);
        if (a.length) found[`${href} (attainment tab)`] = a;
      }
      if (spec.cases) {
        // The library with highlighted matches, and the first case found.
        await page.goto(`${base}/cases?q=${encodeURIComponent('智能制造')}`);
        await page.getByTestId('case-results').waitFor();
        await page.locator('mark.case-hit').first().waitFor();
        const lib = await audit(page);
        if (lib.length) found['/cases?q=智能制造'] = lib;
        await page.locator('[data-testid^="case-link-"]').first().click();
        await page.getByTestId('case-title').waitFor();
        const one = await audit(page);
        if (one.length) found[page.url().replace(base, '')] = one;
      }
      expect(found).toEqual({});
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
