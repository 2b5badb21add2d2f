/**
 * The ministry review through the real UI in Chromium. Prepared through the API: Hangzhou creates and
 * submits a plan, Zhejiang forwards it, the planning department receives it. Then in the browser:
 * the planning department forms the panel from the proposal (conflicted experts excluded, with the
 * rule), two experts declare and score (others' scores hidden until their own are in; a third
 * scores through the API), a department gives its opinion, the planning department reads the
 * aggregate with the divergence warning and approves; Hangzhou finds its pilot city and downloads
 * the approval reply as PDF, whose text carries the reply and its document number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/features/approvals/documents/pdf-text.js';
import { PROVINCIAL_CHECKLIST } from '../../src/shared/lifecycle/provincial-checklist.js';
import { DEFAULT_RUBRIC } from '../../src/shared/review/rubric.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedExperts } from '../helpers/seed-experts.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, until, waitAttr, waitGone, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

const TITLE = '杭州市“中国制造2025”试点示范城市实施方案';
const APPLICANT = '杭州市人民政府';
const DOCUMENT_NO = '工信部规函〔2016〕900号';
const WAIT = 20_000;

/** Scores per expert: 方案质量 (plan_quality) spreads over 25 points, above the divergence threshold of 20. */
const SHEETS: Record<string, Record<string, number>> = {
  'exp-bj': { compliance: 90, representativeness: 85, plan_quality: 90, organisation: 88 },
  'exp-hrb': { compliance: 85, representativeness: 80, plan_quality: 65, organisation: 80 },
  'exp-wh': { compliance: 88, representativeness: 82, plan_quality: 85, organisation: 84 },
};

describe.skipIf(!available)('browser: ministry review → pilot city', () => {
  let env: BrowserEnv;
  let applicationId = '';
  let refNo = '';

  beforeAll(async () => {
    env = await startBrowserEnv();
    await seedExperts(env.t.database.db);

    const hangzhou = await login(env.t.app, 'hangzhou', PASSWORD);
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: APPLICANT, title: TITLE } });
    const created = await hangzhou.request('POST', '/api/v1/applications', { title: TITLE, applicationYear: plan.cover.applicationYear, plan });
    expect(created.statusCode, created.body).toBe(201);
    applicationId = created.json().id as string;
    const draft = (await hangzhou.request('GET', `/api/v1/applications/${applicationId}`)).json().application;
    refNo = draft.refNo as string;
    const submitted = await hangzhou.request('POST', `/api/v1/applications/${applicationId}/submit`, { version: draft.version });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const zhejiang = await login(env.t.app, 'zhejiang', PASSWORD);
    const forwarded = await zhejiang.request('POST', `/api/v1/applications/${applicationId}/forward`, {
      version: submitted.json().version,
      checklist: Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true])),
      opinion: '经初审，杭州市申报材料齐全、数据真实，同意推荐。',
      opinionDate: '2016-08-01',
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);

    const guihuasi = await login(env.t.app, 'guihuasi', PASSWORD);
    const received = await guihuasi.request('POST', `/api/v1/applications/${applicationId}/receive`, {
      version: forwarded.json().version,
      printedCopies: 'received',
      discs: 'received',
      formalCheckPassed: true,
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().status).toBe('received');
  });
  afterAll(async () => {
    await env?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
  /** Lets animations (modals, tab ink bar, toasts) settle before a screenshot. */
  const settle = (page: Page) => page.waitForTimeout(400);
  const modalsClosed = (page: Page) => waitGone(page.locator('.ant-modal-wrap:visible'), WAIT);

  async function openReviewTab(page: Page) {
    await page.goto(`${env.baseUrl}/applications/${applicationId}`);
    await page.getByTestId('application-detail').waitFor({ timeout: WAIT });
    await page.getByTestId('tab-review').click();
    await waitVisible(page.getByTestId('review-tab'), WAIT);
  }

  it('the planning department forms the panel from the proposal, with conflicted experts excluded', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await openReviewTab(page);
    await waitVisible(page.getByTestId('review-no-panel'), WAIT);

    await page.getByTestId('btn-open-review').click();
    await page.getByTestId('panel-size').fill('3');
    await page.getByTestId('panel-backups').fill('0');
    await page.getByTestId('btn-propose').click();
    const members = page.getByTestId('proposal-members');
    // The optimal proposal: the three experts whose fields each cover two of the plan's key industries.
    for (const name of ['刘总工', '李教授', '张教授']) await waitVisible(members.getByTestId(`proposal-member-${name}`), WAIT);
    expect(await members.locator('tbody tr.ant-table-row').count()).toBe(3);
    await waitText(page.getByTestId('proposal-summary'), '推荐评审专家 3 名');
    await waitText(members.getByTestId('proposal-member-李教授'), '无回避情形');
    // 周教授 (浙江大学, Hangzhou) and 吴研究员 (helped draft Hangzhou's plan) are excluded, each with its rule.
    const exclusions = page.getByTestId('proposal-exclusions');
    await waitText(exclusions.getByTestId('exclusion-周教授'), '同省回避');
    await waitText(exclusions.getByTestId('exclusion-吴研究员'), '申报关联回避');
    await settle(page);
    await shot(page, 'e2e-30-ministry-panel-proposal');

    // Changed by hand: 王院士 (中国工程院) replaces 刘总工, picked from the expert pool.
    await members.getByTestId('remove-刘总工').click();
    await waitGone(members.getByTestId('proposal-member-刘总工'));
    await page.getByTestId('proposal-add').click();
    await page.keyboard.type('王院士');
    await page.locator('.ant-select-item-option').filter({ hasText: '王院士' }).first().click();
    await page.getByTestId('btn-add-expert').click();
    await waitText(members.getByTestId('proposal-member-王院士'), '人工');
    // The excluded experts cannot be picked by hand either.
    await page.getByTestId('proposal-add').click();
    await page.keyboard.type('周教授');
    await waitVisible(page.locator('.ant-select-item-option-disabled').filter({ hasText: '同省回避' }), WAIT);
    await page.keyboard.press('Escape');
    await page.getByTestId('proposal-exclusions').scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'e2e-31-ministry-panel-edited');

    await page.getByTestId('btn-confirm-panel').click();
    await modalsClosed(page);
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'under_review', WAIT);
    const seated = page.getByTestId('review-members');
    for (const name of ['王院士', '李教授', '张教授']) await waitText(seated.getByTestId(`member-row-${name}`), '待声明', WAIT);
    await waitText(page.getByTestId('review-outstanding'), '王院士');
    await settle(page);
    await shot(page, 'e2e-32-ministry-panel-opened');
  });

  /** One expert in a fresh browser: the task list, the declaration, then the score sheet. */
  async function expertScores(username: 'exp-bj' | 'exp-hrb', expectVisibleSheets: number) {
    const { page, context } = await env.newPage();
    await signIn(page, env.baseUrl, username, PASSWORD);
    const table = page.getByTestId('assignments-table');
    await waitVisible(table, WAIT);
    await waitAttr(page.getByTestId(`assignment-state-${refNo}`), 'data-state', 'pending_declaration', WAIT);
    if (username === 'exp-bj') await shot(page, 'e2e-33-expert-tasks');
    await page.getByTestId(`assignment-link-${refNo}`).click();

    // Before the declaration: the application and the rules, no plan.
    await waitVisible(page.getByTestId('btn-declare'), WAIT);
    await waitText(page.getByTestId('conflict-rules'), '同省回避');
    await waitText(page.getByTestId('assignment-cities'), '杭州市');
    expect(await page.getByTestId('plan-document').count()).toBe(0);
    if (username === 'exp-bj') await shot(page, 'e2e-34-expert-declaration');
    await page.getByTestId('btn-declare').click();

    // After it: the plan beside the score sheet; the others' scores are hidden.
    await waitVisible(page.getByTestId('plan-document'), WAIT);
    await waitVisible(page.getByTestId('scores-hidden'), WAIT);
    const sheet = SHEETS[username]!;
    for (const c of DEFAULT_RUBRIC.criteria) await page.getByTestId(`score-${c.key}`).fill(String(sheet[c.key]));
    const expected = DEFAULT_RUBRIC.criteria.reduce((s, c) => s + c.weight * sheet[c.key]!, 0);
    await waitText(page.getByTestId('score-total'), String(Number(expected.toFixed(2))));
    await page.getByTestId('score-opinion').getByText(username === 'exp-bj' ? '推荐' : '修改后推荐', { exact: true }).click();
    await page
      .getByTestId('score-comments')
      .fill(username === 'exp-bj' ? '目标体系完整，量化可考核，任务路径清晰，建议批复。' : '部分目标缺少分年度值，建议细化两化融合目标的考核方法后批复。');
    await settle(page);
    if (username === 'exp-bj') await shot(page, 'e2e-35-expert-score-form');
    await page.getByTestId('btn-submit-scores').click();
    await page.getByTestId('btn-submit-scores-confirm').click();

    // Submitted: the panel's scores show, with this expert's own sheet among them.
    const scores = page.getByTestId('panel-scores');
    await waitVisible(scores, WAIT);
    await until(`${expectVisibleSheets} sheets`, async () => (await scores.locator('tbody tr.ant-table-row').count()) >= expectVisibleSheets, WAIT);
    expect(await page.getByTestId('scores-hidden').count()).toBe(0);
    await waitAttr(page.getByTestId('seat-state'), 'data-state', 'submitted', WAIT);
    await settle(page);
    await shot(page, `e2e-36-expert-submitted-${username}`);
    await context.close();
  }

  it('two experts declare no conflict and score in the browser; the third scores through the API', async () => {
    await expertScores('exp-bj', 1);
    await expertScores('exp-hrb', 2);

    const wh = await login(env.t.app, 'exp-wh', PASSWORD);
    const tasks = (await wh.request('GET', '/api/v1/review/assignments')).json().items as { panelId: string; applicationId: string }[];
    const panelId = tasks.find((x) => x.applicationId === applicationId)!.panelId;
    expect((await wh.request('POST', `/api/v1/review/assignments/${panelId}/declare`, { noConflict: true })).statusCode).toBe(200);
    const res = await wh.request('POST', `/api/v1/review/assignments/${panelId}/scores`, { scores: SHEETS['exp-wh'], opinion: 'recommend', comments: '产业特色鲜明，具有示范价值。' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a department gives its opinion', async () => {
    const { page, context } = await env.newPage();
    await signIn(page, env.baseUrl, 'zhuangbeisi', PASSWORD);
    await openReviewTab(page);
    await page.getByTestId('btn-opinion').click();
    await page.getByTestId('opinion-stance').getByText('原则同意（附意见）').click();
    await page.getByTestId('opinion-text').fill('原则同意。建议进一步明确高端装备领域的重点项目和推进时序。');
    await page.getByTestId('btn-opinion-confirm').click();
    await modalsClosed(page);
    await waitText(page.getByTestId('review-opinions'), '工信部装备工业司', WAIT);
    await waitText(page.getByTestId('review-opinions'), '原则同意（附意见）');
    // A department does not decide.
    expect(await page.getByTestId('btn-approve').count()).toBe(0);
    await context.close();
  });

  it('the planning department reads the aggregate, discusses and approves', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await openReviewTab(page);
    const seated = page.getByTestId('review-members');
    for (const name of ['王院士', '李教授', '张教授']) await waitText(seated.getByTestId(`member-row-${name}`), '已评分', WAIT);
    await waitText(seated.getByTestId('member-row-王院士'), '已声明');
    expect(await page.getByTestId('score-table').locator('tbody tr.ant-table-row').count()).toBe(3);

    const aggregate = page.getByTestId('review-aggregate');
    await waitVisible(aggregate, WAIT);
    // (88.6 + 75 + 84.8) / 3 = 82.8
    await waitText(aggregate, '82.8');
    await waitText(page.getByTestId('divergence-alert'), '方案质量');
    await waitVisible(page.getByTestId('divergent-plan_quality'));
    await waitVisible(page.getByTestId('btn-rescore'));
    await waitText(page.getByTestId('review-percentile'), '此前尚无已评申报');
    await waitVisible(page.getByTestId('review-normalised'));

    await page.getByTestId('comment-input').fill('方案质量一项分歧较大，主要在两化融合目标的分年度值，已请城市在批复后细化。');
    await page.getByTestId('btn-comment').click();
    await waitText(page.getByTestId('review-comments'), '已请城市在批复后细化', WAIT);
    await page.getByTestId('score-table').evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -110);
    });
    await settle(page);
    await shot(page, 'e2e-37-ministry-aggregate');
    await page.getByTestId('review-comments').scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'e2e-38-ministry-opinions-discussion');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('btn-approve').click();
    await page.getByTestId('approve-docno').fill('工信部规函2016号');
    await page.getByTestId('btn-approve-confirm').click();
    await waitVisible(page.getByText('文号格式应为'), WAIT);
    await page.getByTestId('approve-docno').fill(DOCUMENT_NO);
    const date = page.getByTestId('approve-date');
    await date.click();
    await date.fill('2016-09-01');
    await date.press('Enter');
    await until('the approval date', async () => (await date.inputValue()) === '2016-09-01', WAIT);
    await settle(page);
    await shot(page, 'e2e-39-ministry-approve');
    await page.getByTestId('btn-approve-confirm').click();
    await waitVisible(page.getByTestId('link-approval-pdf'), WAIT);
    await waitVisible(page.getByTestId('link-approval-docx'));
    expect(await page.getByTestId('link-approval-pdf').getAttribute('href')).toMatch(/^\/api\/v1\/pilots\/[0-9a-f-]{36}\/approval\.pdf$/);
    await settle(page);
    await shot(page, 'e2e-40-ministry-approved');
    await page.getByTestId('btn-approve-close').click();
    await modalsClosed(page);
    await waitAttr(page.getByTestId('status-tag'), 'data-status', 'approved', WAIT);
    expect(await page.getByTestId('btn-approve').count()).toBe(0);
  });

  it('Hangzhou finds its pilot city and downloads the approval reply as PDF', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await page.getByRole('menuitem', { name: '试点城市' }).click();
    const row = page.getByTestId(`pilot-row-${APPLICANT}`);
    await waitVisible(row, WAIT);
    await waitText(row, DOCUMENT_NO);
    await waitText(row, '2016-09-01');
    await waitText(row, '2017—2019年');
    await waitText(row, '杭州市');
    await settle(page);
    await shot(page, 'e2e-41-city-pilots');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), row.getByTestId('pilot-pdf').click()]);
    const file = await download.path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(pdf).pages.join('\n');
    const flat = text.replace(/\n/g, '');
    expect(flat).toContain('批复');
    expect(flat).toContain(DOCUMENT_NO);
    expect(flat).toContain('杭州市');

    // The pilot's page: the target contract frozen at approval, by dimension.
    await page.getByTestId(`pilot-link-${APPLICANT}`).click();
    const targets = page.getByTestId('pilot-targets');
    await waitVisible(targets, WAIT);
    await waitText(targets, '创新能力');
    expect(await targets.locator('tbody tr[data-testid^="pilot-target-"]').count()).toBe(makeCompletePlan().targets.length);
    await settle(page);
    await shot(page, 'e2e-42-city-pilot-targets');
  });

  it('the planning department proposes panels in batch and confirms one', async () => {
    // A second application, from 武汉, taken to "received" through the API.
    const wuhan = await login(env.t.app, 'wuhan', PASSWORD);
    const plan = makeCompletePlan({ cover: { cityCodes: ['420100'], applicant: '武汉市人民政府', title: '武汉市“中国制造2025”试点示范城市实施方案' } });
    const created = await wuhan.request('POST', '/api/v1/applications', { title: plan.cover.title, applicationYear: plan.cover.applicationYear, plan });
    const id = created.json().id as string;
    const draft = (await wuhan.request('GET', `/api/v1/applications/${id}`)).json().application;
    const submitted = (await wuhan.request('POST', `/api/v1/applications/${id}/submit`, { version: draft.version })).json();
    const hubei = await login(env.t.app, 'hubei', PASSWORD);
    const forwarded = (
      await hubei.request('POST', `/api/v1/applications/${id}/forward`, {
        version: submitted.version,
        checklist: Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true])),
        opinion: '同意推荐。',
        opinionDate: '2016-08-01',
      })
    ).json();
    const guihuasi = await login(env.t.app, 'guihuasi', PASSWORD);
    const received = await guihuasi.request('POST', `/api/v1/applications/${id}/receive`, { version: forwarded.version, printedCopies: 'received', discs: 'received', formalCheckPassed: true });
    expect(received.json().status).toBe('received');

    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.getByRole('menuitem', { name: '批量组建评审组' }).click();
    const row = page.getByTestId(`batch-row-${draft.refNo}`);
    await waitVisible(row, WAIT);
    await row.locator('input[type=checkbox]').check();
    await page.getByTestId('panel-size').fill('3');
    await page.getByTestId('panel-backups').fill('1');
    await page.getByTestId('btn-propose').click();
    const card = page.getByTestId(`batch-panel-${draft.refNo}`);
    await waitVisible(card, WAIT);
    await waitText(page.getByTestId('batch-summary'), '已为 1 项申报推荐评审组');
    // 张教授 is from 武汉: excluded by the same-city rule.
    await waitText(card, '同城回避');
    expect(await card.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(4);
    await settle(page);
    await shot(page, 'e2e-43-ministry-batch-proposal');
    await page.getByTestId(`btn-confirm-${draft.refNo}`).click();
    await waitText(card, '已开始评审', WAIT);
    await waitText(row, '已开始评审');
    const after = (await guihuasi.request('GET', `/api/v1/applications/${id}`)).json().application;
    expect(after.status).toBe('under_review');
  });

  it('the leading group observer lands on the pilot cities', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'lingdao', PASSWORD);
    await waitText(page.getByTestId('page-title'), '试点城市', WAIT);
    await waitVisible(page.getByTestId(`pilot-row-${APPLICANT}`), WAIT);
    // Read-only, in either language.
    await page.getByTestId('locale-switch').getByText('English').click();
    await waitText(page.getByTestId('page-title'), 'Pilot cities');
    await waitText(page.getByTestId(`pilot-row-${APPLICANT}`), 'Reply (PDF)');
    await page.getByTestId(`pilot-link-${APPLICANT}`).click();
    await waitText(page.getByTestId('pilot-targets'), 'Innovation capacity', WAIT);
    await settle(page);
    await shot(page, 'e2e-44-observer-pilot-en');
  });
});
