/** The provincial authority returns an application to the city for revision, with its reasons. */
import { Form, Input, Modal, type ButtonProps } from 'antd';
import type { TransitionResult } from '../../applications/applications.contract';
import { useReturnApplication } from '../../applications/ui/public';
import { useI18n } from './i18n';
import { useSubmit } from '../../../web-kit/forms';

interface Props {
  open: boolean;
  applicationId: string;
  version: number;
  onClose: () => void;
  onDone: (r: TransitionResult) => void;
}

export function ReturnModal({ open, applicationId, version, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reasons: string }>();
  const returnForRevision = useReturnApplication(applicationId);

  const { busy, submit } = useSubmit(form, async (v) => {
    onDone(await returnForRevision.mutateAsync({ version, reasons: v.reasons.trim() }));
  });

  return (
    <Modal
      open={open}
      title={t('return.title')}
      okText={t('return.confirm')}
      okButtonProps={{ danger: true, 'data-testid': 'btn-return-confirm' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reasons" label={t('return.reasons')} rules={[{ required: true, whitespace: true, message: t('return.reasonsRequired') }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount placeholder={t('return.placeholder')} data-testid="return-reasons" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
