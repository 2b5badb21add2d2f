/**
 * One ECharts instance in a div: ECharts is imported on first use (its own chunk), initialised with
 * the page's locale, resized with its box, and disposed with the component. `save` downloads the
 * chart as PNG (getDataURL). The div carries the accessible description the aria option generates;
 * every chart also has a text and table alternative beside it (the callers render it).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Locale } from '../../../web-kit/i18n';
import type { EChartsCoreOption } from './echarts-setup';

type Instance = ReturnType<(typeof import('./echarts-setup'))['echarts']['init']>;

export interface ChartHandle {
  ref: RefObject<HTMLDivElement | null>;
  ready: boolean;
  failed: boolean;
  /** Downloads the chart as a PNG file named `filename`. */
  save: (filename: string) => void;
}

export function useChart(option: EChartsCoreOption | null, locale: Locale): ChartHandle {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import('./echarts-setup')
      .then(({ echarts }) => {
        if (disposed || !ref.current) return;
        const instance = echarts.init(ref.current, null, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
        chart.current = instance;
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
