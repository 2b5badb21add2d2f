/**
 * Sign-in: the platform's name, user name and password, and the refusal reasons spelled out.
 * A plain form with Ant Design's inputs (not its Form, whose field store and validator the first page of
 * every visit would otherwise download): the three fields need only "required".
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Segmented, Tag, type InputRef } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { authApi } from './auth-api';
import { ApiError, errorText } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { type Locale } from '../../../web-kit/i18n';
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

type Field = keyof Values;

/** A labelled field in the layout of Ant Design's vertical form, with its message under it. */
function LoginField({ id, label, error, extra, hidden, children }: { id: string; label: string; error?: string; extra?: string; hidden?: boolean; children: ReactNode }) {
  return (
    <div className={`login-field${error ? ' login-field-error' : ''}`} hidden={hidden}>
      <label htmlFor={id} className="login-label">
        {label}
      </label>
      {children}
      {error && (
        <div id={`${id}-error`} className="login-field-message" role="alert">
          {error}
        </div>
      )}
      {extra && !error && (
        <div id={`${id}-extra`} className="login-field-extra">
          {extra}
        </div>
      )}
    </div>
  );
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
  const [values, setValues] = useState<Values>({ username: '', password: '', code: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({});
  const refs = { username: useRef<InputRef>(null), password: useRef<InputRef>(null), code: useRef<InputRef>(null) };
  const set = (field: Field) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    if (value.trim()) setMissing((m) => ({ ...m, [field]: false }));
  };
  const required: Record<Field, string> = { username: t('login.usernameRequired'), password: t('login.passwordRequired'), code: t('login.codeRequired') };
  const invalid = (field: Field, describedBy?: string) => ({
    'aria-invalid': missing[field] ? true : undefined,
    'aria-describedby': missing[field] ? `login-${field}-error` : describedBy,
    status: missing[field] ? ('error' as const) : undefined,
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const fields: Field[] = needCode ? ['username', 'password', 'code'] : ['username', 'password'];
    const empty = fields.filter((f) => !(f === 'password' ? values.password : (values[f] ?? '').trim()));
    setMissing(Object.fromEntries(fields.map((f) => [f, empty.includes(f)])));
    if (empty.length) {
      // The first empty field that is on screen takes the focus (the password is hidden while the code is asked).
      const first = empty.find((f) => !(f === 'password' && needCode));
      if (first) refs[first].current?.focus();
      return;
    }
    void onFinish(values);
  };

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
        <form className="login-form" noValidate onSubmit={onSubmit} aria-busy={busy}>
          <LoginField id="login-username" label={t('login.username')} error={missing.username ? required.username : undefined}>
            <Input
              id="login-username"
              ref={refs.username}
              value={values.username}
              onChange={set('username')}
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              disabled={busy}
              data-testid="login-username"
              {...invalid('username')}
            />
          </LoginField>
          <LoginField id="login-password" label={t('login.password')} error={missing.password && !needCode ? required.password : undefined} hidden={needCode}>
            <Input.Password
              id="login-password"
              ref={refs.password}
              value={values.password}
              onChange={set('password')}
              prefix={<LockOutlined />}
              autoComplete="current-password"
              disabled={busy}
              data-testid="login-password"
              {...invalid('password')}
            />
          </LoginField>
          {needCode && (
            <LoginField id="login-code" label={t('login.code')} extra={t('login.codeHint')} error={missing.code ? required.code : undefined}>
              <Input
                id="login-code"
                ref={refs.code}
                value={values.code}
                onChange={set('code')}
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                maxLength={20}
                disabled={busy}
                data-testid="login-code"
                {...invalid('code', 'login-code-extra')}
              />
            </LoginField>
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
            <Button
              type="link"
              block
              onClick={() => {
                setNeedCode(false);
                setMissing({});
              }}
              data-testid="btn-login-back"
            >
              {t('login.back')}
            </Button>
          )}
        </form>
        <p className="login-foot">{t('login.foot')}</p>
      </div>
    </div>
  );
}
