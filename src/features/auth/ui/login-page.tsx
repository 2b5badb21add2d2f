/** Sign-in: the platform's name, user name and password, and the refusal reasons spelled out. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { type Locale } from '../../../web-kit/i18n';
import { errorText } from '../../../web-kit/errors';
import { useSession } from './session';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { login } = useSession();
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      // The route gate sends the user on to ?next= or the home page.
    } catch (err) {
      setError({ code: err instanceof ApiError ? err.code : 'UNKNOWN', text: errorText(err, locale) });
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
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="btn-login">
            {t('login.submit')}
          </Button>
        </Form>
        <p className="login-foot">{t('login.foot')}</p>
      </div>
    </div>
  );
}
