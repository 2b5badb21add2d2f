/**
 * The audit log as 审计日志.xlsx or .csv: one row per record, oldest first, with its position, hash and
 * the previous hash, so the chain can be checked outside the platform too. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) is written with a leading apostrophe.
 */
import ExcelJS from 'exceljs';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, type AuditAction, type AuditOutcome } from '../../shared/audit/audit-events.js';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/roles/roles.js';
import type { ChainedRecord } from './audit-chain.js';

const CREATOR = '“中国制造2025”城市试点示范工作平台';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };

/** China time, as the auditors read it: 2026-12-01 16:00:05.123. */
function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
}

const roleLabel = (r: string | null) => (r && (ROLES as readonly string[]).includes(r) ? ROLE_LABELS[r as Role].zh : (r ?? ''));

const COLUMNS: { header: string; width: number; cell: (r: ChainedRecord) => string | number }[] = [
  { header: '序号 Seq', width: 8, cell: (r) => r.seq },
  { header: '时间（北京时间）Time (UTC+8)', width: 24, cell: (r) => chinaTime(r.at) },
  { header: '用户 User', width: 16, cell: (r) => r.username ?? '' },
  { header: '角色 Role', width: 16, cell: (r) => roleLabel(r.role) },
  { header: '地址 Address', width: 16, cell: (r) => r.ip ?? '' },
  { header: '操作类别 Action', width: 16, cell: (r) => AUDIT_ACTION_LABELS[r.action as AuditAction]?.zh ?? r.action },
  { header: '结果 Outcome', width: 12, cell: (r) => AUDIT_OUTCOME_LABELS[r.outcome as AuditOutcome]?.zh ?? r.outcome },
  { header: '状态码 Status', width: 8, cell: (r) => r.status },
  { header: '方法 Method', width: 8, cell: (r) => r.method },
  { header: '接口 Route', width: 40, cell: (r) => r.route },
  { header: '对象 Object', width: 20, cell: (r) => [r.objectType, r.objectId].filter(Boolean).join(' ') },
  { header: '详情 Details', width: 60, cell: (r) => JSON.stringify(r.details) },
  { header: '记录编号 Record id', width: 38, cell: (r) => r.id },
  { header: '前一哈希 Previous hash (SM3)', width: 66, cell: (r) => r.prevHash },
  { header: '哈希 Hash (SM3)', width: 66, cell: (r) => r.hash },
];

export function neutralise(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csvCell(v: string | number): string {
  const s = String(neutralise(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so that Excel reads the Chinese right; CRLF line ends (RFC 4180). */
export function auditCsv(records: readonly ChainedRecord[]): Buffer {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const r of records) lines.push(COLUMNS.map((c) => csvCell(c.cell(r))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function auditWorkbook(records: readonly ChainedRecord[], meta: { exportedBy: string; exportedAt: Date; filters: Record<string, unknown> }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const r of records) ws.addRow(COLUMNS.map((c) => neutralise(c.cell(r))));
  const about = wb.addWorksheet('导出说明');
  about.columns = [{ width: 24 }, { width: 80 }];
  about.addRow(['导出人 Exported by', meta.exportedBy]);
  about.addRow(['导出时间 Exported at', chinaTime(meta.exportedAt)]);
  about.addRow(['筛选条件 Filters', JSON.stringify(meta.filters)]);
  about.addRow(['记录数 Records', records.length]);
  about.addRow(['校验方法 How to verify', 'hash = SM3(canonical JSON of the record’s content with prevHash); see docs/adr/0013-audit-chain.md']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
