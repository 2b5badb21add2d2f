/**
 * One's own password change and TOTP enrolment: used by the step that comes before every page
 * (an expired or temporary password, a second factor the role needs) and by the account security page.
 * The rules are checked here as the server checks them (src/shared/identity); the server has the last word.
 */
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../../web-kit/api-client';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from '../../../shared/identity/password-policy';
import type { TotpStart } from '../auth.contract';
import { authApi } from './auth-api';
import { useI18n } from './i18n';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const PROBLEM_CODES = { TOO_SHORT: 'PASSWORD_TOO_SHORT', TOO_FEW_CLASSES: 'PASSWORD_TOO_FEW_CLASSES', CONTAINS_USERNAME: 'PASSWORD_CONTAINS_USERNAME', BREACHED: 'PASSWORD_BREACHED', REUSED: 'PASSWORD_REUSED' } as const;
const LOCAL_MESSAGES: Record<string, { zh: string; en: string }> = {
  PASSWORD_TOO_SHORT: { zh: `密码长度不足 ${DEFAULT_PASSWORD_POLICY.minLength} 位`, en: `At least ${DEFAULT_PASSWORD_POLICY.minLength} characters` },
  PASSWORD_TOO_FEW_CLASSES: { zh: '须包含大写字母、小写字母、数字、特殊符号中的至少三类', en: 'Use three of: upper case, lower case, digits, symbols' },
  PASSWORD_CONTAINS_USERNAME: { zh: '不得包含用户名', en: 'Must not contain the user name' },
  PASSWORD_BREACHED: { zh: '属于常见或已泄露的弱密码', en: 'A common or breached password' },
  PASSWORD_REUSED: { zh: '不能与最近使用过的密码相同', en: 'Must differ from recent passwords' },
};

export function PasswordChangeForm({ username, onDone }: { username: string; onDone: () => void | Promise<void> }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      await onDone();
    } catch (err) {
      const text = errorText(err, locale);
      if (err instanceof ApiError && err.code === 'CURRENT_PASSWORD_WRONG') form.setFields([{ name: 'currentPassword', errors: [text] }]);
      else if (err instanceof ApiError && err.code.startsWith('PASSWORD_')) form.setFields([{ name: 'newPassword', errors: [text] }]);
      else setError(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} disabled={busy} style={{ maxWidth: 420 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="pw-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint', { n: DEFAULT_PASSWORD_POLICY.minLength })}
        validateFirst
        rules={[
          { required: true, message: t('password.required') },
          {
            validator: (_r, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const problems = passwordProblems(value, username);
              const texts = problems.map((p) => LOCAL_MESSAGES[PROBLEM_CODES[p]]![locale === 'en-US' ? 'en' : 'zh']);
              return texts.length ? Promise.reject(new Error(texts.join('；'))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="pw-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.required') },
          ({ getFieldValue }) => ({
            validator: (_r, value: string | undefined) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="pw-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="btn-change-password">
        {t('password.submit')}
      </Button>
    </Form>
  );
}

/** Enrolment: create a key, show it as text and as an otpauth:// link, confirm with a code, then show the recovery codes once. */
export function TotpEnrolment({ onDone }: { onDone: () => void | Promise<void> }) {
  const { t, locale } = useI18n();
  const [started, setStarted] = useState<TotpStart | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };
  if (codes) {
    return (
      <div data-testid="recovery-codes">
        <Alert type="success" showIcon title={t('totp.recoveryTitle')} description={t('totp.recoveryText')} />
        <pre className="recovery-codes">{codes.join('\n')}</pre>
        <Button type="primary" onClick={() => void onDone()} data-testid="btn-totp-continue">
          {t('totp.continue')}
        </Button>
      </div>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 520 }}>
      {error && <Alert type="error" showIcon title={error} data-testid="totp-error" />}
      {!started ? (
        <Button type="primary" loading={busy} onClick={() => void run(async () => setStarted(await authApi.startTotp()))} data-testid="btn-totp-start">
          {t('totp.start')}
        </Button>
      ) : (
        <Form layout="vertical" requiredMark={false} disabled={busy} onFinish={(v: { code: string }) => void run(async () => setCodes((await authApi.confirmTotp(v.code.trim())).recoveryCodes))}>
          <Form.Item label={t('totp.secret')}>
            <Typography.Text code copyable data-testid="totp-secret">
              {started.secret}
            </Typography.Text>
          </Form.Item>
          <Form.Item label={t('totp.uri')}>
            <Typography.Paragraph copyable={{ text: started.uri }} style={{ wordBreak: 'break-all', marginBottom: 0 }}>
              <a href={started.uri} data-testid="totp-uri">
                {started.uri}
              </a>
            </Typography.Paragraph>
          </Form.Item>
          <Form.Item name="code" label={t('totp.code')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.codeRequired') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ width: 160 }} data-testid="totp-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="btn-totp-confirm">
            {t('totp.confirm')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
