/**
 * 评审任务 (/review, experts): the panels the expert sits on, with the deadline and where the
 * seat stands (待声明 / 待评分 / 已评分 / 逾期 / 已回避).
 */
import { Result, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { formatDateTime } from '../../../web/lib/format';
import { Link } from '../../../web/router';
import { useMe } from '../../../web/session';
import { useReviewApi, type Assignment } from './review-api';
import { SEAT_STATE_COLORS, SEAT_STATE_KEYS, seatState } from './review-labels';

export default function AssignmentsPage() {
  const { t } = useI18n();
  const me = useMe();
  const api = useReviewApi();
  const showError = useShowError();
  const allowed = me.permissions.includes('review.score');
  const [items, setItems] = useState<Assignment[] | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let alive = true;
    api.assignments().then(
      (r) => alive && setItems(r.items),
      (err: unknown) => {
        if (!alive) return;
        setItems([]);
        showError(err);
      },
    );
    return () => {
      alive = false;
    };
  }, [api, allowed, showError]);

  if (!allowed) return <Result status="403" title={t('review.noAccess')} />;

  const columns: TableColumnsType<Assignment> = [
    {
      title: t('app.refNo'),
      dataIndex: 'refNo',
      width: 200,
      render: (v: string, r) => (
        <Link to={`/review/${r.panelId}`} className="mono" data-testid={`assignment-link-${v}`}>
          {v}
        </Link>
      ),
    },
    { title: t('app.titleCol'), dataIndex: 'title', render: (v: string, r) => <Link to={`/review/${r.panelId}`}>{v || t('app.untitled')}</Link> },
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
        <Table<Assignment>
          rowKey="panelId"
          size="middle"
          columns={columns}
          dataSource={items ?? []}
          loading={items === null}
          pagination={false}
          locale={{ emptyText: t('expert.noTasks') }}
          data-testid="assignments-table"
          onRow={(r) => ({ 'data-testid': `assignment-row-${r.refNo}` }) as HTMLAttributes<HTMLElement>}
        />
      </div>
    </div>
  );
}
