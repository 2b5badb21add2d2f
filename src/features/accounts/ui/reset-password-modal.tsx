/** Sets a new password for a user (typed twice, checked against the policy); the server ends their sessions. */
import { Alert, Form, Modal, type ButtonProps } from 'antd';
import { ApiError } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { errorText, useShowError } from '../../../web-kit/errors';
import { useSubmit } from '../../../web-kit/forms';
import type { AdminUser } from '../accounts.contract';
import { useUpdateUser } from './accounts-queries';
import { PasswordFields } from './password-fields';

interface Values {
  password: string;
  confirm: string;
}

interface Props {
  open: boolean;
  /** The user whose password is reset (kept while the modal closes). */
  user: AdminUser | null;
  onClose: () => void;
  /** After the reset, once the users list has been fetched again. */
  onDone: (user: AdminUser) => void;
}

export function ResetPasswordModal({ open, user, onClose, onDone }: Props) {
  const { t, locale } = useI18n();
  const updateUser = useUpdateUser();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();

  const { busy, submit } = useSubmit(
    form,
    async (v) => {
      if (!user) return; // not reached: submit only runs with a user (see onOk)
      await updateUser.mutateAsync({ id: user.id, change: { password: v.password } });
      onDone(user);
    },
    (err) => {
      if (err instanceof ApiError && err.code.startsWith('PASSWORD_')) form.setFields([{ name: 'password', errors: [errorText(err, locale)] }]);
      else showError(err);
    },
  );

  return (
    <Modal
      open={open && user !== null}
      title={user ? t('reset.title', { name: `${user.displayName}（${user.username}）` }) : ''}
      okText={t('reset.confirm')}
      onOk={() => {
        // Without a user there is nothing to reset (and nothing to validate).
        if (user) void submit();
      }}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'btn-reset-confirm' } as ButtonProps}
    >
      <Alert type="info" showIcon className="block-gap" title={t('reset.notice')} />
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ password: '', confirm: '' }}>
        <PasswordFields<Values>
          form={form}
          username={() => user?.username ?? ''}
          label={t('reset.newPassword')}
          passwordTestId="reset-password"
          confirmTestId="reset-password-confirm"
        />
      </Form>
    </Modal>
  );
}
