/** Sign-in: the platform's name, user name and password, and the refusal reasons spelled out. */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from './auth-api';
import { ApiError } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { type Locale } from '../../../web-kit/i18n';
import { errorText } from '../../../web-kit/errors';
import { useSession } from './session';

interface Values {
  username: string;
  password: string;
  code?: string;
}

/** Demo mode only: the demo accounts' current code, refreshed as it changes (the route is absent otherwise). */
function useDemoCode(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'demo-code'],
    queryFn: async () => {
      try {
        return await authApi.demoCode();
      } catch {
        return null;
      }
    },
    enabled,
    refetchInterval: (q) => (q.state.data ? Math.max(1, q.state.data.secondsLeft) * 1000 : false),
    staleTime: 0,
  });
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { login, state } = useSession();
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // After the password, the second factor: the same form asks for the code.
  const [needCode, setNeedCode] = useState(false);
  const demoCode = useDemoCode(needCode);
  const expired = state.status === 'signed-out' && state.reason === 'session-expired';

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password, needCode ? values.code?.trim() : undefined);
      // The route gate sends the user on to ?next= or the home page.
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'UNKNOWN';
      if (code === 'TOTP_CODE_REQUIRED') setNeedCode(true);
      else setError({ code, text: errorText(err, locale) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-banner">
        <div className="login-emblem" aria-hidden>
          ★
        </div>
        <div>
          <div className="login-ministry">{t('login.ministry')}</div>
          <h1 className="login-title" data-testid="platform-title">
            {t('app.title')}
          </h1>
        </div>
      </div>
      <div className="login-card">
        <div className="login-card-head">
          <h2>{t('login.heading')}</h2>
          <Segmented<Locale>
            size="small"
            value={locale}
            onChange={setLocale}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en-US' },
            ]}
            data-testid="locale-switch"
          />
        </div>
        <Alert type="info" showIcon className="login-demo" title={t('login.demoTitle')} description={t('login.demoText')} data-testid="demo-notice" />
        {expired && !error && <Alert type="warning" showIcon className="login-error" title={t('login.sessionExpired')} data-testid="session-expired" />}
        {error && (
          <Alert
            type={error.code === 'LOGIN_FAILED' ? 'error' : 'warning'}
            showIcon
            className="login-error"
            title={error.text}
            data-testid="login-error"
            data-code={error.code}
          />
        )}
        <Form<Values> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]} hidden={needCode}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {needCode && (
            <Form.Item name="code" label={t('login.code')} extra={t('login.codeHint')} rules={[{ required: true, message: t('login.codeRequired') }]}>
              <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" autoFocus maxLength={20} data-testid="login-code" />
            </Form.Item>
          )}
          {needCode && demoCode.data && (
            <p className="login-demo-code" data-testid="demo-code">
              <Tag color="orange">{t('login.demoTag')}</Tag>
              {t('login.demoCode', { code: demoCode.data.code, s: demoCode.data.secondsLeft })}
            </p>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="btn-login">
            {t('login.submit')}
          </Button>
          {needCode && (
            <Button type="link" block onClick={() => setNeedCode(false)} data-testid="btn-login-back">
              {t('login.back')}
            </Button>
          )}
        </Form>
        <p className="login-foot">{t('login.foot')}</p>
      </div>
    </div>
  );
}
