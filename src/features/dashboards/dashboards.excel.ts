/**
 * 统计看板.xlsx: the dashboard's data, one sheet per chart (pilots by province, region, city type
 * and phase; the cities of the province in view; attainment per dimension; overdue reports; open
 * rectification cases; resources by programme) and the pilots themselves, after a cover sheet with
 * the scope, the filters and the totals. With `part`, only that chart's sheet (a chart's own Excel
 * button). Figures are numbers, so the sheet can compute with them.
 */
import ExcelJS from 'exceljs';
import { ATTAINMENT_STATUSES, STATUS_LABELS } from '../../shared/monitoring/attainment.js';
import { PILOT_STATE_LABELS } from '../../shared/monitoring/pilot-lifecycle.js';
import { CITY_TYPE_LABELS } from '../../shared/plan/city-types.js';
import { DIMENSION_LABELS, TARGET_DIMENSIONS } from '../../shared/plan/plan-schema.js';
import { getDivision } from '../../shared/reference/divisions.js';
import { TILE_GRID_NOTICE } from '../../shared/reference/province-tiles.js';
import { REGION_LABELS } from '../../shared/reference/regions.js';
import type { Dashboard, DashboardPart } from './dashboards.contract.js';

const CREATOR = '“中国制造2025”城市试点示范工作平台';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };
const PERCENT = '0.0%';
const AMOUNT = '#,##0.00';

export const DASHBOARD_SHEETS: Record<DashboardPart, string> = {
  provinces: '按省份',
  regions: '按地区',
  cityTypes: '按城市类型',
  phases: '按阶段',
  cities: '按城市',
  attainment: '指标达成分布',
  overdueReports: '逾期进度报告',
  rectifications: '未结整改',
  resources: '政策资源',
  pilots: '试点清单',
};
export const COVER_SHEET = '概况';

const REPORT_STATUS_ZH: Record<string, string> = { draft: '未报送', returned: '已退回', submitted: '已报送', confirmed: '已确认' };
const CASE_STATUS_ZH: Record<string, string> = { open: '待整改', answered: '已提交整改报告', province_reviewed: '省级已出具意见' };

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number; fmt?: string }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const row = ws.addRow(columns.map((c) => c.header));
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
  columns.forEach((c, i) => {
    if (c.fmt) ws.getColumn(i + 1).numFmt = c.fmt;
  });
  return ws;
}

const blank = (v: number | null) => (v === null ? '' : v);

function filterText(d: Dashboard): string {
  const f = d.filters;
  const parts = [
    f.province ? `省份：${getDivision(f.province)?.name ?? f.province}` : null,
    f.region ? `地区：${REGION_LABELS[f.region].zh}` : null,
    f.cityType ? `城市类型：${CITY_TYPE_LABELS[f.cityType].zh}` : null,
    f.phase ? `阶段：${PILOT_STATE_LABELS[f.phase].zh}` : null,
  ].filter((x) => x !== null);
  return parts.length ? parts.join('；') : '全部';
}

const WRITERS: Record<DashboardPart, (wb: ExcelJS.Workbook, d: Dashboard) => void> = {
  provinces(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.provinces, [
      { header: '代码', width: 10 },
      { header: '省级行政区', width: 22 },
      { header: '地区', width: 8 },
      { header: '试点数', width: 8 },
      { header: '平均完成进度', width: 14, fmt: PERCENT },
    ]);
    for (const p of d.byProvince) ws.addRow([p.code, p.name, p.region ? REGION_LABELS[p.region].zh : '', p.pilots, blank(p.meanProgress)]);
    ws.addRow([]);
    ws.addRow([`注：${TILE_GRID_NOTICE.zh}；跨省城市群在所涉各省均计一次。`]);
  },
  regions(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.regions, [
      { header: '地区', width: 10 },
      { header: '试点数', width: 8 },
    ]);
    for (const r of d.byRegion) ws.addRow([REGION_LABELS[r.key].zh, r.pilots]);
  },
  cityTypes(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.cityTypes, [
      { header: '城市类型', width: 32 },
      { header: '试点数', width: 8 },
    ]);
    for (const t of d.byCityType) ws.addRow([CITY_TYPE_LABELS[t.key].zh, t.pilots]);
    ws.addRow([]);
    ws.addRow(['注：一个试点可有多种城市类型，各类型分别计数。']);
  },
  phases(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.phases, [
      { header: '阶段/状态', width: 14 },
      { header: '试点数', width: 8 },
    ]);
    for (const p of d.byPhase) ws.addRow([PILOT_STATE_LABELS[p.key].zh, p.pilots]);
  },
  cities(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.cities, [
      { header: '代码', width: 10 },
      { header: '城市', width: 16 },
      { header: '试点数', width: 8 },
      { header: '试点', width: 40 },
    ]);
    for (const c of d.cities) ws.addRow([c.code, c.name, c.pilots.length, c.pilots.map((p) => p.name).join('、')]);
  },
  attainment(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.attainment, [
      { header: '维度', width: 16 },
      ...ATTAINMENT_STATUSES.map((s) => ({ header: STATUS_LABELS[s].zh, width: 10 })),
      { header: '合计', width: 8 },
    ]);
    const rows = [...TARGET_DIMENSIONS.map((dim) => [DIMENSION_LABELS[dim].zh, d.attainment.byDimension[dim]] as const), ['全部指标', d.attainment.all] as const];
    for (const [label, c] of rows) ws.addRow([label, ...ATTAINMENT_STATUSES.map((s) => c[s]), ATTAINMENT_STATUSES.reduce((a, s) => a + c[s], 0)]);
    ws.addRow([]);
    ws.addRow(['试点总体状态', ...ATTAINMENT_STATUSES.map((s) => d.attainment.byOverallStatus[s]), d.attainment.pilots]);
  },
  overdueReports(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.overdueReports, [
      { header: '试点', width: 28 },
      { header: '报告期', width: 16 },
      { header: '截止日期', width: 12 },
      { header: '状态', width: 10 },
    ]);
    for (const r of d.overdueReports) ws.addRow([r.pilotName, r.periodText.zh, r.dueDate, REPORT_STATUS_ZH[r.status] ?? r.status]);
  },
  rectifications(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.rectifications, [
      { header: '试点', width: 28 },
      { header: '状态', width: 16 },
      { header: '整改期限', width: 12 },
      { header: '已过期限', width: 10 },
    ]);
    for (const c of d.openRectifications) ws.addRow([c.pilotName, CASE_STATUS_ZH[c.status] ?? c.status, c.deadline, c.deadlinePassed ? '是' : '否']);
  },
  resources(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.resources, [
      { header: '政策（专项）', width: 24 },
      { header: '金额（万元）', width: 14, fmt: AMOUNT },
      { header: '支持记录数', width: 10 },
      { header: '受支持试点数', width: 12 },
    ]);
    if (d.resources === null) {
      ws.addRow(['本角色无权查看政策资源。']);
      return;
    }
    for (const r of d.resources.rows) ws.addRow([r.zh, r.amount, r.count, r.pilots]);
    ws.addRow(['合计', d.resources.total.amount, d.resources.total.count, '']);
  },
  pilots(wb, d) {
    const ws = sheet(wb, DASHBOARD_SHEETS.pilots, [
      { header: '试点', width: 28 },
      { header: '城市', width: 30 },
      { header: '省份', width: 16 },
      { header: '阶段/状态', width: 12 },
      { header: '总体达成状态', width: 12 },
      { header: '平均完成进度', width: 12, fmt: PERCENT },
      { header: '逾期报告', width: 10 },
      { header: '未结整改', width: 10 },
    ]);
    for (const p of d.pilots) {
      ws.addRow([
        p.name,
        p.cityNames.join('、'),
        p.provinceCodes.map((c) => getDivision(c)?.name ?? c).join('、'),
        PILOT_STATE_LABELS[p.state].zh,
        p.overallStatus ? STATUS_LABELS[p.overallStatus].zh : '',
        blank(p.meanProgress),
        p.overdueReports,
        p.openRectifications,
      ]);
    }
  },
};

export async function dashboardWorkbook(d: Dashboard, part?: DashboardPart): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  if (part) {
    WRITERS[part](wb, d);
  } else {
    const cover = wb.addWorksheet(COVER_SHEET);
    cover.columns = [{ width: 18 }, { width: 40 }];
    const rows: [string, string | number][] = [
      ['范围', d.scope.level === 'national' ? '全国' : (getDivision(d.scope.provinceCode ?? '')?.name ?? d.scope.provinceCode ?? '')],
      ['筛选条件', filterText(d)],
      ['统计日期', d.today],
      ['试点数', d.totals.pilots],
      ['城市数', d.totals.cities],
      ['逾期进度报告', d.totals.overdueReports],
      ['未结整改', d.totals.openRectifications],
      ['政策资源（万元）', d.totals.resourceAmount ?? '无权查看'],
    ];
    for (const r of rows) cover.addRow(r).getCell(1).font = { bold: true };
    for (const p of Object.keys(WRITERS) as DashboardPart[]) WRITERS[p](wb, d);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
