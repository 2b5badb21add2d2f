/**
 * Attainment 指标达成 through the HTTP layer, on both databases, under a manual clock: 杭州 files its
 * 2017 and 2018 reports through the progress-reports API and 浙江 confirms them; an amendment raises
 * the R&D target from 2018. The dashboard shows on-track, at-risk and off-track indicators, 2017
 * measured against version 1 and 2018 against version 2; the overview lists every pilot in scope and
 * follows a correction; both export to Excel. Every refusal: 401, 403 (role), 404 (scope, unknown
 * pilot or indicator), 422 (malformed id or filter).
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attainmentSummaries, pilots } from '../../src/db/schema.js';
import { manualClock } from '../../src/kernel/clock.js';
import type { Target } from '../../src/shared/plan/plan-schema.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const RD = 't-innovation-rd';
const PATENTS = 't-innovation-patents';
const REVENUE = 't-quality-revenue';

interface ReportValue {
  targetId: string;
  required: number | null;
}

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe.each(dbKinds())('attainment on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2019-02-15T02:00:00Z'));
  const c: Record<string, Client> = {};
  let hangzhou = '';
  let wuhan = '';
  let targets: Target[] = [];
  const base = '/api/v1';

  /** The city fills the period's report (the value `actual` gives for each indicator), submits it; 浙江 confirms. */
  async function fileReport(pilotId: string, period: string, actual: (targetId: string, required: number) => number) {
    const list = (await c.hangzhou!.request('GET', `${base}/pilots/${pilotId}/reports`)).json().items as { id: string; period: string }[];
    const id = list.find((i) => i.period === period)!.id;
    const detail = (await c.hangzhou!.request('GET', `${base}/reports/${id}`)).json();
    const values = (detail.values as ReportValue[]).map((v) => ({ targetId: v.targetId, actual: actual(v.targetId, v.required!), dataSource: '杭州市统计局', note: '', evidenceFileIds: [] }));
    const saved = await c.hangzhou!.request('PUT', `${base}/reports/${id}`, { version: detail.version, narrative: `${period}年度进展`, values });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await c.hangzhou!.request('POST', `${base}/reports/${id}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const confirmed = await c.zhejiang!.request('POST', `${base}/reports/${id}/confirm`, { version: submitted.json().version, opinion: '数据真实，同意' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { id, version: confirmed.json().version as number };
  }

  const dashboard = async (who = 'guihuasi', id = hangzhou) => {
    const res = await c[who]!.request('GET', `${base}/pilots/${id}/attainment`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const indicator = (d: { indicators: { targetId: string }[] }, id: string) => d.indicators.find((i) => i.targetId === id) as unknown as {
    years: { year: number; required: number; actual: number | null; status: string; contractVersion: number | null; actualPeriod: string | null }[];
    current: { year: number; status: string };
    finalTarget: number;
  };
  const overview = async (who = 'guihuasi', qs = '') => {
    const res = await c[who]!.request('GET', `${base}/attainment/overview${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    hangzhou = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号' });
    wuhan = await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕802号' });
    targets = (await c.guihuasi!.request('GET', `${base}/pilots/${hangzhou}`)).json().targets;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out (401), the roles without reports (403), other cities and provinces (404) and malformed input (422)', async () => {
    const urls = [`${base}/pilots/${hangzhou}/attainment`, `${base}/pilots/${hangzhou}/attainment.xlsx`, `${base}/attainment/overview`, `${base}/attainment/overview.xlsx`];
    for (const url of urls) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    for (const u of ['expert', 'admin']) for (const url of urls) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(403);
    for (const u of ['wuhan', 'hubei']) for (const url of urls.slice(0, 2)) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(404);
    expect((await c.guihuasi!.request('GET', `${base}/pilots/${NO_SUCH}/attainment`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('GET', `${base}/pilots/not-a-uuid/attainment`)).statusCode).toBe(422);
    expect((await c.guihuasi!.request('GET', `${base}/attainment/overview?state=somewhere`)).statusCode).toBe(422);
    expect((await c.guihuasi!.request('GET', `${base}/attainment/overview?status=fine`)).statusCode).toBe(422);
    const unknownIndicator = await c.guihuasi!.request('GET', `${base}/pilots/${hangzhou}/attainment.xlsx?targetId=t-nothing`);
    expect(unknownIndicator.statusCode).toBe(404);
    expect(unknownIndicator.json().error.code).toBe('NOT_FOUND');
  });

  it('shows every indicator with its required path and no data before any report is confirmed', async () => {
    const d = await dashboard('hangzhou');
    expect(d.pilot).toMatchObject({ id: hangzhou, name: '杭州市人民政府', state: 'implementation', periodStartYear: 2017, periodEndYear: 2019 });
    expect(d.indicators).toHaveLength(targets.length);
    expect(d).toMatchObject({ latestYear: null, abilities: ['export'], years: [{ year: 2017, contractVersion: 1 }, { year: 2018, contractVersion: 1 }, { year: 2019, contractVersion: 1 }] });
    const rd = indicator(d, RD);
    expect(rd).toMatchObject({ indicator: '规上工业企业研发经费内部支出占主营业务收入比重', dimension: 'innovation', unit: '%', direction: 'higher', qualifier: 'exact', stretch: false, derivable: true, finalTarget: 1.8 });
    expect(rd.years.map((y) => [y.year, y.required, y.actual, y.status])).toEqual([
      [2017, 1.4, null, 'no_data'],
      [2018, 1.6, null, 'no_data'],
      [2019, 1.8, null, 'no_data'],
    ]);
    // 力争 is kept and marked as a stretch target.
    expect(indicator(d, 't-structure-producer-services')).toMatchObject({ qualifier: 'strive', stretch: true });
    expect(d.rollup.pilot).toMatchObject({ indicators: targets.length, withData: 0, meanProgress: null });
  });

  it('grades the confirmed 2017 figures: on track, at risk (预警) and off track (滞后)', async () => {
    // Revenue 4350 against 4400 from 4100: 250/300 = 0.83 → at risk; patents 5.3 against 6 from 5.2: 0.125 → off track.
    await fileReport(hangzhou, '2017', (id, required) => (id === REVENUE ? 4350 : id === PATENTS ? 5.3 : required));
    const d = await dashboard();
    expect(d.latestYear).toBe(2017);
    expect(indicator(d, RD).current).toMatchObject({ year: 2017, status: 'on_track' });
    expect(indicator(d, REVENUE).current).toMatchObject({ year: 2017, status: 'at_risk' });
    expect(indicator(d, PATENTS).current).toMatchObject({ year: 2017, status: 'off_track' });
    expect(indicator(d, PATENTS).years[0]).toMatchObject({ required: 6, actual: 5.3, actualPeriod: '2017', contractVersion: 1 });
    expect(d.rollup.pilot.statusCounts).toEqual({ on_track: targets.length - 2, at_risk: 1, off_track: 1, no_data: 0 });
    expect(d.rollup.byDimension.innovation).toMatchObject({ indicators: 3, withData: 3 });
    // The projection of the patents from the baseline (2015: 5.2) through 2017 (5.3) stays far short of 8.
    expect(indicator(d, PATENTS)).toMatchObject({ projection: { method: 'from_baseline', status: 'off_track' } });

    const o = await overview();
    const item = o.items.find((i: { pilotId: string }) => i.pilotId === hangzhou);
    expect(item).toMatchObject({
      name: '杭州市人民政府',
      cityNames: ['杭州市'],
      provinces: [{ id: '330000' }],
      state: 'implementation',
      latestYear: 2017,
      indicators: targets.length,
      counts: { on_track: targets.length - 2, at_risk: 1, off_track: 1, no_data: 0 },
      overallStatus: 'off_track',
    });
    expect(item.byDimension.innovation).toEqual({ indicators: 3, meanProgress: expect.closeTo((1 + 1 + 0.125) / 3, 6) });
    // The totals add 武汉's three innovation indicators without data.
    expect(o.totals.byDimension.innovation).toEqual({ on_track: 2, at_risk: 0, off_track: 1, no_data: 3 });
    expect(o.items.find((i: { pilotId: string }) => i.pilotId === wuhan)).toMatchObject({ latestYear: null, overallStatus: 'no_data', meanProgress: null });
    expect(o.totals).toMatchObject({ pilots: 2, byOverallStatus: { off_track: 1, no_data: 1, on_track: 0, at_risk: 0 } });
  });

  it('measures 2018 against the amended contract: the raised R&D target makes the same pace fall behind', async () => {
    const revised = targets.map((x) => (x.id === RD ? { ...x, values: [1.4, 2.0, 2.2] } : x));
    const proposed = await c.hangzhou!.request('POST', `${base}/pilots/${hangzhou}/amendments`, { kind: 'revise_targets', targets: revised, reasons: '研发投入目标上调', effectiveFromYear: 2018 });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const a = proposed.json();
    expect((await c.zhejiang!.request('POST', `${base}/amendments/${a.id}/opinion`, { version: 1, supports: true, opinion: '同意' })).statusCode).toBe(200);
    const approved = await c.guihuasi!.request('POST', `${base}/amendments/${a.id}/decision`, { version: 2, decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved', contractVersion: 2 });

    // 2018: R&D 1.7 would be on track against version 1's 1.6, but version 2 asks 2.0: (1.7 − 1.2) / 0.8 = 0.625.
    await fileReport(hangzhou, '2018', (id, required) => (id === RD ? 1.7 : id === REVENUE ? 4700 : id === PATENTS ? 5.6 : required));
    const d = await dashboard('zhejiang');
    expect(d.contractVersions.map((v: { version: number; effectiveFromYear: number }) => [v.version, v.effectiveFromYear])).toEqual([
      [1, 2017],
      [2, 2018],
    ]);
    expect(d.years).toEqual([
      { year: 2017, contractVersion: 1 },
      { year: 2018, contractVersion: 2 },
      { year: 2019, contractVersion: 2 },
    ]);
    const rd = indicator(d, RD);
    expect(rd.finalTarget).toBe(2.2);
    expect(rd.years.map((y) => [y.year, y.required, y.actual, y.status, y.contractVersion])).toEqual([
      [2017, 1.4, 1.4, 'on_track', 1],
      [2018, 2.0, 1.7, 'off_track', 2],
      [2019, 2.2, null, 'no_data', 2],
    ]);
    expect(rd.current).toMatchObject({ year: 2018, status: 'off_track' });
    expect(indicator(d, REVENUE).current).toMatchObject({ year: 2018, status: 'at_risk' });
    expect(d.rollup.pilot.statusCounts).toEqual({ on_track: targets.length - 3, at_risk: 1, off_track: 2, no_data: 0 });

    // The rectification proposal reads the same attainment (moved here from the rectification feature).
    const proposal = (await c.guihuasi!.request('GET', `${base}/pilots/${hangzhou}/rectifications/proposal`)).json();
    expect(proposal.findings.map((f: { ref: string }) => f.ref).sort()).toEqual([RD, PATENTS].sort());
    expect(proposal.findings.find((f: { ref: string }) => f.ref === RD).text).toContain('2018年应达到2%，实际为1.7%');
  });

  it('keeps the overview in step with a correction, and scopes it to the city, the province and the centre', async () => {
    const before = await overview('lingdao');
    expect(before.items.find((i: { pilotId: string }) => i.pilotId === hangzhou).counts).toEqual({ on_track: targets.length - 3, at_risk: 1, off_track: 2, no_data: 0 });
    const [stored] = await t.database.db.select().from(attainmentSummaries).where(eq(attainmentSummaries.pilotId, hangzhou));
    expect(stored).toBeDefined();

    // 浙江 corrects the 2018 patents figure (7.2 against 7 required): the stored summary is recomputed on the next read.
    const list = (await c.zhejiang!.request('GET', `${base}/pilots/${hangzhou}/reports`)).json().items as { id: string; period: string }[];
    const report2018 = list.find((i) => i.period === '2018')!.id;
    const corrected = await c.zhejiang!.request('POST', `${base}/reports/${report2018}/corrections`, { targetId: PATENTS, actual: 7.2, dataSource: '杭州市知识产权局', reason: '统计口径更正' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const after = await overview('zhuangbeisi');
    const item = after.items.find((i: { pilotId: string }) => i.pilotId === hangzhou);
    expect(item.counts).toEqual({ on_track: targets.length - 2, at_risk: 1, off_track: 1, no_data: 0 });
    const [restored] = await t.database.db.select().from(attainmentSummaries).where(eq(attainmentSummaries.pilotId, hangzhou));
    expect(restored!.fingerprint).not.toBe(stored!.fingerprint);
    expect(indicator(await dashboard('hangzhou'), PATENTS).current).toMatchObject({ year: 2018, status: 'on_track' });

    const ids = (o: { items: { pilotId: string }[] }) => o.items.map((i) => i.pilotId).sort();
    expect(ids(await overview('hangzhou'))).toEqual([hangzhou]);
    expect(ids(await overview('zhejiang'))).toEqual([hangzhou]);
    expect(ids(await overview('hubei'))).toEqual([wuhan]);
    expect(ids(await overview('wuhan'))).toEqual([wuhan]);
    expect(ids(await overview('guihuasi'))).toEqual([hangzhou, wuhan].sort());
    expect((await overview('hubei')).provinces).toEqual([{ id: '420000', name: '湖北省' }]);
  });

  it('filters the overview by province, state and overall status', async () => {
    const ids = async (qs: string) => (await overview('guihuasi', qs)).items.map((i: { pilotId: string }) => i.pilotId).sort();
    expect(await ids('?province=330000')).toEqual([hangzhou]);
    expect(await ids('?province=420000')).toEqual([wuhan]);
    expect(await ids('?province=110000')).toEqual([]);
    expect(await ids('?status=off_track')).toEqual([hangzhou]);
    expect(await ids('?status=no_data')).toEqual([wuhan]);
    expect(await ids('?status=on_track')).toEqual([]);
    expect(await ids('?state=implementation')).toEqual([hangzhou, wuhan].sort());
    expect(await ids('?state=midterm')).toEqual([]);
    // A pilot that moves on is listed in its new phase at once (the answer's cache follows the pilots too).
    await t.database.db.update(pilots).set({ state: 'midterm' }).where(eq(pilots.id, wuhan));
    expect(await ids('?state=midterm')).toEqual([wuhan]);
    expect(await ids('?state=implementation')).toEqual([hangzhou]);
    await t.database.db.update(pilots).set({ state: 'implementation' }).where(eq(pilots.id, wuhan));
    const filtered = await overview('guihuasi', '?province=330000&status=off_track');
    expect(filtered.totals).toMatchObject({ pilots: 1, counts: { off_track: 1, at_risk: 1 } });
    // A page at a time, in order of approval; the totals cover every page.
    const second = await overview('guihuasi', '?pageSize=1&page=2');
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1, totals: { pilots: 2 } });
    expect(second.items.map((i: { pilotId: string }) => i.pilotId)).toEqual([wuhan]);
    expect((await overview('guihuasi', '?page=3&pageSize=1')).items).toEqual([]);
    expect((await c.guihuasi!.request('GET', `${base}/attainment/overview?pageSize=0`)).statusCode).toBe(422);
    expect((await c.guihuasi!.request('GET', `${base}/attainment/overview?pageSize=501`)).statusCode).toBe(422);
    // The filter's choices are every authority in scope, whatever is filtered.
    expect(filtered.provinces.map((p: { id: string }) => p.id)).toEqual(['330000', '420000']);
  });

  it('exports the dashboard, one chart’s data and the overview to Excel', async () => {
    const all = await c.hangzhou!.request('GET', `${base}/pilots/${hangzhou}/attainment.xlsx`);
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('spreadsheetml');
    expect(String(all.headers['content-disposition'])).toContain(encodeURIComponent('杭州市人民政府指标达成情况.xlsx'));
    const wb = await workbook(all.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['年度达成', '期末目标与预测', '维度汇总']);
    const years = rowsOf(wb.getWorksheet('年度达成')!);
    expect(years).toHaveLength(1 + targets.length * 3);
    expect(years.find((r) => String(r[1]).startsWith('规上工业企业研发经费') && r[5] === 2018)).toEqual(
      expect.arrayContaining(['创新能力', '%', '越高越好', 2018, '第2版', 2, 1.7, '2018', 0.625, '滞后']),
    );
    expect(rowsOf(wb.getWorksheet('维度汇总')!).at(-1)?.[0]).toBe('全部指标');

    const one = await c.guihuasi!.request('GET', `${base}/pilots/${hangzhou}/attainment.xlsx?targetId=${RD}`);
    expect(one.statusCode).toBe(200);
    const oneWb = await workbook(one.rawPayload);
    expect(oneWb.worksheets.map((w) => w.name)).toEqual(['年度达成', '期末目标与预测']);
    expect(rowsOf(oneWb.getWorksheet('年度达成')!)).toHaveLength(4);
    expect(rowsOf(oneWb.getWorksheet('期末目标与预测')!)[1]).toEqual(expect.arrayContaining([2019, 2.2]));

    const ov = await c.lingdao!.request('GET', `${base}/attainment/overview.xlsx?status=off_track`);
    expect(ov.statusCode).toBe(200);
    const ovWb = await workbook(ov.rawPayload);
    const pilotsSheet = rowsOf(ovWb.getWorksheet('达成总览')!);
    expect(pilotsSheet).toHaveLength(2);
    expect(pilotsSheet[1]).toEqual(expect.arrayContaining(['杭州市人民政府', '杭州市', '浙江省', '创建实施', 2018, targets.length, '滞后']));
    const dist = rowsOf(ovWb.getWorksheet('状态分布')!);
    expect(dist.find((r) => r[0] === '全部指标')).toEqual(['全部指标', targets.length - 2, 1, 1, 0]);
    expect(dist.find((r) => r[0] === '试点（按总体状态）')).toEqual(['试点（按总体状态）', 0, 0, 1, 0]);
  });
});
