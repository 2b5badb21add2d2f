/**
 * The parts of ECharts the attainment pages use, and nothing else: line and bar charts, their grid,
 * axes, tooltip, legend, the final-target line, accessibility (aria) and the canvas renderer (so a
 * chart saves as PNG). Loaded only by the attainment pages, through a dynamic import (use-chart.ts).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
