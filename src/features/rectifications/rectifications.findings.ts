/**
 * The findings a new case is prefilled with: the indicators that the latest confirmed figures show
 * off track (滞后), and a failed evaluation with its weak items. Read-only: the attainment feature
 * computes the indicators from the confirmed report values, each year against the contract in force.
 */
import type { Tx } from '../../db/client.js';
import { GRADE_LABELS, type Grade } from '../../shared/monitoring/evaluation.js';
import { attainmentsOf, type PilotForFindings } from '../attainment/public.js';
import type { Finding } from './rectifications.contract.js';
import type { EvaluationRow } from './rectifications.queries.js';

export type { PilotForFindings };

function fmt(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** The off-track indicators of the latest confirmed figures, as findings. */
export async function offTrackFindings(db: Tx, pilot: PilotForFindings): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const { target, indicator, attainment } of await attainmentsOf(db, pilot)) {
    if (!indicator.derivable || attainment.status !== 'off_track') continue;
    const year = attainment.years.find((y) => y.year === attainment.latestYear)!;
    const unit = indicator.unit ?? '';
    const pct = Math.round((attainment.progress ?? 0) * 100);
    findings.push({
      kind: 'indicator',
      ref: target.id,
      text: `${target.indicator || target.id}：${year.year}年应达到${fmt(year.required)}${unit}，实际为${fmt(year.actual)}${unit}，完成进度${pct}%，进度滞后。`,
    });
  }
  return findings;
}

interface StoredResult {
  total?: number;
  items?: { id: string; label?: { zh?: string } }[];
  weakItems?: { id: string; score: number; reasons: string[] }[];
}

/** A failed evaluation and its weak items (those below 合格 and the lowest), as findings. */
export function evaluationFindings(evaluation: EvaluationRow): Finding[] {
  const result = (evaluation.result ?? {}) as StoredResult;
  const grade = evaluation.grade as Grade | null;
  const total = evaluation.totalScore ?? result.total ?? null;
  const findings: Finding[] = [
    {
      kind: 'evaluation',
      ref: evaluation.id,
      text: `考核评估总分${fmt(total === null ? null : Math.round(total * 10) / 10)}分，评估等级为${grade ? GRADE_LABELS[grade].zh : '—'}。`,
    },
  ];
  for (const weak of result.weakItems ?? []) {
    const label = result.items?.find((i) => i.id === weak.id)?.label?.zh ?? weak.id;
    const belowPass = weak.reasons.includes('below_pass');
    findings.push({
      kind: 'evaluation_item',
      ref: weak.id,
      text: `${label}：得分${fmt(Math.round(weak.score * 10) / 10)}分${belowPass ? '，低于合格线' : '，为各项中最低'}。`,
    });
  }
  return findings;
}
