/** The application's audit history (办理历史) as a timeline, newest last. */
import { Empty, Spin, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { ACTION_LABELS, STATE_LABELS, type ApplicationAction } from '../../../shared/lifecycle/application-lifecycle';
import { api, type HistoryItem } from '../../../web/api';
import { useI18n, type MessageKey } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { formatDateTime } from '../../../web/lib/format';

const OTHER_ACTIONS: Record<string, MessageKey> = {
  create: 'history.create',
  attach: 'history.attach',
  import: 'history.import',
};

const COLORS: Record<string, string> = { submit: 'blue', forward: 'green', return: 'orange', receive: 'green', create: 'gray' };

export function HistoryTimeline({ applicationId, refreshKey }: { applicationId: string; refreshKey: number }) {
  const { t, l } = useI18n();
  const showError = useShowError();
  const [items, setItems] = useState<HistoryItem[] | null>(null);

  useEffect(() => {
    let alive = true;
    api.history(applicationId).then(
      (r) => alive && setItems(r.items),
      (err: unknown) => alive && showError(err),
    );
    return () => {
      alive = false;
    };
  }, [applicationId, refreshKey, showError]);

  if (!items) return <Spin />;
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
