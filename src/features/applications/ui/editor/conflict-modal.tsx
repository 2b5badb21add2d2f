/**
 * Someone else saved the plan first (VERSION_CONFLICT). Autosave has stopped and the user's text is
 * still on screen. They can keep a copy (JSON file or clipboard) and then load the latest version.
 */
import { CopyOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space } from 'antd';
import type { Plan } from '../../../../shared/plan/plan-schema';
import { useI18n } from '../i18n';
import { downloadJson } from '../../../../web-kit/download';

interface Props {
  open: boolean;
  message: string;
  currentVersion: number | null;
  myPlan: Plan;
  fileName: string;
  onReload: () => void;
}

export function ConflictModal({ open, message: text, currentVersion, myPlan, fileName, onReload }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(myPlan, null, 2));
      void message.success(t('conflict.copied'));
    } catch {
      void message.error(t('conflict.copyFailed'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('conflict.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={600}
      footer={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => downloadJson(myPlan, fileName)} data-testid="btn-conflict-export">
            {t('conflict.export')}
          </Button>
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="btn-conflict-copy">
            {t('conflict.copy')}
          </Button>
          <Button type="primary" icon={<ReloadOutlined />} onClick={onReload} data-testid="btn-conflict-reload">
            {t('conflict.reload')}
          </Button>
        </Space>
      }
    >
      <div data-testid="conflict-modal">
        <p>{text}</p>
        {currentVersion !== null && <p className="muted">{t('conflict.versionInfo', { n: currentVersion })}</p>}
        <p>{t('conflict.advice')}</p>
      </div>
    </Modal>
  );
}
