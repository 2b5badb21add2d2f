import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DistributionTable } from './distribution-table';

describe('the distribution table', () => {
  it('renders one row per group and one column per category, in the order given, with row and column headers', () => {
    const html = renderToStaticMarkup(
      createElement(DistributionTable<'on' | 'off'>, {
        rows: [
          { key: 'innovation', label: '创新能力', counts: { on: 2, off: 1 } },
          { key: 'all', label: '全部指标', counts: { on: 5, off: 0 } },
        ],
        columns: ['on', 'off'],
        columnLabels: { on: '达标', off: '滞后' },
        rowHeader: '维度',
        caption: '图表数据',
        testId: 't-table',
        rowTestId: (key) => `t-${key}`,
        className: 'doc-table x-data',
        captionClassName: 'x-caption',
      }),
    );
    expect(html).toBe(
      '<table class="doc-table x-data" data-testid="t-table"><caption class="x-caption">图表数据</caption>' +
        '<thead><tr><th scope="col">维度</th><th scope="col" class="num">达标</th><th scope="col" class="num">滞后</th></tr></thead>' +
        '<tbody><tr data-testid="t-innovation"><th scope="row">创新能力</th><td class="num">2</td><td class="num">1</td></tr>' +
        '<tr data-testid="t-all"><th scope="row">全部指标</th><td class="num">5</td><td class="num">0</td></tr></tbody></table>',
    );
  });
});
