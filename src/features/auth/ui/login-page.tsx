/**
 * Sign-in: the platform's name, user name and password, and the refusal reasons spelled out.
 * The first page of every visit, so it is drawn with the browser's own controls and a small style sheet
 * (login-page.css), not with Ant Design: its first visit downloads neither the component library nor its
 * theme. The fields are labelled, say what is missing next to themselves (aria-invalid, aria-describedby)
 * and keep the focus order of the page.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { authApi } from './auth-api';
import { ApiError, errorText } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { LocaleSwitch } from '../../../web-kit/locale-switch';
import { useSession } from './session';
import './login-page.css';

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

/** The small line drawings in front of the fields (decorative). */
const ICONS = {
  user: (
    <>
      <circle cx="8" cy="5" r="3" />
      <path d="M2.5 14.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5" />
    </>
  ),
  lock: (
    <>
      <rect x="3" y="7" width="10" height="7.5" rx="1" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </>
  ),
  code: (
    <>
      <path d="M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z" />
      <path d="M5.5 8l2 2 3-3.5" />
    </>
  ),
};

function FieldIcon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="login-input-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden focusable="false">
      {ICONS[name]}
    </svg>
  );
}

/** A labelled field, with its message under it. */
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

/** A notice above the form: the demo instance, a timed-out session, a refusal (an alert). */
function Notice({ kind, title, text, testId, code }: { kind: 'info' | 'warning' | 'error'; title: string; text?: string; testId: string; code?: string }) {
  return (
    <div className={`login-notice login-notice-${kind}`} role={kind === 'info' ? undefined : 'alert'} data-testid={testId} data-code={code}>
      <span className="login-notice-mark" aria-hidden>
        {kind === 'info' ? 'i' : '!'}
      </span>
      <div>
        <div className="login-notice-title">{title}</div>
        {text && <div className="login-notice-text">{text}</div>}
      </div>
    </div>
  );
}

export default function LoginPage() {
  const { t, locale } = useI18n();
  const { login, state } = useSession();
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // After the password, the second factor: the same form asks for the code.
  const [needCode, setNeedCode] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const demoCode = useDemoCode(needCode);
  const expired = state.status === 'signed-out' && state.reason === 'session-expired';
  const [values, setValues] = useState<Values>({ username: '', password: '', code: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({});
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null), code: useRef<HTMLInputElement>(null) };
  const set = (field: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    if (value.trim()) setMissing((m) => ({ ...m, [field]: false }));
  };
  const required: Record<Field, string> = { username: t('login.usernameRequired'), password: t('login.passwordRequired'), code: t('login.codeRequired') };
  const invalid = (field: Field, describedBy?: string) => ({
    'aria-invalid': missing[field] ? true : undefined,
    'aria-describedby': missing[field] ? `login-${field}-error` : describedBy,
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

  const inputClass = (field: Field) => `login-input${missing[field] ? ' login-input-error' : ''}${busy ? ' login-input-disabled' : ''}`;

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
          <LocaleSwitch />
        </div>
        <Notice kind="info" title={t('login.demoTitle')} text={t('login.demoText')} testId="demo-notice" />
        {expired && !error && <Notice kind="warning" title={t('login.sessionExpired')} testId="session-expired" />}
        {error && <Notice kind={error.code === 'LOGIN_FAILED' ? 'error' : 'warning'} title={error.text} testId="login-error" code={error.code} />}
        <form className="login-form" noValidate onSubmit={onSubmit} aria-busy={busy}>
          <LoginField id="login-username" label={t('login.username')} error={missing.username ? required.username : undefined}>
            <span className={inputClass('username')}>
              <FieldIcon name="user" />
              <input
                id="login-username"
                ref={refs.username}
                value={values.username}
                onChange={set('username')}
                autoComplete="username"
                autoFocus
                readOnly={busy}
                data-testid="login-username"
                {...invalid('username')}
              />
            </span>
          </LoginField>
          <LoginField id="login-password" label={t('login.password')} error={missing.password && !needCode ? required.password : undefined} hidden={needCode}>
            <span className={inputClass('password')}>
              <FieldIcon name="lock" />
              <input
                id="login-password"
                ref={refs.password}
                type={showPassword ? 'text' : 'password'}
                value={values.password}
                onChange={set('password')}
                autoComplete="current-password"
                readOnly={busy}
                data-testid="login-password"
                {...invalid('password')}
              />
              <button
                type="button"
                className="login-reveal"
                aria-pressed={showPassword}
                aria-controls="login-password"
                onClick={() => setShowPassword((s) => !s)}
                data-testid="login-password-reveal"
              >
                {t('login.showPassword')}
              </button>
            </span>
          </LoginField>
          {needCode && (
            <LoginField id="login-code" label={t('login.code')} extra={t('login.codeHint')} error={missing.code ? required.code : undefined}>
              <span className={inputClass('code')}>
                <FieldIcon name="code" />
                <input
                  id="login-code"
                  ref={refs.code}
                  value={values.code}
                  onChange={set('code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  autoFocus
                  maxLength={20}
                  readOnly={busy}
                  data-testid="login-code"
                  {...invalid('code', 'login-code-extra')}
                />
              </span>
            </LoginField>
          )}
          {needCode && demoCode.data && (
            <p className="login-demo-code" data-testid="demo-code">
              <span className="login-tag">{t('login.demoTag')}</span>
              {t('login.demoCode', { code: demoCode.data.code, s: demoCode.data.secondsLeft })}
            </p>
          )}
          <button type="submit" className="login-submit" aria-disabled={busy || undefined} data-testid="btn-login">
            {busy && <span className="login-busy" aria-hidden />}
            {t('login.submit')}
          </button>
          {needCode && (
            <button
              type="button"
              className="login-back"
              onClick={() => {
                setNeedCode(false);
                setMissing({});
              }}
              data-testid="btn-login-back"
            >
              {t('login.back')}
            </button>
          )}
        </form>
        <p className="login-foot">{t('login.foot')}</p>
      </div>
    </div>
  );
}
