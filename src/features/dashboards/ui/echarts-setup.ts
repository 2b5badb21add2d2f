/**
 * The parts of ECharts the dashboard uses, and nothing else: bar charts, the heatmap that draws the
 * schematic province grid, its colour scale (visualMap), grid, axes, tooltip, legend, accessibility
 * (aria) and the canvas renderer (so a chart saves as PNG). Loaded only by the dashboard page,
 * through a dynamic import (the web kit's useChart), in a chunk of its own.
 */
import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);

export { echarts };
