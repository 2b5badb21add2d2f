/**
 * The dashboards 统计看板 through the HTTP layer, on both databases, under a manual clock (2019-02-15):
 * three pilots (杭州 and 宁波 in 浙江, 武汉 in 湖北), an open rectification case of 武汉, funds for 杭州
 * and 武汉. The ministry sees the national dashboard and narrows it to a province; 浙江 sees its own
 * province only (the pilots it reviews: 杭州) and is refused another (403); 宁波's own authority
 * (计划单列市) sees 宁波's pilot only, under 浙江;
 * the leading group sees no resources (it may not read them). After the daily reminder sweep has
 * created the report rows, the overdue reports agree with the "what is due" list. The .xlsx parses with exceljs and holds the same numbers. Every refusal: 401,
 * 403 (role, province), 422 (malformed filters).
 */
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rectificationCases, users } from '../../src/db/schema.js';
import { overdueReportsBefore, reportReminderSweep } from '../../src/features/progress-reports/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const base = '/api/v1';

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

interface Dash {
  scope: { level: string; provinceCode: string | null };
  filters: Record<string, string>;
  totals: { pilots: number; cities: number; overdueReports: number; openRectifications: number; resourceAmount: number | null };
  byRegion: { key: string; pilots: number }[];
  byCityType: { key: string; pilots: number }[];
  byPhase: { key: string; pilots: number }[];
  byProvince: { code: string; pilots: number; meanProgress: number | null }[];
  cities: { code: string; name: string; pilots: { id: string }[] }[];
  pilots: { id: string; overdueReports: number; openRectifications: number }[];
  overdueReports: { reportId: string; pilotId: string }[];
  openRectifications: { caseId: string; pilotId: string; deadlinePassed: boolean }[];
  attainment: { pilots: number; all: Record<string, number> };
  resources: { rows: { programme: string; amount: number; count: number; pilots: number }[]; total: { amount: number } } | null;
  sections: { resources: boolean };
}

describe.each(dbKinds())('dashboards on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2019-02-15T02:00:00Z'));
  const c: Record<string, Client> = {};
  const id = { hz: '', nb: '', wh: '' };
  let caseId = '';

  const get = async (who: string, qs = '') => {
    const res = await c[who]!.request('GET', `${base}/dashboard${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dash;
  };
  const overdueFromReports = async (who: string) =>
    ((await c[who]!.request('GET', `${base}/reports?state=overdue`)).json().items as { id: string; pilotId: string }[]).map((r) => r.id).sort();

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'ningbo', 'wuhan', 'zhejiang', 'ningbo-sj', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    id.hz = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕901号' });
    id.nb = await seedPilot(db, { city: c.ningbo!, province: c['ningbo-sj']!, ministry: c.guihuasi! }, { code: '330200', applicant: '宁波市人民政府', documentNo: '工信部规函〔2016〕902号' });
    id.wh = await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕903号' });
    // The daily reminder sweep (the scheduler's job) creates every running pilot's report rows and flags the overdue ones.
    await reportReminderSweep(db, clock());
    const [ministry] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    const [row] = await db
      .insert(rectificationCases)
      .values({ pilotId: id.wh, origin: 'manual', findings: [{ kind: 'manual', ref: null, text: '研发投入滞后' }], requiredActions: '限期整改', deadline: '2019-01-31', resumePhase: 'implementation', openedBy: ministry!.id })
      .returning({ id: rectificationCases.id });
    caseId = row!.id;
    // A closed case does not count.
    await db.insert(rectificationCases).values({ pilotId: id.hz, origin: 'manual', findings: [], requiredActions: '已整改', deadline: '2018-12-31', resumePhase: 'implementation', openedBy: ministry!.id, status: 'passed' });
    const fund = (pilotId: string, programme: string, amount: number) =>
      c.guihuasi!.request('POST', `${base}/pilots/${pilotId}/resources`, { programme, amount, year: 2018, department: '规划司', project: `${programme}项目` });
    for (const [p, prog, amount] of [
      [id.hz, 'intelligent_manufacturing', 1200],
      [id.hz, 'intelligent_manufacturing', 300.5],
      [id.wh, 'technical_renovation', 800],
    ] as const) {
      const res = await fund(p, prog, amount);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the signed-out (401), roles without a dashboard (403), malformed filters (422)', async () => {
    for (const url of [`${base}/dashboard`, `${base}/dashboard.xlsx`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      for (const u of ['hangzhou', 'expert', 'admin']) {
        const res = await c[u]!.request('GET', url);
        expect(res.statusCode, `${u} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      for (const qs of ['?province=33', '?province=浙江', '?region=north', '?cityType=big', '?phase=somewhere']) {
        const res = await c.guihuasi!.request('GET', `${url}${qs}`);
        expect(res.statusCode, `${url}${qs}`).toBe(422);
      }
    }
    expect((await c.guihuasi!.request('GET', `${base}/dashboard.xlsx?part=everything`)).statusCode).toBe(422);
  });

  it('gives the ministry the national dashboard: pilots by region, city type, province and phase', async () => {
    const d = await get('guihuasi');
    expect(d.scope).toEqual({ level: 'national', provinceCode: null });
    expect(d.totals).toMatchObject({ pilots: 3, cities: 3, openRectifications: 1, resourceAmount: 2300.5 });
    expect(Object.fromEntries(d.byRegion.map((r) => [r.key, r.pilots]))).toEqual({ east: 2, central: 1, west: 0, northeast: 0 });
    // The sample plan claims 老工业基地 and 中部产业特色城市.
    expect(Object.fromEntries(d.byCityType.map((r) => [r.key, r.pilots]))).toMatchObject({ old_industrial_base: 3, central_characteristic: 3, eastern_innovative: 0 });
    expect(Object.fromEntries(d.byPhase.map((r) => [r.key, r.pilots]))).toMatchObject({ implementation: 3, midterm: 0 });
    const prov = Object.fromEntries(d.byProvince.map((p) => [p.code, p.pilots]));
    expect(d.byProvince).toHaveLength(34);
    expect(prov).toMatchObject({ '330000': 2, '420000': 1, '110000': 0 });
    expect(d.attainment.pilots).toBe(3);
    expect(d.attainment.all.no_data).toBeGreaterThan(0);
    expect(d.openRectifications).toEqual([expect.objectContaining({ caseId, pilotId: id.wh, deadlinePassed: true, status: 'open' })]);
    expect(d.resources!.rows.find((r) => r.programme === 'intelligent_manufacturing')).toMatchObject({ amount: 1500.5, count: 2, pilots: 1 });
    expect(d.resources!.rows.find((r) => r.programme === 'technical_renovation')).toMatchObject({ amount: 800, count: 1, pilots: 1 });
    expect(d.resources!.rows.find((r) => r.programme === 'overcapacity')).toMatchObject({ amount: 0, count: 0 });
    // The overdue reports are those of the "what is due" list.
    const overdue = await overdueFromReports('guihuasi');
    expect(overdue.length).toBeGreaterThan(0);
    expect(d.overdueReports.map((r) => r.reportId).sort()).toEqual(overdue);
    expect(d.totals.overdueReports).toBe(overdue.length);
    expect(d.pilots.reduce((a, p) => a + p.overdueReports, 0)).toBe(overdue.length);
    expect(d.pilots.find((p) => p.id === id.wh)).toMatchObject({ openRectifications: 1 });
    // The other central bodies see the same.
    expect((await get('zhuangbeisi')).totals).toEqual(d.totals);
  });

  it('reads the overdue reports through progress reports’ public.ts: one filter the (status, due date) index answers', async () => {
    const db = t.database.db;
    const rows = await overdueReportsBefore(db, '2019-02-15');
    expect(rows.map((r) => r.reportId).sort()).toEqual(await overdueFromReports('guihuasi'));
    // With sequential scans priced out the planner reads progress_reports through progress_reports_due_idx:
    // the filter is one the index serves (no calendar is built, no report row outside the range is read).
    const { sql: text, params } = overdueReportsBefore(db, '2019-02-15').toSQL();
    const literal = text.replace(/\$(\d+)/g, (_, n: string) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return (await tx.execute(sql.raw(`explain ${literal}`))) as unknown as { rows: Record<string, string>[] };
    });
    const lines = plan.rows.map((r) => Object.values(r)[0]).join('\n');
    expect(lines, lines).toMatch(/progress_reports_due_idx[\s\S]*Index Cond: [^\n]*status[^\n]*due_date/);
  });

  it('drills down: the ministry narrows to 浙江, then by phase and region', async () => {
    const d = await get('guihuasi', '?province=330000');
    expect(d.filters).toEqual({ province: '330000' });
    expect(d.pilots.map((p) => p.id).sort()).toEqual([id.hz, id.nb].sort());
    expect(d.cities.map((x) => [x.code, x.name, x.pilots.map((p) => p.id)])).toEqual([
      ['330100', '杭州市', [id.hz]],
      ['330200', '宁波市', [id.nb]],
    ]);
    expect(d.totals).toMatchObject({ pilots: 2, openRectifications: 0, resourceAmount: 1500.5 });
    expect((await get('guihuasi', '?province=330000&phase=midterm')).totals.pilots).toBe(0);
    expect((await get('guihuasi', '?region=central')).pilots.map((p) => p.id)).toEqual([id.wh]);
    expect((await get('guihuasi', '?cityType=old_industrial_base')).totals.pilots).toBe(3);
  });

  it('gives a province its own province only; another province is refused with 403', async () => {
    const d = await get('zhejiang');
    expect(d.scope).toEqual({ level: 'province', provinceCode: '330000' });
    expect(d.filters).toEqual({ province: '330000' });
    // 宁波 is reviewed by its own authority (计划单列市), not by 浙江's: the rows are the pilots the authority reviews.
    expect(d.pilots.map((p) => p.id)).toEqual([id.hz]);
    expect(d.openRectifications).toEqual([]);
    expect(d.byProvince.filter((p) => p.pilots > 0).map((p) => p.code)).toEqual(['330000']);
    expect(d.overdueReports.every((r) => r.pilotId === id.hz)).toBe(true);
    expect(d.overdueReports.map((r) => r.reportId).sort()).toEqual(await overdueFromReports('zhejiang'));
    expect((await get('zhejiang', '?province=330000')).totals).toEqual(d.totals);
    for (const url of [`${base}/dashboard?province=420000`, `${base}/dashboard.xlsx?province=420000`]) {
      const res = await c.zhejiang!.request('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('DASHBOARD_PROVINCE_OUT_OF_SCOPE');
      expect(res.json().error.message['zh-CN']).toContain('本省');
    }
    // 湖北 sees 武汉 and its open case; 宁波's own authority (计划单列市) sees 宁波 only, under 浙江.
    const hubei = await get('hubei');
    expect(hubei.pilots.map((p) => p.id)).toEqual([id.wh]);
    expect(hubei.totals).toMatchObject({ openRectifications: 1, resourceAmount: 800 });
    const ningbo = await get('ningbo-sj');
    expect(ningbo.scope).toEqual({ level: 'province', provinceCode: '330000' });
    expect(ningbo.pilots.map((p) => p.id)).toEqual([id.nb]);
    expect((await c['ningbo-sj']!.request('GET', `${base}/dashboard?province=420000`)).statusCode).toBe(403);
  });

  it('follows a change at once (the kept answer is recomputed when its stamp moves)', async () => {
    const before = await get('guihuasi');
    expect(await get('guihuasi')).toEqual(before);
    const res = await c.guihuasi!.request('POST', `${base}/pilots/${id.nb}/resources`, { programme: 'overcapacity', amount: 99.5, year: 2018, department: '规划司', project: '补记项目' });
    expect(res.statusCode, res.body).toBe(201);
    const after = await get('guihuasi');
    expect(after.totals.resourceAmount).toBe(2400);
    expect(after.resources!.rows.find((r) => r.programme === 'overcapacity')).toMatchObject({ amount: 99.5, count: 1, pilots: 1 });
    // Withdrawn again: back to the figures before.
    const withdrawn = await c.guihuasi!.request('DELETE', `${base}/resources/${res.json().id}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    expect((await get('guihuasi')).totals).toEqual(before.totals);
  });

  it('gives the leading group the dashboard without resources (it may not read them)', async () => {
    const d = await get('lingdao');
    expect(d.totals).toMatchObject({ pilots: 3, openRectifications: 1, resourceAmount: null, resourceRecords: null });
    expect(d.resources).toBeNull();
    expect(d.sections.resources).toBe(false);
  });

  it('exports the whole dashboard, and one chart’s data, as .xlsx with the same numbers', async () => {
    const res = await c.guihuasi!.request('GET', `${base}/dashboard.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('统计看板.xlsx'));
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '按省份', '按地区', '按城市类型', '按阶段', '按城市', '指标达成分布', '逾期进度报告', '未结整改', '政策资源', '试点清单']);
    const cover = Object.fromEntries(rowsOf(wb.getWorksheet('概况')!).map((r) => [r[0], r[1]]));
    expect(cover).toMatchObject({ 范围: '全国', 筛选条件: '全部', 试点数: 3, 未结整改: 1, '政策资源（万元）': 2300.5 });
    const d = await get('guihuasi');
    expect(cover['逾期进度报告']).toBe(d.totals.overdueReports);
    const provinces = rowsOf(wb.getWorksheet('按省份')!);
    expect(provinces.find((r) => r[0] === '330000')).toEqual(['330000', '浙江省', '东部', 2, expect.anything()]);
    expect(provinces.find((r) => r[0] === '420000')?.[3]).toBe(1);
    expect(provinces.some((r) => String(r[0]).includes('示意图，非地图'))).toBe(true);
    expect(rowsOf(wb.getWorksheet('按地区')!).slice(1)).toEqual([
      ['东部', 2],
      ['中部', 1],
      ['西部', 0],
      ['东北', 0],
    ]);
    expect(rowsOf(wb.getWorksheet('未结整改')!).slice(1)).toEqual([['武汉市人民政府', '待整改', '2019-01-31', '是']]);
    expect(rowsOf(wb.getWorksheet('逾期进度报告')!)).toHaveLength(1 + d.totals.overdueReports);
    const resources = rowsOf(wb.getWorksheet('政策资源')!);
    expect(resources.find((r) => r[0] === '智能制造')).toEqual(['智能制造', 1500.5, 2, 1]);
    expect(resources.find((r) => r[0] === '合计')?.[1]).toBe(2300.5);
    expect(rowsOf(wb.getWorksheet('试点清单')!)).toHaveLength(4);

    // One chart's data: only its sheet, with the filters applied.
    const part = await c.guihuasi!.request('GET', `${base}/dashboard.xlsx?part=cities&province=330000`);
    expect(part.statusCode).toBe(200);
    const one = await workbook(part.rawPayload);
    expect(one.worksheets.map((w) => w.name)).toEqual(['按城市']);
    expect(rowsOf(one.worksheets[0]!).slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['330100', '杭州市', 1],
      ['330200', '宁波市', 1],
    ]);

    // A province's export is its own.
    const zj = await workbook((await c.zhejiang!.request('GET', `${base}/dashboard.xlsx`)).rawPayload);
    expect(Object.fromEntries(rowsOf(zj.getWorksheet('概况')!).map((r) => [r[0], r[1]]))).toMatchObject({ 范围: '浙江省', 试点数: 1, 未结整改: 0 });
  });

  it('is published in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/v1/dashboard']?.get).toBeDefined();
    expect(doc.paths['/api/v1/dashboard.xlsx']?.get).toBeDefined();
    const params = (doc.paths['/api/v1/dashboard'].get.parameters as { name: string }[]).map((p) => p.name).sort();
    expect(params).toEqual(['cityType', 'phase', 'province', 'region']);
  });
});
