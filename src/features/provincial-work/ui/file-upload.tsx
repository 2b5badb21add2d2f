/** Uploads one file for the authority (its type is checked by its bytes on the server) and reports the stored file. */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../../web-kit/errors';
import type { FilePurpose, FileRef } from '../provincial-work.contract';
import { useI18n } from './i18n';
import { provinceApi } from './province-api';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';

export function FileUpload({ authority, purpose, onUploaded, testId }: { authority: string; purpose: FilePurpose; onUploaded: (f: FileRef) => void; testId: string }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      multiple={false}
      beforeUpload={(file) => {
        setBusy(true);
        provinceApi
          .upload(authority, purpose, file)
          .then(onUploaded, showError)
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
        {t('prov.upload')}
      </Button>
    </Upload>
  );
}
