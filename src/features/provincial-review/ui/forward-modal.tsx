/**
 * The provincial authority forwards an application to the ministry with its opinion: every item of
 * the completeness-and-authenticity checklist confirmed, the opinion, and its date.
 */
import { Alert, Checkbox, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PROVINCIAL_CHECKLIST } from '../../../shared/lifecycle/provincial-checklist';
import type { TransitionResult } from '../../applications/applications.contract';
import { useForwardApplication } from '../../applications/ui/public';
import { useI18n } from './i18n';
import { useSubmit } from '../../../web-kit/forms';

interface Values {
  checklist: string[];
  opinion: string;
  opinionDate: Dayjs;
}

interface Props {
  open: boolean;
  applicationId: string;
  version: number;
  /** What the plan checker reports on this plan, to weigh against the checklist. */
  checkSummary?: { blocking: number; warning: number };
  onClose: () => void;
  onDone: (r: TransitionResult) => void;
}

export function ForwardModal({ open, applicationId, version, checkSummary, onClose, onDone }: Props) {
  const { t, l } = useI18n();
  const [form] = Form.useForm<Values>();
  const forward = useForwardApplication(applicationId);

  const { busy, submit } = useSubmit(form, async (v) => {
    const checked = new Set(v.checklist);
    const r = await forward.mutateAsync({
      version,
      checklist: Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, checked.has(i.key)])),
      opinion: v.opinion.trim(),
      opinionDate: v.opinionDate.format('YYYY-MM-DD'),
    });
    onDone(r);
  });

  return (
    <Modal
      open={open}
      title={t('forward.title')}
      okText={t('forward.confirm')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={680}
      okButtonProps={{ 'data-testid': 'btn-forward-confirm' } as ButtonProps}
    >
      {checkSummary && (
        <Alert
          className="block-gap"
          type={checkSummary.blocking > 0 ? 'warning' : 'success'}
          showIcon
          title={t('forward.checkSummary', { blocking: checkSummary.blocking, warning: checkSummary.warning })}
          data-testid="forward-check-summary"
        />
      )}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ checklist: [], opinion: '', opinionDate: dayjs() }}>
        <Form.Item
          name="checklist"
          label={t('forward.checklist')}
          extra={t('forward.checklistHint')}
          rules={[
            {
              validator: (_r, value: string[] | undefined) =>
                (value?.length ?? 0) === PROVINCIAL_CHECKLIST.length ? Promise.resolve() : Promise.reject(new Error(t('forward.checklistRequired'))),
            },
          ]}
        >
          <Checkbox.Group className="checklist" data-testid="forward-checklist">
            {PROVINCIAL_CHECKLIST.map((item) => (
              <Checkbox key={item.key} value={item.key} data-testid={`check-${item.key}`}>
                {l(item)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="opinion" label={t('forward.opinion')} rules={[{ required: true, whitespace: true, message: t('forward.opinionRequired') }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('forward.opinionPlaceholder')} data-testid="forward-opinion" />
        </Form.Item>
        <Form.Item name="opinionDate" label={t('forward.opinionDate')} rules={[{ required: true, message: t('forward.dateRequired') }]}>
          <DatePicker allowClear={false} data-testid="forward-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
