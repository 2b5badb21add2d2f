/**
 * One dashboard chart in its panel: the title, the PNG and Excel buttons, the chart (ECharts through
 * the web kit's hook, this page's parts only) with its accessible description, and the same figures
 * as a table beside it — the chart's text alternative, and the keyboard's way to drill down.
 */
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import { useChart, type ChartClick, type EChartsModule } from '../../../web-kit/charts/use-chart';
import type { DashboardPart } from '../dashboards.contract';
import { useI18n } from './i18n';

const load = (): Promise<EChartsModule> => import('./echarts-setup').then((m) => m.echarts as unknown as EChartsModule);

export function ChartPanel({
  id,
  title,
  option,
  description,
  xlsxHref,
  filename,
  onClick,
  height = 300,
  tools,
  aside,
  children,
}: {
  id: DashboardPart;
  title: string;
  option: EChartsCoreOption;
  description: string;
  xlsxHref: string;
  filename: string;
  onClick?: (e: ChartClick) => void;
  height?: number;
  tools?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const chart = useChart(option, locale, load, onClick);
  const titleId = `dash-${id}-title`;
  return (
    <section className="panel dash-panel" data-testid={`dash-panel-${id}`} aria-labelledby={titleId}>
      <div className="panel-toolbar">
        <h2 className="pilot-heading dash-panel-title" id={titleId}>
          {title}
        </h2>
        <div className="dash-tools">
          {tools}
          <Button icon={<PictureOutlined />} disabled={!chart.ready} onClick={() => chart.save(filename)} data-testid={`dash-png-${id}`}>
            {t('dash.savePng')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={xlsxHref} download data-testid={`dash-xlsx-${id}`}>
            {t('dash.exportData')}
          </Button>
        </div>
      </div>
      {aside}
      <div className="dash-chart-box">
        <div
          ref={chart.ref}
          className="dash-chart"
          style={{ height }}
          role="img"
          aria-label={description}
          data-testid={`dash-chart-${id}`}
          data-ready={chart.ready ? 'true' : 'false'}
        />
        {!chart.ready && <div className="dash-chart-loading muted">{chart.failed ? t('dash.chartFailed') : t('dash.chartLoading')}</div>}
      </div>
      {children}
    </section>
  );
}
