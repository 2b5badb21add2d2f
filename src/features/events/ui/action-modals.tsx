/**
 * The action items' steps as modals: the ministry adds an item to an event or edits / reassigns one;
 * the owner logs progress or closes it with a closing note; the ministry reopens it with a reason.
 * Each sends the item's version; the server checks role, status and version again.
 */
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSubmit } from '../../../web-kit/forms';
import type { ActionItem } from '../events.contract';
import { eventsApi } from './events-api';
import { eventQueries, useEventWrite } from './events-queries';
import { useI18n } from './i18n';

interface ItemValues {
  title: string;
  description?: string;
  ownerOrganisationId: string;
  deadline: Dayjs;
  note?: string;
}

/** Adds an item to the event (no `item`), or edits and reassigns `item`. */
export function ItemFormModal({ eventId, item, onClose }: { eventId: string; item?: ActionItem; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const owners = useQuery(eventQueries.owners());
  const save = useEventWrite((v: ItemValues) => {
    const body = { title: v.title, description: v.description ?? '', ownerOrganisationId: v.ownerOrganisationId, deadline: v.deadline.format('YYYY-MM-DD') };
    return item ? eventsApi.editItem(item.id, { ...body, note: v.note ?? '', version: item.version }) : eventsApi.addItem(eventId, body);
  });
  const { busy, submit } = useSubmit(form, async (v) => {
    await save.mutateAsync(v);
    void message.success(t('ev.done'));
    onClose();
  });
  const required = [{ required: true, whitespace: true, message: t('ev.required') }];
  return (
    <Modal
      open
      width={640}
      title={item ? t('act.edit') : t('act.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ev.save')}
      cancelText={t('ev.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'item-form-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={item ? { ...item, deadline: dayjs(item.deadline), note: '' } : {}}>
        <Form.Item name="title" label={t('act.item')} rules={required}>
          <Input maxLength={300} data-testid="item-title" />
        </Form.Item>
        <Form.Item name="description" label={t('act.itemDescription')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="item-description" />
        </Form.Item>
        <Form.Item name="ownerOrganisationId" label={t('act.owner')} rules={[{ required: true, message: t('ev.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={owners.isPending}
            options={owners.data?.items.map((o) => ({ value: o.id, label: o.name }))}
            data-testid="item-owner"
          />
        </Form.Item>
        <Form.Item name="deadline" label={t('act.deadline')} rules={[{ required: true, message: t('ev.required') }]}>
          <DatePicker data-testid="item-deadline" />
        </Form.Item>
        {item && (
          <Form.Item name="note" label={t('act.editNote')}>
            <Input maxLength={1000} data-testid="item-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export type NoteStep = 'update' | 'close' | 'reopen';

const NOTE_LABEL = { update: 'act.progress', close: 'act.closingNote', reopen: 'act.reopenNote' } as const;
const STEP_TITLE = { update: 'act.update', close: 'act.close', reopen: 'act.reopen' } as const;

/** A step that takes a note: progress, closing (the closing note is required) or reopening. */
export function NoteModal({ item, step, onClose }: { item: ActionItem; step: NoteStep; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const run = useEventWrite(({ note }: { note: string }) => {
    const body = { version: item.version, note };
    return step === 'update' ? eventsApi.updateItem(item.id, body) : step === 'close' ? eventsApi.closeItem(item.id, body) : eventsApi.reopenItem(item.id, body);
  });
  const { busy, submit } = useSubmit(form, async (v) => {
    await run.mutateAsync(v);
    void message.success(t('ev.done'));
    onClose();
  });
  return (
    <Modal
      open
      title={`${t(STEP_TITLE[step])}：${item.title}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ev.submit')}
      cancelText={t('ev.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'item-note-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t(NOTE_LABEL[step])} rules={[{ required: true, whitespace: true, message: t('ev.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="item-note-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
