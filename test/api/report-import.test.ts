/**
 * The Excel template and import of a progress report, on both databases: a good file saves every row;
 * any bad row refuses the whole file with row-level errors (row, column, code, zh/en message) and
 * saves nothing. Refused: another pilot's or period's template, wrong types, formulas, extra sheets,
 * merged cells in the data area, a huge file (bytes and rows), a file that is not .xlsx by its bytes.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { getApplication } from '../../src/features/applications/public.js';
import { createPilotForApproval } from '../../src/features/pilots/public.js';
import { manualClock } from '../../src/kernel/clock.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const TARGETS = makeCompletePlan().targets;
const TASKS = makeCompletePlan().taskDivision;

function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025import';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Row of an indicator in the template's data sheet (header on row 3). */
function indicatorRow(ws: ExcelJS.Worksheet, targetId: string): number {
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === targetId) return r;
  throw new Error(`no row for ${targetId}`);
}

function taskRow(ws: ExcelJS.Worksheet, taskNo: number): number {
  let section = false;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === '任务进展') section = true;
    else if (section && ws.getCell(r, 1).value === taskNo) return r;
  }
  throw new Error(`no row for task ${taskNo}`);
}

/** Fills every indicator with a number and a source, and every task with a status. */
function fill(ws: ExcelJS.Worksheet) {
  TARGETS.forEach((t, i) => {
    const r = indicatorRow(ws, t.id);
    ws.getCell(r, 6).value = 100 + i;
    ws.getCell(r, 7).value = '市统计局';
  });
  TASKS.forEach((_t, i) => {
    const r = taskRow(ws, i + 1);
    ws.getCell(r, 5).value = '进行中';
    ws.getCell(r, 6).value = `任务${i + 1}进展`;
  });
}

describe.each(dbKinds())('progress report import on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(new Date('2018-01-20T02:00:00Z'));
  const c: Record<string, Client> = {};
  let pilotId: string;
  let report2017: string;
  let report2018: string;
  let template: Buffer;

  beforeAll(async () => {
    t = await makeTestApp(kind, { MAX_UPLOAD_BYTES: String(1024 * 1024) }, { clock });
    await seedAccounts(t.database.db);
    for (const u of ['hangzhou', 'wuhan', 'zhejiang', 'guihuasi']) c[u] = await login(t.app, u, PASSWORD);
    const app = await receivedApplication({ city: c.hangzhou!, province: c.zhejiang!, ministry: c.guihuasi! }, { code: '330100', applicant: '杭州市人民政府', title: '杭州市实施方案' });
    const db = t.database.db;
    const [approver] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'guihuasi'));
    pilotId = await createPilotForApproval(db, { application: (await getApplication(db, app.id))!, documentNo: '工信部规函〔2016〕811号', approvalDate: '2016-09-01', approvedBy: approver!.id });
    const items = (await c.hangzhou!.request('GET', `/api/v1/pilots/${pilotId}/reports`)).json().items as { id: string; period: string }[];
    report2017 = items.find((i) => i.period === '2017')!.id;
    report2018 = items.find((i) => i.period === '2018')!.id;
    template = (await c.hangzhou!.request('GET', `/api/v1/reports/${report2017}/template.xlsx`)).rawPayload;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (who: string, id: string, filename: string, buf: Buffer) => {
    const m = multipart(filename, buf);
    return c[who]!.request('POST', `/api/v1/reports/${id}/import`, m.body, m.headers);
  };
  const state = async () => {
    const r = (await c.hangzhou!.request('GET', `/api/v1/reports/${report2017}`)).json();
    return { version: r.version as number, actuals: (r.values as { actual: number | null }[]).map((v) => v.actual), tasks: (r.tasks as { status: string }[]).map((x) => x.status) };
  };
  /** A filled template changed by `edit`, uploaded; expects a 422 and that nothing changed. */
  async function refused(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void | Promise<void>, from: Buffer = template) {
    const before = await state();
    const wb = await load(from);
    const ws = wb.getWorksheet('进度报告')!;
    fill(ws);
    await edit(wb, ws);
    const res = await upload('hangzhou', report2017, '进度报告.xlsx', await save(wb));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await state()).toEqual(before);
    return res.json().error.details.rows as { row: number; column: string; field: string; code: string; message: { zh: string; en: string } }[];
  }

  it('generates the template for this pilot, period and contract: a hidden, protected marker, indicators with the required value, then tasks', async () => {
    const wb = await load(template);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['进度报告', '模板标识']);
    const meta = wb.getWorksheet('模板标识')!;
    expect(meta.state).toBe('veryHidden');
    expect([meta.getCell('A1').value, meta.getCell('A2').value, meta.getCell('A3').value, meta.getCell('A4').value]).toEqual(['mic2025-progress-report', pilotId, '2017', 1]);
    const ws = wb.getWorksheet('进度报告')!;
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '指标编号', '指标', '单位', '本期要求值', '实际值', '数据来源', '备注']);
    const r = indicatorRow(ws, 't-innovation-rd');
    expect(ws.getCell(r, 5).value).toBe(1.4);
    expect(ws.getCell(r, 6).protection?.locked).toBe(false);
    expect(taskRow(ws, TASKS.length)).toBeGreaterThan(r);
  });

  it('imports a good file: every figure and task status saved, and the import in the history', async () => {
    const wb = await load(template);
    fill(wb.getWorksheet('进度报告')!);
    const ws = wb.getWorksheet('进度报告')!;
    ws.getCell(indicatorRow(ws, 't-innovation-rd'), 6).value = '1,45'.replace(',', '.'); // a number typed as text
    const res = await upload('hangzhou', report2017, '进度报告.xlsx', await save(wb));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.values.find((v: { targetId: string }) => v.targetId === 't-innovation-rd')).toMatchObject({ actual: 1.45, dataSource: '市统计局' });
    expect(r.values.every((v: { actual: number | null }) => v.actual !== null)).toBe(true);
    expect(r.tasks.every((x: { status: string }) => x.status === 'in_progress')).toBe(true);
    expect(r.tasks[0].narrative).toBe('任务1进展');
    expect(r.history.at(-1)).toMatchObject({ action: 'report.import' });
  });

  it('refuses wrong types with the row, column and both languages, and saves nothing', async () => {
    const rows = await refused((_wb, ws) => {
      ws.getCell(indicatorRow(ws, 't-innovation-rd'), 6).value = '约两个百分点';
      ws.getCell(indicatorRow(ws, 't-innovation-centres'), 6).value = true;
      ws.getCell(taskRow(ws, 2), 5).value = '差不多了';
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'NOT_A_NUMBER', column: 'F', field: '实际值' }),
        expect.objectContaining({ code: 'BAD_STATUS', column: 'E', field: '进展状态' }),
      ]),
    );
    expect(rows.filter((e) => e.code === 'NOT_A_NUMBER')).toHaveLength(2);
    const first = rows.find((e) => e.code === 'NOT_A_NUMBER')!;
    expect(first.row).toBeGreaterThan(3);
    expect(first.message.zh).toContain('约两个百分点');
    expect(first.message.en).toContain('number');
  });

  it('refuses formulas in value cells', async () => {
    const rows = await refused((_wb, ws) => {
      const r = indicatorRow(ws, 't-innovation-rd');
      ws.getCell(r, 6).value = { formula: 'E5*1.1', result: 1.54 };
    });
    expect(rows).toEqual([expect.objectContaining({ code: 'FORMULA', column: 'F' })]);
  });

  it('refuses extra sheets', async () => {
    const rows = await refused((wb) => {
      wb.addWorksheet('草稿').getCell('A1').value = '随手记';
    });
    expect(rows.map((e) => e.code)).toEqual(['EXTRA_SHEET']);
    expect(rows[0]!.row).toBe(0);
  });

  it('refuses merged cells in the data area', async () => {
    const rows = await refused((_wb, ws) => {
      const r = indicatorRow(ws, 't-innovation-rd');
      ws.mergeCells(r, 7, r, 8);
    });
    expect(rows.map((e) => e.code)).toContain('MERGED_CELLS');
  });

  it('refuses another pilot’s template, another period’s and an outdated contract’s', async () => {
    const pilot = await refused((wb) => {
      wb.getWorksheet('模板标识')!.getCell('A2').value = '00000000-0000-4000-8000-000000000000';
    });
    expect(pilot.map((e) => e.code)).toEqual(['WRONG_PILOT']);
    const other = (await c.hangzhou!.request('GET', `/api/v1/reports/${report2018}/template.xlsx`)).rawPayload;
    const period = await refused(() => undefined, other);
    expect(period.map((e) => e.code)).toEqual(['WRONG_PERIOD']);
    const contract = await refused((wb) => {
      wb.getWorksheet('模板标识')!.getCell('A4').value = 2;
    });
    expect(contract.map((e) => e.code)).toEqual(['WRONG_CONTRACT_VERSION']);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('进度报告').getCell('A1').value = 'x';
    const res = await upload('hangzhou', report2017, 'mine.xlsx', await save(plain));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows.map((e: { code: string }) => e.code)).toEqual(['NOT_A_TEMPLATE']);
  });

  it('refuses unknown, repeated and missing indicator rows', async () => {
    const rows = await refused((_wb, ws) => {
      ws.getCell(indicatorRow(ws, 't-innovation-rd'), 2).value = 't-made-up';
      const r = indicatorRow(ws, 't-innovation-centres');
      ws.getCell(r + 1, 2).value = 't-innovation-centres';
    });
    const codes = rows.map((e) => e.code);
    expect(codes).toContain('UNKNOWN_TARGET');
    expect(codes).toContain('DUPLICATE_ROW');
    expect(codes).toContain('MISSING_ROW');
  });

  it('refuses a huge file: past the byte limit (413) and past the row limit (422)', async () => {
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml'), Buffer.alloc(1024 * 1024 + 10, 0x41)]);
    const res = await upload('hangzhou', report2017, 'huge.xlsx', big);
    expect(res.statusCode).toBe(413);
    const rows = await refused((_wb, ws) => {
      for (let r = 0; r < 5001; r++) ws.getCell(ws.rowCount + 1, 3).value = '';
      ws.getCell(6000, 3).value = 'end';
    });
    expect(rows.map((e) => e.code)).toEqual(['TOO_MANY_ROWS']);
  });

  it('refuses a small file that declares a huge unpacked size, before opening it', async () => {
    // A local header naming xl/ (so the bytes say .xlsx), then a central directory entry claiming 4 GB.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(0xfffffff0, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    const bomb = Buffer.concat([local, name, central, name, eocd]);
    const before = await state();
    const res = await upload('hangzhou', report2017, 'bomb.xlsx', bomb);
    // The one upload check every route runs (checkUpload) refuses it as every other upload route does.
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('FILE_UNPACKS_TOO_LARGE');
    expect(await state()).toEqual(before);
  });

  it('refuses a file that is not .xlsx by its bytes', async () => {
    const before = await state();
    const pdfAsXlsx = await upload('hangzhou', report2017, 'report.xlsx', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdfAsXlsx.statusCode).toBe(415);
    expect(pdfAsXlsx.json().error.code).toBe('FILE_TYPE_MISMATCH');
    const csv = await upload('hangzhou', report2017, 'report.csv', Buffer.from('a,b\n1,2\n'));
    expect(csv.statusCode).toBe(415);
    const pdf = await upload('hangzhou', report2017, 'report.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await state()).toEqual(before);
  });

  it('refuses the signed-out, the wrong role, another city and a report that cannot be edited', async () => {
    const m = multipart('进度报告.xlsx', template);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${report2017}/import`, payload: m.body, headers: m.headers })).statusCode).toBe(401);
    expect((await upload('zhejiang', report2017, '进度报告.xlsx', template)).statusCode).toBe(403);
    expect((await upload('wuhan', report2017, '进度报告.xlsx', template)).statusCode).toBe(404);
    const notMultipart = await c.hangzhou!.request('POST', `/api/v1/reports/${report2017}/import`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    // Submitted: the import is refused as a wrong-status action.
    const v = (await state()).version;
    expect((await c.hangzhou!.request('POST', `/api/v1/reports/${report2017}/submit`, { version: v })).statusCode).toBe(200);
    const wb = await load(template);
    fill(wb.getWorksheet('进度报告')!);
    const res = await upload('hangzhou', report2017, '进度报告.xlsx', await save(wb));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_INVALID_TRANSITION');
  });
});
