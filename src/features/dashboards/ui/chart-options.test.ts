import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../dashboards.contract';
import { attainmentOption, countsOption, escapeText, provinceGridOption, tileData } from './chart-options';

const provinces: Dashboard['byProvince'] = [
  { code: '330000', name: '浙江省', label: '浙江', region: 'east', row: 5, col: 5, pilots: 3, meanProgress: 0.925 },
  { code: '420000', name: '湖北省', label: '湖北', region: 'central', row: 4, col: 3, pilots: 1, meanProgress: null },
  { code: '710000', name: '台湾省', label: '台湾', region: null, row: 6, col: 5, pilots: 0, meanProgress: null },
];
const text = { description: 'd', pilots: '试点数', progress: '进度', noData: '无', onTrack: '达标', atRisk: '预警', offTrack: '滞后' };

describe('the dashboard chart options', () => {
  it('places each province on its tile, valued by pilot count or by mean progress in % (−1 for none)', () => {
    expect(tileData(provinces, 'count').map((d) => [d.code, d.value])).toEqual([
      ['330000', [5, 5, 3]],
      ['420000', [3, 4, 1]],
      ['710000', [5, 6, 0]],
    ]);
    expect(tileData(provinces, 'progress').map((d) => d.value[2])).toEqual([92.5, -1, -1]);
    // The darkest tiles carry white text.
    expect(tileData(provinces, 'count').map((d) => d.label.color)).toEqual(['#ffffff', '#141414', '#141414']);
  });

  it('draws the grid as a heatmap with a count scale, or with the attainment thresholds', () => {
    const count = provinceGridOption(provinces, 'count', text);
    expect(count.xAxis.data).toHaveLength(6);
    expect(count.yAxis).toMatchObject({ inverse: true });
    expect(count.visualMap).toMatchObject({ type: 'continuous', min: 0, max: 3 });
    expect(count.aria).toMatchObject({ enabled: true, label: { description: 'd' } });
    const progress = provinceGridOption(provinces, 'progress', text);
    expect(progress.visualMap).toMatchObject({ type: 'piecewise' });
    expect((progress.visualMap as { pieces: { label: string }[] }).pieces.map((p) => p.label)).toEqual(['无', '滞后', '预警', '达标']);
  });

  it('draws counts as bars, horizontal when asked', () => {
    const o = countsOption([{ label: '东部', value: 2 }], { description: 'd', count: '数量', horizontal: true });
    expect(o.yAxis).toMatchObject({ type: 'category', data: ['东部'], inverse: true });
    expect(o.series[0]!.data).toEqual([2]);
  });

  it('writes its own tooltips: escaped text and line breaks only (no style attributes, which the CSP blocks)', () => {
    const o = countsOption([{ label: '东部', value: 2 }], { description: 'd', count: '数量' });
    expect(o.tooltip.formatter([{ axisValueLabel: '东部<b>', value: 2 }])).toBe('东部&lt;b&gt;: 2');
    const zero = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
    const a = attainmentOption([{ label: '创新能力', counts: { ...zero, on_track: 2 } }], { description: 'd', count: '数', status: { on_track: '达标', at_risk: '预警', off_track: '滞后', no_data: '暂无数据' } });
    expect(a.tooltip.formatter([{ axisValueLabel: '创新能力', seriesName: '达标', value: 2 }, { axisValueLabel: '创新能力', seriesName: '滞后', value: 0 }])).toBe('创新能力<br/>达标: 2<br/>滞后: 0');
    expect(escapeText(`a&"'`)).toBe('a&amp;&quot;&#39;');
  });
});
