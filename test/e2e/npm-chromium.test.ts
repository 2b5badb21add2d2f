/**
 * The fallback browser, proven on every run: the Chromium that the npm package @sparticuz/chromium
 * ships (not Debian's, even where that is installed) signs in and renders a Chinese page with the
 * CJK font that comes from npm, so a machine that has only Node runs the browser tests too.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { browserAvailable, CHROMIUM_PATH, SCREENSHOT_DIR, signIn, startBrowserEnv, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

// Forced to the npm Chromium below; only the built web app decides whether this can run.
const available = browserAvailable();

describe.skipIf(!available)('browser: the npm-shipped Chromium', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv({ chromium: 'npm' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('launches from the npm package, signs in and draws Chinese text with the npm font', async () => {
    expect(env.launch.source).toBe('npm');
    expect(env.launch.executablePath).not.toBe(CHROMIUM_PATH);
    expect(env.launch.executablePath).toContain(join('node_modules', '.cache', 'npm-chromium'));

    const { context, page } = await env.newPage();
    await page.goto(`${env.baseUrl}/login`);
    await waitVisible(page.getByTestId('btn-login'));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'npm-chromium-01-login.png') });

    await signIn(page, env.baseUrl, 'admin', PASSWORD);
    await waitText(page.getByTestId('current-role'), '平台管理员');
    await waitVisible(page.getByTestId('admin-page'));
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'npm-chromium-02-admin.png') });

    // Which font actually drew the role's name: the renderer reports it per text node.
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid="current-role"]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const cjk = fonts.find((f) => /Noto Serif SC|NotoSerifSC/i.test(`${f.familyName} ${f.postScriptName ?? ''}`));
    expect(cjk, `fonts used: ${JSON.stringify(fonts)}`).toBeDefined();
    // 平台管理员: five ideographs, every one drawn from the CJK font (none left as a missing-glyph box).
    expect(cjk!.glyphCount).toBeGreaterThanOrEqual(5);
  });
});
