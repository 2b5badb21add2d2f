/** The attachment endpoints: upload to an application, and the download link of a stored file. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type { UploadedAttachment } from '../attachments.contract';

export const attachmentsApi = {
  upload: (applicationId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<UploadedAttachment>('POST', `/applications/${enc(applicationId)}/attachments`, undefined, { form });
  },
};

/** The browser downloads the file itself. */
export const attachmentLinks = {
  download: (attachmentId: string) => `${API_BASE}/attachments/${enc(attachmentId)}`,
};
