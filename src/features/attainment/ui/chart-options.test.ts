import { describe, expect, it } from 'vitest';
import type { IndicatorView, Overview } from '../attainment.contract';
import { distributionOption, fmtNumber, fmtPercent, indicatorOption, STATUS_COLORS, tooltipLines, type ChartText } from './chart-options';

const TEXT: ChartText = {
  required: '年度目标值',
  actual: '实际值',
  projection: '期末预测',
  final: '期末目标 8件',
  base: '基期',
  status: { on_track: '达标', at_risk: '预警', off_track: '滞后', no_data: '暂无数据' },
  description: '说明',
};

function indicator(over: Partial<IndicatorView> = {}): IndicatorView {
  const year = (y: number, required: number, actual: number | null, status: IndicatorView['years'][number]['status']) => ({
    year: y,
    contractVersion: 1,
    required,
    requiredSource: 'plan' as const,
    actual,
    actualPeriod: actual === null ? null : String(y),
    progress: actual === null ? null : 0.5,
    progressToFinal: null,
    status,
  });
  return {
    targetId: 't-1',
    indicator: '每万人口发明专利拥有量',
    dimension: 'innovation',
    kind: 'level',
    unit: '件',
    direction: 'higher',
    qualifier: 'exact',
    stretch: false,
    bound: null,
    tolerance: 0,
    measure: 'level',
    baseYear: 2015,
    baseline: 5.2,
    derivable: true,
    reason: null,
    reasonLabel: null,
    finalYear: 2019,
    finalTarget: 8,
    years: [year(2017, 6, 5.3, 'off_track'), year(2018, 7, 7, 'on_track'), year(2019, 8, null, 'no_data')],
    current: { year: 2018, progress: 1, status: 'on_track' },
    final: { progress: 0.6, status: 'off_track' },
    projection: { value: 7.9, method: 'least_squares', progress: 0.96, status: 'at_risk' },
    ...over,
  };
}

type Series = { name: string; data: unknown[]; lineStyle: { type?: string }; markLine?: { data: { yAxis: number }[] } };

describe('indicatorOption', () => {
  it('draws the required path from the base year, the final target as a line and aria on', () => {
    const o = indicatorOption(indicator(), TEXT);
    const [required, actual] = o.series as Series[];
    expect(o.aria).toMatchObject({ enabled: true, label: { description: '说明' } });
    expect(required!.data).toEqual([
      [2015, 5.2],
      [2017, 6],
      [2018, 7],
      [2019, 8],
    ]);
    expect(required!.markLine!.data).toEqual([{ yAxis: 8 }]);
    expect(required!.lineStyle.type).toBe('solid');
    expect(o.xAxis).toMatchObject({ min: 2015, max: 2019 });
    // Each actual in its status's colour and shape; the base value starts the line.
    expect(actual!.data).toEqual([
      expect.objectContaining({ value: [2015, 5.2], name: '基期' }),
      expect.objectContaining({ value: [2017, 5.3], symbol: 'diamond', itemStyle: { color: STATUS_COLORS.off_track }, name: '滞后' }),
      expect.objectContaining({ value: [2018, 7], symbol: 'circle', itemStyle: { color: STATUS_COLORS.on_track } }),
    ]);
  });

  it('draws the projection dashed from the last actual to the final year', () => {
    const projection = (indicatorOption(indicator(), TEXT).series as Series[])[2]!;
    expect(projection.name).toBe('期末预测');
    expect(projection.lineStyle.type).toBe('dashed');
    expect(projection.data).toEqual([expect.objectContaining({ value: [2018, 7], symbol: 'none' }), expect.objectContaining({ value: [2019, 7.9] })]);
  });

  it('has no projection without actuals or once the final year is reported', () => {
    const none = indicator({ years: indicator().years.map((y) => ({ ...y, actual: null })), projection: { value: null, method: null, progress: null, status: 'no_data' } });
    expect(indicatorOption(none, TEXT).series).toHaveLength(2);
    const done = indicator({ projection: { value: 8, method: 'actual', progress: 1, status: 'on_track' } });
    expect(indicatorOption(done, TEXT).series).toHaveLength(2);
  });

  it('marks a stretch target (力争) with a dotted path, and leaves out the base of a growth rate', () => {
    const stretch = (indicatorOption(indicator({ stretch: true }), TEXT).series as Series[])[0]!;
    expect(stretch.lineStyle.type).toBe('dotted');
    const rate = indicatorOption(indicator({ measure: 'growth_rate', baseline: null }), TEXT);
    expect((rate.series as Series[])[0]!.data[0]).toEqual([2017, 6]);
    expect(rate.xAxis).toMatchObject({ min: 2017 });
  });
});

describe('distributionOption', () => {
  it('stacks the four statuses per dimension and for all indicators', () => {
    const zero = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
    const totals: Overview['totals'] = {
      pilots: 2,
      byOverallStatus: zero,
      counts: { on_track: 14, at_risk: 1, off_track: 1, no_data: 16 },
      byDimension: { innovation: { ...zero, on_track: 2, off_track: 1 }, quality_efficiency: zero, structure: zero, sustainability: zero, it_integration: zero },
    };
    const dimensions = { innovation: '创新能力', quality_efficiency: '质量效益', structure: '优化结构', sustainability: '可持续发展', it_integration: '两化融合' };
    const o = distributionOption(totals, { dimensions, all: '全部指标', status: TEXT.status, description: 'd', count: '项数' });
    expect(o.yAxis.data).toEqual(['创新能力', '质量效益', '优化结构', '可持续发展', '两化融合', '全部指标']);
    expect(o.series.map((s) => [s.name, s.data[0], s.data[5]])).toEqual([
      ['达标', 2, 14],
      ['预警', 0, 1],
      ['滞后', 1, 1],
      ['暂无数据', 0, 16],
    ]);
    expect(o.aria).toMatchObject({ enabled: true, decal: { show: true } });
    // Its own tooltip text: ECharts' default markup has style attributes, which the page's CSP blocks.
    const tip = o.tooltip.formatter([
      { axisValueLabel: '创新能力', seriesName: '达标', value: 2 },
      { axisValueLabel: '创新能力', seriesName: '滞后', value: 1 },
    ]);
    expect(tip).toBe('创新能力<br/>达标: 2<br/>滞后: 1');
  });
});

describe('tooltips', () => {
  it('are escaped text lines without any markup but line breaks', () => {
    expect(tooltipLines(['实际值', '2017: 5<件> & "x"'])).toBe('实际值<br/>2017: 5&lt;件&gt; &amp; &quot;x&quot;');
    const tip = indicatorOption(indicator({ unit: '<img src=x>' }), TEXT).tooltip.formatter({ seriesName: '实际值', name: '滞后', value: [2017, 5.3] });
    expect(tip).toBe('实际值<br/>2017: 5.3&lt;img src=x&gt; (滞后)');
    expect(tip).not.toMatch(/style=|<(?!br\/>)/);
  });
});

describe('formatting', () => {
  it('shows numbers without float noise and progress as whole percents', () => {
    expect(fmtNumber(0.874 * 1)).toBe('0.874');
    expect(fmtNumber(0.92 * 0.95)).toBe('0.874');
    expect(fmtNumber(null)).toBe('—');
    expect(fmtPercent(0.625)).toBe('63%');
    expect(fmtPercent(null)).toBe('—');
  });
});
