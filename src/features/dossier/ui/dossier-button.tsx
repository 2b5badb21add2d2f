/**
 * The button "下载完整档案 (zip)" on the application page and the pilot page: a plain download link to
 * the dossier route, shown when the server granted this user the dossier permission (the route decides
 * the row scope; the page is only shown to those who see the object).
 */
import { FileZipOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { API_BASE } from '../../../web-kit/api-client';
import { useMe } from '../../auth/ui/public';
import { useI18n } from './i18n';

export const dossierLinks = {
  application: (id: string) => `${API_BASE}/applications/${encodeURIComponent(id)}/dossier.zip`,
  pilot: (id: string) => `${API_BASE}/pilots/${encodeURIComponent(id)}/dossier.zip`,
};

export function DossierButton({ kind, id }: { kind: 'application' | 'pilot'; id: string }) {
  const { t } = useI18n();
  const me = useMe();
  if (!me.permissions.includes('dossier.download')) return null;
  return (
    <Tooltip title={t('dossier.hint')}>
      <Button icon={<FileZipOutlined />} href={dossierLinks[kind](id)} download data-testid={`dossier-${kind}`}>
        {t('dossier.download')}
      </Button>
    </Tooltip>
  );
}
