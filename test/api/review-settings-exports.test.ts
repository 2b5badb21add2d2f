import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../src/shared/review/rubric.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedExperts } from '../helpers/seed-experts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';


describe.each(dbKinds())('review rules and score exports on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  let experts: Map<string, string>;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    experts = await seedExperts(t.database.db);
    for (const u of ['hangzhou', 'zhejiang', 'guihuasi', 'zhuangbeisi', 'exp-bj', 'exp-hrb', 'exp-wh']) c[u] = await login(t.app, u, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets the planning department configure the rubric and threshold; new panels use them', async () => {
    const initial = await c.zhuangbeisi!.request('GET', '/api/v1/review/settings');
    expect(initial.statusCode).toBe(200);
    expect(initial.json().rubric.criteria.map((x: { key: string }) => x.key)).toEqual(DEFAULT_RUBRIC.criteria.map((x) => x.key));
    const two = {
      rubric: {
        id: 'two-criteria',
        criteria: [
          { ...DEFAULT_RUBRIC.criteria[0]!, weight: 0.5 },
          { ...DEFAULT_RUBRIC.criteria[2]!, weight: 0.5 },
        ],
      },
      divergenceThreshold: 10,
      version: 0,
    };
    expect(initial.json().version).toBe(0);
    expect((await c.zhuangbeisi!.request('PUT', '/api/v1/review/settings', two)).statusCode).toBe(403);
    expect((await c.hangzhou!.request('GET', '/api/v1/review/settings')).statusCode).toBe(403);
    const bad = await c.guihuasi!.request('PUT', '/api/v1/review/settings', { ...two, rubric: { ...two.rubric, criteria: [{ ...two.rubric.criteria[0]!, weight: 0.7 }, two.rubric.criteria[1]] } });
    expect(bad.statusCode).toBe(422);
    const saved = await c.guihuasi!.request('PUT', '/api/v1/review/settings', two);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    // A second save of the version already saved over is refused, and the first stays.
    const stale = await c.guihuasi!.request('PUT', '/api/v1/review/settings', { ...two, divergenceThreshold: 30 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await c.guihuasi!.request('GET', '/api/v1/review/settings')).json()).toMatchObject({ divergenceThreshold: 10, version: 1 });

    // An application reviewed under the new rules.
    const { id, version: v } = await receivedApplication(
      { city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! },
      { code: '330100', applicant: '杭州市人民政府', title: '规则测试' },
    );
    const members = ['exp-bj', 'exp-hrb', 'exp-wh'].map((u) => experts.get(u)!);
    const panel = await c.guihuasi!.request('POST', `/api/v1/applications/${id}/panel`, { version: v, deadline: new Date(Date.now() + 86400_000 * 5).toISOString(), members, backups: [] });
    const panelId = panel.json().panelId;
    for (const [u, score] of [['exp-bj', 90], ['exp-hrb', 78], ['exp-wh', 84]] as const) {
      await c[u]!.request('POST', `/api/v1/review/assignments/${panelId}/declare`, { noConflict: true });
      const res = await c[u]!.request('POST', `/api/v1/review/assignments/${panelId}/scores`, { scores: { compliance: score, plan_quality: score }, opinion: 'recommend', comments: '同意。' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const overview = (await c.guihuasi!.request('GET', `/api/v1/applications/${id}/review`)).json();
    expect(overview.panel.rubric.id).toBe('two-criteria');
    expect(overview.aggregate.divergence.threshold).toBe(10);
    expect(overview.aggregate.divergence.totalDivergent).toBe(true); // spread 12 > 10

    // Scores to Excel, per application and per expert.
    const appXlsx = await c.zhuangbeisi!.request('GET', `/api/v1/applications/${id}/scores.xlsx`);
    expect(appXlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(appXlsx.rawPayload as never);
    const ws = wb.getWorksheet('专家评分')!;
    expect(ws.rowCount).toBe(2 + 3);
    expect(String(ws.getRow(2).getCell(4).value)).toContain('合规性');
    expect((await c.hangzhou!.request('GET', `/api/v1/applications/${id}/scores.xlsx`)).statusCode).toBe(403);

    const expXlsx = await c.guihuasi!.request('GET', `/api/v1/experts/${experts.get('exp-bj')}/scores.xlsx`);
    expect(expXlsx.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(expXlsx.rawPayload as never);
    expect(wb2.getWorksheet('评分记录')!.getRow(2).getCell(5).value).toBe(90);
    expect((await c.zhuangbeisi!.request('GET', `/api/v1/experts/${experts.get('exp-bj')}/scores.xlsx`)).statusCode).toBe(403);
    expect((await c.guihuasi!.request('GET', '/api/v1/experts/00000000-0000-4000-8000-000000000000/scores.xlsx')).statusCode).toBe(404);
  });
});
