/**
 * 批量组建评审组 (/review/batch, ministry planning): pick several received applications, propose
 * panels for all of them at once (one optimal assignment over the whole pool, respecting every
 * expert's load cap across the panels), adjust each by hand, and confirm them one by one.
 */
import { CheckCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, InputNumber, Result, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type HTMLAttributes } from 'react';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import type { ApplicationListItem } from '../../applications/applications.contract';
import { useMe } from '../../auth/ui/public';
import { useDivisions } from '../../reference/ui/public';
import type { Proposal } from '../review.contract';
import { ConflictDetails } from './conflict-details';
import { useI18n } from './i18n';
import { DEFAULT_BACKUPS, DEFAULT_DEADLINE_DAYS, DEFAULT_PANEL_SIZE, deadlineOf } from './panel-builder-modal';
import { PanelEditor, pickOf, reasonsOf, useExpertPool, type PanelChoice } from './panel-editor';
import { reviewQueries, useConfirmPanel, usePropose } from './review-queries';
import './review.css';

export default function BatchReviewPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const divisions = useDivisions();
  const pool = useExpertPool();
  const allowed = me.permissions.includes('review.manage');
  const received = useQuery({ ...reviewQueries.receivedApplications(), enabled: allowed });
  const proposing = usePropose();
  const confirmation = useConfirmPanel();
  const apps = received.data?.items;

  const [selected, setSelected] = useState<string[]>([]);
  const [panelSize, setPanelSize] = useState(DEFAULT_PANEL_SIZE);
  const [backups, setBackups] = useState(DEFAULT_BACKUPS);
  const [deadline, setDeadline] = useState<Dayjs>(() => dayjs().add(DEFAULT_DEADLINE_DAYS, 'day'));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [choices, setChoices] = useState<Record<string, PanelChoice>>({});
  const [confirmed, setConfirmed] = useState<Record<string, true>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, unknown>>({});

  if (!allowed) return <Result status="403" title={t('review.noAccess')} />;

  const byId = new Map((apps ?? []).map((a) => [a.id, a]));

  const propose = async () => {
    try {
      const ids = selected.filter((id) => !confirmed[id]);
      const r = await proposing.mutateAsync({ applicationIds: ids, panelSize, backups });
      setProposal(r);
      setChoices(Object.fromEntries(r.panels.map((p) => [p.applicationId, { members: p.members.map(pickOf), backups: p.backups.map(pickOf) }])));
      setRefusals({});
    } catch (err) {
      showError(err);
    }
  };

  const confirm = async (applicationId: string) => {
    const app = byId.get(applicationId);
    const choice = choices[applicationId];
    if (!app || !choice) return;
    setSaving(applicationId);
    try {
      await confirmation.mutateAsync({
        applicationId,
        body: {
          version: app.version,
          deadline: deadlineOf(deadline),
          members: choice.members.map((m) => m.expertId),
          backups: choice.backups.map((m) => m.expertId),
          reasons: reasonsOf(choice),
        },
      });
      setConfirmed((c) => ({ ...c, [applicationId]: true }));
      setRefusals((r) => ({ ...r, [applicationId]: undefined }));
      void message.success(t('review.batch.confirmed', { title: app.title }));
    } catch (err) {
      setRefusals((r) => ({ ...r, [applicationId]: err }));
      showError(err);
    } finally {
      setSaving(null);
    }
  };

  const columns: TableColumnsType<ApplicationListItem> = [
    {
      title: t('app.refNo'),
      dataIndex: 'refNo',
      width: 200,
      render: (v: string, r) => (
        <Link to="/applications/$id" params={{ id: r.id }} search={{ tab: 'review' }} className="mono">
          {v}
        </Link>
      ),
    },
    { title: t('app.titleCol'), dataIndex: 'title' },
    { title: t('app.cities'), dataIndex: 'cityCodes', width: 160, render: (codes: string[]) => codes.map((c) => divisions?.nameOf(c) ?? c).join('、') },
    { title: t('detail.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    {
      title: t('app.status'),
      key: 'state',
      width: 110,
      render: (_, r) => (confirmed[r.id] ? <Tag color="purple">{t('review.batch.opened')}</Tag> : <Tag>{t('review.batch.waiting')}</Tag>),
    },
  ];

  const totalCost = Object.entries(choices)
    .filter(([id]) => !confirmed[id])
    .reduce((s, [, c]) => s + c.members.reduce((x, m) => x + (m.cost ?? 0), 0), 0);

  return (
    <div className="page" data-testid="batch-review">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('review.batch.title')}
        </h1>
      </div>
      <div className="panel">
        <p className="muted">{t('review.batch.intro')}</p>
        {received.isError && <QueryError error={received.error} onRetry={() => void received.refetch()} />}
        <Table<ApplicationListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={apps ?? []}
          loading={received.isPending}
          pagination={false}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: Boolean(confirmed[r.id]) }),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.batch.none')} /> }}
          data-testid="batch-apps"
          onRow={(r) => ({ 'data-testid': `batch-row-${r.refNo}` }) as HTMLAttributes<HTMLElement>}
        />
        <Space wrap size="large" className="block-gap-top">
          <Space>
            <span>{t('review.panelSize')}</span>
            <InputNumber min={3} max={15} precision={0} value={panelSize} aria-label={t('review.panelSize')} onChange={(v) => setPanelSize(typeof v === 'number' ? v : DEFAULT_PANEL_SIZE)} data-testid="panel-size" />
          </Space>
          <Space>
            <span>{t('review.backupCount')}</span>
            <InputNumber min={0} max={5} precision={0} value={backups} aria-label={t('review.backupCount')} onChange={(v) => setBackups(typeof v === 'number' ? v : 0)} data-testid="panel-backups" />
          </Space>
          <Space>
            <span>{t('review.deadline')}</span>
            <DatePicker allowClear={false} aria-label={t('review.deadline')} value={deadline} onChange={(d) => d && setDeadline(d)} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="panel-deadline" />
          </Space>
          <Button type="primary" icon={<ThunderboltOutlined />} disabled={selected.filter((id) => !confirmed[id]).length === 0} loading={proposing.isPending} onClick={() => void propose()} data-testid="btn-propose">
            {t('review.batch.propose', { n: selected.filter((id) => !confirmed[id]).length })}
          </Button>
        </Space>
      </div>

      {proposal && (
        <>
          <Alert
            className="block-gap"
            type={proposal.feasible ? 'success' : 'warning'}
            showIcon
            data-testid="batch-summary"
            title={t(proposal.feasible ? 'review.batch.summary' : 'review.batch.summaryShort', { n: proposal.panels.length, cost: totalCost, x: proposal.exclusions.length })}
          />
          {proposal.panels.map((p) => {
            const app = byId.get(p.applicationId);
            const choice = choices[p.applicationId] ?? { members: [], backups: [] };
            const done = Boolean(confirmed[p.applicationId]);
            const cost = choice.members.reduce((x, m) => x + (m.cost ?? 0), 0);
            return (
              <Card
                key={p.applicationId}
                size="small"
                className="block-gap"
                data-testid={`batch-panel-${app?.refNo ?? p.applicationId}`}
                title={
                  <Space>
                    <span>{p.title || t('app.untitled')}</span>
                    <span className="muted mono small">{app?.refNo}</span>
                    <Tag>{t('review.batch.panelCost', { cost })}</Tag>
                    {p.shortfall > 0 && <Tag color="orange">{t('review.builder.shortfall', { n: p.shortfall })}</Tag>}
                  </Space>
                }
                extra={
                  done ? (
                    <Tag icon={<CheckCircleOutlined />} color="success">
                      {t('review.batch.opened')}
                    </Tag>
                  ) : (
                    <Button
                      type="primary"
                      loading={saving === p.applicationId}
                      disabled={choice.members.length === 0}
                      onClick={() => void confirm(p.applicationId)}
                      data-testid={`btn-confirm-${app?.refNo ?? p.applicationId}`}
                    >
                      {t('review.builder.confirm')}
                    </Button>
                  )
                }
              >
                {p.uncoveredIndustries.length > 0 && <Alert className="block-gap" type="info" showIcon title={t('review.uncovered', { list: p.uncoveredIndustries.join('、') })} />}
                {done ? (
                  <div className="muted">{choice.members.map((m) => m.name).join('、')}</div>
                ) : (
                  <PanelEditor
                    value={choice}
                    onChange={(next) => setChoices((c) => ({ ...c, [p.applicationId]: next }))}
                    exclusions={proposal.exclusions.filter((x) => x.applicationId === p.applicationId)}
                    pool={pool}
                    testIds={false}
                  />
                )}
                {refusals[p.applicationId] !== undefined && <ConflictDetails error={refusals[p.applicationId]} />}
              </Card>
            );
          })}
        </>
      )}
    </div>
  );
}
