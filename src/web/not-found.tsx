import { Link } from '@tanstack/react-router';
import { Result } from 'antd';
import { useI18n } from './i18n';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/" className="ant-btn">
          {t('app.backHome')}
        </Link>
      }
    />
  );
}

