/**
 * Password and confirmation fields checked against the platform's password policy
 * (src/shared/identity/password-policy.ts, 等保 defaults) before anything is sent: the server applies the
 * same rules with its configured numbers, and the history besides.
 */
import { Form, Input, type FormInstance, type FormRule } from 'antd';
import { DEFAULT_PASSWORD_POLICY, passwordProblems, type PasswordProblem } from '../../../shared/identity/password-policy';
import { useI18n, type MessageKey, type Translate } from './i18n';

const PROBLEM_KEYS: Record<PasswordProblem, MessageKey> = {
  TOO_SHORT: 'password.TOO_SHORT',
  TOO_FEW_CLASSES: 'password.TOO_FEW_CLASSES',
  CONTAINS_USERNAME: 'password.CONTAINS_USERNAME',
  BREACHED: 'password.BREACHED',
  REUSED: 'password.REUSED',
};

/** The policy's complaints about a password, in the current language. */
export function passwordMessages(t: Translate, password: string, username: string): string[] {
  return passwordProblems(password, username).map((p) => t(PROBLEM_KEYS[p], { n: DEFAULT_PASSWORD_POLICY.minLength }));
}

export function passwordRules(t: Translate, username: () => string): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: (_r, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const messages = passwordMessages(t, value, username());
        return messages.length ? Promise.reject(new Error(messages.join('；'))) : Promise.resolve();
      },
    },
  ];
}

interface Props<T> {
  form: FormInstance<T>;
  /** The account's user name (the password must not contain it). */
  username: () => string;
  label: string;
  passwordTestId: string;
  confirmTestId?: string;
  /** Ask for the password a second time. */
  confirm?: boolean;
  /** Fields whose change re-checks the password (the user name, while it is typed). */
  dependencies?: string[];
}

export function PasswordFields<T>({ form, username, label, passwordTestId, confirmTestId, confirm = true, dependencies }: Props<T>) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="password"
        label={label}
        rules={passwordRules(t, username)}
        extra={t('password.hint', { n: DEFAULT_PASSWORD_POLICY.minLength })}
        dependencies={dependencies}
        validateFirst
      >
        <Input.Password autoComplete="new-password" maxLength={200} data-testid={passwordTestId} />
      </Form.Item>
      {confirm && (
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            {
              validator: (_r, value: string | undefined) =>
                !value || value === (form.getFieldValue('password' as never) as string | undefined)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} data-testid={confirmTestId} />
        </Form.Item>
      )}
    </>
  );
}
