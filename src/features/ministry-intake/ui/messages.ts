/** The ministry-intake feature's interface strings in zh-CN and en-US. Placeholders: {name}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'receive.title': { zh: '受理并登记纸质材料', en: 'Receive and record paper copies' },
  'receive.confirm': { zh: '确认受理', en: 'Receive' },
  'receive.formalHint': { zh: '申报材料齐全、格式符合要求、省级意见完整。', en: 'Materials complete, in form, with the provincial opinion.' },
  'intake.heading': { zh: '工信部受理登记', en: 'Ministry receipt' },
  'intake.printedCopies': { zh: '纸质申报材料（一式三份）', en: 'Printed copies (three)' },
  'intake.discs': { zh: '光盘（两份）', en: 'Discs (two)' },
  'intake.received': { zh: '已收到', en: 'Received' },
  'intake.waived': { zh: '免于报送', en: 'Waived' },
  'intake.formalCheck': { zh: '形式审查', en: 'Formal check' },
  'intake.passed': { zh: '通过', en: 'Passed' },
  'intake.notPassed': { zh: '未通过', en: 'Not passed' },
  'intake.note': { zh: '备注', en: 'Note' },
  'intake.recordedBy': { zh: '登记人', en: 'Recorded by' },
  'intake.recordedAt': { zh: '登记时间', en: 'Recorded at' },
});
