/**
 * One event (/events/$id): its facts, agenda, participants, materials, minutes and action items. The
 * planning department edits it, records it as held, writes and publishes the minutes, uploads
 * materials and assigns action items; everyone else reads what the server lets them (the minutes once
 * published) and the owners act on their items. Buttons follow the abilities the server sends.
 */
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Table, Tag, Upload, type ButtonProps } from 'antd';
import { useState } from 'react';
import { EVENT_KIND_LABELS, EVENT_TRANSITIONS, type EventTransition } from '../../../shared/events/event-lifecycle';
import { ApiError } from '../../../web-kit/api-client';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime, formatSize } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import type { AgendaItem, EventDetail, Participant } from '../events.contract';
import { ItemFormModal } from './action-modals';
import { ActionItemsTable } from './action-parts';
import { EventFormModal } from './event-form';
import { eventLinks, eventsApi } from './events-api';
import { eventQueries, useEventWrite } from './events-queries';
import { datesText, EventStateTag } from './events-page';
import { useI18n } from './i18n';

const TRANSITION_LABEL: Record<EventTransition, 'ev.hold' | 'ev.publishMinutes' | 'ev.withdrawMinutes' | 'ev.cancelEvent'> = {
  hold: 'ev.hold',
  publishMinutes: 'ev.publishMinutes',
  withdrawMinutes: 'ev.withdrawMinutes',
  cancel: 'ev.cancelEvent',
};

function TransitionModal({ event, action, onClose }: { event: EventDetail; action: EventTransition; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason?: string }>();
  const go = useEventWrite((reason: string | undefined) => eventsApi.transition(event.id, { action, version: event.version, ...(reason ? { reason } : {}) }));
  const needsReason = EVENT_TRANSITIONS[action].needsReason;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await go.mutateAsync(v.reason);
      void message.success(t('ev.done'));
      onClose();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Modal
      open
      title={`${t(TRANSITION_LABEL[action])}：${event.title}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ev.submit')}
      cancelText={t('ev.cancel')}
      confirmLoading={go.isPending}
      okButtonProps={{ 'data-testid': 'event-transition-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical">
        {needsReason ? (
          <Form.Item name="reason" label={t('ev.reason')} rules={[{ required: true, whitespace: true, message: t('ev.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="event-transition-reason" />
          </Form.Item>
        ) : (
          <p>{t(TRANSITION_LABEL[action])}？</p>
        )}
      </Form>
    </Modal>
  );
}

function MinutesPanel({ event }: { event: EventDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [draft, setDraft] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const save = useEventWrite((minutes: string) => eventsApi.minutes(event.id, { version: event.version, minutes }));
  const editable = event.abilities.includes('editMinutes');
  const text = draft ?? event.minutes ?? '';
  return (
    <div className="panel" data-testid="event-minutes">
      <div className="page-head">
        <h2 className="section-title">{t('ev.minutes')}</h2>
        {event.abilities.includes('downloadMinutes') && (
          <Button icon={<DownloadOutlined />} href={eventLinks.minutes(event.id)} data-testid="event-minutes-download">
            {t('ev.downloadMinutes')}
          </Button>
        )}
      </div>
      {stale && <Alert type="warning" showIcon title={t('ev.conflict')} style={{ marginBottom: 8 }} data-testid="event-minutes-conflict" />}
      {editable ? (
        <>
          <Input.TextArea aria-label={t('ev.minutes')} rows={8} maxLength={50_000} value={text} onChange={(e) => setDraft(e.target.value)} data-testid="event-minutes-text" />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={save.isPending}
            disabled={draft === null}
            onClick={() =>
              void save.mutateAsync(text).then(
                () => {
                  setDraft(null);
                  setStale(false);
                  void message.success(t('ev.done'));
                },
                (err: unknown) => (err instanceof ApiError && err.code === 'VERSION_CONFLICT' ? setStale(true) : showError(err)),
              )
            }
            data-testid="event-minutes-save"
          >
            {t('ev.saveMinutes')}
          </Button>
        </>
      ) : event.minutes === null ? (
        <p className="muted">{t('ev.minutesDraftHidden')}</p>
      ) : event.minutes.trim() ? (
        event.minutes.split('\n').map((p, i) => <p key={i}>{p}</p>)
      ) : (
        <p className="muted">{t('ev.noMinutes')}</p>
      )}
    </div>
  );
}

function MaterialsPanel({ event }: { event: EventDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const upload = useEventWrite((file: File) => eventsApi.upload(event.id, file));
  const remove = useEventWrite((materialId: string) => eventsApi.removeMaterial(event.id, materialId));
  const canChange = event.abilities.includes('addMaterial');
  return (
    <div className="panel" data-testid="event-materials">
      <div className="page-head">
        <h2 className="section-title">{t('ev.materials')}</h2>
        {canChange && (
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) =>
              void upload.mutateAsync(file as File).then(
                (m) => {
                  onSuccess?.(m);
                  void message.success(t('ev.uploaded'));
                },
                (err: unknown) => {
                  onError?.(err as Error);
                  showError(err);
                },
              )
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="event-material-upload">
              {t('ev.upload')}
            </Button>
          </Upload>
        )}
      </div>
      {event.materials.length === 0 ? (
        <p className="muted">{t('ev.noMaterials')}</p>
      ) : (
        <ul data-testid="event-material-list">
          {event.materials.map((m) => (
            <li key={m.id}>
              <a href={eventLinks.material(event.id, m.id)}>{m.filename}</a> <span className="muted small">（{formatSize(m.size)}，{formatDateTime(m.uploadedAt)}）</span>
              {canChange && (
                <Button type="text" size="small" danger aria-label={`${t('ev.remove')} ${m.filename}`} icon={<DeleteOutlined />} onClick={() => void remove.mutateAsync(m.id).catch(showError)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EventView({ event }: { event: EventDetail }) {
  const { t, l } = useI18n();
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<EventTransition | null>(null);
  const [adding, setAdding] = useState(false);
  const transitions = (Object.keys(EVENT_TRANSITIONS) as EventTransition[]).filter((a) => event.abilities.includes(a));
  const concerns = event.national ? t('ev.nationalTag') : [...event.authorities.map((a) => a.name), ...event.pilots.map((p) => p.name)].join('、') || '—';
  return (
    <>
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {event.title} {event.isDemo && <DemoTag />}
        </h1>
        <Space wrap>
          {event.abilities.includes('edit') && (
            <Button onClick={() => setEditing(true)} data-testid="event-edit">
              {t('ev.edit')}
            </Button>
          )}
          {transitions.map((a) => (
            <Button key={a} danger={a === 'cancel'} type={a === 'hold' || a === 'publishMinutes' ? 'primary' : 'default'} onClick={() => setStep(a)} data-testid={`event-${a}`}>
              {t(TRANSITION_LABEL[a])}
            </Button>
          ))}
        </Space>
      </div>
      <div className="panel">
        <Link to="/events">{t('ev.back')}</Link>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }} data-testid="event-facts">
          <Descriptions.Item label={t('ev.kind')}>{l(EVENT_KIND_LABELS[event.kind])}</Descriptions.Item>
          <Descriptions.Item label={t('ev.state')}>
            <EventStateTag state={event.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('ev.dates')}>{datesText(event.startsOn, event.endsOn)}</Descriptions.Item>
          <Descriptions.Item label={t('ev.place')}>{event.place}</Descriptions.Item>
          <Descriptions.Item label={t('ev.host')}>{event.hostOrganisation}</Descriptions.Item>
          <Descriptions.Item label={t('ev.concerns')}>{concerns}</Descriptions.Item>
        </Descriptions>
        {event.description && <p>{event.description}</p>}
      </div>
      <div className="panel">
        <h2 className="section-title">{t('ev.agenda')}</h2>
        <Table<AgendaItem>
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={event.agenda}
          locale={{ emptyText: '—' }}
          columns={[
            { title: t('ev.agendaTime'), dataIndex: 'time', width: 160 },
            { title: t('ev.agendaTopic'), dataIndex: 'topic' },
            { title: t('ev.agendaSpeaker'), dataIndex: 'speaker', width: 200 },
          ]}
          data-testid="event-agenda"
        />
      </div>
      <div className="panel">
        <h2 className="section-title">{t('ev.participants')}</h2>
        <Table<Participant>
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={event.participants}
          locale={{ emptyText: '—' }}
          columns={[
            { title: t('ev.participantName'), dataIndex: 'name' },
            { title: t('ev.participantPerson'), dataIndex: 'person', width: 160 },
            { title: t('ev.participantRole'), dataIndex: 'role', width: 100, render: (r: Participant['role']) => t(`ev.role.${r}`) },
            { title: t('ev.attendance'), dataIndex: 'attendance', width: 110, render: (a: Participant['attendance']) => <Tag>{t(`ev.att.${a}`)}</Tag> },
          ]}
          data-testid="event-participants"
        />
      </div>
      <MaterialsPanel event={event} />
      <MinutesPanel key={event.version} event={event} />
      <div className="panel">
        <div className="page-head">
          <h2 className="section-title">{t('ev.items')}</h2>
          {event.abilities.includes('addActionItem') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="event-add-item">
              {t('act.add')}
            </Button>
          )}
        </div>
        <ActionItemsTable items={event.actionItems} showEvent={false} testId="event-items" />
      </div>
      {event.history.length > 0 && (
        <div className="panel">
          <h2 className="section-title">{t('ev.history')}</h2>
          <ul className="small" data-testid="event-history">
            {event.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)} {h.actorName ?? ''} {t(`ev.h.${h.action}` as 'ev.h.create')}
                {h.comment ? `：${h.comment}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing && <EventFormModal event={event} onClose={() => setEditing(false)} />}
      {step && <TransitionModal event={event} action={step} onClose={() => setStep(null)} />}
      {adding && <ItemFormModal eventId={event.id} onClose={() => setAdding(false)} />}
    </>
  );
}

export default function EventPage({ id }: { id: string }) {
  const query = useQuery(eventQueries.detail(id));
  return (
    <div className="page" data-testid="event">
      <QueryState query={query}>{(event) => <EventView event={event} />}</QueryState>
    </div>
  );
}
