/** The provincial preliminary review's completeness-and-authenticity checklist (初审核查清单). */
export const PROVINCIAL_CHECKLIST = [
  { key: 'materials_complete', zh: '申报材料齐全（申报书、实施方案及附件）', en: 'Application materials complete (form, plan, annexes)' },
  { key: 'outline_followed', zh: '实施方案符合参考大纲要求', en: 'The plan follows the reference outline' },
  { key: 'data_authentic', zh: '基础数据真实、来源可靠', en: 'Baseline data authentic, sources reliable' },
  { key: 'targets_assessable', zh: '目标量化、可考核', en: 'Targets quantified and assessable' },
  { key: 'criteria_met', zh: '符合试点示范城市选择标准', en: 'Meets the selection criteria' },
  { key: 'government_commitment', zh: '城市人民政府高度重视，组织和考核机制健全', en: 'Government commitment; organisation and assessment mechanisms in place' },
] as const;

export type ChecklistKey = (typeof PROVINCIAL_CHECKLIST)[number]['key'];

export function checklistComplete(checklist: Record<string, boolean>): boolean {
  return PROVINCIAL_CHECKLIST.every((item) => checklist[item.key] === true);
}

/** The paper submission of the original notice: three printed copies and two discs (一式三份、光盘两份). */
export const PAPER_COPY_STATES = ['received', 'waived'] as const;
export type PaperCopyState = (typeof PAPER_COPY_STATES)[number];
