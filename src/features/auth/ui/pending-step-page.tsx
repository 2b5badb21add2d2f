/** What a signed-in user must do before any page: change an expired or temporary password, or enrol a second factor. */
import { Alert, Button } from 'antd';
import type { Me } from '../auth.contract';
import AntdRoot from '../../../web-kit/antd-root';
import { useI18n } from './i18n';
import { PasswordChangeForm, TotpEnrolment } from './identity-forms';
import { useSession } from './session';

export default function PendingStepPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { refresh, logout } = useSession();
  const password = me.pending === 'password_change';
  // Drawn with Ant Design, whose configuration loads with this page (the sign-in page does without it).
  return (
    <AntdRoot>
      <main className="login-page">
        <div className="login-card" style={{ width: 560 }} data-testid={password ? 'step-password' : 'step-totp'}>
          <div className="login-card-head">
            <h1 style={{ fontSize: 20 }}>{t(password ? 'step.passwordTitle' : 'step.totpTitle')}</h1>
            <Button type="link" onClick={() => void logout()} data-testid="btn-step-logout">
              {t('step.signOut')}
            </Button>
          </div>
          <Alert type="info" showIcon title={t(password ? 'step.passwordText' : 'step.totpText')} style={{ marginBottom: 16 }} />
          {password ? <PasswordChangeForm username={me.user.username} onDone={refresh} /> : <TotpEnrolment onDone={refresh} />}
        </div>
      </main>
    </AntdRoot>
  );
}
