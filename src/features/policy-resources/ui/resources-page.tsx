/**
 * 政策资源支持 (/resources): the funds and projects given to the pilots in the user's scope, the
 * totals by pilot, province or programme (a table, in 万元), and the Excel export. The ministry's
 * planning department and its other departments record entries and withdraw wrong ones; the
 * planning department keeps the programme list. Cities and provinces read their own.
 */
import { ControlOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, Result, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { QueryError } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import { useShowError } from '../../../web-kit/errors';
import { useMe } from '../../auth/ui/public';
import { pilotsQueries } from '../../pilots/ui/public';
import type { PolicyResource, ResourceTotals, TotalsBy } from '../policy-resources.contract';
import { useI18n } from './i18n';
import { ProgrammesModal } from './programmes-modal';
import { RecordModal } from './record-modal';
import { exportLink } from './resources-api';
import { resourcesQueries, useWithdrawResource } from './resources-queries';

const amountText = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

function TotalsTable({ data }: { data: ResourceTotals }) {
  const { t, l } = useI18n();
  return (
    <table className="doc-table" data-testid={`resource-totals-${data.by}`}>
      <thead>
        <tr>
          <th>{t('res.group')}</th>
          <th className="num">{t('res.amount')}</th>
          <th className="num">{t('res.count')}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.key} data-testid={`resource-total-${r.key}`}>
            <td>{l(r.label)}</td>
            <td className="num">{amountText(r.amount)}</td>
            <td className="num">{r.count}</td>
          </tr>
        ))}
        <tr className="doc-group-row" data-testid="resource-total-sum">
          <td>{t('res.total')}</td>
          <td className="num">{amountText(data.total.amount)}</td>
          <td className="num">{data.total.count}</td>
        </tr>
      </tbody>
    </table>
  );
}

export default function ResourcesPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const allowed = me.permissions.includes('resource.read');
  const [pilotId, setPilotId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [by, setBy] = useState<TotalsBy>('pilot');
  const [recording, setRecording] = useState(false);
  const [editingProgrammes, setEditingProgrammes] = useState(false);
  const pilots = useQuery({ ...pilotsQueries.list(), enabled: allowed });
  const list = useQuery({ ...resourcesQueries.list({ pilotId, year }), enabled: allowed });
  const totals = useQuery({ ...resourcesQueries.totals(by, year), enabled: allowed });
  const programmes = useQuery({ ...resourcesQueries.programmes(), enabled: allowed });
  const withdraw = useWithdrawResource();

  if (!allowed) return <Result status="403" title={t('res.noAccess')} />;

  const pilotItems = pilots.data?.items ?? [];
  const years = [...new Set(pilotItems.flatMap((p) => Array.from({ length: p.periodEndYear - p.periodStartYear + 1 }, (_, i) => p.periodStartYear + i)))].sort();
  const canConfigure = me.permissions.includes('resource.configure');

  const columns: TableColumnsType<PolicyResource> = [
    { title: t('res.pilot'), dataIndex: 'pilotName', width: 160, render: (v: string, r) => <span>{v} {r.isDemo && <DemoTag />}</span> },
    { title: t('res.year'), dataIndex: 'year', width: 70 },
    { title: t('res.programme'), key: 'programme', width: 130, render: (_, r) => <Tag>{l(r.programmeLabel)}</Tag> },
    { title: t('res.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (v: number) => amountText(v) },
    { title: t('res.department'), dataIndex: 'department', width: 120 },
    { title: t('res.project'), dataIndex: 'project' },
    { title: t('res.targets'), key: 'targets', render: (_, r) => (r.targets.length ? r.targets.map((x) => x.indicator).join('；') : '—') },
    { title: t('res.note'), dataIndex: 'note', render: (v: string) => v || '—' },
    {
      title: t('res.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) =>
        r.abilities.includes('delete') ? (
          <Popconfirm
            title={t('res.withdrawConfirm')}
            okText={t('res.withdraw')}
            cancelText={t('res.cancel')}
            onConfirm={() => withdraw.mutateAsync(r.id).then(() => void message.success(t('res.withdrawn')), showError)}
          >
            <Button size="small" danger data-testid={`resource-withdraw-${r.id}`}>
              {t('res.withdraw')}
            </Button>
          </Popconfirm>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];

  return (
    <div className="page" data-testid="resources">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('res.title')}
        </h1>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={exportLink(pilotId)} download data-testid="resource-export">
            {t('res.export')}
          </Button>
          {canConfigure && programmes.data && (
            <Button icon={<ControlOutlined />} onClick={() => setEditingProgrammes(true)} data-testid="programmes-edit">
              {t('res.programmes')}
            </Button>
          )}
          {list.data?.canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="resource-record">
              {t('res.record')}
            </Button>
          )}
        </Space>
      </div>
      <div className="panel">
        <p className="muted">{t('res.intro')}</p>
        <Space wrap>
          <label>
            {t('res.filterPilot')}{' '}
            <Select
              aria-label={t('res.filterPilot')}
              style={{ minWidth: 220 }}
              allowClear
              placeholder={t('res.allPilots')}
              value={pilotId}
              onChange={(v?: string) => setPilotId(v)}
              options={pilotItems.map((p) => ({ value: p.id, label: p.name }))}
              data-testid="resource-filter-pilot"
            />
          </label>
          <label>
            {t('res.filterYear')}{' '}
            <Select
              aria-label={t('res.filterYear')}
              style={{ minWidth: 120 }}
              allowClear
              placeholder={t('res.allYears')}
              value={year}
              onChange={(v?: number) => setYear(v)}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              data-testid="resource-filter-year"
            />
          </label>
        </Space>
      </div>
      <div className="panel">
        <Space className="block-gap" align="center">
          <h3 className="pilot-heading">{t('res.totals')}</h3>
          <Segmented<TotalsBy>
            value={by}
            onChange={setBy}
            options={[
              { value: 'pilot', label: t('res.byPilot') },
              { value: 'province', label: t('res.byProvince') },
              { value: 'programme', label: t('res.byProgramme') },
            ]}
            data-testid="resource-totals-by"
          />
        </Space>
        {totals.isError ? <QueryError error={totals.error} onRetry={() => void totals.refetch()} /> : totals.data && <TotalsTable data={totals.data} />}
      </div>
      <div className="panel">
        <h3 className="pilot-heading">
          {t('res.records')}
          {list.data && (
            <span className="muted small">
              {' '}
              （{t('res.total')} {amountText(list.data.total.amount)} · {list.data.total.count}）
            </span>
          )}
        </h3>
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<PolicyResource>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('res.none') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-testid': `resource-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="resource-records"
        />
      </div>
      {recording && <RecordModal open={recording} pilots={pilotItems} pilotId={pilotId} onClose={() => setRecording(false)} />}
      {editingProgrammes && programmes.data && <ProgrammesModal open={editingProgrammes} settings={programmes.data} onClose={() => setEditingProgrammes(false)} />}
    </div>
  );
}
