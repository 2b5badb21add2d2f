/**
 * Policy resources through the HTTP layer: the programme list (read, changed with compare-and-set,
 * a programme with records kept), recording and withdrawing funds for a pilot with every refusal,
 * the totals per pilot, province and programme, and the Excel export opened with exceljs.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilotEvents, pilots } from '../../src/db/schema.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedPilot } from '../helpers/seed-pilots.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const API = '/api/v1';

describe.each(dbKinds())('policy resources on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  let hz: string; // 杭州 (浙江)
  let wh: string; // 武汉 (湖北)
  let cancelled: string; // 湖州 (浙江), cancelled

  const fund = (over: Record<string, unknown> = {}) => ({
    programme: 'intelligent_manufacturing',
    amount: 1200.5,
    year: 2017,
    department: '装备工业司',
    project: '智能制造综合标准化与新模式应用项目',
    targetIds: ['t-innovation-rd'],
    note: '',
    ...over,
  });

  beforeAll(async () => {
    t = await makeTestApp(kind);
    const db = t.database.db;
    await seedAccounts(db);
    for (const u of ['hangzhou', 'huzhou', 'wuhan', 'zhejiang', 'hubei', 'guihuasi', 'zhuangbeisi', 'lingdao', 'expert', 'admin']) c[u] = await login(t.app, u, PASSWORD);
    hz = await seedPilot(db, { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', documentNo: '工信部规函〔2016〕801号' });
    wh = await seedPilot(db, { city: c.wuhan!, province: c.hubei!, ministry: c.guihuasi! }, { code: '420100', applicant: '武汉市人民政府', documentNo: '工信部规函〔2016〕802号' });
    cancelled = await seedPilot(db, { city: c.huzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330500', applicant: '湖州市人民政府', documentNo: '工信部规函〔2016〕803号' });
    await db.update(pilots).set({ state: 'cancelled' }).where(eq(pilots.id, cancelled));
  });
  afterAll(async () => {
    await t?.close();
  });

  const readPaths = () => [
    `${API}/resources/programmes`,
    `${API}/pilots/${hz}/resources`,
    `${API}/resources`,
    `${API}/resources/totals?by=pilot`,
    `${API}/resources/export.xlsx`,
  ];

  it('refuses the signed-out with 401 on every route', async () => {
    for (const url of readPaths()) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `${API}/pilots/${hz}/resources`, payload: fund() })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `${API}/resources/${NO_SUCH}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: `${API}/resources/programmes`, payload: { version: 0, programmes: [{ key: 'x_y', zh: '甲', en: 'a' }] } })).statusCode).toBe(401);
  });

  it('refuses roles without the permission with 403', async () => {
    for (const u of ['expert', 'admin', 'lingdao']) {
      for (const url of readPaths()) expect((await c[u]!.request('GET', url)).statusCode, `${u} ${url}`).toBe(403);
    }
    for (const u of ['hangzhou', 'zhejiang', 'expert']) {
      expect((await c[u]!.request('POST', `${API}/pilots/${hz}/resources`, fund())).statusCode, u).toBe(403);
      expect((await c[u]!.request('DELETE', `${API}/resources/${NO_SUCH}`)).statusCode, u).toBe(403);
    }
    const list = (await c.guihuasi!.request('GET', `${API}/resources/programmes`)).json();
    for (const u of ['zhuangbeisi', 'zhejiang', 'hangzhou']) {
      expect((await c[u]!.request('PUT', `${API}/resources/programmes`, list)).statusCode, u).toBe(403);
    }
  });

  it('lists the six named programmes by default', async () => {
    const res = await c.hangzhou!.request('GET', `${API}/resources/programmes`);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(0);
    expect(res.json().programmes.map((p: { zh: string }) => p.zh)).toEqual(['工业转型升级', '技术改造', '科技重大专项', '智能制造', '两化融合', '化解产能过剩']);
  });

  it('answers 404 for another city’s or province’s pilot and for one that does not exist', async () => {
    for (const u of ['wuhan', 'hubei', 'huzhou']) {
      expect((await c[u]!.request('GET', `${API}/pilots/${hz}/resources`)).statusCode, u).toBe(404);
      expect((await c[u]!.request('GET', `${API}/resources?pilotId=${hz}`)).statusCode, u).toBe(404);
      expect((await c[u]!.request('GET', `${API}/resources/export.xlsx?pilotId=${hz}`)).statusCode, u).toBe(404);
    }
    expect((await c.guihuasi!.request('GET', `${API}/pilots/${NO_SUCH}/resources`)).statusCode).toBe(404);
    expect((await c.guihuasi!.request('POST', `${API}/pilots/${NO_SUCH}/resources`, fund())).statusCode).toBe(404);
    expect((await c.guihuasi!.request('DELETE', `${API}/resources/${NO_SUCH}`)).statusCode).toBe(404);
  });

  it('refuses bad input with 422: amount, programme, year outside the period, an indicator not in the contract, ids', async () => {
    const post = (body: unknown) => c.guihuasi!.request('POST', `${API}/pilots/${hz}/resources`, body);
    for (const bad of [fund({ amount: 0 }), fund({ amount: -5 }), fund({ amount: 'many' }), fund({ year: 2017.5 }), fund({ department: '' }), fund({ project: ' ' })]) {
      expect((await post(bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
    const unknownProgramme = await post(fund({ programme: 'space_race' }));
    expect(unknownProgramme.statusCode).toBe(422);
    expect(unknownProgramme.json().error.code).toBe('RESOURCE_PROGRAMME_UNKNOWN');
    for (const year of [2016, 2020]) {
      const res = await post(fund({ year }));
      expect(res.statusCode, String(year)).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'RESOURCE_YEAR_OUTSIDE_PERIOD', details: { periodStartYear: 2017, periodEndYear: 2019 } });
    }
    const target = await post(fund({ targetIds: ['t-innovation-rd', 't-made-up'] }));
    expect(target.statusCode).toBe(422);
    expect(target.json().error).toMatchObject({ code: 'RESOURCE_TARGET_UNKNOWN', details: { targetIds: ['t-made-up'] } });
    expect((await c.guihuasi!.request('GET', `${API}/pilots/not-a-uuid/resources`)).statusCode).toBe(422);
    expect((await c.guihuasi!.request('GET', `${API}/resources/totals?by=city`)).statusCode).toBe(422);
    expect((await c.guihuasi!.request('GET', `${API}/resources/totals`)).statusCode).toBe(422);
    expect((await c.guihuasi!.request('GET', `${API}/pilots/${hz}/resources`)).json().items).toEqual([]);
  });

  it('refuses funds for a cancelled pilot with 409', async () => {
    const res = await c.guihuasi!.request('POST', `${API}/pilots/${cancelled}/resources`, fund());
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PILOT_CLOSED_FOR_SUPPORT');
  });

  it('records funds, audits them on the pilot, and shows them to the pilot’s city and province with abilities', async () => {
    const first = await c.guihuasi!.request('POST', `${API}/pilots/${hz}/resources`, fund());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      pilotId: hz,
      pilotName: '杭州市人民政府',
      programme: 'intelligent_manufacturing',
      programmeLabel: { zh: '智能制造' },
      amount: 1200.5,
      year: 2017,
      targets: [{ id: 't-innovation-rd', indicator: '规上工业企业研发经费内部支出占主营业务收入比重' }],
      abilities: ['delete'],
    });
    const more = [
      [c.zhuangbeisi!, hz, fund({ programme: 'technical_renovation', amount: 800, year: 2018, targetIds: [] })],
      [c.guihuasi!, hz, fund({ programme: 'intelligent_manufacturing', amount: 300.25, year: 2019, targetIds: ['t-quality-productivity', 't-quality-productivity'] })],
      [c.guihuasi!, wh, fund({ programme: 'industrial_upgrading', amount: 5000, year: 2017, targetIds: [] })],
    ] as const;
    for (const [who, pilot, body] of more) expect((await who.request('POST', `${API}/pilots/${pilot}/resources`, body)).statusCode).toBe(201);

    const events = await t.database.db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, hz), eq(pilotEvents.action, 'resource.record')));
    expect(events).toHaveLength(3);
    expect(events.find((e) => (e.data as { amount: number }).amount === 1200.5)?.data).toMatchObject({ programme: 'intelligent_manufacturing', year: 2017 });

    for (const u of ['hangzhou', 'zhejiang']) {
      const res = await c[u]!.request('GET', `${API}/pilots/${hz}/resources`);
      expect(res.statusCode, u).toBe(200);
      const body = res.json();
      expect(body.total).toEqual({ amount: 2300.75, count: 3 });
      expect(body.abilities).toEqual(['export']);
      expect(body.items.every((i: { abilities: string[] }) => i.abilities.length === 0)).toBe(true);
      expect(body.items.find((i: { year: number }) => i.year === 2019).targetIds).toEqual(['t-quality-productivity']);
    }
    expect((await c.zhuangbeisi!.request('GET', `${API}/pilots/${hz}/resources`)).json().abilities).toEqual(['record', 'export']);
    // The list in scope: a city its own, the ministry all, filtered by programme and year.
    expect((await c.hangzhou!.request('GET', `${API}/resources`)).json().items).toHaveLength(3);
    expect((await c.wuhan!.request('GET', `${API}/resources`)).json()).toMatchObject({ total: { amount: 5000, count: 1 }, canRecord: false });
    expect((await c.guihuasi!.request('GET', `${API}/resources`)).json()).toMatchObject({ total: { amount: 7300.75, count: 4 }, canRecord: true });
    expect((await c.guihuasi!.request('GET', `${API}/resources?programme=intelligent_manufacturing`)).json().total).toEqual({ amount: 1500.75, count: 2 });
    expect((await c.guihuasi!.request('GET', `${API}/resources?year=2017`)).json().total).toEqual({ amount: 6200.5, count: 2 });
  });

  it('totals per pilot, province and programme, within each user’s scope', async () => {
    const totals = async (who: Client, by: string, extra = '') => {
      const res = await who.request('GET', `${API}/resources/totals?by=${by}${extra}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { rows: { key: string; label: { zh: string }; amount: number; count: number }[]; total: { amount: number; count: number } };
    };
    const byPilot = await totals(c.guihuasi!, 'pilot');
    expect(byPilot.rows.map((r) => [r.label.zh, r.amount, r.count])).toEqual([
      ['武汉市人民政府', 5000, 1],
      ['杭州市人民政府', 2300.75, 3],
      ['湖州市人民政府', 0, 0],
    ]);
    expect(byPilot.total).toEqual({ amount: 7300.75, count: 4 });
    const byProvince = await totals(c.zhuangbeisi!, 'province');
    expect(byProvince.rows.map((r) => [r.key, r.amount, r.count])).toEqual([
      ['420000', 5000, 1],
      ['330000', 2300.75, 3],
    ]);
    const byProgramme = await totals(c.guihuasi!, 'programme');
    expect(byProgramme.rows.map((r) => r.key)).toEqual(['industrial_upgrading', 'technical_renovation', 'major_st_projects', 'intelligent_manufacturing', 'it_integration', 'overcapacity']);
    expect(Object.fromEntries(byProgramme.rows.map((r) => [r.key, r.amount]))).toMatchObject({ industrial_upgrading: 5000, technical_renovation: 800, intelligent_manufacturing: 1500.75, major_st_projects: 0 });
    expect((await totals(c.guihuasi!, 'programme', '&year=2018')).total).toEqual({ amount: 800, count: 1 });
    // A province sees its own row only; a city its own pilot only.
    const zj = await totals(c.zhejiang!, 'province');
    expect(zj.rows.map((r) => r.key)).toEqual(['330000']);
    expect(zj.total).toEqual({ amount: 2300.75, count: 3 });
    const hzByPilot = await totals(c.hangzhou!, 'pilot');
    expect(hzByPilot.rows.map((r) => r.key)).toEqual([hz]);
    expect((await totals(c.hubei!, 'programme')).total).toEqual({ amount: 5000, count: 1 });
  });

  it('exports the records and the totals as an Excel workbook that opens with exceljs', async () => {
    const res = await c.guihuasi!.request('GET', `${API}/resources/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('政策资源支持情况.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['支持记录', '按试点汇总', '按省份汇总', '按政策汇总']);
    const records = wb.getWorksheet('支持记录')!;
    expect(records.getRow(1).getCell(1).value).toBe('试点城市');
    const rows = [];
    for (let i = 2; i <= records.rowCount; i++) rows.push(records.getRow(i).values as unknown[]);
    expect(rows).toHaveLength(5); // four records and the total
    expect(rows.map((r) => r[4])).toContain(1200.5);
    expect(rows.find((r) => r[4] === 1200.5)![7]).toBe('规上工业企业研发经费内部支出占主营业务收入比重');
    expect(rows.at(-1)!.slice(1, 5)).toEqual(['合计', '', '', 7300.75]);
    const byProvince = wb.getWorksheet('按省份汇总')!;
    expect(byProvince.getRow(2).values).toEqual([undefined, '湖北省', 5000, 1]);
    expect(byProvince.getRow(byProvince.rowCount).values).toEqual([undefined, '合计', 7300.75, 4]);
    // The city's export holds its own records only.
    const mine = await c.hangzhou!.request('GET', `${API}/resources/export.xlsx?pilotId=${hz}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('支持记录')!.rowCount).toBe(1 + 3 + 1);
  });

  it('changes the programme list with compare-and-set and keeps a programme that has records', async () => {
    const current = (await c.guihuasi!.request('GET', `${API}/resources/programmes`)).json();
    const added = { version: 0, programmes: [...current.programmes, { key: 'green_manufacturing', zh: '绿色制造', en: 'Green manufacturing' }] };
    const saved = await c.guihuasi!.request('PUT', `${API}/resources/programmes`, added);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    expect((await c.hangzhou!.request('GET', `${API}/resources/programmes`)).json().programmes.at(-1).zh).toBe('绿色制造');
    const stale = await c.guihuasi!.request('PUT', `${API}/resources/programmes`, added);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    const dropUsed = await c.guihuasi!.request('PUT', `${API}/resources/programmes`, {
      version: 1,
      programmes: added.programmes.filter((p: { key: string }) => p.key !== 'technical_renovation' && p.key !== 'overcapacity'),
    });
    expect(dropUsed.statusCode).toBe(409);
    expect(dropUsed.json().error).toMatchObject({ code: 'RESOURCE_PROGRAMME_IN_USE', details: { programmes: [{ key: 'technical_renovation', records: 1 }] } });
    for (const bad of [
      { version: 1, programmes: [] },
      { version: 1, programmes: [{ key: 'Bad Key', zh: '坏', en: 'bad' }] },
      { version: 1, programmes: [{ key: 'dup', zh: '甲', en: 'a' }, { key: 'dup', zh: '乙', en: 'b' }] },
    ]) {
      expect((await c.guihuasi!.request('PUT', `${API}/resources/programmes`, bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
    // An unused one may go; the relabelled one keeps its key and the records show the new label.
    const relabelled = added.programmes
      .filter((p: { key: string }) => p.key !== 'overcapacity')
      .map((p: { key: string; zh: string; en: string }) => (p.key === 'intelligent_manufacturing' ? { ...p, zh: '智能制造专项' } : p));
    const ok = await c.guihuasi!.request('PUT', `${API}/resources/programmes`, { version: 1, programmes: relabelled });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const items = (await c.hangzhou!.request('GET', `${API}/pilots/${hz}/resources`)).json().items;
    expect(items.filter((i: { programme: string }) => i.programme === 'intelligent_manufacturing').map((i: { programmeLabel: { zh: string } }) => i.programmeLabel.zh)).toEqual([
      '智能制造专项',
      '智能制造专项',
    ]);
  });

  it('withdraws a wrongly recorded entry, audited; others may not', async () => {
    const items = (await c.guihuasi!.request('GET', `${API}/pilots/${wh}/resources`)).json().items;
    const id = items[0].id as string;
    expect((await c.wuhan!.request('DELETE', `${API}/resources/${id}`)).statusCode).toBe(403);
    expect((await c.guihuasi!.request('DELETE', `${API}/resources/not-a-uuid`)).statusCode).toBe(422);
    const res = await c.zhuangbeisi!.request('DELETE', `${API}/resources/${id}`);
    expect(res.statusCode).toBe(204);
    expect((await c.guihuasi!.request('DELETE', `${API}/resources/${id}`)).statusCode).toBe(404);
    expect((await c.wuhan!.request('GET', `${API}/pilots/${wh}/resources`)).json().total).toEqual({ amount: 0, count: 0 });
    const events = await t.database.db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, wh), eq(pilotEvents.action, 'resource.withdraw')));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ resourceId: id, amount: 5000 });
  });
});
