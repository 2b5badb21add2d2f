/**
 * 审计日志 for the audit administrator: the records newest first, filtered by user, time, action and
 * outcome (kept in the URL), each record's details and hashes, the verify-chain button and the
 * exports. Reading, verifying and exporting are themselves recorded by the server.
 */
import { CheckCircleOutlined, DownloadOutlined, FileExcelOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Input, Modal, Result, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_OUTCOME_LABELS, AUDIT_OUTCOMES, type AuditOutcome } from '../../../shared/audit/audit-events';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles/roles';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import type { AuditRecordWire, AuditVerification } from '../audit.contract';
import { auditLinks, type AuditFilters } from './audit-api';
import { auditQueries, useVerifyChain } from './audit-queries';
import type { AuditSearch } from './audit-search';
import { useI18n, type MessageKey } from './i18n';

interface Props {
  search: AuditSearch;
  onSearch: (patch: Partial<AuditSearch>) => void;
}

const PAGE_SIZE = 50;
const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: 'green', failure: 'orange', error: 'red' };

export default function AuditPage({ search, onSearch }: Props) {
  const { t, l } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('audit.read');
  const showError = useShowError();
  const [shown, setShown] = useState<AuditRecordWire | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const verify = useVerifyChain();

  const filters: AuditFilters = {
    username: search.user,
    action: search.action,
    outcome: search.outcome,
    from: search.from,
    to: search.to,
    q: search.q,
  };
  const list = useQuery({ ...auditQueries.list({ ...filters, page: search.page ?? 1, pageSize: PAGE_SIZE }), enabled: allowed });
  // A change of filter starts again at the first page.
  const filter = (patch: Partial<AuditSearch>) => onSearch({ ...patch, page: undefined });

  if (!allowed) {
    return (
      <div className="page">
        <Result status="403" title={t('audit.noAccess')} />
      </div>
    );
  }

  const roleLabel = (r: string | null) => (r && (ROLES as readonly string[]).includes(r) ? l(ROLE_LABELS[r as Role]) : (r ?? ''));

  const columns: TableColumnsType<AuditRecordWire> = [
    { title: t('audit.col.seq'), dataIndex: 'seq', width: 72, align: 'right' },
    { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.col.user'),
      key: 'user',
      width: 170,
      render: (_v, r) =>
        r.username ? (
          <div>
            <div className="mono">{r.username}</div>
            {r.role && <div className="muted small">{roleLabel(r.role)}</div>}
          </div>
        ) : (
          <span className="muted">{t('audit.anonymous')}</span>
        ),
    },
    { title: t('audit.col.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="mono">{v ?? ''}</span> },
    { title: t('audit.col.action'), dataIndex: 'action', width: 150, render: (v: AuditRecordWire['action']) => l(AUDIT_ACTION_LABELS[v]) },
    {
      title: t('audit.col.route'),
      key: 'route',
      render: (_v, r) => (
        <span className="mono small">
          {r.method} {r.route}
        </span>
      ),
    },
    {
      title: t('audit.col.outcome'),
      key: 'outcome',
      width: 130,
      render: (_v, r) => (
        <Tag color={OUTCOME_COLOR[r.outcome]} data-testid={`audit-outcome-${r.seq}`}>
          {l(AUDIT_OUTCOME_LABELS[r.outcome])} {r.status || ''}
        </Tag>
      ),
    },
    {
      title: t('audit.col.details'),
      key: 'details',
      width: 90,
      render: (_v, r) => (
        <Button type="link" size="small" onClick={() => setShown(r)} aria-label={`${t('audit.details.show')} #${r.seq}`} data-testid={`audit-show-${r.seq}`}>
          {t('audit.details.show')}
        </Button>
      ),
    },
  ];

  const runVerify = async () => {
    try {
      setVerification(await verify.mutateAsync());
    } catch (err) {
      showError(err);
    }
  };

  const exportFilters = { ...filters };

  return (
    <div className="page" data-testid="audit-page">
      <div className="page-head">
        <div>
          <h1 className="page-title" data-testid="page-title">
            {t('audit.title')}
          </h1>
          <div className="muted">{t('audit.subtitle')}</div>
        </div>
        <Space wrap>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => void runVerify()} data-testid="btn-verify-chain">
            {t('audit.verify')}
          </Button>
          <Button icon={<FileExcelOutlined />} href={auditLinks.export('xlsx', exportFilters)} download data-testid="audit-export-xlsx">
            {t('audit.export.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={auditLinks.export('csv', exportFilters)} download data-testid="audit-export-csv">
            {t('audit.export.csv')}
          </Button>
        </Space>
      </div>

      {verification && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verification.ok ? 'success' : 'error'}
          showIcon
          icon={verification.ok ? <CheckCircleOutlined /> : <WarningOutlined />}
          data-testid="audit-verification"
          data-ok={String(verification.ok)}
          title={
            verification.ok
              ? t('audit.verify.ok', { n: verification.checked, head: verification.headSeq ?? 0, ms: verification.ms })
              : t('audit.verify.broken', { seq: verification.broken!.seq, reason: t(`audit.reason.${verification.broken!.reason}` as MessageKey) })
          }
          description={
            verification.headHash && (
              <span className="small">
                {t('audit.verify.head')}
                <span className="mono">{verification.headHash}</span>
              </span>
            )
          }
          closable={{ onClose: () => setVerification(null) }}
        />
      )}

      <div className="panel">
        <div className="panel-toolbar audit-filters">
          <Input
            allowClear
            aria-label={t('audit.filter.user')}
            placeholder={t('audit.filter.userPlaceholder')}
            defaultValue={search.user}
            onChange={(e) => {
              if (!e.target.value) filter({ user: undefined });
            }}
            onPressEnter={(e) => filter({ user: (e.target as HTMLInputElement).value || undefined })}
            onBlur={(e) => filter({ user: e.target.value || undefined })}
            style={{ width: 160 }}
            data-testid="audit-filter-user"
          />
          <DatePicker
            showTime
            aria-label={t('audit.filter.from')}
            placeholder={t('audit.filter.from')}
            value={search.from ? dayjs(search.from) : null}
            onChange={(d) => filter({ from: d ? d.toISOString() : undefined })}
            data-testid="audit-filter-from"
          />
          <DatePicker
            showTime
            aria-label={t('audit.filter.to')}
            placeholder={t('audit.filter.to')}
            value={search.to ? dayjs(search.to) : null}
            onChange={(d) => filter({ to: d ? d.toISOString() : undefined })}
            data-testid="audit-filter-to"
          />
          <Select
            allowClear
            aria-label={t('audit.filter.action')}
            placeholder={t('audit.filter.action')}
            value={search.action}
            onChange={(v) => filter({ action: v })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: l(AUDIT_ACTION_LABELS[a]) }))}
            style={{ width: 190 }}
            data-testid="audit-filter-action"
          />
          <Select
            allowClear
            aria-label={t('audit.filter.outcome')}
            placeholder={t('audit.filter.outcome')}
            value={search.outcome}
            onChange={(v) => filter({ outcome: v })}
            options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: l(AUDIT_OUTCOME_LABELS[o]) }))}
            style={{ width: 150 }}
            data-testid="audit-filter-outcome"
          />
          <Input
            allowClear
            aria-label={t('audit.filter.q')}
            placeholder={t('audit.filter.q')}
            defaultValue={search.q}
            onChange={(e) => {
              if (!e.target.value) filter({ q: undefined });
            }}
            onPressEnter={(e) => filter({ q: (e.target as HTMLInputElement).value || undefined })}
            onBlur={(e) => filter({ q: e.target.value || undefined })}
            style={{ width: 200 }}
            data-testid="audit-filter-q"
          />
          <Button onClick={() => onSearch({ user: undefined, action: undefined, outcome: undefined, from: undefined, to: undefined, q: undefined, page: undefined })}>
            {t('audit.filter.reset')}
          </Button>
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AuditRecordWire>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching && !list.data}
            data-testid="audit-table"
            locale={{ emptyText: t('audit.empty') }}
            onRow={(r) => ({ 'data-testid': `audit-row-${r.seq}` }) as object}
            pagination={{
              current: search.page ?? 1,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (n) => t('audit.total', { n }),
              onChange: (page) => onSearch({ page: page > 1 ? page : undefined }),
            }}
          />
        )}
      </div>

      <Modal open={shown !== null} onCancel={() => setShown(null)} footer={null} width={760} title={shown ? t('audit.details.title', { seq: shown.seq }) : ''}>
        {shown && (
          <Descriptions column={1} size="small" bordered data-testid="audit-record">
            <Descriptions.Item label={t('audit.col.at')}>{formatDateTime(shown.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.user')}>
              {shown.username ?? t('audit.anonymous')} {shown.role ? `（${roleLabel(shown.role)}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.col.ip')}>{shown.ip}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.route')}>
              <span className="mono">
                {shown.method} {shown.route}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.col.object')}>{[shown.objectType, shown.objectId].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.col.outcome')}>
              {l(AUDIT_OUTCOME_LABELS[shown.outcome])} {shown.status}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.col.details')}>
              <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(shown.details, null, 2)}</pre>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.details.prevHash')}>
              <span className="mono small">{shown.prevHash}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.details.hash')}>
              <span className="mono small">{shown.hash}</span>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </div>
  );
}
