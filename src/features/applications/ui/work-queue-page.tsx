/**
 * Home: what waits for me (queue=true) and everything in my scope, searchable and paged.
 * For the ministry planning department this is the ministry inbox (工信部收件箱).
 */
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Input, Result, Space, Table, Tabs, Tooltip, type TableColumnsType, type ButtonProps } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { APPLICATION_STATES, STATE_LABELS, type ApplicationState } from '../../../shared/lifecycle/application-lifecycle';
import type { Role } from '../../../shared/roles/roles';
import { formatDateTime } from '../../../web-kit/format';
import { LazySelect as Select } from '../../../web-kit/lazy-antd';
import { QueryError } from '../../../web-kit/query';
import { DemoTag, StatusTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import { useDivisions } from '../../reference/ui/public';
import type { ApplicationListItem } from '../applications.contract';
import { applicationsQueries } from './applications-queries';
import { useI18n, type MessageKey } from './i18n';
import { roleHasQueue } from './queue-roles';
import type { WorkQueueSearch } from './work-queue-search';

// Only a city creates or imports: their dialogs (city picker, upload, plan parsing) load when opened.
const NewApplicationModal = lazy(() => import('./new-application-modal').then((m) => ({ default: m.NewApplicationModal })));
const ImportApplicationModal = lazy(() => import('./import-application-modal').then((m) => ({ default: m.ImportApplicationModal })));

const PAGE_SIZE = 20;

const TITLE_KEYS: Partial<Record<Role, MessageKey>> = {
  city_applicant: 'queue.title.city',
  provincial_authority: 'queue.title.province',
  ministry_planning: 'queue.title.ministry',
  ministry_department: 'queue.title.department',
};

const QUEUE_TAB_KEYS: Partial<Record<Role, MessageKey>> = {
  city_applicant: 'queue.tab.mine',
  provincial_authority: 'queue.tab.mine',
  ministry_planning: 'queue.tab.inbox',
};

interface Props {
  search: WorkQueueSearch;
  onSearch: (patch: Partial<WorkQueueSearch>) => void;
}

export default function WorkQueuePage({ search, onSearch }: Props) {
  const { t, l } = useI18n();
  const me = useMe();
  const role = me.user.role;
  const divisions = useDivisions();
  const hasQueue = roleHasQueue(role);
  const tab = hasQueue && search.tab !== 'all' ? 'queue' : 'all';
  const q = search.q ?? '';
  const status = search.status;
  const page = search.page ?? 1;

  const [text, setText] = useState(q);
  const [modal, setModal] = useState<'new' | 'import' | null>(null);
  // Page-level permissions: whether the user works with applications at all, and may start one.
  const canRead = me.permissions.includes('application.read');
  const canCreate = me.permissions.includes('application.create');

  // The search box follows the URL (back/forward, a menu link), and is free to edit in between.
  useEffect(() => setText(q), [q]);

  const list = useQuery({
    ...applicationsQueries.list({ queue: tab === 'queue', q: q || undefined, status: tab === 'all' ? status : undefined, page, pageSize: PAGE_SIZE }),
    enabled: canRead,
  });
  const data = list.data;

  const titleKey = TITLE_KEYS[role] ?? 'queue.title.other';

  if (!canRead) {
    return (
      <div className="page">
        <h1 className="page-title">{t(titleKey)}</h1>
        <Result status="info" title={t('queue.noAccessTitle')} subTitle={t('queue.noAccessText')} />
      </div>
    );
  }

  const columns: TableColumnsType<ApplicationListItem> = [
    {
      title: t('app.refNo'),
      dataIndex: 'refNo',
      width: 198,
      render: (v: string, r) => (
        <Link to="/applications/$id" params={{ id: r.id }} className="mono ref-no" data-testid={`app-link-${r.refNo}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('app.titleCol'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <span>
          <Link to="/applications/$id" params={{ id: r.id }}>{v || t('app.untitled')}</Link> {r.isDemo && <DemoTag />}
        </span>
      ),
    },
    { title: t('app.applicant'), dataIndex: 'applicantName', width: 140, ellipsis: { showTitle: true } },
    {
      title: t('app.cities'),
      dataIndex: 'cityCodes',
      width: 130,
      render: (codes: string[]) => {
        const names = codes.map((c) => divisions?.nameOf(c) ?? c).join('、');
        return (
          <Tooltip title={codes.length > 3 ? names : undefined}>
            <span className="clamp-2">{names}</span>
          </Tooltip>
        );
      },
    },
    { title: t('app.year'), dataIndex: 'applicationYear', width: 72, align: 'center' },
    {
      title: t('app.status'),
      dataIndex: 'status',
      width: 124,
      render: (s: ApplicationState, r) => (
        <span>
          <StatusTag status={s} />
          {r.round > 1 && <span className="muted small">{t('app.roundN', { n: r.round })}</span>}
        </span>
      ),
    },
    role === 'ministry_planning' || role === 'ministry_department'
      ? { title: t('app.forwardedAt'), dataIndex: 'forwardedAt', width: 130, render: (v: string | null) => formatDateTime(v) }
      : { title: t('app.updatedAt'), dataIndex: 'updatedAt', width: 130, render: (v: string) => formatDateTime(v) },
  ];

  const tabs = [
    ...(hasQueue ? [{ key: 'queue', label: t(QUEUE_TAB_KEYS[role] ?? 'queue.tab.mine') }] : []),
    { key: 'all', label: t('queue.tab.all') },
  ];

  return (
    <div className="page" data-testid="work-queue">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t(titleKey)}
        </h1>
        {canCreate && (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('new')} data-testid="btn-new-application">
              {t('queue.new')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setModal('import')} data-testid="btn-import-json">
              {t('queue.importJson')}
            </Button>
          </Space>
        )}
      </div>
      <div className="panel">
        <Tabs
          activeKey={tab}
          items={tabs}
          onChange={(k) => onSearch({ tab: k === 'all' ? 'all' : 'queue', page: undefined, status: undefined })}
        />
        {/* The filters stand beside the tabs, not inside the tab list: a tablist holds tabs only. */}
        <Space className="queue-filters" wrap>
          {tab === 'all' && (
            <Select<ApplicationState | ''>
              value={status ?? ''}
              style={{ width: 180 }}
              onChange={(v) => onSearch({ status: v || undefined, page: undefined })}
              options={[{ value: '', label: t('queue.allStatuses') }, ...APPLICATION_STATES.map((s) => ({ value: s, label: l(STATE_LABELS[s]) }))]}
              aria-label={t('app.status')}
              data-testid="filter-status"
            />
          )}
          <Input.Search
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => onSearch({ q: v.trim() || undefined, page: undefined })}
            placeholder={t('queue.searchPlaceholder')}
            aria-label={t('queue.searchPlaceholder')}
            style={{ width: 280 }}
            data-testid="search"
          />
        </Space>
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<ApplicationListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.isFetching}
          data-testid="applications-table"
          locale={{ emptyText: tab === 'queue' ? t('queue.emptyQueue') : t('queue.empty') }}
          onRow={(r) => ({ 'data-testid': `app-row-${r.refNo}` }) as ButtonProps}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('queue.total', { n }),
            onChange: (p) => onSearch({ page: p > 1 ? p : undefined }),
          }}
        />
      </div>
      {canCreate && modal !== null && (
        <Suspense fallback={null}>
          {modal === 'new' ? <NewApplicationModal open onClose={() => setModal(null)} /> : <ImportApplicationModal open onClose={() => setModal(null)} />}
        </Suspense>
      )}
    </div>
  );
}
