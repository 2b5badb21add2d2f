/**
 * One pilot city (/pilots/:id), in tabs. 批复与目标: the approval facts, the approval reply to
 * download, and the target contract frozen at approval (by dimension). 试点周期: the phase and its
 * calendar, the actions the server allows, the contract's versions and amendments (调整优化), the
 * summary report and typical experience (总结示范), and the history. 指标达成: the attainment
 * dashboard, which the route puts into its slot (?tab=attainment opens it).
 */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Descriptions, Result, Space, Tabs, Tag } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { DIMENSION_LABELS, TARGET_DIMENSIONS, TARGET_KIND_LABELS, type Target } from '../../../shared/plan/plan-schema';
import { ApiError } from '../../../web-kit/api-client';
import { errorText } from '../../../web-kit/errors';
import { formatDate, formatDateTime } from '../../../web-kit/format';
import { PageLoading } from '../../../web-kit/page-loading';
import { DemoTag } from '../../../web-kit/status-tag';
import { formatNumber, groupTargets, QUALIFIER_SHORT_KEYS } from '../../applications/ui/public';
import type { PilotDetail } from '../pilots.contract';
import { useI18n } from './i18n';
import { pilotLinks } from './pilots-api';
import { periodText } from './pilots-page';
import { PilotCycleSection } from './pilot-cycle';
import { PilotStateTag } from './pilot-state-tag';
import { PilotSummarySection } from './pilot-summary';
import { pilotsQueries, usePilotChanged } from './pilots-queries';
import './pilots.css';

function TargetContract({ pilot }: { pilot: PilotDetail }) {
  const { t, l } = useI18n();
  const withYears = pilot.targets.find((x) => x.targetYears.length === 3);
  const years = withYears ? withYears.targetYears : [pilot.periodStartYear, pilot.periodStartYear + 1, pilot.periodStartYear + 2];
  const groups = groupTargets(pilot.targets, TARGET_DIMENSIONS).filter((g) => g.items.length > 0);
  const value = (target: Target, v: number | null | undefined) => {
    if (v === null || v === undefined) return '—';
    const q = QUALIFIER_SHORT_KEYS[target.qualifier];
    return `${q ? `${t(q)} ` : ''}${formatNumber(v)}`;
  };
  if (pilot.targets.length === 0) return <p className="doc-empty">{t('doc.noTargets')}</p>;
  return (
    <table className="doc-table pilot-targets" data-testid="pilot-targets">
      <colgroup>
        {[5, 26, 6, 10, 7, 7, 7, 7, 7, 18].map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{t('doc.no')}</th>
          <th>{t('target.indicator')}</th>
          <th className="nowrap">{t('target.unit')}</th>
          <th>{t('target.kind')}</th>
          <th className="nowrap">{t('target.baseYear')}</th>
          <th className="nowrap">{t('target.baselineValue')}</th>
          {years.map((y) => (
            <th key={y} className="nowrap">
              {t('target.yearValue', { year: y })}
            </th>
          ))}
          <th>{t('target.assessmentMethod')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <Fragment key={g.dimension ?? 'none'}>
            <tr className="doc-group-row" data-testid={`pilot-dimension-${g.dimension ?? 'none'}`}>
              <td colSpan={10}>
                {g.dimension ? l(DIMENSION_LABELS[g.dimension as keyof typeof DIMENSION_LABELS]) : t('target.noDimension')}
                <span className="muted small"> ({g.items.length})</span>
              </td>
            </tr>
            {g.items.map(({ target, index }) => (
              <tr key={target.id} data-testid={`pilot-target-${target.id}`}>
                <td className="num">{index + 1}</td>
                <td>
                  {target.indicator || '—'}
                  {target.wording && <div className="doc-wording">{target.wording}</div>}
                </td>
                <td>{target.unit || '—'}</td>
                <td>
                  {target.kind ? l(TARGET_KIND_LABELS[target.kind]) : '—'}
                  <div className="doc-wording">{t(target.direction === 'lower' ? 'direction.lower' : 'direction.higher')}</div>
                </td>
                <td className="num">{target.baseYear ?? '—'}</td>
                <td className="num">{formatNumber(target.baselineValue)}</td>
                {[0, 1, 2].map((i) => (
                  <td key={i} className="num">
                    {value(target, target.values[i])}
                  </td>
                ))}
                <td className="small">
                  {target.assessmentMethod || '—'}
                  {target.dataSource && (
                    <div className="doc-wording">
                      {t('target.dataSource')}：{target.dataSource}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Where the amendments panel goes on the cycle tab. The web layer fills it (the amendments feature
 * builds on pilots, so pilots cannot import it back).
 */
export type AmendmentsSlot = (props: { pilot: PilotDetail; targets: readonly Target[]; onPilotChanged: () => Promise<unknown> | void }) => ReactNode;

/**
 * Where the attainment dashboard (指标达成) goes: its own tab. The web layer fills it (attainment
 * builds on pilots, and its charts load only when the tab opens).
 */
export type AttainmentSlot = (props: { pilot: PilotDetail }) => ReactNode;

/**
 * More downloads beside the 批复's (the whole dossier as a zip). The web layer fills it: the dossier
 * feature builds on pilots, so pilots cannot import it back.
 */
export type DownloadsSlot = (props: { pilot: PilotDetail }) => ReactNode;

/** The cycle tab: the cycle itself, then amendments (against the contract in force) and the summary. */
function CycleTab({ pilot, amendments }: { pilot: PilotDetail; amendments?: AmendmentsSlot }) {
  const versions = useQuery(pilotsQueries.contractVersions(pilot.id));
  const changed = usePilotChanged(pilot.id);
  const current = versions.data?.items.at(-1)?.targets ?? pilot.targets;
  return (
    <>
      <PilotCycleSection pilotId={pilot.id} />
      {amendments?.({ pilot, targets: current, onPilotChanged: changed })}
      <PilotSummarySection pilotId={pilot.id} />
    </>
  );
}

export default function PilotPage({ id, amendments, attainment, downloads, initialTab }: { id: string; amendments?: AmendmentsSlot; attainment?: AttainmentSlot; downloads?: DownloadsSlot; initialTab?: string }) {
  const { t, locale } = useI18n();
  const { data: pilot, error, isError } = useQuery(pilotsQueries.detail(id));
  const [tab, setTab] = useState(initialTab === 'cycle' || (initialTab === 'attainment' && attainment) ? initialTab : 'overview');

  // The pilot's own error page keeps the way back to the list, which the shared error view has not.
  if (isError) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('pilots.notFound') : t('pilots.loadFailed')}
        subTitle={errorText(error, locale)}
        extra={<Link to="/pilots">{t('pilots.back')}</Link>}
      />
    );
  }
  if (!pilot) return <PageLoading />;
  const canDownload = pilot.abilities.includes('downloadApproval');

  const overview = (
    <>
      <div className="panel">
        <Descriptions
          size="small"
          column={3}
          data-testid="pilot-facts"
          items={[
            { key: 'cities', label: t('pilots.cities'), children: pilot.cityNames.join('、') },
            { key: 'documentNo', label: t('pilots.documentNo'), children: pilot.documentNo },
            { key: 'date', label: t('pilots.approvalDate'), children: formatDate(pilot.approvalDate) },
            { key: 'period', label: t('pilots.period'), children: periodText(pilot, locale) },
            { key: 'filed', label: t('pilots.filedAt'), children: formatDateTime(pilot.filedAt) },
            {
              key: 'application',
              label: t('pilots.application'),
              children: (
                <Link to="/applications/$id" params={{ id: pilot.applicationId }}>
                  {t('pilots.openApplication')}
                </Link>
              ),
            },
            {
              key: 'cycle',
              label: t('pilots.cycleLinks'),
              children: (
                <Space size="middle" wrap>
                  <Link to="/pilots/$id/reports" params={{ id: pilot.id }} data-testid="link-pilot-reports">
                    {t('pilots.link.reports')}
                  </Link>
                  <Link to="/pilots/$id/rectifications" params={{ id: pilot.id }} data-testid="link-pilot-rectifications">
                    {t('pilots.link.rectifications')}
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </div>
      <div className="panel">
        <h3 className="pilot-heading">{t('pilots.contract', { n: pilot.targets.length })}</h3>
        <Alert className="block-gap" type="info" showIcon title={t('pilots.contractIntro', { period: periodText(pilot, locale) })} />
        <div className="pilot-targets-wrap">
          <TargetContract pilot={pilot} />
        </div>
      </div>
    </>
  );

  return (
    <div className="page" data-testid="pilot">
      <div className="page-head">
        <div>
          <h1 className="page-title">
            {pilot.name} <Tag color="green">{t('pilots.pilotCity')}</Tag> <PilotStateTag state={pilot.state} /> {pilot.isDemo && <DemoTag />}
          </h1>
          <div className="muted">{pilot.documentNo}</div>
        </div>
        {canDownload && (
          <Space>
            <Button icon={<FileWordOutlined />} href={pilotLinks.docx(pilot.id)} download data-testid="pilot-docx">
              {t('pilots.replyDocx')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={pilotLinks.pdf(pilot.id)} download data-testid="pilot-pdf">
              {t('pilots.replyPdf')}
            </Button>
            {downloads?.({ pilot })}
          </Space>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="pilot-tabs"
        items={[
          { key: 'overview', label: <span data-testid="pilot-tab-overview">{t('pilots.tab.overview')}</span>, children: overview },
          { key: 'cycle', label: <span data-testid="pilot-tab-cycle">{t('pilots.tab.cycle')}</span>, children: <CycleTab pilot={pilot} amendments={amendments} /> },
          ...(attainment ? [{ key: 'attainment', label: <span data-testid="pilot-tab-attainment">{t('pilots.tab.attainment')}</span>, children: attainment({ pilot }) }] : []),
        ]}
      />
    </div>
  );
}
