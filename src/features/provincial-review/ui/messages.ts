/** The provincial-review feature's interface strings in zh-CN and en-US. Placeholders: {name}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'forward.title': { zh: '初审通过并转报工信部', en: 'Forward to the ministry' },
  'forward.confirm': { zh: '确认转报', en: 'Forward' },
  'forward.checkSummary': {
    zh: '平台方案检查：必须修改 {blocking} 项，建议完善 {warning} 项（详见“检查结果”）。',
    en: 'Platform plan check: {blocking} blocking, {warning} warnings (see “Check results”).',
  },
  'forward.checklist': { zh: '完整性和真实性核查', en: 'Completeness and authenticity checklist' },
  'forward.checklistHint': { zh: '转报前须逐项核查并全部勾选。', en: 'Every item must be checked before forwarding.' },
  'forward.checklistRequired': { zh: '请完成全部核查项目', en: 'Confirm every checklist item' },
  'forward.opinion': { zh: '省级初审意见', en: 'Provincial opinion' },
  'forward.opinionPlaceholder': { zh: '填写对申报城市条件、方案质量和推荐意见的说明', en: 'The city’s conditions, the plan’s quality and your recommendation' },
  'forward.opinionRequired': { zh: '请填写初审意见', en: 'Enter the opinion' },
  'forward.opinionDate': { zh: '意见日期', en: 'Opinion date' },
  'forward.dateRequired': { zh: '请选择意见日期', en: 'Pick the date' },
  'return.title': { zh: '退回修改', en: 'Return for revision' },
  'return.confirm': { zh: '确认退回', en: 'Return' },
  'return.reasons': { zh: '退回理由及修改意见', en: 'Reasons and requested changes' },
  'return.reasonsRequired': { zh: '请填写退回理由', en: 'Enter the reasons' },
  'return.placeholder': { zh: '逐条列明需要修改或补充的内容', en: 'List what must be changed or added' },
  'review.none': { zh: '尚无省级初审记录', en: 'No provincial review yet' },
  'review.pending': { zh: '待初审', en: 'Pending' },
  'review.forwarded': { zh: '已转报', en: 'Forwarded' },
  'review.returned': { zh: '已退回', en: 'Returned' },
  'review.reviewer': { zh: '经办人', en: 'Reviewer' },
  'review.decidedAt': { zh: '办理时间', en: 'Decided at' },
  'review.returnDate': { zh: '退回日期', en: 'Return date' },
});
