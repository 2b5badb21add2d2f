/**
 * 我的督办事项 (/actions): the action items the user's organisation owns, with their status and
 * deadline; the planning department may switch to every item. Progress and closing are done here.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../../../shared/events/action-item-rules';
import { QueryError } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { ActionItemsTable } from './action-parts';
import { eventLinks } from './events-api';
import { eventQueries } from './events-queries';
import { useI18n } from './i18n';

export default function ActionsPage() {
  const { t } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('event.read');
  const manager = me.permissions.includes('event.manage');
  const [scope, setScope] = useState<'mine' | 'all'>(manager ? 'all' : 'mine');
  const [status, setStatus] = useState<ActionItemStatus | undefined>(undefined);
  const query = { scope, status };
  const list = useQuery({ ...eventQueries.items(query), enabled: allowed });
  if (!allowed) return <Result status="403" title={t('ev.noAccess')} />;

  return (
    <div className="page" data-testid="actions">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('act.title')}
        </h1>
        <Button icon={<DownloadOutlined />} href={eventLinks.itemsExcel(query)} data-testid="actions-export">
          {t('act.export')}
        </Button>
      </div>
      <div className="panel">
        <p className="muted">{t('act.intro')}</p>
        <Space wrap>
          <Segmented<'mine' | 'all'>
            value={scope}
            onChange={setScope}
            options={[
              { value: 'mine', label: t('act.mine') },
              { value: 'all', label: t('act.allVisible') },
            ]}
            data-testid="actions-scope"
          />
          <Select<ActionItemStatus | 'all'>
            aria-label={t('act.status')}
            style={{ width: 140 }}
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: t('act.allStatuses') }, ...ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`act.status.${s}`) }))]}
            data-testid="actions-status-filter"
          />
        </Space>
      </div>
      <div className="panel">
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        <ActionItemsTable items={list.data?.items ?? []} showEvent loading={list.isPending} testId="actions-list" />
      </div>
    </div>
  );
}
