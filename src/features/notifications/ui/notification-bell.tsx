/**
 * The bell in the top bar: the unread count (polled every minute while the page is visible) and, on
 * click, the latest notices in the current language. Opening a notice marks it read and goes to its link.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { formatDateTime } from '../../../web/lib/format';
import { navigate } from '../../../web/router';
import { useNotificationsApi, type Notice } from './notifications-api';

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t, l } = useI18n();
  const api = useNotificationsApi();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notice[] | null>(null);
  const [unread, setUnread] = useState(0);

  const load = useCallback(
    () =>
      api.list().then(
        (r) => {
          setItems(r.items);
          setUnread(r.unread);
        },
        // Polling stays quiet: a lost session or network shows up on the next page action.
        () => undefined,
      ),
    [api],
  );

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  const openNotice = async (n: Notice) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        const r = await api.markRead(n.id);
        setUnread(r.unread);
        setItems((list) => list?.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i)) ?? null);
      } catch (err) {
        showError(err);
      }
    }
    if (n.link) navigate(n.link);
  };

  const readAll = async () => {
    try {
      await api.markAllRead();
      await load();
    } catch (err) {
      showError(err);
    }
  };

  const content = (
    <div style={{ width: 380, maxHeight: 440, overflowY: 'auto' }} data-testid="notification-list">
      {items === null ? (
        <Spin size="small" />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        items.map((n) => (
          <div
            key={n.id}
            role="button"
            tabIndex={0}
            onClick={() => void openNotice(n)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') void openNotice(n);
            }}
            data-testid="notification-item"
            style={{
              padding: '8px 4px',
              borderBottom: '1px solid #f0f0f0',
              cursor: 'pointer',
              background: n.readAt ? undefined : '#fff8e6',
            }}
          >
            <Typography.Text strong={!n.readAt} style={{ display: 'block', fontSize: 13 }}>
              {l(n.title)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(n.createdAt)}
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );

  const title = (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
      <span>{t('notifications.title')}</span>
      <Button type="link" size="small" disabled={unread === 0} onClick={() => void readAll()} data-testid="notifications-read-all">
        {t('notifications.markAllRead')}
      </Button>
    </div>
  );

  // The tooltip is hidden while the list is open: it would cover the list's header.
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      trigger="click"
      placement="bottomRight"
      title={title}
      content={content}
    >
      <Tooltip title={unread > 0 ? t('notifications.unreadN', { n: unread }) : t('notifications.title')} open={open ? false : undefined}>
        <Badge count={unread} size="small" overflowCount={99}>
          <Button
            type="text"
            icon={<BellOutlined />}
            style={{ color: '#dfe8f5' }}
            aria-label={t('notifications.title')}
            data-testid="notification-bell"
          />
        </Badge>
      </Tooltip>
    </Popover>
  );
}
