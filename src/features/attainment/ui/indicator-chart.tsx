/**
 * One indicator's chart: the required path of each year against the actual values, the final target
 * marked, the projection dashed, 力争 drawn dotted and named as a stretch target. Beside it the same
 * figures as a table (the chart's text alternative), and buttons to save the chart as PNG and to
 * export its data to Excel.
 */
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useMemo } from 'react';
import type { IndicatorView } from '../attainment.contract';
import { attainmentLinks } from './attainment-api';
import { fmtNumber, fmtPercent, indicatorOption } from './chart-options';
import { useI18n } from './i18n';
import { AttainmentStatusTag } from './status-tag';
import { useChart } from './use-chart';

export function IndicatorChart({ pilotId, pilotName, indicator: ind }: { pilotId: string; pilotName: string; indicator: IndicatorView }) {
  const { t, locale } = useI18n();
  const name = ind.indicator || ind.targetId;
  const unit = ind.unit ?? '';
  const description = t('att.chartSummary', {
    indicator: `${name}${ind.stretch ? `（${t('att.stretch')}）` : ''}`,
    years: ind.years
      .map((y) => t('att.chartYear', { year: y.year, required: `${fmtNumber(y.required)}${unit}`, actual: `${fmtNumber(y.actual)}${unit}`, status: t(`att.s.${y.status}`) }))
      .join(locale === 'zh-CN' ? '；' : '; '),
    finalYear: ind.finalYear,
    final: `${fmtNumber(ind.finalTarget)}${unit}`,
    projection: `${fmtNumber(ind.projection.value)}${unit}（${t(`att.s.${ind.projection.status}`)}）`,
  });
  const option = useMemo(
    () =>
      indicatorOption(ind, {
        required: t(ind.stretch ? 'att.series.requiredStretch' : 'att.series.required'),
        actual: t('att.series.actual'),
        projection: t('att.series.projection'),
        final: t('att.series.final', { value: `${fmtNumber(ind.finalTarget)}${unit}` }),
        base: t('att.baseline'),
        status: { on_track: t('att.s.on_track'), at_risk: t('att.s.at_risk'), off_track: t('att.s.off_track'), no_data: t('att.s.no_data') },
        description,
      }),
    [ind, t, unit, description],
  );
  const chart = useChart(option, locale);

  return (
    <section className="panel att-chart-panel" data-testid="att-chart-panel" data-target={ind.targetId} aria-labelledby="att-chart-title">
      <div className="panel-toolbar">
        <h3 className="pilot-heading att-chart-title" id="att-chart-title">
          {t('att.chartTitle', { indicator: name })} {ind.stretch && <Tag color="purple">{t('att.stretchHint')}</Tag>}{' '}
          <AttainmentStatusTag status={ind.current.status} testId="att-chart-status" />
        </h3>
        <div className="att-toolbar-end att-buttons">
          <Button icon={<PictureOutlined />} disabled={!chart.ready} onClick={() => chart.save(`${pilotName}-${name}.png`)} data-testid="att-chart-png">
            {t('att.savePng')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={attainmentLinks.pilotXlsx(pilotId, ind.targetId)} download data-testid="att-chart-xlsx">
            {t('att.exportData')}
          </Button>
        </div>
      </div>
      <div className="att-chart-box">
        <div ref={chart.ref} className="att-chart" role="img" aria-label={description} data-testid="att-chart" data-ready={chart.ready ? 'true' : 'false'} />
        {!chart.ready && <div className="att-chart-loading muted">{t('att.chartLoading')}</div>}
      </div>
      <table className="doc-table att-chart-data" data-testid="att-chart-data">
        <caption className="att-caption">{t('att.chartData')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('att.year')}</th>
            <th scope="col">{t('att.version')}</th>
            <th scope="col">{t('att.required')}</th>
            <th scope="col">{t('att.actual')}</th>
            <th scope="col">{t('att.progress')}</th>
            <th scope="col">{t('att.status')}</th>
          </tr>
        </thead>
        <tbody>
          {ind.baseYear !== null && ind.baseline !== null && (
            <tr>
              <th scope="row">
                {ind.baseYear}（{t('att.baseline')}）
              </th>
              <td>—</td>
              <td className="num">—</td>
              <td className="num">
                {fmtNumber(ind.baseline)}
                {unit}
              </td>
              <td className="num">—</td>
              <td>—</td>
            </tr>
          )}
          {ind.years.map((y) => (
            <tr key={y.year} data-testid={`att-chart-year-${y.year}`}>
              <th scope="row">{y.year}</th>
              <td>{y.contractVersion === null ? '—' : t('att.versionN', { n: y.contractVersion })}</td>
              <td className="num">
                {fmtNumber(y.required)}
                {y.required !== null && unit}
              </td>
              <td className="num">
                {fmtNumber(y.actual)}
                {y.actual !== null && unit}
                {y.actualPeriod && y.actualPeriod !== String(y.year) && <span className="muted small"> ({y.actualPeriod})</span>}
              </td>
              <td className="num">{fmtPercent(y.progress)}</td>
              <td>
                <AttainmentStatusTag status={y.status} testId="att-chart-year-status" />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('att.finalTarget')}</th>
            <td colSpan={2} className="num">
              {fmtNumber(ind.finalTarget)}
              {ind.finalTarget !== null && unit}
            </td>
            <td className="num">
              {t('att.projection')} {fmtNumber(ind.projection.value)}
              {ind.projection.value !== null && unit}
            </td>
            <td className="num">{fmtPercent(ind.projection.progress)}</td>
            <td>
              <AttainmentStatusTag status={ind.projection.status} testId="att-chart-projection-status" />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
