/**
 * 活动与会议 (/events): the events in the user's scope — the national ones, those concerning the
 * user's province or pilot, and those where the user's organisation takes part or owns an item —
 * filtered by kind and year. The filters live in the URL's search (events-search.ts, read by the
 * router), so a filtered list can be bookmarked and survives a reload. The planning department
 * creates events here.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Result, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { EVENT_KINDS, EVENT_KIND_LABELS, EVENT_STATE_LABELS, type EventKind, type EventState } from '../../../shared/events/event-lifecycle';
import { QueryError } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import type { EventSummary } from '../events.contract';
import { EventFormModal } from './event-form';
import type { EventsSearch } from './events-search';
import { eventQueries } from './events-queries';
import { useI18n } from './i18n';

export const EVENT_STATE_COLOR: Record<EventState, string> = { planned: 'gold', held: 'blue', minutes_published: 'green', cancelled: 'default' };

export function EventStateTag({ state }: { state: EventState }) {
  const { l } = useI18n();
  return (
    <Tag color={EVENT_STATE_COLOR[state]} data-testid="event-state">
      {l(EVENT_STATE_LABELS[state])}
    </Tag>
  );
}

export function datesText(startsOn: string, endsOn: string) {
  return startsOn === endsOn ? startsOn : `${startsOn} ~ ${endsOn}`;
}

interface Props {
  search: EventsSearch;
  onSearch: (patch: Partial<EventsSearch>) => void;
}

export default function EventsPage({ search, onSearch }: Props) {
  const { t, l } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const allowed = me.permissions.includes('event.read');
  const { kind, year } = search;
  const [creating, setCreating] = useState(false);
  const list = useQuery({ ...eventQueries.list({ kind, year }), enabled: allowed });
  if (!allowed) return <Result status="403" title={t('ev.noAccess')} />;

  const columns: TableColumnsType<EventSummary> = [
    {
      title: t('ev.name'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Link to="/events/$id" params={{ id: r.id }} data-testid={`event-link-${r.title}`}>
            {v}
          </Link>
          {r.national && <Tag>{t('ev.nationalTag')}</Tag>}
          {r.isDemo && <DemoTag />}
        </Space>
      ),
    },
    { title: t('ev.kind'), dataIndex: 'kind', width: 130, render: (k: EventKind) => l(EVENT_KIND_LABELS[k]) },
    { title: t('ev.dates'), key: 'dates', width: 200, render: (_, r) => datesText(r.startsOn, r.endsOn) },
    { title: t('ev.place'), dataIndex: 'place', width: 140 },
    { title: t('ev.state'), dataIndex: 'state', width: 120, render: (s: EventState) => <EventStateTag state={s} /> },
    {
      title: t('ev.items'),
      key: 'items',
      width: 150,
      render: (_, r) => (r.openItems + r.overdueItems > 0 ? t('ev.itemsCount', { open: r.openItems, overdue: r.overdueItems }) : '—'),
    },
  ];

  return (
    <div className="page" data-testid="events">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('ev.title')}
        </h1>
        {list.data?.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">
            {t('ev.new')}
          </Button>
        )}
      </div>
      <div className="panel">
        <p className="muted">{t('ev.intro')}</p>
        <Space wrap>
          <Select<EventKind | 'all'>
            aria-label={t('ev.kind')}
            style={{ width: 200 }}
            value={kind ?? 'all'}
            onChange={(v) => onSearch({ kind: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('ev.allKinds') }, ...EVENT_KINDS.map((k) => ({ value: k, label: l(EVENT_KIND_LABELS[k]) }))]}
            data-testid="events-kind-filter"
          />
          <Select<number | 'all'>
            aria-label={t('ev.year')}
            style={{ width: 140 }}
            value={year ?? 'all'}
            onChange={(v) => onSearch({ year: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('ev.allYears') }, ...(list.data?.years ?? (year ? [year] : [])).map((y) => ({ value: y, label: String(y) }))]}
            data-testid="events-year-filter"
          />
        </Space>
      </div>
      <div className="panel">
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <Table<EventSummary>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('ev.none') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-testid': `event-row-${r.title}` }) as HTMLAttributes<HTMLElement>}
          data-testid="events-list"
        />
      </div>
      {creating && <EventFormModal onClose={() => setCreating(false)} onSaved={(id) => void navigate({ to: '/events/$id', params: { id } })} />}
    </div>
  );
}
