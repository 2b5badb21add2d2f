/**
 * 统计看板 (/dashboard): the pilots in the user's scope by region, city type, province and phase;
 * attainment status per dimension (the pilots' cached summaries); overdue progress reports and open
 * rectification cases with links to them; policy resources by programme. The national view shows
 * the provinces as a schematic tile grid (示意图，非地图, ADR 0016) coloured by pilot count or mean
 * progress; picking a province (on the grid, or with its button in the table) drills down to that
 * province's dashboard — the same page, filtered — whose cities open their pilot. A provincial
 * authority sees its own province only. Every chart saves as PNG and exports its data to Excel; the
 * whole dashboard exports as one workbook.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Breadcrumb, Button, Radio, Result, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ATTAINMENT_STATUSES, STATUS_LABELS } from '../../../shared/monitoring/attainment';
import { PILOT_STATE_LABELS, PILOT_STATES, type PilotState } from '../../../shared/monitoring/pilot-lifecycle';
import { CITY_TYPE_LABELS, CITY_TYPES, type CityType } from '../../../shared/plan/city-types';
import { DIMENSION_LABELS, TARGET_DIMENSIONS } from '../../../shared/plan/plan-schema';
import { TILE_GRID_NOTICE } from '../../../shared/reference/province-tiles';
import { REGION_LABELS, REGIONS, type Region } from '../../../shared/reference/regions';
import { DistributionTable } from '../../../web-kit/distribution-table';
import { PageLoading } from '../../../web-kit/page-loading';
import { QueryError } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import type { Dashboard, DashboardPart, DashboardQuery } from '../dashboards.contract';
import { attainmentOption, countsOption, provinceGridOption, STATUS_COLORS, type GridMode, type TileDatum } from './chart-options';
import { ChartPanel } from './chart-panel';
import { dashboardLinks } from './dashboards-api';
import { dashboardQueries } from './dashboards-queries';
import type { DashboardSearch } from './dashboard-search';
import { useI18n } from './i18n';
import './dashboards.css';

const LIST_LIMIT = 50;
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const amount = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function Cards({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const cards: { key: string; title: string; value: string; to?: string }[] = [
    { key: 'pilots', title: t('dash.card.pilots'), value: String(data.totals.pilots) },
    { key: 'cities', title: t('dash.card.cities'), value: String(data.totals.cities) },
    ...(data.sections.overdueReports ? [{ key: 'overdue', title: t('dash.card.overdue'), value: String(data.totals.overdueReports), to: '#dash-overdue' }] : []),
    ...(data.sections.rectifications ? [{ key: 'cases', title: t('dash.card.cases'), value: String(data.totals.openRectifications), to: '#dash-cases' }] : []),
    {
      key: 'resources',
      title: t('dash.card.resources'),
      value: data.totals.resourceAmount === null ? t('dash.card.noResources') : amount(data.totals.resourceAmount),
    },
  ];
  return (
    <div className="dash-cards" data-testid="dash-cards">
      {cards.map((c) => (
        <div className="dash-card" key={c.key} data-testid={`dash-card-${c.key}`}>
          <div className="dash-card-title">{c.to ? <a href={c.to}>{c.title}</a> : c.title}</div>
          <div className="dash-card-figure">{c.value}</div>
        </div>
      ))}
    </div>
  );
}

function ProvinceGrid({ data, query, onProvince }: { data: Dashboard; query: DashboardQuery; onProvince: (code: string) => void }) {
  const { t, l, locale } = useI18n();
  const [mode, setMode] = useState<GridMode>('count');
  const withPilots = data.byProvince.filter((p) => p.pilots > 0).sort((a, b) => b.pilots - a.pilots || a.code.localeCompare(b.code));
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const description =
    t('dash.grid.summary', { rows: withPilots.length ? withPilots.map((p) => t('dash.grid.row', { name: p.name, n: p.pilots })).join(sep) : t('dash.grid.none') }) +
    ' ' +
    l(TILE_GRID_NOTICE);
  const option = useMemo(
    () =>
      provinceGridOption(data.byProvince, mode, {
        description,
        pilots: t('dash.pilots'),
        progress: t('dash.grid.meanProgress'),
        noData: STATUS_LABELS.no_data[locale === 'zh-CN' ? 'zh' : 'en'],
        onTrack: l(STATUS_LABELS.on_track),
        atRisk: l(STATUS_LABELS.at_risk),
        offTrack: l(STATUS_LABELS.off_track),
      }),
    [data.byProvince, mode, description, t, l, locale],
  );
  const byCode = new Map(data.byProvince.map((p) => [p.code, p]));
  return (
    <ChartPanel
      id="provinces"
      title={t('dash.grid.title')}
      option={option}
      description={description}
      xlsxHref={dashboardLinks.xlsx(query, 'provinces')}
      filename={`${t('dash.title')}-${t('dash.grid.title')}.png`}
      height={420}
      onClick={(e) => {
        const code = (e.data as TileDatum | undefined)?.code;
        if (code && (byCode.get(code)?.pilots ?? 0) > 0) onProvince(code);
      }}
      tools={
        <Radio.Group
          aria-label={t('dash.grid.colourBy')}
          optionType="button"
          size="middle"
          value={mode}
          onChange={(e) => setMode(e.target.value as GridMode)}
          options={[
            { value: 'count', label: t('dash.grid.byCount') },
            { value: 'progress', label: t('dash.grid.byProgress') },
          ]}
          data-testid="dash-grid-mode"
        />
      }
      aside={
        <p className="dash-notice" data-testid="dash-grid-notice">
          {l(TILE_GRID_NOTICE)}。{t('dash.grid.crossProvince')}
        </p>
      }
    >
      <table className="doc-table dash-data" data-testid="dash-province-table">
        <caption className="dash-caption">{t('dash.chartData')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.province')}</th>
            <th scope="col">{t('dash.region')}</th>
            <th scope="col" className="num">
              {t('dash.pilots')}
            </th>
            <th scope="col" className="num">
              {t('dash.grid.meanProgress')}
            </th>
          </tr>
        </thead>
        <tbody>
          {withPilots.length === 0 && (
            <tr>
              <td colSpan={4}>{t('dash.grid.none')}</td>
            </tr>
          )}
          {withPilots.map((p) => (
            <tr key={p.code} data-testid={`dash-province-${p.code}`}>
              <th scope="row">
                <Button type="link" className="dash-link-button" onClick={() => onProvince(p.code)} data-testid={`dash-drill-${p.code}`} aria-label={t('dash.grid.open', { name: p.name })}>
                  {p.name}
                </Button>
              </th>
              <td>{p.region ? l(REGION_LABELS[p.region]) : '—'}</td>
              <td className="num">{p.pilots}</td>
              <td className="num">{pct(p.meanProgress)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}

function CitiesPanel({ data, query, provinceName }: { data: Dashboard; query: DashboardQuery; provinceName: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const description = t('dash.cities.summary', {
    province: provinceName,
    rows: data.cities.length ? data.cities.map((c) => t('dash.grid.row', { name: c.name, n: c.pilots.length })).join(sep) : t('dash.cities.none'),
  });
  const option = useMemo(
    () => countsOption(data.cities.map((c) => ({ label: c.name, value: c.pilots.length })), { description, count: t('dash.pilots'), horizontal: true }),
    [data.cities, description, t],
  );
  const title = t('dash.cities.title', { province: provinceName });
  return (
    <ChartPanel
      id="cities"
      title={title}
      option={option}
      description={description}
      xlsxHref={dashboardLinks.xlsx(query, 'cities')}
      filename={`${t('dash.title')}-${title}.png`}
      height={Math.max(160, 48 + data.cities.length * 36)}
      onClick={(e) => {
        const pilot = data.cities[e.dataIndex]?.pilots[0];
        if (pilot) void navigate({ to: '/pilots/$id', params: { id: pilot.id } });
      }}
      aside={<p className="muted dash-notice">{t('dash.cities.hint')}</p>}
    >
      <table className="doc-table dash-data" data-testid="dash-city-table">
        <caption className="dash-caption">{t('dash.chartData')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.city')}</th>
            <th scope="col" className="num">
              {t('dash.pilots')}
            </th>
            <th scope="col">{t('dash.pilot')}</th>
          </tr>
        </thead>
        <tbody>
          {data.cities.length === 0 && (
            <tr>
              <td colSpan={3}>{t('dash.cities.none')}</td>
            </tr>
          )}
          {data.cities.map((c) => (
            <tr key={c.code} data-testid={`dash-city-${c.code}`}>
              <th scope="row">{c.name}</th>
              <td className="num">{c.pilots.length}</td>
              <td>
                {c.pilots.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && '、'}
                    <Link to="/pilots/$id" params={{ id: p.id }} data-testid={`dash-city-link-${c.code}`}>
                      {p.name}
                    </Link>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}

function CountsPanel<K extends string>({
  id,
  title,
  items,
  labelOf,
  query,
  onPick,
  note,
  horizontal,
}: {
  id: DashboardPart;
  title: string;
  items: { key: K; pilots: number }[];
  labelOf: (k: K) => string;
  query: DashboardQuery;
  onPick?: (k: K) => void;
  note?: string;
  horizontal?: boolean;
}) {
  const { t, locale } = useI18n();
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const description = t('dash.counts.summary', { title, rows: items.map((i) => t('dash.counts.row', { label: labelOf(i.key), n: i.pilots })).join(sep) });
  const option = useMemo(
    () => countsOption(items.map((i) => ({ label: labelOf(i.key), value: i.pilots })), { description, count: t('dash.pilots'), horizontal }),
    // labelOf follows the locale, which the description carries.
    [items, description, horizontal, t],
  );
  return (
    <ChartPanel
      id={id}
      title={title}
      option={option}
      description={description}
      xlsxHref={dashboardLinks.xlsx(query, id)}
      filename={`${t('dash.title')}-${title}.png`}
      height={horizontal ? 48 + items.length * 34 : 260}
      onClick={onPick ? (e) => items[e.dataIndex] && onPick(items[e.dataIndex]!.key) : undefined}
      aside={note ? <p className="muted dash-notice">{note}</p> : undefined}
    >
      <table className="doc-table dash-data" data-testid={`dash-table-${id}`}>
        <caption className="dash-caption">{t('dash.chartData')}</caption>
        <tbody>
          {items.map((i) => (
            <tr key={i.key} data-testid={`dash-${id}-${i.key}`}>
              <th scope="row">{labelOf(i.key)}</th>
              <td className="num">{i.pilots}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}

function AttainmentPanel({ data, query }: { data: Dashboard; query: DashboardQuery }) {
  const { t, l, locale } = useI18n();
  const rows = [
    ...TARGET_DIMENSIONS.map((d) => ({ key: d as string, label: l(DIMENSION_LABELS[d]), counts: data.attainment.byDimension[d] })),
    { key: 'all', label: t('dash.att.all'), counts: data.attainment.all },
  ];
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const description = t('dash.att.summary', {
    rows: rows.map((r) => t('dash.att.row', { dimension: r.label, on: r.counts.on_track, risk: r.counts.at_risk, off: r.counts.off_track, none: r.counts.no_data })).join(sep),
  });
  const status = Object.fromEntries(ATTAINMENT_STATUSES.map((s) => [s, l(STATUS_LABELS[s])])) as Record<(typeof ATTAINMENT_STATUSES)[number], string>;
  const option = useMemo(
    () => attainmentOption(rows, { description, count: t('dash.count'), status }),
    // rows and status follow the data and the locale, which the description carries.
    [data.attainment, description, t],
  );
  return (
    <ChartPanel
      id="attainment"
      title={t('dash.att.title')}
      option={option}
      description={description}
      xlsxHref={dashboardLinks.xlsx(query, 'attainment')}
      filename={`${t('dash.title')}-${t('dash.att.title')}.png`}
      aside={
        <p className="muted dash-notice">
          {t('dash.att.source')} {t('dash.att.pilots')}{' '}
          {ATTAINMENT_STATUSES.map((s) => (
            <span key={s} className="dash-status" data-testid={`dash-overall-${s}`}>
              <span className="dash-swatch" style={{ background: STATUS_COLORS[s] }} aria-hidden="true" />
              {status[s]} {data.attainment.byOverallStatus[s]}
            </span>
          ))}
        </p>
      }
    >
      <DistributionTable
        rows={rows}
        columns={ATTAINMENT_STATUSES}
        columnLabels={status}
        rowHeader={t('dash.att.dimension')}
        caption={t('dash.chartData')}
        testId="dash-attainment-table"
        rowTestId={(key) => `dash-att-${key}`}
        className="doc-table dash-data"
        captionClassName="dash-caption"
      />
    </ChartPanel>
  );
}

function ResourcesPanel({ data, query }: { data: Dashboard; query: DashboardQuery }) {
  const { t, l, locale } = useI18n();
  const res = data.resources!;
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const description = t('dash.res.summary', { rows: res.rows.map((r) => t('dash.res.row', { label: l(r), amount: amount(r.amount), n: r.count })).join(sep) });
  const option = useMemo(
    () => countsOption(res.rows.map((r) => ({ label: l(r), value: r.amount })), { description, count: t('dash.res.amount'), horizontal: true, color: '#8c5a1f' }),
    [res.rows, description, t, l],
  );
  return (
    <ChartPanel
      id="resources"
      title={t('dash.res.title')}
      option={option}
      description={description}
      xlsxHref={dashboardLinks.xlsx(query, 'resources')}
      filename={`${t('dash.title')}-${t('dash.res.title')}.png`}
      height={48 + res.rows.length * 34}
      aside={
        <p className="muted dash-notice">
          <Link to="/resources">{t('dash.res.open')}</Link>
        </p>
      }
    >
      <table className="doc-table dash-data" data-testid="dash-resources-table">
        <caption className="dash-caption">{t('dash.chartData')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.res.programme')}</th>
            <th scope="col" className="num">
              {t('dash.res.amount')}
            </th>
            <th scope="col" className="num">
              {t('dash.res.records')}
            </th>
            <th scope="col" className="num">
              {t('dash.res.pilots')}
            </th>
          </tr>
        </thead>
        <tbody>
          {res.rows.map((r) => (
            <tr key={r.programme} data-testid={`dash-res-${r.programme}`}>
              <th scope="row">{l(r)}</th>
              <td className="num">{amount(r.amount)}</td>
              <td className="num">{r.count}</td>
              <td className="num">{r.pilots}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('dash.res.total')}</th>
            <td className="num" data-testid="dash-res-total">
              {amount(res.total.amount)}
            </td>
            <td className="num">{res.total.count}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </ChartPanel>
  );
}

function Lists({ data }: { data: Dashboard }) {
  const { t, l } = useI18n();
  return (
    <div className="dash-two">
      {data.sections.overdueReports && (
        <section className="panel" id="dash-overdue" aria-labelledby="dash-overdue-title" data-testid="dash-overdue">
          <div className="panel-toolbar">
            <h2 className="pilot-heading dash-panel-title" id="dash-overdue-title">
              {t('dash.overdue.title')} <Tag color={data.totals.overdueReports ? 'red' : 'default'}>{data.totals.overdueReports}</Tag>
            </h2>
            <div className="dash-tools">
              <Link to="/reports">{t('dash.overdue.all')}</Link>
            </div>
          </div>
          {data.overdueReports.length === 0 ? (
            <p className="muted">{t('dash.overdue.none')}</p>
          ) : (
            <table className="doc-table dash-data">
              <thead>
                <tr>
                  <th scope="col">{t('dash.pilot')}</th>
                  <th scope="col">{t('dash.overdue.period')}</th>
                  <th scope="col">{t('dash.overdue.due')}</th>
                  <th scope="col">{t('dash.overdue.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.overdueReports.slice(0, LIST_LIMIT).map((r) => (
                  <tr key={r.reportId} data-testid={`dash-overdue-${r.reportId}`}>
                    <th scope="row">
                      <Link to="/reports/$id" params={{ id: r.reportId }}>
                        {r.pilotName}
                      </Link>
                    </th>
                    <td>{l(r.periodText)}</td>
                    <td>{r.dueDate}</td>
                    <td>{r.status === 'returned' ? t('dash.report.returned') : t('dash.report.draft')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.overdueReports.length > LIST_LIMIT && <p className="muted small">{t('dash.list.more', { n: LIST_LIMIT })}</p>}
        </section>
      )}
      {data.sections.rectifications && (
        <section className="panel" id="dash-cases" aria-labelledby="dash-cases-title" data-testid="dash-cases">
          <div className="panel-toolbar">
            <h2 className="pilot-heading dash-panel-title" id="dash-cases-title">
              {t('dash.cases.title')} <Tag color={data.totals.openRectifications ? 'orange' : 'default'}>{data.totals.openRectifications}</Tag>
            </h2>
          </div>
          {data.openRectifications.length === 0 ? (
            <p className="muted">{t('dash.cases.none')}</p>
          ) : (
            <table className="doc-table dash-data">
              <thead>
                <tr>
                  <th scope="col">{t('dash.pilot')}</th>
                  <th scope="col">{t('dash.cases.status')}</th>
                  <th scope="col">{t('dash.cases.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {data.openRectifications.slice(0, LIST_LIMIT).map((c) => (
                  <tr key={c.caseId} data-testid={`dash-case-${c.caseId}`}>
                    <th scope="row">
                      <Link to="/pilots/$id/rectifications/$caseId" params={{ id: c.pilotId, caseId: c.caseId }}>
                        {c.pilotName}
                      </Link>
                    </th>
                    <td>{t(`dash.case.${c.status as 'open' | 'answered' | 'province_reviewed'}`)}</td>
                    <td>
                      {c.deadline} {c.deadlinePassed && <Tag color="red">{t('dash.cases.passed')}</Tag>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.openRectifications.length > LIST_LIMIT && <p className="muted small">{t('dash.list.more', { n: LIST_LIMIT })}</p>}
        </section>
      )}
    </div>
  );
}

function PilotList({ data }: { data: Dashboard }) {
  const { t, l } = useI18n();
  return (
    <section className="panel" aria-labelledby="dash-list-title" data-testid="dash-pilots">
      <h2 className="pilot-heading dash-panel-title" id="dash-list-title">
        {t('dash.list.title')}
      </h2>
      {data.pilots.length === 0 ? (
        <p className="muted">{t('dash.list.none')}</p>
      ) : (
        <table className="doc-table dash-data">
          <thead>
            <tr>
              <th scope="col">{t('dash.pilot')}</th>
              <th scope="col">{t('dash.city')}</th>
              <th scope="col">{t('dash.list.state')}</th>
              <th scope="col">{t('dash.list.overall')}</th>
              <th scope="col" className="num">
                {t('dash.list.mean')}
              </th>
              <th scope="col" className="num">
                {t('dash.list.overdue')}
              </th>
              <th scope="col" className="num">
                {t('dash.list.cases')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.pilots.slice(0, LIST_LIMIT).map((p) => (
              <tr key={p.id} data-testid={`dash-pilot-${p.id}`}>
                <th scope="row">
                  <Link to="/pilots/$id" params={{ id: p.id }}>
                    {p.name}
                  </Link>{' '}
                  {p.isDemo && <DemoTag />}
                </th>
                <td>{p.cityNames.join('、')}</td>
                <td>{l(PILOT_STATE_LABELS[p.state])}</td>
                <td>{p.overallStatus ? l(STATUS_LABELS[p.overallStatus]) : '—'}</td>
                <td className="num">{pct(p.meanProgress)}</td>
                <td className="num">{p.overdueReports}</td>
                <td className="num">{p.openRectifications}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.pilots.length > LIST_LIMIT && <p className="muted small">{t('dash.list.more', { n: LIST_LIMIT })}</p>}
    </section>
  );
}

export default function DashboardPage({ search, onSearch }: { search: DashboardSearch; onSearch: (patch: Partial<DashboardSearch>) => void }) {
  const { t, l } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('dashboard.read');
  const query: DashboardQuery = search;
  const result = useQuery({ ...dashboardQueries.dashboard(query), enabled: allowed, placeholderData: keepPreviousData });
  if (!allowed) return <Result status="403" title={t('dash.noAccess')} />;
  const data = result.data;
  const national = data?.scope.level === 'national';
  const provinceCode = data?.filters.province;
  const provinceName = provinceCode ? (data?.byProvince.find((p) => p.code === provinceCode)?.name ?? provinceCode) : '';
  const exportQuery: DashboardQuery = data ? { ...query, province: data.filters.province } : query;

  return (
    <div className="page" data-testid="dashboard-page">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('dash.title')}
        </h1>
        <Button icon={<FileExcelOutlined />} href={dashboardLinks.xlsx(exportQuery)} download data-testid="dash-export">
          {t('dash.exportAll')}
        </Button>
      </div>
      <div className="panel">
        <p className="muted">{t('dash.intro')}</p>
        {data && (
          <nav aria-label={t('dash.breadcrumb')} data-testid="dash-breadcrumb">
            <Breadcrumb
              items={[
                national
                  ? {
                      title: provinceCode ? (
                        <Button type="link" className="dash-link-button" onClick={() => onSearch({ province: undefined })} data-testid="dash-crumb-national">
                          {t('dash.national')}
                        </Button>
                      ) : (
                        <span aria-current="page">{t('dash.national')}</span>
                      ),
                    }
                  : { title: <span>{t('dash.scopeProvince', { name: provinceName })}</span> },
                ...(national && provinceCode ? [{ title: <span aria-current="page">{provinceName}</span> }] : []),
              ]}
            />
          </nav>
        )}
        <div className="dash-filters">
          <label>
            <span className="field-label">{t('dash.region')}</span>
            <Select
              aria-label={t('dash.region')}
              allowClear
              placeholder={t('dash.all')}
              value={search.region}
              onChange={(v?: Region) => onSearch({ region: v })}
              options={REGIONS.map((r) => ({ value: r, label: l(REGION_LABELS[r]) }))}
              data-testid="dash-filter-region"
            />
          </label>
          <label>
            <span className="field-label">{t('dash.cityType')}</span>
            <Select
              aria-label={t('dash.cityType')}
              allowClear
              placeholder={t('dash.all')}
              value={search.cityType}
              onChange={(v?: CityType) => onSearch({ cityType: v })}
              options={CITY_TYPES.map((c) => ({ value: c, label: l(CITY_TYPE_LABELS[c]) }))}
              data-testid="dash-filter-city-type"
              popupMatchSelectWidth={false}
            />
          </label>
          <label>
            <span className="field-label">{t('dash.phase')}</span>
            <Select
              aria-label={t('dash.phase')}
              allowClear
              placeholder={t('dash.all')}
              value={search.phase}
              onChange={(v?: PilotState) => onSearch({ phase: v })}
              options={PILOT_STATES.map((s) => ({ value: s, label: l(PILOT_STATE_LABELS[s]) }))}
              data-testid="dash-filter-phase"
            />
          </label>
        </div>
      </div>
      {result.isError ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          <Cards data={data} />
          {national && !provinceCode ? (
            <ProvinceGrid data={data} query={exportQuery} onProvince={(code) => onSearch({ province: code })} />
          ) : (
            <CitiesPanel data={data} query={exportQuery} provinceName={provinceName} />
          )}
          <div className="dash-three">
            <CountsPanel id="regions" title={t('dash.region.title')} items={data.byRegion} labelOf={(k) => l(REGION_LABELS[k])} query={exportQuery} onPick={(k) => onSearch({ region: k })} />
            <CountsPanel id="phases" title={t('dash.phase.title')} items={data.byPhase} labelOf={(k) => l(PILOT_STATE_LABELS[k])} query={exportQuery} onPick={(k) => onSearch({ phase: k })} horizontal />
          </div>
          <CountsPanel
            id="cityTypes"
            title={t('dash.cityType.title')}
            items={data.byCityType}
            labelOf={(k) => l(CITY_TYPE_LABELS[k])}
            query={exportQuery}
            onPick={(k) => onSearch({ cityType: k })}
            note={t('dash.cityType.note')}
            horizontal
          />
          <AttainmentPanel data={data} query={exportQuery} />
          {data.sections.resources && data.resources && <ResourcesPanel data={data} query={exportQuery} />}
          <Lists data={data} />
          <PilotList data={data} />
        </>
      )}
    </div>
  );
}
