/** The provincial authority returns an application to the city for revision, with its reasons. */
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api, type TransitionResult } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { validated } from '../../../web/lib/forms';

interface Props {
  open: boolean;
  applicationId: string;
  version: number;
  onClose: () => void;
  onDone: (r: TransitionResult) => void;
}

export function ReturnModal({ open, applicationId, version, onClose, onDone }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<{ reasons: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      onDone(await api.returnForRevision(applicationId, { version, reasons: v.reasons.trim() }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

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
