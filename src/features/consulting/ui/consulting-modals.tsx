/**
 * The steps of a consulting request as modals: the city asks; the ministry matches experts from the
 * candidates (the excluded ones listed with the rule and the reason), records the service, or
 * closes the request with a reason. The server checks role, status and version again.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Table, Tag, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CONFLICT_RULES } from '../../../shared/review/conflicts';
import { useShowError } from '../../../web-kit/errors';
import { useSubmit } from '../../../web-kit/forms';
import { QueryState } from '../../../web-kit/query';
import type { Pilot } from '../../pilots/ui/public';
import type { Candidates, ConsultingRequest } from '../consulting.contract';
import { consultingQueries, useAsk, useClose, useMatch, useServe } from './consulting-queries';
import { useI18n } from './i18n';

export function AskModal({ pilots, onClose }: { pilots: Pilot[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pilotId: string; topic: string; description: string; fields: string[] }>();
  const ask = useAsk();
  const { busy, submit } = useSubmit(form, async (v) => {
    await ask.mutateAsync({ pilotId: v.pilotId, body: { topic: v.topic, description: v.description, fields: v.fields } });
    void message.success(t('cons.done'));
    onClose();
  });
  const required = [{ required: true, whitespace: true, message: t('cons.required') }];
  return (
    <Modal open title={t('cons.ask')} onCancel={onClose} onOk={() => void submit()} okText={t('cons.submit')} cancelText={t('cons.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'consulting-ask-submit' } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ pilotId: pilots[0]?.id, fields: [] }}>
        <Form.Item name="pilotId" label={t('cons.pilot')} rules={[{ required: true, message: t('cons.required') }]}>
          <Select data-testid="consulting-pilot" options={pilots.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="topic" label={t('cons.topic')} rules={required}>
          <Input maxLength={200} data-testid="consulting-topic" />
        </Form.Item>
        <Form.Item name="description" label={t('cons.description')} rules={required}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="consulting-description" />
        </Form.Item>
        <Form.Item name="fields" label={t('cons.fields')} extra={t('cons.fieldsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('cons.required') }]}>
          <Select mode="tags" maxCount={10} tokenSeparators={['，', ',', '、']} open={false} data-testid="consulting-fields" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Candidate = Candidates['candidates'][number];
type Excluded = Candidates['excluded'][number];

export function MatchModal({ request, onClose }: { request: ConsultingRequest; onClose: () => void }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const candidates = useQuery(consultingQueries.candidates(request.id));
  const match = useMatch();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? candidates.data?.candidates.filter((c) => c.chosen).map((c) => c.expertId) ?? [];

  return (
    <Modal
      open
      width={920}
      title={`${t('cons.match')}：${request.topic}`}
      onCancel={onClose}
      okText={t('cons.submit')}
      cancelText={t('cons.cancel')}
      confirmLoading={match.isPending}
      okButtonProps={{ disabled: selected.length === 0 || selected.length > 10, 'data-testid': 'consulting-match-submit' } as ButtonProps}
      onOk={() =>
        void match.mutateAsync({ id: request.id, body: { version: request.version, expertIds: selected } }).then(() => {
          void message.success(t('cons.done'));
          onClose();
        }, showError)
      }
    >
      <QueryState query={candidates}>
        {(data) => (
          <>
            <h4>{t('cons.candidates')}</h4>
            <p className="muted">{t('cons.chooseHint', { n: selected.length })}</p>
            <Table<Candidate>
              size="small"
              rowKey="expertId"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={data.candidates}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setChosen(keys.map(String)), getCheckboxProps: (r) => ({ 'aria-label': r.name, 'data-testid': `candidate-check-${r.name}` }) as object }}
              data-testid="consulting-candidates"
              columns={[
                { title: t('cons.expert'), dataIndex: 'name', render: (v: string, r) => <span data-testid={`candidate-${v}`}>{v} <span className="muted small">{r.title}</span></span> },
                { title: t('cons.organisation'), dataIndex: 'organisation' },
                { title: t('cons.place'), dataIndex: 'place' },
                { title: t('cons.fields'), dataIndex: 'fields', render: (v: string[]) => v.join('、') },
                { title: t('cons.matched'), dataIndex: 'matchedFields', render: (v: string[], r) => (v.length ? v.map((f) => <Tag key={f} color="green">{f}</Tag>) : <span className="muted small">{l(r.reasons[0] ?? { zh: '—', en: '—' })}</span>) },
                { title: t('cons.cost'), dataIndex: 'cost', width: 110, align: 'right' },
              ]}
            />
            <h4>{t('cons.excluded', { n: data.excluded.length })}</h4>
            {data.excluded.length === 0 ? (
              <p className="muted">{t('cons.noExcluded')}</p>
            ) : (
              <Table<Excluded>
                size="small"
                rowKey="expertId"
                pagination={false}
                dataSource={data.excluded}
                data-testid="consulting-excluded"
                onRow={(r) => ({ 'data-testid': `excluded-${r.name}` }) as object}
                columns={[
                  { title: t('cons.expert'), dataIndex: 'name', width: 120 },
                  { title: t('cons.organisation'), dataIndex: 'organisation', width: 180 },
                  {
                    title: t('cons.reason'),
                    key: 'reason',
                    render: (_, r) => (
                      <div>
                        {r.rules.map((code) => (
                          <Tag key={code} color="orange">
                            {l(CONFLICT_RULES[code])}
                          </Tag>
                        ))}
                        {r.reasons.map((x, i) => (
                          <div key={i} className="small">
                            {l(x)}
                          </div>
                        ))}
                      </div>
                    ),
                  },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </Modal>
  );
}

export function ServeModal({ request, onClose }: { request: ConsultingRequest; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ servedOn: Dayjs; record: string }>();
  const serve = useServe();
  const { busy, submit } = useSubmit(form, async (v) => {
    await serve.mutateAsync({ id: request.id, body: { version: request.version, servedOn: v.servedOn.format('YYYY-MM-DD'), record: v.record } });
    void message.success(t('cons.done'));
    onClose();
  });
  return (
    <Modal open title={`${t('cons.serve')}：${request.topic}`} onCancel={onClose} onOk={() => void submit()} okText={t('cons.submit')} cancelText={t('cons.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'consulting-serve-submit' } as ButtonProps}>
      <Alert className="block-gap" type="info" showIcon title={request.experts.map((e) => `${e.name}（${e.organisation}）`).join('、')} />
      <Form form={form} layout="vertical" initialValues={{ servedOn: dayjs() }}>
        <Form.Item name="servedOn" label={t('cons.servedOn')} rules={[{ required: true, message: t('cons.required') }]}>
          <DatePicker allowClear={false} data-testid="consulting-served-on" />
        </Form.Item>
        <Form.Item name="record" label={t('cons.record')} rules={[{ required: true, whitespace: true, message: t('cons.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="consulting-record" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseModal({ request, onClose }: { request: ConsultingRequest; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const close = useClose();
  const { busy, submit } = useSubmit(form, async (v) => {
    await close.mutateAsync({ id: request.id, body: { version: request.version, comment: v.comment } });
    void message.success(t('cons.done'));
    onClose();
  });
  return (
    <Modal open title={`${t('cons.close')}：${request.topic}`} onCancel={onClose} onOk={() => void submit()} okText={t('cons.submit')} cancelText={t('cons.cancel')} confirmLoading={busy} okButtonProps={{ danger: true, 'data-testid': 'consulting-close-submit' } as ButtonProps}>
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('cons.closeReason')} rules={[{ required: true, whitespace: true, message: t('cons.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="consulting-close-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
