/**
 * The dashboard's chart options, pure (no React, no ECharts import): the schematic province grid as a
 * heatmap on an 8 × 8 category grid (one square per province-level division, coloured by its pilot
 * count or its pilots' mean progress against the attainment thresholds), and bar charts of counts.
 * Every option turns on ECharts' aria with the caller's description and decals, so a chart reads
 * without colour.
 */
import type { Dashboard } from '../dashboards.contract';

export const STATUS_COLORS = { on_track: '#237804', at_risk: '#ad6800', off_track: '#cf1322', no_data: '#595959' } as const;
const BLUE = '#1f4e8c';

/** Text for a tooltip: escaped, with no markup but line breaks (ECharts' default markup carries style attributes, which the page's CSP blocks). */
export function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
type AxisParam = { name?: string; axisValueLabel?: string; seriesName?: string; value: unknown };
const asList = (p: AxisParam | AxisParam[]) => (Array.isArray(p) ? p : [p]);

export type GridMode = 'count' | 'progress';

export interface TileDatum {
  value: [number, number, number];
  /** White text on the darker tiles of the count scale, dark text elsewhere. */
  label: { color: string; textBorderColor: string };
  name: string;
  code: string;
  pilots: number;
  meanProgress: number | null;
}

/** The tiles as heatmap data: [col, row, value], value the count or the mean progress in % (−1: none). */
export function tileData(provinces: Dashboard['byProvince'], mode: GridMode): TileDatum[] {
  const max = Math.max(1, ...provinces.map((p) => p.pilots));
  return provinces.map((p) => ({
    value: [p.col, p.row, mode === 'count' ? p.pilots : p.meanProgress === null ? -1 : Math.round(p.meanProgress * 1000) / 10],
    label: mode === 'count' && p.pilots / max > 0.5 ? { color: '#ffffff', textBorderColor: BLUE } : { color: '#141414', textBorderColor: '#ffffff' },
    name: p.label,
    code: p.code,
    pilots: p.pilots,
    meanProgress: p.meanProgress,
  }));
}

export function provinceGridOption(
  provinces: Dashboard['byProvince'],
  mode: GridMode,
  text: { description: string; pilots: string; progress: string; noData: string; onTrack: string; atRisk: string; offTrack: string },
) {
  const rows = Math.max(...provinces.map((p) => p.row)) + 1;
  const cols = Math.max(...provinces.map((p) => p.col)) + 1;
  const data = tileData(provinces, mode);
  const max = Math.max(1, ...provinces.map((p) => p.pilots));
  const axis = (n: number) => ({ type: 'category' as const, data: Array.from({ length: n }, (_, i) => String(i)), show: false, splitArea: { show: false } });
  return {
    // No decal on the tiles: each carries its count as text, and a pattern would hide it.
    aria: { enabled: true, label: { description: text.description }, decal: { show: false } },
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: false },
    tooltip: {
      formatter: (p: { data: TileDatum }) =>
        `${escapeText(p.data.name)}<br/>${escapeText(text.pilots)}：${p.data.pilots}${p.data.meanProgress === null ? '' : `<br/>${escapeText(text.progress)}：${(p.data.meanProgress * 100).toFixed(1)}%`}`,
    },
    xAxis: axis(cols),
    yAxis: { ...axis(rows), inverse: true },
    visualMap:
      mode === 'count'
        ? { type: 'continuous', min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 160, text: [String(max), '0'], inRange: { color: ['#eef3fa', '#9db9de', BLUE] } }
        : {
            type: 'piecewise',
            orient: 'horizontal',
            left: 'center',
            bottom: 4,
            pieces: [
              { lt: 0, label: text.noData, color: '#e8e8e8' },
              { gte: 0, lt: 80, label: text.offTrack, color: '#f4a8ad' },
              { gte: 80, lt: 100, label: text.atRisk, color: '#f7d58b' },
              { gte: 100, label: text.onTrack, color: '#95d47a' },
            ],
          },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 3, borderRadius: 4 },
        emphasis: { itemStyle: { borderColor: '#000000', borderWidth: 2 } },
        label: {
          show: true,
          color: '#141414',
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
          fontSize: 12,
          formatter: (p: { data: TileDatum }) => `${p.data.name}\n${p.data.pilots}`,
        },
        cursor: 'pointer',
      },
    ],
  };
}

/** Bars of counts, one per category; horizontal when the labels are long. */
export function countsOption(items: { label: string; value: number }[], text: { description: string; count: string; horizontal?: boolean; color?: string }) {
  const category = { type: 'category' as const, data: items.map((i) => i.label), axisLabel: { interval: 0, width: 160, overflow: 'break' as const } };
  const value = { type: 'value' as const, name: text.count, minInterval: 1 };
  return {
    aria: { enabled: true, label: { description: text.description }, decal: { show: true } },
    animation: false,
    grid: text.horizontal ? { left: 170, right: 40, top: 24, bottom: 24 } : { left: 48, right: 16, top: 32, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: AxisParam | AxisParam[]) => asList(ps).map((p) => `${escapeText(p.axisValueLabel ?? p.name ?? '')}: ${String(p.value)}`).join('<br/>'),
    },
    xAxis: text.horizontal ? value : category,
    yAxis: text.horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        data: items.map((i) => i.value),
        itemStyle: { color: text.color ?? BLUE },
        label: { show: true, position: text.horizontal ? 'right' : 'top', formatter: (p: { value: number }) => String(p.value) },
        cursor: 'pointer',
      },
    ],
  };
}

type Counts = Dashboard['attainment']['all'];
const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;

/** Stacked bars of indicator statuses per dimension (and over all indicators). */
export function attainmentOption(rows: { label: string; counts: Counts }[], text: { description: string; count: string; status: Record<(typeof STATUSES)[number], string> }) {
  return {
    aria: { enabled: true, label: { description: text.description }, decal: { show: true } },
    animation: false,
    grid: { left: 150, right: 32, top: 40, bottom: 32 },
    legend: { top: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: AxisParam | AxisParam[]) => {
        const list = asList(ps);
        return [escapeText(list[0]?.axisValueLabel ?? ''), ...list.map((p) => `${escapeText(p.seriesName ?? '')}: ${String(p.value)}`)].join('<br/>');
      },
    },
    xAxis: { type: 'value', name: text.count, minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: STATUSES.map((s) => ({
      name: text.status[s],
      type: 'bar',
      stack: 'status',
      itemStyle: { color: STATUS_COLORS[s] },
      label: { show: true, color: '#fff', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: rows.map((r) => r.counts[s]),
    })),
  };
}
