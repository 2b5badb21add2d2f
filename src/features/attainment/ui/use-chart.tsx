/**
 * Attainment's charts through the web kit's chart hook (src/web-kit/charts/use-chart.tsx), with the
 * ECharts parts the attainment pages use (echarts-setup.ts, its own chunk, fetched on first use).
 */
import type { Locale } from '../../../web-kit/i18n';
import { useChart as useKitChart, type ChartHandle, type EChartsModule } from '../../../web-kit/charts/use-chart';
import type { EChartsCoreOption } from './echarts-setup';

export type { ChartHandle };

const load = (): Promise<EChartsModule> => import('./echarts-setup').then((m) => m.echarts as unknown as EChartsModule);

export function useChart(option: EChartsCoreOption | null, locale: Locale): ChartHandle {
  return useKitChart(option, locale, load);
}
