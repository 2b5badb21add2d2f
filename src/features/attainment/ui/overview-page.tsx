/**
 * 达成总览 (/attainment): every pilot in the user's scope with its phase, province, latest confirmed
 * year, the counts of its indicators on track, at risk, off track and without data, its mean progress
 * per dimension and its overall status, fifty to a page; filters by province, phase and overall
 * status; a chart of the status distribution per dimension over every page (with its table) and the
 * Excel export of everything the filters select. Each row links to the pilot's dashboard.
 */
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Result, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { ATTAINMENT_STATUSES, type AttainmentStatus } from '../../../shared/monitoring/attainment';
import { PILOT_STATE_LABELS, PILOT_STATES, type PilotState } from '../../../shared/monitoring/pilot-lifecycle';
import { DIMENSION_LABELS, TARGET_DIMENSIONS, type TargetDimension } from '../../../shared/plan/plan-schema';
import { DistributionTable } from '../../../web-kit/distribution-table';
import { QueryError } from '../../../web-kit/query';
import { PageLoading } from '../../../web-kit/page-loading';
import { DemoTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import type { Overview, OverviewFilters, OverviewItem } from '../attainment.contract';
import { attainmentLinks } from './attainment-api';
import { attainmentQueries } from './attainment-queries';
import { distributionOption, fmtPercent } from './chart-options';
import { useI18n } from './i18n';
import { AttainmentStatusTag, StatusCounts } from './status-tag';
import { useChart } from './use-chart';
import './attainment.css';

const PAGE_SIZE = 50;

function DistributionChart({ data, filters }: { data: Overview; filters: OverviewFilters }) {
  const { t, l, locale } = useI18n();
  const dimensions = Object.fromEntries(TARGET_DIMENSIONS.map((d) => [d, l(DIMENSION_LABELS[d])])) as Record<TargetDimension, string>;
  const status = Object.fromEntries(ATTAINMENT_STATUSES.map((s) => [s, t(`att.s.${s}`)])) as Record<AttainmentStatus, string>;
  const rows: { key: string; label: string; counts: Record<AttainmentStatus, number> }[] = [
    ...TARGET_DIMENSIONS.map((d) => ({ key: d, label: dimensions[d], counts: data.totals.byDimension[d] })),
    { key: 'all', label: t('att.allIndicators'), counts: data.totals.counts },
  ];
  const description = t('ov.chartSummary', {
    rows: rows
      .map((r) => t('ov.chartRow', { dimension: r.label, on: r.counts.on_track, risk: r.counts.at_risk, off: r.counts.off_track, none: r.counts.no_data }))
      .join(locale === 'zh-CN' ? '；' : '; '),
  });
  // The texts are rebuilt with the data; the option only changes when the data or the language does.
  const all = t('att.allIndicators');
  const count = t('ov.count');
  const option = useMemo(
    () => distributionOption(data.totals, { dimensions, all, status, description, count }),
    // dimensions and status are rebuilt each render from the locale, which is a dependency.
    [data.totals, all, count, description, locale],
  );
  const chart = useChart(option, locale);
  return (
    <section className="panel" data-testid="ov-chart-panel" aria-labelledby="ov-chart-title">
      <div className="panel-toolbar">
        <h2 className="pilot-heading att-chart-title" id="ov-chart-title">
          {t('ov.chartTitle')}
        </h2>
        <div className="att-toolbar-end att-buttons">
          <Button icon={<PictureOutlined />} disabled={!chart.ready} onClick={() => chart.save(`${t('ov.title')}.png`)} data-testid="ov-chart-png">
            {t('att.savePng')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={attainmentLinks.overviewXlsx(filters)} download data-testid="ov-chart-xlsx">
            {t('att.exportData')}
          </Button>
        </div>
      </div>
      <div className="att-chart-box">
        <div ref={chart.ref} className="att-chart" role="img" aria-label={description} data-testid="ov-chart" data-ready={chart.ready ? 'true' : 'false'} />
        {!chart.ready && <div className="att-chart-loading muted">{t('att.chartLoading')}</div>}
      </div>
      <DistributionTable
        rows={rows}
        columns={ATTAINMENT_STATUSES}
        columnLabels={status}
        rowHeader={t('att.dimension')}
        caption={t('att.chartData')}
        testId="ov-chart-data"
        rowTestId={(key) => `ov-dist-${key}`}
        className="doc-table att-chart-data"
        captionClassName="att-caption"
      />
    </section>
  );
}

function PilotTable({ data, loading, onPage }: { data: Overview; loading: boolean; onPage: (page: number) => void }) {
  const { t, l } = useI18n();
  const columns: TableColumnsType<OverviewItem> = [
    {
      title: t('ov.pilot'),
      key: 'name',
      render: (_, i) => (
        <>
          <Link to="/pilots/$id" params={{ id: i.pilotId }} search={{ tab: 'attainment' }} data-testid={`ov-link-${i.pilotId}`}>
            {i.name}
          </Link>{' '}
          {i.isDemo && <DemoTag />}
          {i.cityNames.length > 1 && <div className="doc-wording">{i.cityNames.join('、')}</div>}
        </>
      ),
    },
    { title: t('ov.province'), key: 'provinces', render: (_, i) => i.provinces.map((p) => p.name).join('、') },
    { title: t('ov.state'), key: 'state', render: (_, i) => <Tag color={PILOT_STATE_LABELS[i.state].color}>{l(PILOT_STATE_LABELS[i.state])}</Tag> },
    { title: t('ov.latestYear'), key: 'latestYear', align: 'right', render: (_, i) => i.latestYear ?? '—' },
    { title: t('ov.counts'), key: 'counts', render: (_, i) => <StatusCounts counts={i.counts} /> },
    { title: t('ov.meanProgress'), key: 'mean', align: 'right', render: (_, i) => fmtPercent(i.meanProgress) },
    ...TARGET_DIMENSIONS.map((d) => ({
      title: l(DIMENSION_LABELS[d]),
      key: d,
      align: 'right' as const,
      render: (_: unknown, i: OverviewItem) => fmtPercent(i.byDimension[d].meanProgress),
    })),
    { title: t('ov.overall'), key: 'overall', render: (_, i) => <AttainmentStatusTag status={i.overallStatus} testId="ov-status" /> },
  ];
  return (
    <Table<OverviewItem>
      rowKey="pilotId"
      size="small"
      columns={columns}
      dataSource={data.items}
      loading={loading}
      data-testid="ov-table"
      locale={{ emptyText: <span data-testid="ov-empty">{t('ov.none')}</span> }}
      onRow={(i) => ({ 'data-testid': `ov-row-${i.pilotId}`, 'data-status': i.overallStatus }) as HTMLAttributes<HTMLElement>}
      pagination={{
        current: data.page,
        pageSize: data.pageSize,
        total: data.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (n) => t('ov.pilots', { n }),
        onChange: onPage,
      }}
    />
  );
}

export default function AttainmentOverviewPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('report.read');
  const [filters, setFilters] = useState<OverviewFilters>({});
  const [page, setPage] = useState(1);
  const query = useQuery({ ...attainmentQueries.overview({ ...filters, page, pageSize: PAGE_SIZE }), enabled: allowed, placeholderData: keepPreviousData });
  if (!allowed) return <Result status="403" title={t('ov.noAccess')} />;
  const data = query.data;
  const set = (patch: Partial<OverviewFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <div className="page" data-testid="attainment-overview">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('ov.title')}
        </h1>
        <Button icon={<FileExcelOutlined />} href={attainmentLinks.overviewXlsx(filters)} download data-testid="ov-export">
          {t('att.exportAll')}
        </Button>
      </div>
      <div className="panel">
        <p className="muted">{t('ov.intro')}</p>
        <div className="att-filters">
          <label>
            <span className="field-label">{t('ov.province')}</span>
            <Select
              aria-label={t('ov.province')}
              allowClear
              placeholder={t('ov.all')}
              value={filters.province}
              onChange={(v?: string) => set({ province: v })}
              options={(data?.provinces ?? []).map((p) => ({ value: p.id, label: p.name }))}
              data-testid="ov-filter-province"
            />
          </label>
          <label>
            <span className="field-label">{t('ov.state')}</span>
            <Select
              aria-label={t('ov.state')}
              allowClear
              placeholder={t('ov.all')}
              value={filters.state}
              onChange={(v?: PilotState) => set({ state: v })}
              options={PILOT_STATES.map((s) => ({ value: s, label: l(PILOT_STATE_LABELS[s]) }))}
              data-testid="ov-filter-state"
            />
          </label>
          <label>
            <span className="field-label">{t('ov.overall')}</span>
            <Select
              aria-label={t('ov.overall')}
              allowClear
              placeholder={t('ov.all')}
              value={filters.status}
              onChange={(v?: AttainmentStatus) => set({ status: v })}
              options={ATTAINMENT_STATUSES.map((s) => ({ value: s, label: t(`att.s.${s}`) }))}
              data-testid="ov-filter-status"
            />
          </label>
          {data && (
            <div className="att-buttons" data-testid="ov-totals">
              <strong>{t('ov.pilots', { n: data.totals.pilots })}</strong>
              <span className="muted">{t('ov.byOverall')}：</span>
              <StatusCounts counts={data.totals.byOverallStatus} />
            </div>
          )}
        </div>
      </div>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          <DistributionChart data={data} filters={filters} />
          <div className="panel">
            <PilotTable data={data} loading={query.isFetching} onPage={setPage} />
          </div>
        </>
      )}
    </div>
  );
}
