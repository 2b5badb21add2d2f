/**
 * The bell in the top bar: the unread count (polled every minute while the page is visible) and, on
 * click, the latest notices in the current language. Opening a notice marks it read and goes to its link.
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Badge, Button, Empty, Popover, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import type { Notice, NoticeList } from '../notifications.contract';
import { useI18n } from './i18n';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime } from '../../../web-kit/format';
import { LazyTypography as Typography } from '../../../web-kit/lazy-antd';
import { useNotificationsApi } from './notifications-api';
import { notificationKeys, notificationQueries } from './notifications-queries';

export function NotificationBell() {
  const { t, l } = useI18n();
  const api = useNotificationsApi();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const listQuery = notificationQueries.list(api);
  // Polling stays quiet: a lost session or network shows up on the next page action.
  const { data, refetch } = useQuery(listQuery);
  const items = data?.items ?? null;
  const unread = data?.unread ?? 0;

  const markRead = useMutation({
    mutationFn: (n: Notice) => api.markRead(n.id),
    onSuccess: (r, n) => {
      // Show the change at once; the refetch then brings the server's reading time.
      queryClient.setQueryData<NoticeList>(listQuery.queryKey, (list) =>
        list && {
          unread: r.unread,
          items: list.items.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString(), abilities: [] } : i)),
        },
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
    onError: (err) => showError(err),
  });

  const readAll = useMutation({
    mutationFn: () => api.markAllRead(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    onError: (err) => showError(err),
  });

  const openNotice = async (n: Notice) => {
    setOpen(false);
    if (n.abilities.includes('markRead')) await markRead.mutateAsync(n).catch(() => undefined);
    if (n.link) void navigate({ href: n.link });
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
      <Button type="link" size="small" disabled={unread === 0} onClick={() => readAll.mutate()} data-testid="notifications-read-all">
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
        if (next) void refetch();
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
