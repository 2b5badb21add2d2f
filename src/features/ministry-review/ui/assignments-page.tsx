/**
 * 评审任务 (/review, experts): the panels the expert sits on, with the deadline and where the
 * seat stands (待声明 / 待评分 / 已评分 / 逾期 / 已回避).
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Result, Table, Tag, type TableColumnsType } from 'antd';
import { type HTMLAttributes } from 'react';
import { formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import type { Assignment } from '../review.contract';
import { useI18n } from './i18n';
import { SEAT_STATE_COLORS, SEAT_STATE_KEYS, seatState } from './review-labels';
import { reviewQueries } from './review-queries';

export default function AssignmentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('review.score');
  const assignments = useQuery({ ...reviewQueries.assignments(), enabled: allowed });

  if (!allowed) return <Result status="403" title={t('review.noAccess')} />;

  const columns: TableColumnsType<Assignment> = [
    {
      title: t('app.refNo'),
      dataIndex: 'refNo',
      width: 200,
      render: (v: string, r) => (
        <Link to="/review/$panelId" params={{ panelId: r.panelId }} className="mono" data-testid={`assignment-link-${v}`}>
          {v}
        </Link>
      ),
    },
    { title: t('app.titleCol'), dataIndex: 'title', render: (v: string, r) => <Link to="/review/$panelId" params={{ panelId: r.panelId }}>
          {v || t('app.untitled')}
        </Link> },
    {
      title: t('review.deadline'),
      dataIndex: 'deadline',
      width: 150,
      render: (v: string, r) => <span className={r.overdue ? 'review-overdue' : undefined}>{formatDateTime(v)}</span>,
    },
    { title: t('review.round'), dataIndex: 'scoreRound', width: 80, render: (n: number) => t('app.roundN', { n }) },
    {
      title: t('review.seatState'),
      key: 'state',
      width: 150,
      render: (_, r) => {
        const s = seatState(r);
        return (
          <span>
            {r.role === 'backup' && s !== 'backup' && <Tag color="purple">{t('seat.backup')}</Tag>}
            <Tag color={SEAT_STATE_COLORS[s]} data-testid={`assignment-state-${r.refNo}`} data-state={s}>
              {t(SEAT_STATE_KEYS[s])}
            </Tag>
          </span>
        );
      },
    },
  ];

  return (
    <div className="page" data-testid="assignments">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('menu.review')}
        </h1>
      </div>
      <div className="panel">
        <p className="muted">{t('expert.tasksIntro')}</p>
        {assignments.isError && <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />}
        <Table<Assignment>
          rowKey="panelId"
          size="middle"
          columns={columns}
          dataSource={assignments.data?.items ?? []}
          loading={assignments.isPending}
          pagination={false}
          locale={{ emptyText: t('expert.noTasks') }}
          data-testid="assignments-table"
          onRow={(r) => ({ 'data-testid': `assignment-row-${r.refNo}` }) as HTMLAttributes<HTMLElement>}
        />
      </div>
    </div>
  );
}
