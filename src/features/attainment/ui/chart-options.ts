/**
 * The ECharts options of the attainment charts, built from the API's figures: plain data, no ECharts
 * import (the library loads with the chart). Status is never shown by colour alone: each status has
 * its own point shape, the tooltip names it, and the table beside the chart repeats it.
 */
import type { AttainmentStatus } from '../../../shared/monitoring/attainment';
import { TARGET_DIMENSIONS, type TargetDimension } from '../../../shared/plan/plan-schema';
import type { IndicatorView, Overview } from '../attainment.contract';

/** AA-contrast colours on white, one per status. */
export const STATUS_COLORS: Record<AttainmentStatus, string> = {
  on_track: '#237804',
  at_risk: '#ad6800',
  off_track: '#cf1322',
  no_data: '#595959',
};
const STATUS_SYMBOLS: Record<AttainmentStatus, string> = { on_track: 'circle', at_risk: 'triangle', off_track: 'diamond', no_data: 'rect' };
const REQUIRED_COLOR = '#1d4e89';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A tooltip's content as ECharts puts it into the page (innerHTML): escaped text lines, no markup of its
 * own. ECharts' default tooltip markup carries style attributes (its colour markers), which the page's
 * policy — style-src without 'unsafe-inline' — blocks, so every chart here gives its own formatter.
 */
export function tooltipLines(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)).join('<br/>');
}
const PROJECTION_COLOR = '#722ed1';

export function fmtNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return String(Number(v.toFixed(4)));
}

export function fmtPercent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${Math.round(p * 100)}%`;
}

export interface ChartText {
  required: string;
  actual: string;
  projection: string;
  final: string;
  base: string;
  status: Record<AttainmentStatus, string>;
  description: string;
}

/** The required path against the actuals, the final target as a line, the projection dashed. */
export function indicatorOption(ind: IndicatorView, text: ChartText) {
  const baseline = ind.baseYear !== null && ind.baseline !== null && ind.measure !== 'growth_rate' ? ([ind.baseYear, ind.baseline] as [number, number]) : null;
  const required: [number, number][] = [...(baseline ? [baseline] : []), ...ind.years.flatMap((y) => (y.required === null ? [] : [[y.year, y.required] as [number, number]]))];
  const actualYears = ind.years.filter((y) => y.actual !== null);
  const actual = [
    ...(baseline ? [{ value: baseline, symbol: 'emptyCircle', symbolSize: 8, itemStyle: { color: REQUIRED_COLOR }, name: text.base }] : []),
    ...actualYears.map((y) => ({
      value: [y.year, y.actual!] as [number, number],
      symbol: STATUS_SYMBOLS[y.status],
      symbolSize: 13,
      itemStyle: { color: STATUS_COLORS[y.status] },
      name: text.status[y.status],
    })),
  ];
  const last = actualYears.at(-1);
  const projection =
    last && ind.projection.value !== null && ind.projection.method !== 'actual' && last.year < ind.finalYear
      ? [
          // It starts at the last actual, whose own point (drawn above) shows its status.
          { value: [last.year, last.actual!] as [number, number], symbol: 'none' },
          { value: [ind.finalYear, ind.projection.value] as [number, number] },
        ]
      : [];
  const firstYear = baseline ? baseline[0] : ind.years[0]!.year;
  const yearLabel = (v: number) => (baseline && v === baseline[0] ? `${v}\n(${text.base})` : String(v));

  return {
    aria: { enabled: true, label: { description: text.description } },
    animation: false,
    grid: { left: 64, right: 120, top: 48, bottom: 40 },
    legend: { top: 8, data: [text.required, text.actual, ...(projection.length ? [text.projection] : [])] },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name?: string; value: [number, number] }) =>
        tooltipLines([p.seriesName, `${p.value[0]}: ${fmtNumber(p.value[1])}${ind.unit ?? ''}${p.name && p.seriesName === text.actual ? ` (${p.name})` : ''}`]),
    },
    xAxis: { type: 'value', min: firstYear, max: ind.finalYear, interval: 1, axisLabel: { formatter: yearLabel } },
    yAxis: { type: 'value', scale: true, name: ind.unit ?? '', axisLabel: { formatter: (v: number) => fmtNumber(v) } },
    series: [
      {
        name: text.required,
        type: 'line',
        data: required,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2, color: REQUIRED_COLOR, type: ind.stretch ? 'dotted' : 'solid' },
        itemStyle: { color: REQUIRED_COLOR },
        markLine:
          ind.finalTarget === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: REQUIRED_COLOR },
                label: { formatter: text.final, position: 'end', color: REQUIRED_COLOR },
                data: [{ yAxis: ind.finalTarget }],
              },
      },
      { name: text.actual, type: 'line', z: 4, data: actual, lineStyle: { width: 2, color: '#262626' }, itemStyle: { color: '#262626' } },
      ...(projection.length
        ? [
            {
              name: text.projection,
              type: 'line',
              z: 3,
              data: projection,
              symbol: 'emptyCircle',
              symbolSize: 9,
              lineStyle: { width: 2, type: 'dashed', color: PROJECTION_COLOR },
              itemStyle: { color: PROJECTION_COLOR },
            },
          ]
        : []),
    ],
  };
}

/** The overview's stacked bars: indicator statuses per dimension, then all indicators. */
export function distributionOption(
  totals: Overview['totals'],
  text: { dimensions: Record<TargetDimension, string>; all: string; status: Record<AttainmentStatus, string>; description: string; count: string },
) {
  const rows: { label: string; counts: Record<AttainmentStatus, number> }[] = [
    ...TARGET_DIMENSIONS.map((d) => ({ label: text.dimensions[d], counts: totals.byDimension[d] })),
    { label: text.all, counts: totals.counts },
  ];
  const statuses: AttainmentStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data'];
  return {
    aria: { enabled: true, label: { description: text.description }, decal: { show: true } },
    animation: false,
    grid: { left: 140, right: 32, top: 40, bottom: 32 },
    legend: { top: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { axisValueLabel?: string; name?: string; seriesName: string; value: number }[] | { axisValueLabel?: string; name?: string; seriesName: string; value: number }) => {
        const list = Array.isArray(params) ? params : [params];
        return tooltipLines([list[0]?.axisValueLabel ?? list[0]?.name ?? '', ...list.map((p) => `${p.seriesName}: ${p.value}`)]);
      },
    },
    xAxis: { type: 'value', name: text.count, minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: statuses.map((s) => ({
      name: text.status[s],
      type: 'bar',
      stack: 'status',
      itemStyle: { color: STATUS_COLORS[s] },
      label: { show: true, color: '#fff', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: rows.map((r) => r.counts[s]),
    })),
  };
}
