/**
 * The pilot's cycle on its page: the current phase, the three phases' dates as a timeline, the
 * actions the server allows this user (a blocked one disabled, with the reason from the lifecycle
 * table), the reporting frequency (the ministry sets it), the history of events and the contract's
 * versions. The server decides everything shown here; the page only reads it.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Descriptions, Input, Modal, Select, Space, Steps, Table, Tag, Timeline, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  PILOT_GUARD_LABELS,
  PILOT_LIFECYCLE_ACTION_LABELS,
  PILOT_PHASES,
  PILOT_STATE_LABELS,
  type PilotLifecycleAction,
  type PilotState,
} from '../../../shared/monitoring/pilot-lifecycle';
import { REPORT_FREQUENCIES, REPORT_FREQUENCY_LABELS, type ReportFrequency } from '../../../shared/monitoring/reporting-periods';
import { formatDate, formatDateTime } from '../../../web-kit/format';
import { useShowError } from '../../../web-kit/errors';
import { QueryError } from '../../../web-kit/query';
import type { ContractVersion, LifecycleActionOption, PilotCycle, PilotEvent } from '../pilots.contract';
import { useI18n, type MessageKey } from './i18n';
import { pilotsQueries, useSetReporting, useTransition } from './pilots-queries';
import { PilotStateTag } from './pilot-state-tag';

function PhaseTimeline({ cycle }: { cycle: PilotCycle }) {
  const { t, l } = useI18n();
  const s = cycle.schedule;
  if (!s) return <Alert type="warning" showIcon title={t('cycle.noSchedule')} />;
  // Under rectification or suspended, the phase the pilot left is the one the timeline marks.
  const phase = (PILOT_PHASES as readonly string[]).includes(cycle.state) ? cycle.state : cycle.resumePhase;
  const current = cycle.state === 'completed' ? 3 : Math.max(0, PILOT_PHASES.findIndex((p) => p === phase));
  const windowText = (w: { start: string; end: string }) => t('cycle.window', { start: formatDate(w.start), end: formatDate(w.end) });
  const status = cycle.state === 'rectification' || cycle.state === 'suspended' || cycle.state === 'cancelled' ? 'error' : cycle.state === 'completed' ? 'finish' : 'process';
  return (
    <div data-testid="cycle-timeline">
      <Steps
        size="small"
        current={current}
        status={status}
        items={[
          ...PILOT_PHASES.map((p) => ({ title: l(PILOT_STATE_LABELS[p]), content: windowText(s[p]) })),
          { title: l(PILOT_STATE_LABELS.completed), content: t('cycle.completedFrom', { date: formatDate(s.completedFrom) }) },
        ]}
      />
      {!cycle.scheduleStored && <div className="muted small block-gap">{t('cycle.scheduleComputed')}</div>}
    </div>
  );
}

/** The actions offered: those taken here as buttons (a blocked one disabled, with why); the case's ones named. */
function ActionBar({ cycle }: { cycle: PilotCycle }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const transition = useTransition(cycle.pilotId);
  const [pending, setPending] = useState<PilotLifecycleAction | null>(null);
  const [comment, setComment] = useState('');

  const run = async () => {
    if (!pending) return;
    try {
      const next = await transition.mutateAsync({ action: pending, version: cycle.version, comment: comment.trim() || undefined });
      void message.success(t('cycle.done', { state: l(PILOT_STATE_LABELS[next.state]) }));
      setPending(null);
      setComment('');
    } catch (err) {
      showError(err);
    }
  };

  if (cycle.allowedActions.length === 0) return <span className="muted">{t('cycle.noActions')}</span>;
  const button = (o: LifecycleActionOption) => {
    const blocked = o.blockedBy ? l(PILOT_GUARD_LABELS[o.blockedBy]) : null;
    const elsewhere = o.via === 'rectification';
    const reason = blocked ?? (elsewhere ? t('cycle.viaRectification') : null);
    const b = (
      <Button
        type={elsewhere ? 'default' : 'primary'}
        disabled={blocked !== null || elsewhere}
        onClick={() => setPending(o.action)}
        data-testid={`cycle-action-${o.action}`}
        aria-describedby={reason ? `cycle-reason-${o.action}` : undefined}
      >
        {l(PILOT_LIFECYCLE_ACTION_LABELS[o.action])}
      </Button>
    );
    return (
      <Space key={o.action} orientation="vertical" size={2}>
        {reason ? <Tooltip title={reason}>{b}</Tooltip> : b}
        {reason && (
          <span className="muted small" id={`cycle-reason-${o.action}`} data-testid={`cycle-blocked-${o.action}`}>
            {reason}
          </span>
        )}
      </Space>
    );
  };
  return (
    <>
      <Space wrap align="start" data-testid="cycle-actions">
        {cycle.allowedActions.map(button)}
      </Space>
      <Modal
        open={pending !== null}
        title={pending ? t('cycle.confirmTitle', { action: l(PILOT_LIFECYCLE_ACTION_LABELS[pending]) }) : ''}
        onCancel={() => setPending(null)}
        onOk={() => void run()}
        confirmLoading={transition.isPending}
        okButtonProps={{ 'data-testid': 'cycle-confirm' } as ButtonProps}
        destroyOnHidden
      >
        <label htmlFor="cycle-comment" className="field-label">
          {t('cycle.comment')}
        </label>
        <Input.TextArea id="cycle-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="cycle-comment" />
      </Modal>
    </>
  );
}

function ReportingFrequency({ cycle }: { cycle: PilotCycle }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const setReporting = useSetReporting(cycle.pilotId);
  if (!cycle.abilities.includes('setReporting')) return <>{l(REPORT_FREQUENCY_LABELS[cycle.reportFrequency])}</>;
  return (
    <Select<ReportFrequency>
      aria-label={t('cycle.reporting')}
      value={cycle.reportFrequency}
      loading={setReporting.isPending}
      style={{ minWidth: 140 }}
      options={REPORT_FREQUENCIES.map((f) => ({ value: f, label: l(REPORT_FREQUENCY_LABELS[f]) }))}
      onChange={(reportFrequency) =>
        setReporting.mutate({ reportFrequency, version: cycle.version }, { onSuccess: () => void message.success(t('cycle.reportingSaved')), onError: showError })
      }
      data-testid="cycle-reporting"
    />
  );
}

/** An event's label: a lifecycle action from the table, or one of the cycle's other events. */
function useEventLabel() {
  const { t, l } = useI18n();
  return (e: PilotEvent) => {
    if (e.action in PILOT_LIFECYCLE_ACTION_LABELS) return l(PILOT_LIFECYCLE_ACTION_LABELS[e.action as PilotLifecycleAction]);
    const key = `event.${e.action}` as MessageKey;
    const n = typeof e.data?.contractVersion === 'number' ? e.data.contractVersion : '';
    const text = t(key, { n });
    return text === key ? e.action : text;
  };
}

function EventHistory({ events }: { events: PilotEvent[] }) {
  const { t, l } = useI18n();
  const label = useEventLabel();
  const stateText = (s: string | null) => (s && s in PILOT_STATE_LABELS ? l(PILOT_STATE_LABELS[s as PilotState]) : null);
  if (events.length === 0) return <p className="muted">{t('cycle.noEvents')}</p>;
  return (
    <Timeline
      data-testid="cycle-events"
      items={events.map((e) => ({
        key: e.id,
        content: (
          <div data-testid={`cycle-event-${e.action}`}>
            <strong>{label(e)}</strong>
            {e.fromState !== e.toState && stateText(e.toState) && (
              <span className="muted">
                {' '}
                {stateText(e.fromState) ?? '—'} → {stateText(e.toState)}
              </span>
            )}
            <div className="muted small">
              {formatDateTime(e.createdAt)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </div>
            {e.comment && <div className="small">{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}

function ContractVersions({ pilotId }: { pilotId: string }) {
  const { t } = useI18n();
  const versions = useQuery(pilotsQueries.contractVersions(pilotId));
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  const columns: TableColumnsType<ContractVersion> = [
    {
      title: t('versions.version'),
      key: 'version',
      width: 150,
      render: (_, v) => (
        <Space size={4}>
          {t('versions.vN', { n: v.version })}
          {v.inForce && <Tag color="green">{t('versions.inForce')}</Tag>}
        </Space>
      ),
    },
    { title: t('versions.effectiveFrom'), key: 'year', width: 130, render: (_, v) => t('versions.effective', { year: v.effectiveFromYear }) },
    { title: t('pilots.name'), dataIndex: 'name' },
    { title: t('pilots.cities'), dataIndex: 'cityNames', render: (names: string[]) => names.join('、') },
    { title: t('pilots.targets'), key: 'targets', width: 110, render: (_, v) => t('versions.targetCount', { n: v.targets.length }) },
    { title: '', key: 'origin', width: 100, render: (_, v) => <span className="muted">{t(v.amendmentId ? 'versions.amended' : 'versions.original')}</span> },
  ];
  return (
    <Table<ContractVersion>
      rowKey="version"
      size="small"
      pagination={false}
      loading={versions.isPending}
      columns={columns}
      dataSource={versions.data?.items ?? []}
      data-testid="contract-versions"
    />
  );
}

export function PilotCycleSection({ pilotId }: { pilotId: string }) {
  const { t, l } = useI18n();
  const cycle = useQuery(pilotsQueries.cycle(pilotId));
  if (cycle.isError) return <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  if (!cycle.data) return <div className="panel" aria-busy="true" />;
  const c = cycle.data;
  return (
    <>
      <div className="panel" data-testid="pilot-cycle">
        <h3 className="pilot-heading">{t('cycle.title')}</h3>
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'state',
              label: t('cycle.current'),
              children: (
                <Space size={4} wrap>
                  <PilotStateTag state={c.state} />
                  {c.resumePhase && <span className="muted small">{t('cycle.resumePhase', { phase: l(PILOT_STATE_LABELS[c.resumePhase]) })}</span>}
                </Space>
              ),
            },
            { key: 'reporting', label: t('cycle.reporting'), children: <ReportingFrequency cycle={c} /> },
            { key: 'contract', label: t('cycle.contractVersion'), children: t('versions.vN', { n: c.contractVersion }) },
          ]}
        />
        <h4 className="pilot-subheading">{t('cycle.schedule')}</h4>
        <PhaseTimeline cycle={c} />
        <div className="muted small block-gap">{t('cycle.today', { date: formatDate(c.today) })}</div>
        <h4 className="pilot-subheading">{t('cycle.actions')}</h4>
        <ActionBar cycle={c} />
      </div>
      <div className="panel">
        <h3 className="pilot-heading">{t('versions.title')}</h3>
        <ContractVersions pilotId={pilotId} />
      </div>
      <div className="panel">
        <h3 className="pilot-heading">{t('cycle.events')}</h3>
        <EventHistory events={c.events} />
      </div>
    </>
  );
}
