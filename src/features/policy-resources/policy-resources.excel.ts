/**
 * 政策资源支持情况.xlsx: the records in scope (one sheet) and the totals by pilot, province and
 * programme (one sheet each). Amounts in 万元 as numbers, so the sheet sums them itself.
 */
import ExcelJS from 'exceljs';
import type { PolicyResource, ResourceTotals } from './policy-resources.contract.js';

const CREATOR = '“中国制造2025”城市试点示范工作平台';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };
const AMOUNT_FORMAT = '#,##0.00';

export const RECORDS_SHEET = '支持记录';
export const TOTALS_SHEETS = { pilot: '按试点汇总', province: '按省份汇总', programme: '按政策汇总' } as const;

const RECORD_COLUMNS: { header: string; width: number; cell: (r: PolicyResource) => string | number }[] = [
  { header: '试点城市', width: 22, cell: (r) => r.pilotName },
  { header: '年度', width: 8, cell: (r) => r.year },
  { header: '支持政策', width: 16, cell: (r) => r.programmeLabel.zh },
  { header: '金额（万元）', width: 14, cell: (r) => r.amount },
  { header: '支持司局', width: 16, cell: (r) => r.department },
  { header: '项目名称', width: 32, cell: (r) => r.project },
  { header: '拟推动指标', width: 36, cell: (r) => r.targets.map((t) => t.indicator).join('；') },
  { header: '备注', width: 30, cell: (r) => r.note },
  { header: '登记时间', width: 20, cell: (r) => r.createdAt.slice(0, 10) },
];

function header(ws: ExcelJS.Worksheet, titles: string[]) {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

export async function resourcesWorkbook(data: {
  records: readonly PolicyResource[];
  total: { amount: number; count: number };
  totals: Record<keyof typeof TOTALS_SHEETS, ResourceTotals>;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  const ws = wb.addWorksheet(RECORDS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = RECORD_COLUMNS.map((c) => ({ width: c.width }));
  header(ws, RECORD_COLUMNS.map((c) => c.header));
  for (const r of data.records) {
    const row = ws.addRow(RECORD_COLUMNS.map((c) => c.cell(r)));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const totalRow = ws.addRow(['合计', '', '', data.total.amount]);
  totalRow.font = { bold: true };
  ws.getColumn(4).numFmt = AMOUNT_FORMAT;

  const firstColumn = { pilot: '试点城市', province: '省级主管部门', programme: '支持政策' } as const;
  for (const by of ['pilot', 'province', 'programme'] as const) {
    const t = data.totals[by];
    const sheet = wb.addWorksheet(TOTALS_SHEETS[by], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [{ width: 28 }, { width: 16 }, { width: 10 }];
    header(sheet, [firstColumn[by], '金额（万元）', '项数']);
    for (const r of t.rows) sheet.addRow([r.label.zh, r.amount, r.count]);
    const last = sheet.addRow(['合计', t.total.amount, t.total.count]);
    last.font = { bold: true };
    sheet.getColumn(2).numFmt = AMOUNT_FORMAT;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
