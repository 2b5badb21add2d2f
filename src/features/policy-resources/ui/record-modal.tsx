/**
 * 登记支持: records a fund or project for a pilot — programme from the configured list, amount in
 * 万元, a year inside the pilot period, the giving department, the project and the pilot's targets
 * it is meant to move. The server checks everything again.
 */
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select , type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../../web-kit/forms';
import { useMe } from '../../auth/ui/public';
import { pilotsQueries, type Pilot } from '../../pilots/ui/public';
import type { ResourceInput } from '../policy-resources.contract';
import { useI18n } from './i18n';
import { resourcesQueries, useRecordResource } from './resources-queries';

interface Values {
  pilotId: string;
  programme: string;
  amount: number;
  year: number;
  department: string;
  project: string;
  targetIds: string[];
  note?: string;
}

export function RecordModal({ open, pilots, pilotId, onClose }: { open: boolean; pilots: Pilot[]; pilotId?: string; onClose: () => void }) {
  const { t, l } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<string | undefined>(pilotId);
  const programmes = useQuery(resourcesQueries.programmes());
  const detail = useQuery({ ...pilotsQueries.detail(chosen ?? ''), enabled: !!chosen });
  const record = useRecordResource();
  const pilot = pilots.find((p) => p.id === chosen);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ pilotId, department: me.user.organisationName.replace(/^工信部/, ''), targetIds: [] });
    setChosen(pilotId);
  }, [open, pilotId, form, me.user.organisationName]);

  const { busy, submit } = useSubmit(form, async (v) => {
    const body: ResourceInput = { programme: v.programme, amount: v.amount, year: v.year, department: v.department, project: v.project, targetIds: v.targetIds ?? [], note: v.note ?? '' };
    await record.mutateAsync({ pilotId: v.pilotId, body });
    void message.success(t('res.recorded'));
    onClose();
  });

  const years = pilot ? Array.from({ length: pilot.periodEndYear - pilot.periodStartYear + 1 }, (_, i) => pilot.periodStartYear + i) : [];
  const required = [{ required: true, message: t('res.required') }];

  return (
    <Modal
      open={open}
      title={t('res.record')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('res.save')}
      cancelText={t('res.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'resource-save' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" data-testid="resource-form">
        <Form.Item name="pilotId" label={t('res.pilot')} rules={required}>
          <Select
            data-testid="resource-pilot"
            options={pilots.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(v: string) => {
              setChosen(v);
              form.setFieldsValue({ year: undefined, targetIds: [] });
            }}
          />
        </Form.Item>
        <Form.Item name="programme" label={t('res.programme')} rules={required}>
          <Select data-testid="resource-programme" loading={programmes.isPending} options={(programmes.data?.programmes ?? []).map((p) => ({ value: p.key, label: l({ zh: p.zh, en: p.en }) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('res.amount')} rules={required}>
          <InputNumber data-testid="resource-amount" min={0.0001} step={100} precision={4} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="year" label={t('res.year')} rules={required} extra={pilot ? t('res.yearHint', { from: pilot.periodStartYear, to: pilot.periodEndYear }) : undefined}>
          <Select data-testid="resource-year" options={years.map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item name="department" label={t('res.department')} rules={required}>
          <Input data-testid="resource-department" maxLength={100} />
        </Form.Item>
        <Form.Item name="project" label={t('res.project')} rules={required}>
          <Input data-testid="resource-project" maxLength={200} />
        </Form.Item>
        <Form.Item name="targetIds" label={t('res.targets')}>
          <Select
            mode="multiple"
            data-testid="resource-targets"
            loading={!!chosen && detail.isPending}
            optionFilterProp="label"
            options={(detail.data?.targets ?? []).map((x) => ({ value: x.id, label: x.indicator || x.id }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('res.note')}>
          <Input.TextArea data-testid="resource-note" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
