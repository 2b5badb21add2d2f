/**
 * Events and action items through the real UI in Chromium: the planning department plans the yearly
 * meeting, adds an agenda item, opens the event page and assigns an action item to 杭州; 杭州 finds it
 * on its "my action items" page and closes it with a closing note; the ministry sees it closed. The
 * list's filters (kind, year) live in the URL: a filtered list survives a reload and opens again from
 * its address. Every page passes axe-core (no serious or critical WCAG 2.1 AA violation).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/kernel/clock.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { login } from '../helpers/test-app.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, until, waitText, waitVisible, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const TITLE = '2026年度部省市联动工作会议';
const ITEM = '出台光伏产业配套政策';

async function seriousViolations(page: Page): Promise<{ rule: string; targets: string[] }[]> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

async function pick(page: Page, field: string, label: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(field).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    await page.keyboard.press('Escape');
    // The list closes with an animation; its listbox (which antd leaves unnamed) is gone once it has.
    await until('the dropdown closed', async () => (await page.locator('.ant-select-dropdown:visible').count()) === 0);
    if ((await page.getByTestId(field).innerText()).includes(label)) return;
  }
  throw new Error(`could not pick ${label} in ${field}`);
}

async function typeDate(page: Page, field: string, date: string) {
  const input = page.locator(`[data-testid="${field}"] input, input[data-testid="${field}"]`).first();
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
}

describe.skipIf(!available)('browser: the ministry plans an event and assigns an action item, the city closes it', () => {
  let env: BrowserEnv;
  let eventPath = '';

  beforeAll(async () => {
    env = await startBrowserEnv({ clock: manualClock(new Date('2026-03-02T02:00:00Z')) });
    const clients = { city: await login(env.t.app, 'hangzhou', PASSWORD), province: await login(env.t.app, 'zhejiang', PASSWORD), ministry: await login(env.t.app, 'guihuasi', PASSWORD) };
    await seedPilot(env.t.database.db, clients, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕931号' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('plans the yearly meeting and assigns an action item as the planning department', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.getByRole('menuitem', { name: '活动与会议' }).click();
    await page.getByTestId('events').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('event-new').click();
    await page.getByTestId('event-form').waitFor();
    await page.getByTestId('event-title').fill(TITLE);
    await typeDate(page, 'event-starts', '2026-03-10');
    await typeDate(page, 'event-ends', '2026-03-11');
    await page.getByTestId('event-place').fill('北京');
    await page.getByTestId('event-host').fill('工业和信息化部规划司');
    await page.getByTestId('event-agenda-add').click();
    await page.getByTestId('event-agenda-topic-0').fill('规划司通报年度工作');
    await page.getByTestId('event-participant-add').click();
    await page.getByTestId('event-participant-name-0').fill('杭州市人民政府');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-events-1-form.png'), fullPage: true });
    await page.getByTestId('event-form-submit').click();
    await page.getByTestId('event').waitFor();
    await waitText(page.getByTestId('page-title'), TITLE);
    eventPath = new URL(page.url()).pathname;
    expect(eventPath).toMatch(/^\/events\/[0-9a-f-]{36}$/);
    await waitText(page.getByTestId('event-state'), '筹备中');
    await waitText(page.getByTestId('event-agenda'), '规划司通报年度工作');

    await page.getByTestId('event-add-item').click();
    await page.getByTestId('item-title').fill(ITEM);
    await pick(page, 'item-owner', '杭州市');
    await typeDate(page, 'item-deadline', '2026-06-30');
    await page.getByTestId('item-form-submit').click();
    await waitVisible(page.getByTestId(`item-row-${ITEM}`));
    await waitText(page.getByTestId(`item-row-${ITEM}`), '办理中');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-events-2-event.png'), fullPage: true });
  });

  it('closes the item as its owner, the city, with a closing note', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'hangzhou', PASSWORD);
    await page.getByRole('menuitem', { name: '督办事项' }).click();
    await page.getByTestId('actions').waitFor();
    const row = page.getByTestId(`item-row-${ITEM}`);
    await waitVisible(row);
    await waitText(row, '2026-06-30');
    expect(await seriousViolations(page)).toEqual([]);
    await row.locator('[data-testid^="item-close-"]').click();
    await page.getByTestId('item-note-text').fill('《杭州市光伏产业发展若干政策》已印发。');
    await page.getByTestId('item-note-submit').click();
    await waitText(row, '已办结');
    expect(await row.locator('button[data-testid^="item-"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'e2e-events-3-actions.png'), fullPage: true });

    // The event is the city's to read: national, with the item closed.
    await page.goto(env.baseUrl + eventPath);
    await page.getByTestId('event').waitFor();
    await waitText(page.getByTestId(`item-row-${ITEM}`), '已办结');
    expect(await page.getByTestId('event-edit').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the ministry the item closed, with the closing note in its log', async () => {
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.goto(`${env.baseUrl}/actions`);
    const row = page.getByTestId(`item-row-${ITEM}`);
    await waitText(row, '已办结');
    await row.locator('.ant-table-row-expand-icon').click();
    await waitText(page.locator('[data-testid^="item-detail-"]'), '已印发');
    await waitVisible(row.getByRole('button', { name: '重新打开' }));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the list’s filters in the URL: a filtered list survives a reload and opens again from its address', async () => {
    const TRAINING = '2025年智能制造培训研讨班';
    const ministry = await login(env.t.app, 'guihuasi', PASSWORD);
    const made = await ministry.request('POST', '/api/v1/events', {
      kind: 'training',
      title: TRAINING,
      startsOn: '2025-11-04',
      endsOn: '2025-11-06',
      place: '武汉',
      hostOrganisation: '工业和信息化部规划司',
      national: true,
    });
    expect(made.statusCode, made.body).toBe(201);
    const { page } = await env.newPage();
    await signIn(page, env.baseUrl, 'guihuasi', PASSWORD);
    await page.goto(`${env.baseUrl}/events`);
    await waitVisible(page.getByTestId(`event-row-${TRAINING}`));
    await waitVisible(page.getByTestId(`event-row-${TITLE}`));
    const search = () => Object.fromEntries(new URL(page.url()).searchParams);

    // Picking a kind puts it into the address; the list follows.
    await pick(page, 'events-kind-filter', '年度会议');
    await until('the kind in the URL', async () => search().kind === 'annual_meeting');
    await waitVisible(page.getByTestId(`event-row-${TITLE}`));
    await until('the training filtered out', async () => (await page.getByTestId(`event-row-${TRAINING}`).count()) === 0);
    await pick(page, 'events-year-filter', '2026');
    await until('the year in the URL', async () => search().year === '2026');
    expect(search()).toEqual({ kind: 'annual_meeting', year: '2026' });

    // A reload keeps the filters and the filtered list.
    await page.reload();
    await page.getByTestId('events').waitFor();
    await waitText(page.getByTestId('events-kind-filter'), '年度会议');
    await waitText(page.getByTestId('events-year-filter'), '2026');
    await waitVisible(page.getByTestId(`event-row-${TITLE}`));
    expect(await page.getByTestId(`event-row-${TRAINING}`).count()).toBe(0);

    // A bookmarked address opens the list filtered; a filter set back to "all" leaves the address.
    const other = (await env.newPage()).page;
    await signIn(other, env.baseUrl, 'guihuasi', PASSWORD);
    await other.goto(`${env.baseUrl}/events?kind=training&year=2025`);
    await waitText(other.getByTestId('events-kind-filter'), '培训研讨班');
    await waitVisible(other.getByTestId(`event-row-${TRAINING}`));
    expect(await other.getByTestId(`event-row-${TITLE}`).count()).toBe(0);
    await pick(other, 'events-kind-filter', '全部');
    await until('the kind gone from the URL', async () => new URL(other.url()).searchParams.get('kind') === null);
    expect(Object.fromEntries(new URL(other.url()).searchParams)).toEqual({ year: '2025' });
    expect(await seriousViolations(other)).toEqual([]);
  });
});
