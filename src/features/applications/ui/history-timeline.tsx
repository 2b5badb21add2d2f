/** The application's audit history (办理历史) as a timeline, newest last. */
import { useQuery } from '@tanstack/react-query';
import { Empty, Spin, Timeline } from 'antd';
import { ACTION_LABELS, STATE_LABELS, type ApplicationAction } from '../../../shared/lifecycle/application-lifecycle';
import { formatDateTime } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import { applicationsQueries } from './applications-queries';
import { useI18n, type MessageKey } from './i18n';

const OTHER_ACTIONS: Record<string, MessageKey> = {
  create: 'history.create',
  attach: 'history.attach',
  import: 'history.import',
};

const COLORS: Record<string, string> = { submit: 'blue', forward: 'green', return: 'orange', receive: 'green', create: 'gray' };

/** Refreshed whenever the application changes (its queries share one key). */
export function HistoryTimeline({ applicationId }: { applicationId: string }) {
  const { t, l } = useI18n();
  const history = useQuery(applicationsQueries.history(applicationId));

  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Spin />;
  const items = history.data.items;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  const actionLabel = (a: string) =>
    a in ACTION_LABELS ? l(ACTION_LABELS[a as ApplicationAction]) : OTHER_ACTIONS[a] ? t(OTHER_ACTIONS[a]) : a;

  return (
    <Timeline
      data-testid="history-timeline"
      items={items.map((e) => ({
        key: e.id,
        color: COLORS[e.action] ?? 'blue',
        content: (
          <div className="history-item" data-testid={`history-${e.action}`}>
            <div>
              <span className="history-time">{formatDateTime(e.createdAt)}</span>
              <strong>{actionLabel(e.action)}</strong>
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <span className="muted">
                  {' '}
                  （{l(STATE_LABELS[e.fromStatus])} → {l(STATE_LABELS[e.toStatus])}）
                </span>
              )}
            </div>
            <div className="muted small">
              {[e.actorName, e.actorOrganisation].filter(Boolean).join(' · ')}
              {e.action === 'attach' && typeof e.data?.filename === 'string' ? ` · ${e.data.filename}` : ''}
            </div>
            {e.comment && <div className="history-comment">{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
