/** The top bar's link to the account security page (账号安全). */
import { SafetyOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useI18n } from './i18n';

export function AccountSecurityLink() {
  const { t } = useI18n();
  return (
    <Link to="/account/security" data-testid="link-security" style={{ color: '#dfe8f5' }}>
      <SafetyOutlined /> {t('security.title')}
    </Link>
  );
}
