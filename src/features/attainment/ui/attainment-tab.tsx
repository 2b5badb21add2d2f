/**
 * 指标达成: the attainment tab of the pilot page (the route puts it into the page's slot). The
 * summary per dimension, the chart of one indicator (the first off-track one to begin with; any row's
 * button shows its own) and the table of every indicator with each year's actual against the value
 * required that year, the status, the final target and the projection.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tag } from 'antd';
import { useState } from 'react';
import { DIMENSION_LABELS, TARGET_DIMENSIONS, type TargetDimension } from '../../../shared/plan/plan-schema';
import { QueryState } from '../../../web-kit/query';
import type { IndicatorView, PilotAttainmentView } from '../attainment.contract';
import { attainmentLinks } from './attainment-api';
import { attainmentQueries } from './attainment-queries';
import { fmtNumber, fmtPercent } from './chart-options';
import { useI18n } from './i18n';
import { IndicatorChart } from './indicator-chart';
import { AttainmentStatusTag, StatusCounts } from './status-tag';
import './attainment.css';

type Group = PilotAttainmentView['rollup']['pilot'];

function SummaryCard({ title, group, testId }: { title: string; group: Group; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="att-card" data-testid={testId}>
      <div className="att-card-title">{title}</div>
      <div className="att-card-figure">{fmtPercent(group.meanProgress)}</div>
      <div className="muted small">
        {t('att.meanProgress')} · {t('att.indicatorCount', { n: group.indicators })} · {t('att.withData', { n: group.withData })}
      </div>
      <StatusCounts counts={group.statusCounts} />
    </div>
  );
}

/** Which years each contract version covers: "2017年按第1版；2018—2019年按第2版". */
function versionText(view: PilotAttainmentView, t: ReturnType<typeof useI18n>['t']): string {
  const runs: { from: number; to: number; version: number | null }[] = [];
  for (const y of view.years) {
    const last = runs.at(-1);
    if (last && last.version === y.contractVersion) last.to = y.year;
    else runs.push({ from: y.year, to: y.year, version: y.contractVersion });
  }
  return runs
    .map((r) => {
      const years = r.from === r.to ? String(r.from) : `${r.from}—${r.to}`;
      return r.version === null ? t('att.missingVersion', { years }) : t('att.versionYears', { years, version: r.version });
    })
    .join('；');
}

function firstToShow(indicators: readonly IndicatorView[]): IndicatorView | undefined {
  for (const s of ['off_track', 'at_risk', 'on_track'] as const) {
    const found = indicators.find((i) => i.derivable && i.current.status === s);
    if (found) return found;
  }
  return indicators.find((i) => i.derivable) ?? indicators[0];
}

function Dashboard({ view }: { view: PilotAttainmentView }) {
  const { t, l } = useI18n();
  const [selected, setSelected] = useState<string | undefined>(() => firstToShow(view.indicators)?.targetId);
  const shown = view.indicators.find((i) => i.targetId === selected) ?? firstToShow(view.indicators);
  const years = view.years.map((y) => y.year);
  const dimensionName = (d: TargetDimension | null) => (d ? l(DIMENSION_LABELS[d]) : t('att.noDimension'));
  const canExport = view.abilities.includes('export');

  return (
    <div data-testid="attainment">
      <div className="panel">
        <div className="panel-toolbar">
          <h2 className="pilot-heading att-heading">{t('att.title')}</h2>
          <span className="muted">{view.latestYear === null ? t('att.noConfirmed') : t('att.latestYear', { year: view.latestYear })}</span>
          <span className="muted" data-testid="att-versions">
            {t('att.versions')}：{versionText(view, t)}
          </span>
          {canExport && (
            <Button className="att-toolbar-end" icon={<FileExcelOutlined />} href={attainmentLinks.pilotXlsx(view.pilot.id)} download data-testid="att-export">
              {t('att.exportAll')}
            </Button>
          )}
        </div>
        <Alert type="info" showIcon title={t('att.intro', { atRisk: fmtPercent(view.thresholds.atRisk) })} />
        <h3 className="pilot-subheading">{t('att.summary')}</h3>
        <div className="att-cards">
          <SummaryCard title={t('att.allIndicators')} group={view.rollup.pilot} testId="att-summary-pilot" />
          {TARGET_DIMENSIONS.filter((d) => view.rollup.byDimension[d].indicators > 0).map((d) => (
            <SummaryCard key={d} title={l(DIMENSION_LABELS[d])} group={view.rollup.byDimension[d]} testId={`att-summary-${d}`} />
          ))}
        </div>
      </div>

      {shown && <IndicatorChart key={shown.targetId} pilotId={view.pilot.id} pilotName={view.pilot.name} indicator={shown} />}

      <div className="panel">
        <h3 className="pilot-heading">{t('att.indicators')}</h3>
        <div className="pilot-targets-wrap">
          <table className="doc-table att-table" data-testid="att-table">
            <thead>
              <tr>
                <th scope="col">{t('att.dimension')}</th>
                <th scope="col">{t('att.indicator')}</th>
                <th scope="col">{t('att.unit')}</th>
                {years.map((y) => (
                  <th scope="col" key={y} className="nowrap">
                    {t('att.yearCell', { year: y })}
                  </th>
                ))}
                <th scope="col">{t('att.progress')}</th>
                <th scope="col">{t('att.status')}</th>
                <th scope="col">{t('att.finalTarget')}</th>
                <th scope="col">{t('att.projection')}</th>
                <th scope="col">{t('att.chart')}</th>
              </tr>
            </thead>
            <tbody>
              {view.indicators.map((i) => (
                <tr key={i.targetId} data-testid={`att-row-${i.targetId}`} data-status={i.current.status} className={i.targetId === shown?.targetId ? 'att-row-selected' : undefined}>
                  <td>{dimensionName(i.dimension)}</td>
                  <th scope="row" className="att-name">
                    {i.indicator || i.targetId} {i.stretch && <Tag color="purple">{t('att.stretch')}</Tag>}
                    {i.direction === 'lower' && <div className="doc-wording">{t('att.lowerBetter')}</div>}
                    {!i.derivable && i.reasonLabel && <div className="doc-wording">{t('att.notDerivable', { reason: l(i.reasonLabel) })}</div>}
                  </th>
                  <td>{i.unit ?? '—'}</td>
                  {i.years.map((y) => (
                    <td key={y.year} className="num" data-testid={`att-cell-${i.targetId}-${y.year}`}>
                      {fmtNumber(y.actual)} / {fmtNumber(y.required)}
                      {y.status !== 'no_data' && (
                        <div>
                          <AttainmentStatusTag status={y.status} testId="att-year-status" />
                        </div>
                      )}
                    </td>
                  ))}
                  <td className="num">{fmtPercent(i.current.progress)}</td>
                  <td>
                    <AttainmentStatusTag status={i.current.status} />
                  </td>
                  <td className="num">{fmtNumber(i.finalTarget)}</td>
                  <td className="num">
                    {fmtNumber(i.projection.value)}
                    {i.projection.status !== 'no_data' && (
                      <div>
                        <AttainmentStatusTag status={i.projection.status} testId="att-projection-status" />
                      </div>
                    )}
                  </td>
                  <td>
                    {i.targetId === shown?.targetId ? (
                      <span className="muted small">{t('att.showingChart')}</span>
                    ) : (
                      <Button size="small" disabled={!i.derivable} onClick={() => setSelected(i.targetId)} data-testid={`att-show-${i.targetId}`} aria-label={`${t('att.showChart')}：${i.indicator || i.targetId}`}>
                        {t('att.showChart')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

export function AttainmentTab({ pilotId }: { pilotId: string }) {
  const query = useQuery(attainmentQueries.pilot(pilotId));
  return <QueryState query={query}>{(view) => <Dashboard view={view} />}</QueryState>;
}

export default AttainmentTab;
