/**
 * The planning department's form for an event, to create or edit: kind, title, dates, place, host,
 * whom it concerns (national, authorities, pilots), the agenda and the participants as ordered lists.
 * The server checks everything again; a stale edit (409) is reported and the form keeps its input.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ATTENDANCE, EVENT_KINDS, EVENT_KIND_LABELS, PARTICIPANT_ROLES } from '../../../shared/events/event-lifecycle';
import { ApiError } from '../../../web-kit/api-client';
import { useShowError } from '../../../web-kit/errors';
import { useSubmit } from '../../../web-kit/forms';
import type { EventBody, EventDetail } from '../events.contract';
import { eventsApi } from './events-api';
import { eventQueries, useEventWrite } from './events-queries';
import { useI18n } from './i18n';

interface Values extends Omit<EventBody, 'startsOn' | 'endsOn'> {
  startsOn: Dayjs;
  endsOn: Dayjs;
}

export function EventFormModal({ event, onClose, onSaved }: { event?: EventDetail; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const [stale, setStale] = useState(false);
  const options = useQuery(eventQueries.owners());
  const save = useEventWrite((body: EventBody) => (event ? eventsApi.update(event.id, { ...body, version: event.version }) : eventsApi.create(body)));
  const { busy, submit } = useSubmit(
    form,
    async (v) => {
      const body: EventBody = {
        ...v,
        description: v.description ?? '',
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
        authorityIds: v.authorityIds ?? [],
        pilotIds: v.pilotIds ?? [],
        agenda: (v.agenda ?? []).map((a) => ({ time: a.time ?? '', topic: a.topic, speaker: a.speaker ?? '' })),
        participants: (v.participants ?? []).map((p) => ({ organisationId: p.organisationId ?? null, name: p.name, person: p.person ?? '', role: p.role, attendance: p.attendance })),
      };
      const saved = await save.mutateAsync(body);
      void message.success(t('ev.done'));
      onSaved?.(saved.id);
      onClose();
    },
    (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setStale(true);
      else showError(err);
    },
  );
  const required = [{ required: true, whitespace: true, message: t('ev.required') }];
  const initial: Partial<Values> = event
    ? { ...event, startsOn: dayjs(event.startsOn), endsOn: dayjs(event.endsOn), pilotIds: event.pilots.map((p) => p.id) }
    : { kind: 'annual_meeting', national: true, authorityIds: [], pilotIds: [], agenda: [], participants: [], description: '' };

  return (
    <Modal
      open
      width={900}
      title={event ? t('ev.edit') : t('ev.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('ev.save')}
      cancelText={t('ev.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'event-form-submit' } as ButtonProps}
    >
      {stale && <Alert type="warning" showIcon title={t('ev.conflict')} style={{ marginBottom: 12 }} data-testid="event-form-conflict" />}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="event-form">
        <Space wrap align="start">
          <Form.Item name="kind" label={t('ev.kind')} rules={[{ required: true, message: t('ev.required') }]}>
            <Select style={{ width: 220 }} options={EVENT_KINDS.map((k) => ({ value: k, label: l(EVENT_KIND_LABELS[k]) }))} data-testid="event-kind" />
          </Form.Item>
          <Form.Item name="startsOn" label={t('ev.startsOn')} rules={[{ required: true, message: t('ev.required') }]}>
            <DatePicker data-testid="event-starts" />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('ev.endsOn')}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('ev.required') },
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) => (!v || !getFieldValue('startsOn') || !v.isBefore(getFieldValue('startsOn'), 'day') ? Promise.resolve() : Promise.reject(new Error(t('ev.endsOn')))),
              }),
            ]}
          >
            <DatePicker data-testid="event-ends" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('ev.name')} rules={required}>
          <Input maxLength={200} data-testid="event-title" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="place" label={t('ev.place')} rules={required}>
            <Input maxLength={200} style={{ width: 300 }} data-testid="event-place" />
          </Form.Item>
          <Form.Item name="hostOrganisation" label={t('ev.host')} rules={required}>
            <Input maxLength={200} style={{ width: 360 }} data-testid="event-host" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('ev.description')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="event-description" />
        </Form.Item>
        <Form.Item name="national" valuePropName="checked">
          <Checkbox data-testid="event-national">{t('ev.national')}</Checkbox>
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="authorityIds" label={t('ev.authorities')}>
            <Select mode="multiple" style={{ width: 360 }} optionFilterProp="label" loading={options.isPending} options={options.data?.authorities.map((a) => ({ value: a.id, label: a.name }))} data-testid="event-authorities" />
          </Form.Item>
          <Form.Item name="pilotIds" label={t('ev.pilots')}>
            <Select mode="multiple" style={{ width: 360 }} optionFilterProp="label" loading={options.isPending} options={options.data?.pilots.map((p) => ({ value: p.id, label: p.name }))} data-testid="event-pilots" />
          </Form.Item>
        </Space>

        <h3 className="section-title">{t('ev.agenda')}</h3>
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'time']}>
                    <Input aria-label={`${t('ev.agendaTime')} ${i + 1}`} placeholder={t('ev.agendaTime')} style={{ width: 140 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'topic']} rules={required}>
                    <Input aria-label={`${t('ev.agendaTopic')} ${i + 1}`} placeholder={t('ev.agendaTopic')} style={{ width: 360 }} maxLength={200} data-testid={`event-agenda-topic-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'speaker']}>
                    <Input aria-label={`${t('ev.agendaSpeaker')} ${i + 1}`} placeholder={t('ev.agendaSpeaker')} style={{ width: 180 }} maxLength={100} />
                  </Form.Item>
                  <Button type="text" aria-label={`${t('ev.remove')} ${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ time: '', topic: '', speaker: '' })} data-testid="event-agenda-add">
                {t('ev.addAgenda')}
              </Button>
            </>
          )}
        </Form.List>

        <h3 className="section-title">{t('ev.participants')}</h3>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={required}>
                    <Input aria-label={`${t('ev.participantName')} ${i + 1}`} placeholder={t('ev.participantName')} style={{ width: 220 }} maxLength={100} data-testid={`event-participant-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'person']}>
                    <Input aria-label={`${t('ev.participantPerson')} ${i + 1}`} placeholder={t('ev.participantPerson')} style={{ width: 140 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']}>
                    <Select aria-label={`${t('ev.participantRole')} ${i + 1}`} style={{ width: 100 }} options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`ev.role.${r}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'attendance']}>
                    <Select aria-label={`${t('ev.attendance')} ${i + 1}`} style={{ width: 110 }} options={ATTENDANCE.map((a) => ({ value: a, label: t(`ev.att.${a}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'organisationId']} hidden>
                    <Input />
                  </Form.Item>
                  <Button type="text" aria-label={`${t('ev.remove')} ${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ organisationId: null, name: '', person: '', role: 'attendee', attendance: 'invited' })} data-testid="event-participant-add">
                {t('ev.addParticipant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
