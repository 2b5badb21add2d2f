/** Attachments of an application: download links for all, upload for the city while it may edit. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Table, Upload } from 'antd';
import { useShowError } from '../../../web-kit/errors';
import { formatDateTime, formatSize } from '../../../web-kit/format';
import type { AttachmentInfo } from '../attachments.contract';
import { attachmentLinks } from './attachments-api';
import { useUploadAttachment } from './attachments-queries';
import { useI18n } from './i18n';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';
const MAX_BYTES = 20 * 1024 * 1024;

interface Props {
  applicationId: string;
  attachments: readonly AttachmentInfo[];
  /** The application's `uploadAttachment` ability, decided by the server. */
  canUpload: boolean;
}

export function AttachmentsPanel({ applicationId, attachments, canUpload }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const uploading = useUploadAttachment(applicationId);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('attachments.tooLarge'));
      return;
    }
    try {
      await uploading.mutateAsync(file);
      void message.success(t('attachments.uploaded', { name: file.name }));
    } catch (err) {
      showError(err);
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
            <Button icon={<UploadOutlined />} loading={uploading.isPending} data-testid="btn-upload">
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
              <a href={attachmentLinks.download(r.id)} download data-testid={`attachment-${r.id}`}>
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
