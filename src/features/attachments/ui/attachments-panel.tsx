/** Attachments of an application: download links for all, upload for the city while it may edit. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, links, type AttachmentInfo } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { formatDateTime, formatSize } from '../../../web/lib/format';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';
const MAX_BYTES = 20 * 1024 * 1024;

interface Props {
  applicationId: string;
  attachments: readonly AttachmentInfo[];
  canUpload: boolean;
  onUploaded: () => void;
}

export function AttachmentsPanel({ applicationId, attachments, canUpload, onUploaded }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('attachments.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      await api.uploadAttachment(applicationId, file);
      void message.success(t('attachments.uploaded', { name: file.name }));
      onUploaded();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="attachments-panel">
      {canUpload && (
        <div className="panel-toolbar">
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="btn-upload">
              {t('attachments.upload')}
            </Button>
          </Upload>
          <span className="muted small">{t('attachments.hint')}</span>
        </div>
      )}
      <Table<AttachmentInfo>
        rowKey="id"
        size="small"
        dataSource={[...attachments]}
        pagination={false}
        locale={{ emptyText: t('attachments.none') }}
        columns={[
          {
            title: t('attachments.filename'),
            dataIndex: 'filename',
            render: (v: string, r) => (
              <a href={links.attachment(r.id)} download data-testid={`attachment-${r.id}`}>
                <PaperClipOutlined /> {v}
              </a>
            ),
          },
          { title: t('attachments.size'), dataIndex: 'size', width: 100, render: (v: number) => formatSize(v) },
          { title: t('attachments.uploader'), dataIndex: 'uploaderName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('attachments.uploadedAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </div>
  );
}
