/**
 * The three-year cycle's two journeys through the real UI in Chromium, under a manual clock that
 * starts on 2018-01-20 (杭州 and 湖州 approved on 2016-09-01, so their 2017 report is due that month).
 *
 * 1. 杭州 downloads its 2017 report template, fills it with exceljs (专利 on track, 研发投入 off
 *    track, every other indicator at the value required), imports it through the page's upload, sees
 *    the values and submits; 浙江 confirms it with an opinion; the planning department sees the
 *    off-track indicator (滞后) on the pilot's attainment chart and table and opens a rectification
 *    from the pilot's rectification panel, the finding prefilled from it, with a deadline; 杭州
 *    answers with a report and an evidence file; 浙江 gives its opinion; the ministry re-assesses it
 *    as passed, the case closes and the pilot is back in 创建实施.
 * 2. 湖州's case (set up through the API, never answered) passes its deadline on the clock; the
 *    ministry suspends the pilot (中止), cancels it (通报取消) with a document number, downloads the
 *    notice as Word and as PDF, and finds it on the notices page.
 *
 * Setup goes through the API; every step of the journeys goes through the pages.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/kernel/clock.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login, type Client } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, until, waitAttr, waitGone, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();

const RD = 't-innovation-rd'; // 研发经费内部支出占主营业务收入比重: 1.4% required in 2017
const PATENTS = 't-innovation-patents'; // 每万人口发明专利拥有量: 6 件 required in 2017
const RD_ACTUAL = 1.22; // off track
const PATENTS_ACTUAL = 6.3; // on track
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The browser env of the harness, but with the app on a manual clock (the harness takes none). */
/** Whether the chart's canvas has pixels of this colour (the off-track point), ±12 per channel. */
async function canvasHasColour(page: Page, testId: string, rgb: [number, number, number]): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el, [r, g, b]) => {
    const canvas = el.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return false;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r) <= 12 && Math.abs(data[i + 1]! - g) <= 12 && Math.abs(data[i + 2]! - b) <= 12 && data[i + 3]! > 200) return true;
    }
    return false;
  }, rgb);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/** Clicks the element with this test id and returns the download it starts, with its bytes. */
async function download(page: Page, testId: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { file, bytes: readFileSync((await file.path())!) };
}

/** Clicks a button that opens the file chooser (an antd Upload) and picks `path`. */
async function chooseFile(page: Page, testId: string, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles(path);
}

/** From the menu to the pilot's page, as any role with the pilots list does it. */
async function openPilot(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '试点城市' }).click();
  await page.getByTestId(`pilot-link-${name}`).click();
  await page.getByTestId('pilot').waitFor();
}

/** From the pilot's page to one of its rectification cases. */
async function openCase(page: Page, pilotName: string, caseId: string) {
  await openPilot(page, pilotName);
  await page.getByTestId('link-pilot-rectifications').click();
  await page.getByTestId(`link-case-${caseId}`).click();
  await page.getByTestId('rectification-case').waitFor();
}

/** The template's indicator rows (header on row 3) and task rows (after the 任务进展 heading). */
function fillTemplate(ws: ExcelJS.Worksheet, actual: (targetId: string, required: number | null) => number) {
  let tasks = false;
  const filled: string[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const first = ws.getCell(r, 1).value;
    if (first === '任务进展') {
      tasks = true;
      continue;
    }
    if (!tasks) {
      const targetId = ws.getCell(r, 2).value;
      if (typeof targetId !== 'string' || !targetId.startsWith('t-')) continue;
      const required = ws.getCell(r, 5).value;
      ws.getCell(r, 6).value = actual(targetId, typeof required === 'number' ? required : null);
      ws.getCell(r, 7).value = '杭州市统计局《2017年杭州市国民经济和社会发展统计公报》';
      filled.push(targetId);
    } else if (typeof first === 'number') {
      ws.getCell(r, 5).value = '进行中';
      ws.getCell(r, 6).value = `任务${first}：2017年按计划推进，已完成年度节点。`;
    }
  }
  return filled;
}

describe.skipIf(!available)('browser journeys of the three-year cycle', () => {
  const clock = manualClock(new Date('2018-01-20T02:00:00Z'));
  let env: BrowserEnv;
  let hangzhouPilot = '';
  let huzhouPilot = '';
  let huzhouCase = '';
  const c: Record<string, Client> = {};
  const dir = mkdtempSync(join(tmpdir(), 'mic-e2e-cycle-'));

  beforeAll(async () => {
    env = await startBrowserEnv({ clock });
    const db = env.t.database.db;
    for (const u of ['hangzhou', 'huzhou', 'zhejiang', 'guihuasi']) c[u] = await login(env.t.app, u, PASSWORD);
    hangzhouPilot = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号', approvalDate: '2016-09-01' });
    huzhouPilot = await seedPilot(db, { city: c.huzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330500', applicant: '湖州市人民政府', documentNo: '工信部规函〔2016〕803号', approvalDate: '2016-09-01' });

    // 湖州: a confirmed 2017 report with 研发投入 off track, and a case opened on it with a deadline
    // of 2018-03-31, which the city never answers.
    const reports = (await c.huzhou!.request('GET', `/api/v1/pilots/${huzhouPilot}/reports`)).json().items as { id: string; period: string }[];
    const reportId = reports.find((r) => r.period === '2017')!.id;
    const detail = (await c.huzhou!.request('GET', `/api/v1/reports/${reportId}`)).json();
    const values = (detail.values as { targetId: string; required: number | null }[]).map((v) => ({
      targetId: v.targetId,
      actual: v.targetId === RD ? 1.05 : (v.required ?? 0),
      dataSource: '湖州市统计局',
      note: '',
      evidenceFileIds: [],
    }));
    const saved = await c.huzhou!.request('PUT', `/api/v1/reports/${reportId}`, { version: detail.version, narrative: '2017年度进展', values });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await c.huzhou!.request('POST', `/api/v1/reports/${reportId}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const confirmed = await c.zhejiang!.request('POST', `/api/v1/reports/${reportId}/confirm`, { version: submitted.json().version, opinion: '数据属实' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const proposal = (await c.guihuasi!.request('GET', `/api/v1/pilots/${huzhouPilot}/rectifications/proposal`)).json();
    const pilot = (await c.guihuasi!.request('GET', `/api/v1/pilots/${huzhouPilot}`)).json();
    const opened = await c.guihuasi!.request('POST', `/api/v1/pilots/${huzhouPilot}/rectifications`, {
      version: pilot.version,
      findings: proposal.findings,
      requiredActions: '限期提高规上工业企业研发投入强度，报送整改报告。',
      deadline: '2018-03-31',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    huzhouCase = opened.json().id as string;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('journey 1: Excel report → province confirms → off-track on the dashboard → rectification answered with evidence → passed and closed', async () => {
    // --- 杭州 downloads the template of its 2017 report, fills it in and imports it. ---
    const city = await env.newPage();
    let page = city.page;
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await openPilot(page, '杭州市人民政府');
    await page.getByTestId('link-pilot-reports').click();
    await page.getByTestId('pilot-reports-page').waitFor();
    await waitText(page.getByTestId('report-row-2017'), '填报中');
    await page.getByTestId('open-report-2017').click();
    await page.getByTestId('report-page').waitFor();
    await waitAttr(page.getByTestId('report-page'), 'data-report-status', 'draft');
    const reportId = new URL(page.url()).pathname.split('/')[2]!;
    await shot(page, 'e2e-70-city-report-draft');

    const template = await download(page, 'report-template');
    expect(template.file.suggestedFilename()).toBe('杭州市人民政府2017年度进度报告.xlsx');
    expect(template.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('进度报告')!;
    expect(wb.worksheets.map((sheet) => sheet.name), 'the data sheet and the hidden marker of this pilot and period').toEqual(['进度报告', '模板标识']);
    const filled = fillTemplate(ws, (id, required) => (id === RD ? RD_ACTUAL : id === PATENTS ? PATENTS_ACTUAL : required ?? 0));
    expect(filled).toContain(RD);
    expect(filled).toContain(PATENTS);
    const xlsx = join(dir, '杭州市2017年度进度报告.xlsx');
    writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));

    await chooseFile(page, 'report-import', xlsx);
    await waitText(page.getByTestId('report-history'), '从 Excel 导入');
    await until('the imported values in the form', async () => (await page.getByTestId(`actual-${RD}`).inputValue()) === String(RD_ACTUAL));
    expect(await page.getByTestId(`actual-${PATENTS}`).inputValue()).toBe(String(PATENTS_ACTUAL));
    expect(await page.getByTestId(`source-${RD}`).inputValue()).toContain('杭州市统计局');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await page.getByTestId('report-narrative').fill('2017年杭州市围绕“中国制造2025”试点示范城市实施方案推进各项任务，专利指标超额完成，研发投入强度仍有差距。');
    await shot(page, 'e2e-71-city-report-imported');

    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-submit-ok').click();
    await waitAttr(page.getByTestId('report-page'), 'data-report-status', 'submitted');
    await waitText(page.getByTestId('report-status'), '已报送');
    await waitText(page.getByTestId(`actual-${RD}`), String(RD_ACTUAL));
    await shot(page, 'e2e-72-city-report-submitted');
    await city.context.close();

    // --- 浙江 finds it among the submitted reports and confirms it with an opinion. ---
    const province = await env.newPage();
    page = province.page;
    await signIn(page, env.baseUrl, 'zhejiang', PASSWORD);
    await page.getByRole('menuitem', { name: '进度报告' }).click();
    await page.getByTestId('reports-due-page').waitFor();
    await page.getByTestId('due-count-submitted').click();
    await page.getByTestId(`due-open-${reportId}`).click();
    await waitAttr(page.getByTestId('report-page'), 'data-report-status', 'submitted');
    await waitText(page.getByTestId(`actual-${RD}`), String(RD_ACTUAL));
    await page.getByTestId('report-confirm').click();
    const opinion = '经核实，杭州市2017年度进度报告数据来源可靠，同意确认；研发投入强度未达年度目标，请加快推进。';
    await page.getByTestId('confirm-text').fill(opinion);
    await page.getByTestId('confirm-ok').click();
    await waitAttr(page.getByTestId('report-page'), 'data-report-status', 'confirmed');
    await waitText(page.getByTestId('province-opinion'), opinion);
    await shot(page, 'e2e-73-province-confirmed');
    await province.context.close();

    // --- The planning department: the attainment dashboard shows 研发投入 off track. ---
    const ministry = await env.newPage();
    page = ministry.page;
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await openPilot(page, '杭州市人民政府');
    await page.getByTestId('pilot-tab-attainment').click();
    await page.getByTestId('attainment').waitFor();
    const rdRow = page.getByTestId(`att-row-${RD}`);
    await waitAttr(rdRow, 'data-status', 'off_track');
    await waitText(rdRow, '滞后');
    await waitText(page.getByTestId(`att-cell-${RD}-2017`), `${RD_ACTUAL} / 1.4`);
    await waitAttr(page.getByTestId(`att-row-${PATENTS}`), 'data-status', 'on_track');
    await waitText(page.getByTestId('att-summary-pilot'), '滞后 1');
    // The chart opens on the off-track indicator and draws its point red.
    await waitAttr(page.getByTestId('att-chart-panel'), 'data-target', RD);
    await waitAttr(page.getByTestId('att-chart-status'), 'data-status', 'off_track');
    await waitAttr(page.getByTestId('att-chart'), 'data-ready', 'true');
    await until('the chart to draw the off-track point', () => canvasHasColour(page, 'att-chart', [207, 19, 34]));
    expect(await page.getByTestId('att-chart').getAttribute('aria-label')).toContain(`实际${RD_ACTUAL}%（滞后）`);
    await waitText(page.getByTestId('att-chart-year-2017'), '滞后');
    await shot(page, 'e2e-74-ministry-attainment-off-track');

    // --- It opens a rectification from the pilot's panel: the finding comes from the indicator. ---
    await page.getByTestId('pilot-tab-overview').click();
    await page.getByTestId('link-pilot-rectifications').click();
    await page.getByTestId('rectifications-page').waitFor();
    await page.getByTestId('btn-open-rectification').click();
    const finding = page.getByTestId('input-finding-0');
    await waitVisible(finding);
    const findingText = await finding.inputValue();
    expect(findingText).toContain('规上工业企业研发经费内部支出占主营业务收入比重');
    expect(findingText).toContain(`实际为${RD_ACTUAL}%`);
    expect(await page.getByTestId('input-finding-1').count(), 'only the off-track indicator is a finding').toBe(0);
    expect(await page.getByTestId('input-deadline').inputValue(), 'the default deadline').toBe('2019-01-20');
    await page.getByTestId('input-required-actions').fill('落实研发费用加计扣除等政策，支持企业建设研发机构，2018年6月底前报送整改报告。');
    await page.getByTestId('input-deadline').fill('2018-06-30');
    await shot(page, 'e2e-75-ministry-open-rectification');
    await page.getByTestId('btn-open-confirm').click();
    await page.getByTestId('rectification-case').waitFor();
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    await waitText(page.getByTestId('case-status'), '待城市整改');
    await waitText(page.getByTestId('case-deadline'), '2018-06-30');
    await waitText(page.getByTestId('case-pilot-state'), '限期整改');
    await waitText(page.getByTestId('case-finding-0'), `实际为${RD_ACTUAL}%`);
    await shot(page, 'e2e-76-ministry-case-opened');

    // --- 杭州 answers with its rectification report and an evidence file. ---
    const city2 = await env.newPage();
    page = city2.page;
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await openCase(page, '杭州市人民政府', caseId);
    const response = '已出台《杭州市企业研发投入奖补办法》，2018年上半年规上工业企业研发经费同比增长15%，研发投入强度提高到1.45%。';
    await page.getByTestId('input-response').fill(response);
    const evidence = join(dir, '整改佐证材料.pdf');
    writeFileSync(evidence, PDF);
    await chooseFile(page, 'btn-upload-evidence', evidence);
    await waitText(page.getByTestId('uploaded-evidence'), '整改佐证材料.pdf');
    await shot(page, 'e2e-77-city-answer');
    await page.getByTestId('btn-answer').click();
    await waitText(page.getByTestId('case-response'), response);
    await waitText(page.getByTestId('case-evidence'), '整改佐证材料.pdf');
    await waitText(page.getByTestId('case-status'), '待省级意见');
    await waitGone(page.getByTestId('form-answer'));
    await city2.context.close();

    // --- 浙江 gives its opinion. ---
    const province2 = await env.newPage();
    page = province2.page;
    await signIn(page, env.baseUrl, 'zhejiang', PASSWORD);
    await openCase(page, '杭州市人民政府', caseId);
    await waitText(page.getByTestId('case-evidence'), '整改佐证材料.pdf');
    const seen = await download(page, (await page.getByTestId('case-evidence').locator('a').first().getAttribute('data-testid'))!);
    expect(seen.file.suggestedFilename()).toBe('整改佐证材料.pdf');
    expect(seen.bytes.equals(PDF), 'the province reads the very file the city uploaded').toBe(true);
    const provinceOpinion = '经实地核查，杭州市整改措施已落实，研发投入强度明显提升，同意提请复核。';
    await page.getByTestId('input-opinion').fill(provinceOpinion);
    await page.getByTestId('btn-opinion').click();
    await waitText(page.getByTestId('case-province-opinion'), provinceOpinion);
    await waitText(page.getByTestId('case-status'), '待部复核');
    await province2.context.close();

    // --- The ministry re-assesses it as passed: the case closes, the pilot is back in its phase. ---
    page = ministry.page;
    await page.reload();
    await page.getByTestId('rectification-case').waitFor();
    await waitText(page.getByTestId('case-status'), '待部复核');
    await page.getByTestId('input-reassessment').fill('整改到位，研发投入强度已达到年度要求，同意结束整改。');
    await page.getByTestId('select-grade').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '合格' }).filter({ hasNotText: '不合格' }).first().click();
    await shot(page, 'e2e-78-ministry-reassess');
    await page.getByTestId('btn-reassess').click();
    await waitText(page.getByTestId('case-status'), '整改通过');
    await waitText(page.getByTestId('case-reassessment-grade'), '合格');
    await waitText(page.getByTestId('case-pilot-state'), '创建实施');
    await shot(page, 'e2e-79-ministry-case-passed');
    await page.getByTestId('link-back-cases').click();
    await page.getByTestId('rectifications-page').waitFor();
    await waitText(page.getByTestId('pilot-state'), '创建实施');
    await waitText(page.getByTestId('rectification-cases'), '整改通过');
    await waitVisible(page.getByTestId('btn-open-rectification'));
    await ministry.context.close();

    const pilot = (await c.guihuasi!.request('GET', `/api/v1/pilots/${hangzhouPilot}`)).json();
    expect(pilot.state).toBe('implementation');
  });

  it('journey 2: a missed deadline → suspended (中止) → cancelled (通报取消) → the notice downloads as Word and PDF and is listed', async () => {
    clock.set(new Date('2018-04-02T02:00:00Z')); // the deadline 2018-03-31 has passed
    const { context, page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await openCase(page, '湖州市人民政府', huzhouCase);
    await waitVisible(page.getByTestId('case-overdue'));
    await waitText(page.getByTestId('case-status'), '待城市整改');
    await waitText(page.getByTestId('case-pilot-state'), '限期整改');
    await shot(page, 'e2e-7a-ministry-case-overdue');

    await page.getByTestId('btn-suspend').click();
    await page.getByTestId('input-end-comment').fill('整改期限届满，湖州市未提交整改报告，中止其试点示范工作。');
    await page.getByTestId('btn-suspend-confirm').click();
    await waitText(page.getByTestId('case-pilot-state'), '中止');
    await waitText(page.getByTestId('case-status'), '整改未通过');
    await waitGone(page.getByTestId('btn-suspend'));
    await shot(page, 'e2e-7b-ministry-suspended');

    const documentNo = '工信部规〔2018〕288号';
    await page.getByTestId('btn-cancel-pilot').click();
    await page.getByTestId('input-end-comment').fill('中止后仍未完成整改，取消其试点示范城市资格并予以通报。');
    await page.getByTestId('input-document-no').fill(documentNo);
    await shot(page, 'e2e-7c-ministry-cancel-dialog');
    await page.getByTestId('btn-cancel-pilot-confirm').click();
    await waitText(page.getByTestId('case-pilot-state'), '通报取消');
    const notice = page.getByTestId('case-notice');
    await waitText(notice, documentNo);
    await waitText(notice, '湖州市');
    await shot(page, 'e2e-7d-ministry-cancelled-notice');

    const word = await download(page, 'link-notice-docx');
    expect(word.file.suggestedFilename()).toMatch(/\.docx$/);
    expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(word.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('湖州市');
    expect(xml).toContain(documentNo);
    const pdf = await download(page, 'link-notice-pdf');
    expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The notice on the notices page, published, with its downloads.
    await page.getByRole('menuitem', { name: '通报' }).click();
    await page.getByTestId('notices-page').waitFor();
    const row = page.getByTestId('notices').locator('tr').filter({ hasText: documentNo });
    await waitVisible(row);
    await waitText(row, '工业和信息化部关于取消湖州市“中国制造2025”试点示范城市资格的通报');
    await waitText(row, '已发布');
    await waitText(row, '2018-04-02');
    await shot(page, 'e2e-7e-notices-page');
    await context.close();

    // 湖州 itself sees the published notice too.
    const huzhou = await env.newPage();
    await signIn(huzhou.page, env.baseUrl, 'huzhou', PASSWORD);
    await huzhou.page.getByRole('menuitem', { name: '通报' }).click();
    await waitVisible(huzhou.page.getByTestId('notices').locator('tr').filter({ hasText: documentNo }));
    await huzhou.context.close();
  });
});
