/** Pieces shared by the event page and the action-items page: the status tag, the deadline, the table. */
import { Link } from '@tanstack/react-router';
import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { ActionItemStatus } from '../../../shared/events/action-item-rules';
import { formatDateTime } from '../../../web-kit/format';
import type { ActionItem } from '../events.contract';
import { ItemFormModal, NoteModal, type NoteStep } from './action-modals';
import { useI18n } from './i18n';

const STATUS_COLOR: Record<ActionItemStatus, string> = { open: 'blue', overdue: 'red', done: 'green' };

export function ItemStatusTag({ status }: { status: ActionItemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="item-status">
      {t(`act.status.${status}`)}
    </Tag>
  );
}

export function Deadline({ item }: { item: ActionItem }) {
  const { t } = useI18n();
  const hint = item.status === 'done' ? null : item.daysLeft > 0 ? t('act.daysLeft', { n: item.daysLeft }) : item.daysLeft === 0 ? t('act.dueToday') : t('act.daysOver', { n: -item.daysLeft });
  return (
    <span>
      {item.deadline}
      {hint && (
        <span className="small" style={{ color: item.daysLeft < 0 ? '#a8071a' : '#595959' }}>
          （{hint}）
        </span>
      )}
    </span>
  );
}

type Step = { kind: NoteStep; item: ActionItem } | { kind: 'edit'; item: ActionItem } | null;

export function ActionItemsTable({ items, showEvent, loading, testId }: { items: ActionItem[]; showEvent: boolean; loading?: boolean; testId: string }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>(null);
  const button = (r: ActionItem, kind: NoteStep | 'edit', label: string, primary = false) =>
    r.abilities.includes(kind) && (
      <Button size="small" type={primary ? 'primary' : 'default'} onClick={() => setStep({ kind, item: r } as Step)} data-testid={`item-${kind}-${r.id}`}>
        {label}
      </Button>
    );
  const columns: TableColumnsType<ActionItem> = [
    { title: t('act.item'), dataIndex: 'title', minWidth: 200 },
    ...(showEvent
      ? [
          {
            title: t('act.event'),
            dataIndex: 'eventTitle',
            width: 200,
            render: (v: string, r: ActionItem) => (
              <Link to="/events/$id" params={{ id: r.eventId }}>
                {v}
              </Link>
            ),
          },
        ]
      : []),
    { title: t('act.owner'), dataIndex: 'ownerName', width: 140 },
    { title: t('act.deadline'), key: 'deadline', width: 170, render: (_, r) => <Deadline item={r} /> },
    { title: t('act.status'), dataIndex: 'status', width: 90, render: (s: ActionItemStatus) => <ItemStatusTag status={s} /> },
    {
      title: t('act.actions'),
      key: 'actions',
      width: 200,
      render: (_, r) => (
        <Space size="small" wrap>
          {button(r, 'update', t('act.update'))}
          {button(r, 'close', t('act.close'), true)}
          {button(r, 'reopen', t('act.reopen'))}
          {button(r, 'edit', t('act.edit'))}
          {r.abilities.length === 0 && <span className="muted">—</span>}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<ActionItem>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        locale={{ emptyText: t('act.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `item-row-${r.title}` }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <div className="small" data-testid={`item-detail-${r.id}`}>
              {r.description && <p>{r.description}</p>}
              {r.closingNote && (
                <p>
                  <strong>{t('act.closingNote')}：</strong>
                  {r.closingNote}
                </p>
              )}
              <strong>{t('act.log')}</strong>
              <ul>
                {r.updates.map((u) => (
                  <li key={u.id}>
                    {formatDateTime(u.createdAt)} {u.actorName ?? ''} 【{t(`act.kind.${u.kind}` as 'act.kind.update')}】 {u.note}
                  </li>
                ))}
              </ul>
            </div>
          ),
        }}
        data-testid={testId}
      />
      {step && step.kind !== 'edit' && <NoteModal item={step.item} step={step.kind} onClose={() => setStep(null)} />}
      {step?.kind === 'edit' && <ItemFormModal eventId={step.item.eventId} item={step.item} onClose={() => setStep(null)} />}
    </>
  );
}
