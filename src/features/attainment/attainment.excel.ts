/**
 * The attainment workbooks. 指标达成情况.xlsx (one pilot, or one indicator — a chart's data): the
 * required path against the actuals per indicator and year, with the contract version each year was
 * measured against; the final target and the projection; the roll-up per dimension. 指标达成总览.xlsx:
 * the overview's rows and the status distribution. Figures are numbers (progress as a percentage
 * format), so the sheet can compute with them.
 */
import ExcelJS from 'exceljs';
import { STATUS_LABELS, type AttainmentStatus } from '../../shared/monitoring/attainment.js';
import { PILOT_STATE_LABELS } from '../../shared/monitoring/pilot-lifecycle.js';
import { DIMENSION_LABELS, TARGET_DIMENSIONS, type Qualifier, type TargetDimension } from '../../shared/plan/plan-schema.js';
import type { IndicatorView, Overview, PilotAttainmentView } from './attainment.contract.js';

const CREATOR = '“中国制造2025”城市试点示范工作平台';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };
const PERCENT = '0.0%';
const NUMBER = '#,##0.####';

export const PILOT_SHEETS = { years: '年度达成', final: '期末目标与预测', dimensions: '维度汇总' } as const;
export const OVERVIEW_SHEETS = { pilots: '达成总览', distribution: '状态分布' } as const;

export const QUALIFIER_ZH: Record<Qualifier, string> = { exact: '—', at_least: '以上/不低于', at_most: '以下/不高于', about: '左右', strive: '力争' };
const METHOD_ZH: Record<string, string> = { actual: '期末实际值', least_squares: '按趋势外推', from_baseline: '按基期至今趋势外推', flat: '按最近值持平' };

const statusZh = (s: AttainmentStatus) => STATUS_LABELS[s].zh;
const dimensionZh = (d: TargetDimension | null) => (d ? DIMENSION_LABELS[d].zh : '未分类');
const blank = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);

function header(ws: ExcelJS.Worksheet, titles: string[]) {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number; fmt?: string }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  header(ws, columns.map((c) => c.header));
  columns.forEach((c, i) => {
    if (c.fmt) ws.getColumn(i + 1).numFmt = c.fmt;
  });
  return ws;
}

const indicatorName = (i: IndicatorView) => `${i.indicator || i.targetId}${i.stretch ? '（力争）' : ''}`;

/** One pilot's attainment, or only the indicator `targetId` (the data behind one chart). */
export async function pilotWorkbook(view: PilotAttainmentView, targetId?: string): Promise<Buffer> {
  const indicators = targetId ? view.indicators.filter((i) => i.targetId === targetId) : view.indicators;
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;

  const years = sheet(wb, PILOT_SHEETS.years, [
    { header: '维度', width: 12 },
    { header: '指标', width: 36 },
    { header: '单位', width: 10 },
    { header: '方向', width: 8 },
    { header: '限定', width: 10 },
    { header: '年度', width: 8 },
    { header: '考核依据版本', width: 12 },
    { header: '年度目标值', width: 14, fmt: NUMBER },
    { header: '实际值', width: 14, fmt: NUMBER },
    { header: '数据所属期', width: 12 },
    { header: '年度完成进度', width: 14, fmt: PERCENT },
    { header: '对期末目标进度', width: 14, fmt: PERCENT },
    { header: '状态', width: 10 },
  ]);
  for (const i of indicators) {
    for (const y of i.years) {
      years.addRow([
        dimensionZh(i.dimension),
        indicatorName(i),
        i.unit ?? '',
        i.direction === 'higher' ? '越高越好' : '越低越好',
        QUALIFIER_ZH[i.qualifier],
        y.year,
        y.contractVersion === null ? '（该版本无此指标）' : `第${y.contractVersion}版`,
        blank(y.required),
        blank(y.actual),
        y.actualPeriod ?? '',
        blank(y.progress),
        blank(y.progressToFinal),
        statusZh(y.status),
      ]);
    }
  }

  const final = sheet(wb, PILOT_SHEETS.final, [
    { header: '维度', width: 12 },
    { header: '指标', width: 36 },
    { header: '单位', width: 10 },
    { header: '基期年份', width: 10 },
    { header: '基期值', width: 12, fmt: NUMBER },
    { header: '期末年度', width: 10 },
    { header: '期末目标值', width: 14, fmt: NUMBER },
    { header: '当前进度', width: 12, fmt: PERCENT },
    { header: '当前状态', width: 10 },
    { header: '对期末目标进度', width: 14, fmt: PERCENT },
    { header: '期末预测值', width: 14, fmt: NUMBER },
    { header: '预测方法', width: 18 },
    { header: '预测状态', width: 10 },
    { header: '说明', width: 30 },
  ]);
  for (const i of indicators) {
    final.addRow([
      dimensionZh(i.dimension),
      indicatorName(i),
      i.unit ?? '',
      blank(i.baseYear),
      blank(i.baseline),
      i.finalYear,
      blank(i.finalTarget),
      blank(i.current.progress),
      statusZh(i.current.status),
      blank(i.final.progress),
      blank(i.projection.value),
      i.projection.method ? (METHOD_ZH[i.projection.method] ?? i.projection.method) : '',
      statusZh(i.projection.status),
      i.reasonLabel ? `无法计算年度目标：${i.reasonLabel.zh}` : '',
    ]);
  }

  if (!targetId) {
    const dims = sheet(wb, PILOT_SHEETS.dimensions, [
      { header: '维度', width: 14 },
      { header: '指标数', width: 8 },
      { header: '有数据', width: 8 },
      { header: '平均进度', width: 12, fmt: PERCENT },
      { header: '达标', width: 8 },
      { header: '预警', width: 8 },
      { header: '滞后', width: 8 },
      { header: '暂无数据', width: 10 },
    ]);
    const line = (label: string, g: PilotAttainmentView['rollup']['pilot']) =>
      dims.addRow([label, g.indicators, g.withData, blank(g.meanProgress), g.statusCounts.on_track, g.statusCounts.at_risk, g.statusCounts.off_track, g.statusCounts.no_data]);
    for (const d of TARGET_DIMENSIONS) line(DIMENSION_LABELS[d].zh, view.rollup.byDimension[d]);
    line('全部指标', view.rollup.pilot).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The overview as it is filtered: one row per pilot, and the status distribution. */
export async function overviewWorkbook(data: Overview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  const ws = sheet(wb, OVERVIEW_SHEETS.pilots, [
    { header: '试点城市', width: 22 },
    { header: '所含城市', width: 22 },
    { header: '省级主管部门', width: 18 },
    { header: '试点阶段', width: 10 },
    { header: '试点期', width: 12 },
    { header: '最新确认年度', width: 12 },
    { header: '指标数', width: 8 },
    { header: '达标', width: 8 },
    { header: '预警', width: 8 },
    { header: '滞后', width: 8 },
    { header: '暂无数据', width: 10 },
    { header: '平均进度', width: 10, fmt: PERCENT },
    { header: '总体状态', width: 10 },
    ...TARGET_DIMENSIONS.map((d) => ({ header: `${DIMENSION_LABELS[d].zh}平均进度`, width: 14, fmt: PERCENT })),
  ]);
  for (const i of data.items) {
    ws.addRow([
      `${i.name}${i.isDemo ? '（演示数据）' : ''}`,
      i.cityNames.join('、'),
      i.provinces.map((p) => p.name).join('、'),
      PILOT_STATE_LABELS[i.state].zh,
      `${i.periodStartYear}—${i.periodEndYear}年`,
      blank(i.latestYear),
      i.indicators,
      i.counts.on_track,
      i.counts.at_risk,
      i.counts.off_track,
      i.counts.no_data,
      blank(i.meanProgress),
      statusZh(i.overallStatus),
      ...TARGET_DIMENSIONS.map((d) => blank(i.byDimension[d].meanProgress)),
    ]);
  }

  const dist = sheet(wb, OVERVIEW_SHEETS.distribution, [
    { header: '维度', width: 16 },
    { header: '达标', width: 8 },
    { header: '预警', width: 8 },
    { header: '滞后', width: 8 },
    { header: '暂无数据', width: 10 },
  ]);
  for (const d of TARGET_DIMENSIONS) {
    const c = data.totals.byDimension[d];
    dist.addRow([DIMENSION_LABELS[d].zh, c.on_track, c.at_risk, c.off_track, c.no_data]);
  }
  const all = data.totals.counts;
  dist.addRow(['全部指标', all.on_track, all.at_risk, all.off_track, all.no_data]).font = { bold: true };
  dist.addRow([]);
  const p = data.totals.byOverallStatus;
  dist.addRow(['试点（按总体状态）', p.on_track, p.at_risk, p.off_track, p.no_data]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
