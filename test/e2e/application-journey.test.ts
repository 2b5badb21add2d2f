/**
 * Each role's main path through the real UI in Chromium: the city imports and fixes a plan guided by
 * the checker and submits it; the province forwards it; the ministry finds it in its inbox and
 * records the paper copies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplication, getIntake, listEvents } from '../../src/features/applications/applications.queries.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, waitAttr, waitEnabled, waitGone, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

describe.skipIf(!available)('browser journey: city → province → ministry', () => {
  let env: BrowserEnv;
  let refNo = '';
  let applicationId = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });

  it('a city imports a plan, sees the checker findings, fixes them and submits', async () => {
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府', title: '杭州市“中国制造2025”试点示范城市实施方案' } });
    plan.sections['ch8.other'] = '';
    const vague = plan.targets.find((t) => t.id === 't-innovation-patents')!;
    vague.wording = '每万人口发明专利拥有量显著提升';
    const dir = mkdtempSync(join(tmpdir(), 'mic-e2e-'));
    const file = join(dir, 'hangzhou-plan.json');
    writeFileSync(file, JSON.stringify(plan));

    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await waitText(page.getByTestId('current-role'), '申报城市');
    await page.getByTestId('btn-import-json').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('btn-import-create').click();
    await page.getByTestId('plan-editor').waitFor();
    applicationId = new URL(page.url()).pathname.split('/')[2]!;

    const panel = page.getByTestId('findings-panel');
    await waitVisible(panel.getByTestId('finding-SECTION_MISSING'));
    await waitVisible(panel.getByTestId('finding-TARGET_WORDING_VAGUE'));
    await waitEnabled(page.getByTestId('btn-submit'), false);
    await shot(page, 'e2e-01-city-editor-findings');

    await page.getByTestId('section-ch8.other').fill('联系人及其他需要说明的事项：本方案由杭州市经济和信息化委员会牵头编制，数据来源于杭州市统计年鉴。');
    await page.getByTestId('target-t-innovation-patents-wording').fill('到2019年,每万人口发明专利拥有量达到8件');
    await waitGone(panel.getByTestId('finding-SECTION_MISSING'));
    await waitGone(panel.getByTestId('finding-TARGET_WORDING_VAGUE'));
    await waitAttr(page.getByTestId('save-state'), 'data-state', 'saved', 15_000);
    await shot(page, 'e2e-02-city-editor-fixed');

    await waitEnabled(page.getByTestId('btn-submit'), true);
    await page.getByTestId('btn-submit').click();
    await page.getByTestId('btn-submit-confirm').click();
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'submitted');
    refNo = (await page.getByTestId('ref-no').innerText()).trim();
    await shot(page, 'e2e-03-city-submitted');

    // What the city typed is what the server holds, and the submitted version is kept.
    const stored = await getApplication(env.t.database.db, applicationId);
    expect(stored?.status).toBe('submitted');
    expect(stored?.plan.sections['ch8.other']).toContain('杭州市经济和信息化委员会牵头编制');
    expect(stored?.plan.targets.find((t) => t.id === 't-innovation-patents')?.wording).toBe('到2019年,每万人口发明专利拥有量达到8件');
  });

  it('the province finds it in its queue and forwards it with the checklist and opinion', async () => {
    expect(refNo).not.toBe('');
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'zhejiang', PASSWORD);
    await page.getByTestId(`app-link-${refNo}`).click();
    await page.getByTestId('application-detail').waitFor();
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'submitted');
    await page.getByTestId('btn-forward').click();
    for (const box of await page.getByTestId('forward-checklist').locator('input[type=checkbox]').all()) await box.check();
    await page.getByTestId('forward-opinion').fill('经初审，杭州市申报材料齐全、数据真实，符合试点示范城市选择标准，同意推荐。');
    await shot(page, 'e2e-04-province-forward');
    await page.getByTestId('btn-forward-confirm').click();
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'forwarded');
  });

  it('the ministry finds it in its inbox and records the paper copies', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await waitText(page.getByTestId('page-title'), '工信部收件箱');
    await waitVisible(page.getByTestId(`app-row-${refNo}`));
    await shot(page, 'e2e-05-ministry-inbox');
    await page.getByTestId(`app-link-${refNo}`).click();
    await page.getByTestId('btn-receive').click();
    await page.getByTestId('receive-discs').getByText('免于提交').or(page.getByTestId('receive-discs').locator('label').nth(1)).first().click();
    await page.getByTestId('receive-note').fill('纸质材料一式三份已收到，光盘以平台电子版替代。');
    await page.getByTestId('btn-receive-confirm').click();
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'received');
    await page.getByTestId('intake-panel').scrollIntoViewIfNeeded().catch(() => undefined);
    await shot(page, 'e2e-06-ministry-received');

    const intake = await getIntake(env.t.database.db, applicationId);
    expect(intake).toMatchObject({ printedCopies: 'received', discs: 'waived', formalCheckPassed: true });
    const history = await listEvents(env.t.database.db, applicationId);
    expect(history.map((e) => e.action)).toEqual(['create', 'submit', 'forward', 'receive']);
    expect(history.map((e) => e.toStatus).filter(Boolean)).toEqual(['draft', 'submitted', 'forwarded', 'received']);
  });
});
