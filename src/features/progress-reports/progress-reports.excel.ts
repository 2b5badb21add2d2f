/**
 * The progress report as an Excel workbook (进度报告填报模板): generated for one pilot, period and
 * contract version, and read back with every problem reported by row and column. No I/O besides the
 * buffers handed in and out; the service decides what a good file changes.
 *
 * The template has two sheets:
 * - 进度报告: a title, then the indicator block (序号, 指标编号, 指标, 单位, 本期要求值, 实际值, 数据来源,
 *   备注) and, under the heading 任务进展, the task block (序号, 任务, 责任单位, 完成时限, 进展状态,
 *   进展情况). Only the white cells are unlocked; the sheet is protected so the rest stays as issued.
 * - 模板标识 (very hidden, protected): the marker — a fixed tag, the pilot id, the period and the
 *   contract version — so a file made for another pilot, period or contract is refused.
 *
 * Reading is strict, because a figure in a report becomes an official record: formulas (their cached
 * results may be stale or hand-typed), extra sheets, merged cells in the data area, text where a number
 * belongs, unknown or repeated rows, and files past the row limit are all errors, and any error refuses
 * the whole file.
 */
import { checkZipExpansion } from '../../shared/files/zip-guard.js';
import ExcelJS from 'exceljs';
import { TASK_STATUSES, type ImportRowError, type TaskStatus } from './progress-reports.contract.js';

export const DATA_SHEET = '进度报告';
export const META_SHEET = '模板标识';
export const TEMPLATE_TAG = 'mic2025-progress-report';
export const TASK_SECTION = '任务进展';
/** Rows a file may have at most (a national-scale report has a few hundred). */
export const IMPORT_MAX_ROWS = 5000;
/** Bytes the workbook may unpack to: a small file that inflates to gigabytes is refused before it is opened. */
export const IMPORT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const PROTECT_PASSWORD = 'mic2025';

export const TASK_STATUS_LABELS: Record<TaskStatus, { zh: string; en: string }> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  delayed: { zh: '滞后', en: 'Delayed' },
};

const IND_COLS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'targetId', header: '指标编号', width: 22 },
  { key: 'indicator', header: '指标', width: 44 },
  { key: 'unit', header: '单位', width: 10 },
  { key: 'required', header: '本期要求值', width: 14 },
  { key: 'actual', header: '实际值', width: 14 },
  { key: 'dataSource', header: '数据来源', width: 30 },
  { key: 'note', header: '备注', width: 30 },
] as const;
const TASK_COLS = ['序号', '任务', '责任单位', '完成时限', '进展状态', '进展情况'] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

export interface TemplateData {
  pilotId: string;
  pilotName: string;
  period: string;
  periodText: string;
  contractVersion: number;
  indicators: { targetId: string; indicator: string; unit: string | null; required: number | null; actual: number | null; dataSource: string; note: string }[];
  tasks: { taskIndex: number; task: string; responsibleUnit: string; deadline: string; status: TaskStatus; narrative: string }[];
}

function unlock(cell: ExcelJS.Cell) {
  cell.protection = { locked: false };
}

/** The workbook to fill in, prefilled with what the report holds now. */
export async function reportTemplateXlsx(d: TemplateData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '“中国制造2025”城市试点示范工作平台';
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.columns = IND_COLS.map((c) => ({ width: c.width }));
  ws.getCell('A1').value = `${d.pilotName} ${d.periodText}进度报告`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = '请只填写白色单元格（实际值、数据来源、备注、进展状态、进展情况），实际值请填数字、不要使用公式；请勿增删工作表、合并单元格或修改指标编号。';
  const header = ws.getRow(3);
  header.values = IND_COLS.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  let r = 4;
  d.indicators.forEach((ind, i) => {
    const row = ws.getRow(r++);
    row.values = [i + 1, ind.targetId, ind.indicator, ind.unit ?? '', ind.required ?? '', ind.actual ?? null, ind.dataSource, ind.note];
    for (let c = 1; c <= 5; c++) row.getCell(c).fill = LOCKED_FILL;
    for (let c = 6; c <= 8; c++) unlock(row.getCell(c));
    row.getCell(6).numFmt = '0.####';
  });
  r++;
  ws.getCell(r, 1).value = TASK_SECTION;
  ws.getCell(r, 1).font = { bold: true };
  r++;
  const th = ws.getRow(r++);
  th.values = [...TASK_COLS];
  th.font = { bold: true };
  th.eachCell((c) => (c.fill = HEADER_FILL));
  const labels = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].zh);
  for (const t of d.tasks) {
    const row = ws.getRow(r++);
    row.values = [t.taskIndex + 1, t.task, t.responsibleUnit, t.deadline, TASK_STATUS_LABELS[t.status].zh, t.narrative];
    for (let c = 1; c <= 4; c++) row.getCell(c).fill = LOCKED_FILL;
    unlock(row.getCell(5));
    unlock(row.getCell(6));
    row.getCell(5).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${labels.join(',')}"`] };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  await ws.protect(PROTECT_PASSWORD, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell('A1').value = TEMPLATE_TAG;
  meta.getCell('A2').value = d.pilotId;
  meta.getCell('A3').value = d.period;
  meta.getCell('A4').value = d.contractVersion;
  await meta.protect(PROTECT_PASSWORD, {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- reading ------------------------------------------------------------------------------------

export interface ImportExpectation {
  pilotId: string;
  period: string;
  contractVersion: number;
  targetIds: readonly string[];
  taskCount: number;
}

export interface ImportedReport {
  values: { targetId: string; actual: number | null; dataSource: string; note: string }[];
  tasks: { taskIndex: number; status: TaskStatus; narrative: string }[];
}

export type ReadReportResult = { ok: true; report: ImportedReport } | { ok: false; errors: ImportRowError[] };

type Msg = { zh: string; en: string };

function letter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  return cell.type === ExcelJS.ValueType.Formula || (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v));
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim();
  return String(cell.text ?? '').trim();
}

type NumberRead = { ok: true; value: number | null } | { ok: false };

function cellNumber(cell: ExcelJS.Cell): NumberRead {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === '') return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  if (typeof v === 'string' || (typeof v === 'object' && 'richText' in v)) {
    const s = cellText(cell).replace(/[,，\s]/g, '');
    if (s === '') return { ok: true, value: null };
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return { ok: false };
    return { ok: true, value: Number(s) };
  }
  return { ok: false };
}

function statusOf(text: string): TaskStatus | null {
  if (text === '') return 'not_started';
  for (const s of TASK_STATUSES) {
    const l = TASK_STATUS_LABELS[s];
    if (text === s || text === l.zh || text.toLowerCase() === l.en.toLowerCase()) return s;
  }
  return null;
}

/** The merged ranges of a sheet as [top, left, bottom, right]. */
function mergesOf(ws: ExcelJS.Worksheet): { range: string; top: number }[] {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.map((range) => {
    const m = /^[A-Z]+(\d+)/.exec(range);
    return { range, top: m ? Number(m[1]) : 0 };
  });
}

/**
 * The total unpacked size the zip's central directory declares, or null when the directory cannot be
 * read; a ZIP64 size (0xFFFFFFFF) counts as infinite. Read before opening, so nothing is inflated.
 */
export function declaredUnpackedSize(buf: Buffer): number | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    total += size === 0xffffffff ? Infinity : size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

function expandsTooFar(buf: Buffer): boolean {
  const zip = checkZipExpansion(buf, IMPORT_MAX_UNPACKED_BYTES);
  return !zip.ok && zip.reason !== 'NOT_A_ZIP';
}

/** Reads and checks an uploaded workbook against what the report expects. */
export async function readReportXlsx(buf: Buffer, expect: ImportExpectation): Promise<ReadReportResult> {
  const errors: ImportRowError[] = [];
  const fileError = (code: string, message: Msg, row = 0) => errors.push({ row, column: '', field: '', code, message });
  const unpacked = declaredUnpackedSize(buf);
  // The declared sizes first, then what the parts really inflate to (headers can lie).
  if ((unpacked !== null && unpacked > IMPORT_MAX_UNPACKED_BYTES) || expandsTooFar(buf)) {
    fileError('TOO_LARGE_UNPACKED', { zh: '文件解压后过大，请使用下载的模板', en: 'The file unpacks to more than is accepted; use the downloaded template' });
    return { ok: false, errors };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    fileError('NOT_A_WORKBOOK', { zh: '文件无法作为 Excel 工作簿打开', en: 'The file cannot be opened as an Excel workbook' });
    return { ok: false, errors };
  }

  const ws = wb.getWorksheet(DATA_SHEET);
  const meta = wb.getWorksheet(META_SHEET);
  for (const s of wb.worksheets) {
    if (s.name !== DATA_SHEET && s.name !== META_SHEET) {
      fileError('EXTRA_SHEET', { zh: `文件含有模板以外的工作表“${s.name}”，请使用下载的模板，不要增加工作表`, en: `The file has a sheet “${s.name}” that is not in the template` });
    }
  }
  if (!ws || !meta || cellText(meta.getCell('A1')) !== TEMPLATE_TAG) {
    fileError('NOT_A_TEMPLATE', { zh: '文件不是本平台生成的进度报告模板，请先下载模板再填写', en: 'The file is not a progress-report template from this platform' });
    return { ok: false, errors };
  }
  if (cellText(meta.getCell('A2')) !== expect.pilotId) {
    fileError('WRONG_PILOT', { zh: '该模板属于另一个试点城市', en: 'The template belongs to another pilot' });
  }
  if (cellText(meta.getCell('A3')) !== expect.period) {
    fileError('WRONG_PERIOD', { zh: `该模板属于报告期 ${cellText(meta.getCell('A3'))}，不是 ${expect.period}`, en: `The template is for period ${cellText(meta.getCell('A3'))}, not ${expect.period}` });
  }
  if (cellText(meta.getCell('A4')) !== String(expect.contractVersion)) {
    fileError('WRONG_CONTRACT_VERSION', {
      zh: '目标考核清单已调整，该模板已过期，请重新下载模板',
      en: 'The target contract has changed since this template was made; download it again',
    });
  }
  if (ws.rowCount > IMPORT_MAX_ROWS) {
    fileError('TOO_MANY_ROWS', { zh: `文件超过 ${IMPORT_MAX_ROWS} 行，请使用下载的模板`, en: `The file has more than ${IMPORT_MAX_ROWS} rows` });
  }
  if (errors.length > 0) return { ok: false, errors };

  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    if (cellText(ws.getCell(r, 2)) === '指标编号') {
      headerRow = r;
      break;
    }
  }
  if (headerRow === 0) {
    fileError('NOT_A_TEMPLATE', { zh: '找不到指标表头（指标编号），请勿修改模板的表头', en: 'The indicator header (指标编号) is missing' });
    return { ok: false, errors };
  }
  for (const m of mergesOf(ws)) {
    if (m.top >= headerRow) {
      errors.push({ row: m.top, column: m.range, field: '', code: 'MERGED_CELLS', message: { zh: `数据区域不能合并单元格（${m.range}）`, en: `Cells may not be merged in the data area (${m.range})` } });
    }
  }

  const cellError = (row: number, col: number, field: string, code: string, message: Msg) => errors.push({ row, column: letter(col), field, code, message });
  const known = new Set(expect.targetIds);
  const seenTargets = new Set<string>();
  const seenTasks = new Set<number>();
  const out: ImportedReport = { values: [], tasks: [] };
  let section: 'indicators' | 'taskHeader' | 'tasks' = 'indicators';

  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const width = Math.max(8, row.cellCount);
    let empty = true;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (isFormula(cell)) {
        cellError(r, c, '', 'FORMULA', { zh: '不能使用公式，请直接填写数值或文字', en: 'Formulas are not accepted: type the value' });
        empty = false;
      } else if (cellText(cell) !== '') empty = false;
    }
    if (empty) continue;
    const first = cellText(row.getCell(1));
    if (section === 'indicators' && first === TASK_SECTION) {
      section = 'taskHeader';
      continue;
    }
    if (section === 'taskHeader') {
      section = 'tasks';
      if (cellText(row.getCell(2)) === TASK_COLS[1]) continue;
    }
    if (section === 'indicators') {
      const targetId = cellText(row.getCell(2));
      if (!known.has(targetId)) {
        cellError(r, 2, '指标编号', 'UNKNOWN_TARGET', { zh: `指标编号“${targetId}”不在现行目标考核清单中`, en: `Indicator “${targetId}” is not in the contract in force` });
        continue;
      }
      if (seenTargets.has(targetId)) {
        cellError(r, 2, '指标编号', 'DUPLICATE_ROW', { zh: `指标“${targetId}”重复出现`, en: `Indicator “${targetId}” appears twice` });
        continue;
      }
      seenTargets.add(targetId);
      const actualCell = row.getCell(6);
      const actual = isFormula(actualCell) ? { ok: true as const, value: null } : cellNumber(actualCell);
      if (!actual.ok) cellError(r, 6, '实际值', 'NOT_A_NUMBER', { zh: `实际值须为数字，而不是“${cellText(actualCell)}”`, en: `The actual value must be a number, not “${cellText(actualCell)}”` });
      const dataSource = cellText(row.getCell(7));
      const note = cellText(row.getCell(8));
      if (dataSource.length > 500) cellError(r, 7, '数据来源', 'TOO_LONG', { zh: '数据来源不能超过500字', en: 'The data source is longer than 500 characters' });
      if (note.length > 2000) cellError(r, 8, '备注', 'TOO_LONG', { zh: '备注不能超过2000字', en: 'The note is longer than 2000 characters' });
      if (actual.ok) out.values.push({ targetId, actual: actual.value, dataSource, note });
      continue;
    }
    // tasks
    const no = cellNumber(row.getCell(1));
    const index = no.ok && no.value !== null && Number.isInteger(no.value) ? no.value - 1 : -1;
    if (index < 0 || index >= expect.taskCount) {
      cellError(r, 1, '序号', 'UNKNOWN_TASK', { zh: `任务序号“${cellText(row.getCell(1))}”不在任务分工中`, en: `Task number “${cellText(row.getCell(1))}” is not in the task division` });
      continue;
    }
    if (seenTasks.has(index)) {
      cellError(r, 1, '序号', 'DUPLICATE_ROW', { zh: `任务 ${index + 1} 重复出现`, en: `Task ${index + 1} appears twice` });
      continue;
    }
    seenTasks.add(index);
    const statusText = cellText(row.getCell(5));
    const status = statusOf(statusText);
    if (!status) {
      cellError(r, 5, '进展状态', 'BAD_STATUS', {
        zh: `进展状态须为 ${TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].zh).join('、')} 之一，而不是“${statusText}”`,
        en: `The status must be one of ${TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s].en).join(', ')}, not “${statusText}”`,
      });
    }
    const narrative = cellText(row.getCell(6));
    if (narrative.length > 4000) cellError(r, 6, '进展情况', 'TOO_LONG', { zh: '进展情况不能超过4000字', en: 'The narrative is longer than 4000 characters' });
    if (status) out.tasks.push({ taskIndex: index, status, narrative });
  }

  for (const id of expect.targetIds) {
    if (!seenTargets.has(id)) {
      errors.push({ row: 0, column: 'B', field: '指标编号', code: 'MISSING_ROW', message: { zh: `缺少指标“${id}”所在的行`, en: `The row of indicator “${id}” is missing` } });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, report: out };
}
