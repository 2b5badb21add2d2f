/**
 * The dossier button in Chromium: the planning department opens a pilot's page and its application's
 * page, clicks 下载完整档案 (zip) on each, and gets a zip whose manifest verifies; a city sees the button
 * on its own application; a department (no dossier permission) does not see it. Both pages pass axe-core
 * (no serious or critical WCAG 2.1 A/AA violation) with the button on them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossierZip } from '../../src/features/dossier/public.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

async function downloadZip(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe.skipIf(!available)('browser: the one-click dossier', () => {
  let env: BrowserEnv;
  let pilotId = '';
  let applicationId = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.t.database.db;
    const city = await login(env.t.app, 'hangzhou', PASSWORD);
    const province = await login(env.t.app, 'zhejiang', PASSWORD);
    const ministry = await login(env.t.app, 'guihuasi', PASSWORD);
    pilotId = await seedPilot(db, { city, province, ministry }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号' });
    applicationId = (await ministry.request('GET', `/api/v1/pilots/${pilotId}`)).json().applicationId;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('downloads the pilot’s and the application’s dossier as a zip that verifies', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);

    await page.goto(`${env.baseUrl}/pilots/${pilotId}`);
    const pilotButton = page.getByTestId('dossier-pilot');
    await waitVisible(pilotButton);
    expect(await pilotButton.textContent()).toContain('下载完整档案 (zip)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-70-dossier-pilot.png') });
    const pilotZip = await downloadZip(page, 'dossier-pilot');
    expect(pilotZip.name).toMatch(/完整档案-\d{4}-\d{2}-\d{2}\.zip$/);
    const pv = await verifyDossierZip(pilotZip.bytes);
    expect(pv.ok).toBe(true);
    expect(pv.manifest!.object).toMatchObject({ type: 'pilot', id: pilotId });

    await page.goto(`${env.baseUrl}/applications/${applicationId}`);
    await waitVisible(page.getByTestId('dossier-application'));
    expect(await seriousViolations(page)).toEqual([]);
    const appZip = await downloadZip(page, 'dossier-application');
    const av = await verifyDossierZip(appZip.bytes);
    expect(av.ok).toBe(true);
    expect(av.manifest!.object).toMatchObject({ type: 'application', id: applicationId });
    expect(av.manifest!.files.map((f) => f.path)).toContain('01-实施方案/实施方案.pdf');
  });

  it('shows the button to the city on its own application, not to a ministry department', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await page.goto(`${env.baseUrl}/applications/${applicationId}`);
    await waitVisible(page.getByTestId('dossier-application'));

    const other = await env.newPage();
    await signIn(other.page, env.baseUrl, 'zhuangbeisi', PASSWORD);
    await other.page.goto(`${env.baseUrl}/pilots/${pilotId}`);
    await waitVisible(other.page.getByTestId('pilot'));
    expect(await other.page.getByTestId('dossier-pilot').count()).toBe(0);
  });
});
