/** The dossier's interface strings in zh-CN and en-US. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'dossier.download': { zh: '下载完整档案 (zip)', en: 'Download the whole file (zip)' },
  'dossier.hint': {
    zh: '一个 zip：实施方案（Word、PDF）、审查记录、批复、进度报告、考核评估与整改、全部附件原件、流转与审计记录，附 SHA-256 清单（manifest.json、目录.txt）',
    en: 'One zip: the plan (Word, PDF), the review record, the approval reply, progress reports, evaluations and rectifications, every attachment as uploaded, the history and audit records, with a SHA-256 manifest',
  },
});
