/**
 * The words of the cancellation notice (通报取消): who was approved when, the rectification ordered
 * and why it failed, the suspension, the decision. Written once when the pilot is cancelled and
 * stored with the notice, so the Word and PDF files always say what the record says.
 */

/** Addressed to every provincial authority, the way the ministry's circulars to the provinces are. */
export const NOTICE_ADDRESSEES = ['各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门'];
export const NOTICE_COPY_TO = ['国家制造强国建设领导小组办公室'];

export interface CancellationFacts {
  /** e.g. 某某市 (without 人民政府) */
  cityName: string;
  approvalDocumentNo: string;
  approvalDate: string;
  orderedOn: string;
  deadline: string;
  /** The re-assessment failed (else the deadline passed without a passing re-assessment). */
  reassessmentFailed: boolean;
  suspendedOn: string;
}

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function cancellationNotice(f: CancellationFacts): { title: string; body: string } {
  const city = f.cityName;
  const programme = '“中国制造2025”';
  const why = f.reassessmentFailed
    ? '经复核，整改仍未达到要求。'
    : `整改期限届满，${city}未按要求完成整改。`;
  const body = [
    `${zhDate(f.approvalDate)}，我部批复同意${city}开展${programme}试点示范城市创建工作（${f.approvalDocumentNo}）。`,
    `经考核评估，${city}试点示范工作未达到要求。${zhDate(f.orderedOn)}，我部责令其限期整改，整改期限至${zhDate(f.deadline)}。${why}`,
    `根据《${programme}城市试点示范工作方案》关于“评估结果未达要求的，要限期整改……整改仍达不到要求的，将中止和通报取消”的规定，我部于${zhDate(f.suspendedOn)}中止了${city}试点示范工作。经研究，决定取消${city}${programme}试点示范城市资格，现予通报。`,
    '各地要引以为戒，按照实施方案确定的目标和任务，扎实推进试点示范工作，确保各项目标如期实现。',
    '特此通报。',
  ].join('\n');
  return { title: `工业和信息化部关于取消${city}${programme}试点示范城市资格的通报`, body };
}

/** The next free number in the ministry's series for the year, e.g. 工信部规〔2019〕101号. */
export function nextDocumentNo(year: number, taken: readonly string[]): string {
  const prefix = `工信部规〔${year}〕`;
  const used = new Set(taken.map((no) => Number(no.slice(prefix.length).replace(/号$/, ''))).filter(Number.isFinite));
  let n = 101;
  while (used.has(n)) n++;
  return `${prefix}${n}号`;
}
