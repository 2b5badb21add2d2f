/**
 * The ministry planning department receives a forwarded application and records the paper
 * submission of the notice (一式三份、光盘两份) and its formal check.
 */
import { Form, Input, Modal, Radio, Switch, type ButtonProps } from 'antd';
import type { PaperCopyState } from '../../../shared/lifecycle/provincial-checklist';
import type { TransitionResult } from '../../applications/applications.contract';
import { useReceiveApplication } from '../../applications/ui/public';
import { useI18n } from './i18n';
import { useSubmit } from '../../../web-kit/forms';

interface Values {
  printedCopies: PaperCopyState;
  discs: PaperCopyState;
  formalCheckPassed: boolean;
  note: string;
}

interface Props {
  open: boolean;
  applicationId: string;
  version: number;
  onClose: () => void;
  onDone: (r: TransitionResult) => void;
}

export function ReceiveModal({ open, applicationId, version, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const receive = useReceiveApplication(applicationId);

  const paperOptions = [
    { value: 'received', label: t('intake.received') },
    { value: 'waived', label: t('intake.waived') },
  ];

  const { busy, submit } = useSubmit(form, async (v) => {
    onDone(
      await receive.mutateAsync({
        version,
        printedCopies: v.printedCopies,
        discs: v.discs,
        formalCheckPassed: v.formalCheckPassed,
        note: v.note?.trim() || undefined,
      }),
    );
  });

  return (
    <Modal
      open={open}
      title={t('receive.title')}
      okText={t('receive.confirm')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'btn-receive-confirm' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ printedCopies: 'received', discs: 'received', formalCheckPassed: true, note: '' }}
      >
        <Form.Item name="printedCopies" label={t('intake.printedCopies')} rules={[{ required: true }]}>
          <Radio.Group options={paperOptions} data-testid="receive-printed" />
        </Form.Item>
        <Form.Item name="discs" label={t('intake.discs')} rules={[{ required: true }]}>
          <Radio.Group options={paperOptions} data-testid="receive-discs" />
        </Form.Item>
        <Form.Item name="formalCheckPassed" label={t('intake.formalCheck')} valuePropName="checked" extra={t('receive.formalHint')}>
          <Switch checkedChildren={t('intake.passed')} unCheckedChildren={t('intake.notPassed')} data-testid="receive-formal" />
        </Form.Item>
        <Form.Item name="note" label={t('intake.note')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="receive-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
