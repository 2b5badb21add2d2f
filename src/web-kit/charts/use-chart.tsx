/**
 * The chart kit: one ECharts instance in a div. Each feature hands in its own loader of the ECharts
 * parts it uses (a dynamic import of its `echarts-setup.ts`), so ECharts is fetched only by the pages
 * that draw, in their own chunks, and no page pays for another's chart types. The instance starts
 * with the page's locale, follows its box's size, is disposed with the component, and passes clicks
 * to `onClick`. `save` downloads the chart as PNG (getDataURL). The caller gives the div its
 * accessible description and renders a text or table alternative beside it.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import type { Locale } from '../i18n';

/** What a feature's echarts-setup module gives: the core with the parts it registered. */
export interface EChartsModule {
  init: (el: HTMLElement, theme: null, opts: { renderer: 'canvas'; locale: 'ZH' | 'EN' }) => ECharts;
}
export type EChartsLoader = () => Promise<EChartsModule>;

/** What a click on a chart element hands over (the part of ECharts' event the callers read). */
export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  name: string;
  data: unknown;
}

export interface ChartHandle {
  ref: RefObject<HTMLDivElement | null>;
  ready: boolean;
  failed: boolean;
  /** Downloads the chart as a PNG file named `filename`. */
  save: (filename: string) => void;
}

export function useChart(option: EChartsCoreOption | null, locale: Locale, load: EChartsLoader, onClick?: (e: ChartClick) => void): ChartHandle {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const loader = useRef(load);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loader
      .current()
      .then((echarts) => {
        if (disposed || !ref.current) return;
        const instance = echarts.init(ref.current, null, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
        chart.current = instance;
        instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(ref.current);
        setReady(true);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [locale]);

  useEffect(() => {
    if (ready && option) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  const save = (filename: string) => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return { ref, ready, failed, save };
}
