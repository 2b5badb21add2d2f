/**
 * The indicator evidence a case cites: targets of its pilot's contract and figures of its confirmed
 * progress reports. Stored as the figures stood when the author last saved the case (the server
 * checks each against the pilot at every save), so a published case keeps saying what it said.
 */
export interface TargetEvidence {
  kind: 'target';
  targetId: string;
  indicator: string;
  unit: string;
  /** The target's wording as the plan states it. */
  wording: string;
  targetYears: number[];
  values: (number | null)[];
}

export interface ReportValueEvidence {
  kind: 'report_value';
  reportValueId: string;
  reportId: string;
  /** 2017 | 2017-H1 | 2017-Q3 */
  period: string;
  targetId: string;
  indicator: string;
  unit: string;
  actual: number | null;
  dataSource: string;
}

export type CaseEvidence = TargetEvidence | ReportValueEvidence;

/** A reference to a piece of evidence, as the editor sends it. */
export type EvidenceRef = { kind: 'target'; targetId: string } | { kind: 'report_value'; reportValueId: string };

export function evidenceKey(e: EvidenceRef | CaseEvidence): string {
  return e.kind === 'target' ? `target:${e.targetId}` : `report_value:${e.reportValueId}`;
}

/** One line of evidence for the case page and the case book, e.g. "规上工业增加值增速（%）：2018年实际 8.1（来源：统计局）". */
export function evidenceLine(e: CaseEvidence): string {
  const unit = e.unit ? `（${e.unit}）` : '';
  if (e.kind === 'target') {
    const years = e.targetYears.map((y, i) => `${y}年${e.values[i] ?? '—'}`).join('，');
    return `${e.indicator}${unit}：目标 ${years}${e.wording ? `（${e.wording}）` : ''}`;
  }
  return `${e.indicator}${unit}：${e.period} 实际 ${e.actual ?? '—'}${e.dataSource ? `（来源：${e.dataSource}）` : ''}`;
}
