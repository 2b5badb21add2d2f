/** The attachments feature's interface strings in zh-CN and en-US. Placeholders: {name}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'attachments.upload': { zh: '上传附件', en: 'Upload' },
  'attachments.hint': { zh: '支持 PDF、Word、Excel、PNG/JPEG，单个文件不超过 20 MB。', en: 'PDF, Word, Excel, PNG/JPEG; up to 20 MB each.' },
  'attachments.tooLarge': { zh: '文件超过 20 MB，无法上传。', en: 'The file is larger than 20 MB.' },
  'attachments.uploaded': { zh: '已上传：{name}', en: 'Uploaded: {name}' },
  'attachments.none': { zh: '暂无附件', en: 'No attachments' },
  'attachments.filename': { zh: '文件名', en: 'File' },
  'attachments.size': { zh: '大小', en: 'Size' },
  'attachments.uploader': { zh: '上传人', en: 'Uploaded by' },
  'attachments.uploadedAt': { zh: '上传时间', en: 'Uploaded at' },
});
