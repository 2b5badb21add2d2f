/**
 * 专家库.xlsx: the export (sheet 专家库 with Chinese headers, then 填写说明), the empty template
 * (the same two sheets, no experts) and reading an uploaded workbook into rows for expert-rows.ts.
 * No I/O besides the buffers handed in and out.
 */
import ExcelJS from 'exceljs';
import { EXPERT_LIMITS as L, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, RELATION_KIND_LABELS, RELATION_KINDS } from './expert-labels.js';
import { EXPERT_COLUMNS, EXPERT_SHEET, expertToCells, HELP_SHEET, mapHeaders, type ExpertForRow, type RawRow, type RowError } from './expert-rows.js';

const CREATOR = '“中国制造2025”城市试点示范工作平台';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D0C8' } };
/** Rows below the data that still carry the drop-down lists, so people can add experts in the sheet. */
const SPARE_ROWS = 500;

function letter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type RangeValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

function addExpertSheet(wb: ExcelJS.Workbook, experts: readonly ExpertForRow[]) {
  const ws = wb.addWorksheet(EXPERT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPERT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.addRow(EXPERT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell, col) => {
    const spec = EXPERT_COLUMNS[col - 1];
    cell.fill = spec?.required ? REQUIRED_FILL : HEADER_FILL;
    if (spec) cell.note = `${spec.required ? '【必填】' : '【选填】'}${spec.help}`;
  });
  for (const e of experts) {
    const cells = expertToCells(e);
    const row = ws.addRow(EXPERT_COLUMNS.map((c) => cells[c.key]));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  // Drop-down lists and number limits for the typed columns (Excel and WPS show them).
  const last = Math.max(experts.length + 1, 1) + SPARE_ROWS;
  const col = (key: string) => letter(EXPERT_COLUMNS.findIndex((c) => c.key === key));
  const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  validations.add(`${col('organisationType')}2:${col('organisationType')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${ORGANISATION_TYPES.map((t) => ORGANISATION_TYPE_LABELS[t].zh).join(',')}"`],
  });
  validations.add(`${col('available')}2:${col('available')}${last}`, { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
  validations.add(`${col('loadCap')}2:${col('loadCap')}${last}`, {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [L.loadCapMin, L.loadCapMax],
    showErrorMessage: true,
    errorTitle: '评审上限',
    error: `请输入 ${L.loadCapMin}–${L.loadCapMax} 的整数`,
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPERT_COLUMNS.length } };
}

function addHelpSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.columns = [{ width: 14 }, { width: 10 }, { width: 80 }, { width: 40 }];
  const title = ws.addRow(['专家库导入填写说明']);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 4);
  ws.addRow([
    `请在工作表“${EXPERT_SHEET}”中每行填写一位专家，第 1 行为列名，请勿修改。导入时逐行检查，任何一行有问题则整份文件不导入，并列出问题所在的行和列；修改后重新导入即可。一次最多导入 ${L.importRowsMax} 位专家。`,
  ]).alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(2, 1, 2, 4);
  ws.getRow(2).height = 48;
  ws.addRow([]);
  const head = ws.addRow(['列名', '是否必填', '填写说明', '示例']);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const c of EXPERT_COLUMNS) {
    const row = ws.addRow([c.header, c.required ? '必填' : '选填', c.help, c.example]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (c.required) row.getCell(2).font = { bold: true, color: { argb: 'FFC00000' } };
  }
  ws.addRow([]);
  const t1 = ws.addRow(['单位类型', '', '可填写的值']);
  t1.font = { bold: true };
  for (const t of ORGANISATION_TYPES) ws.addRow([ORGANISATION_TYPE_LABELS[t].zh, '', ORGANISATION_TYPE_LABELS[t].en]);
  ws.addRow([]);
  const t2 = ws.addRow(['关联关系类别', '', '可填写的值（用于利益冲突回避）']);
  t2.font = { bold: true };
  for (const k of RELATION_KINDS) ws.addRow([RELATION_KIND_LABELS[k].zh, '', RELATION_KIND_LABELS[k].en]);
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.created = new Date();
  return wb;
}

/** The pool as a workbook: sheet 专家库 with one row per expert, then 填写说明. */
export async function expertsToXlsx(experts: readonly ExpertForRow[]): Promise<Buffer> {
  const wb = newWorkbook();
  addExpertSheet(wb, experts);
  addHelpSheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The empty template to fill in: the same sheets without experts. */
export async function expertTemplateXlsx(): Promise<Buffer> {
  return expertsToXlsx([]);
}

/** A cell as the text people see (numbers as typed, hyperlinks and rich text as their text). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) {
      const text = (v as { text?: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text) return (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
      return String(v.hyperlink).replace(/^mailto:/i, '');
    }
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      return r === undefined || r === null || typeof r === 'object' ? '' : String(r);
    }
    if ('error' in v) return '';
  }
  return cell.text ?? '';
}

export type ReadResult = { ok: true; rows: RawRow[]; errors: RowError[] } | { ok: false };

/**
 * Reads sheet 专家库 (or, failing that, the first sheet other than 填写说明). `ok: false` when the
 * bytes are not a workbook ExcelJS can open; header problems come back as row errors.
 */
export async function readExpertsXlsx(buf: Buffer): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { ok: false };
  }
  const ws = wb.getWorksheet(EXPERT_SHEET) ?? wb.worksheets.find((s) => s.name !== HELP_SHEET);
  if (!ws) {
    return { ok: true, rows: [], errors: [{ row: 1, column: '', message: { zh: `文件中没有工作表“${EXPERT_SHEET}”`, en: `The file has no sheet “${EXPERT_SHEET}”` } }] };
  }
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= Math.max(headerRow.cellCount, ws.columnCount); c++) headers[c - 1] = cellText(headerRow.getCell(c)).trim();
  const { columns, errors } = mapHeaders(headers, 1);
  if (errors.length > 0) return { ok: true, rows: [], errors };
  const rows: RawRow[] = [];
  // Only rows that exist in the file; past the limit the parser reports it, so stop reading there.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1 || rows.length > L.importRowsMax) return;
    const cells: RawRow['cells'] = {};
    for (const [index, key] of columns) cells[key] = cellText(row.getCell(index + 1));
    rows.push({ row: r, cells });
  });
  return { ok: true, rows, errors: [] };
}
