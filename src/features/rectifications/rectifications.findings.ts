/**
 * The findings a new case is prefilled with: the indicators that the latest confirmed figures show
 * off track (滞后), and a failed evaluation with its weak items. Read-only: it computes attainment
 * with the shared pure rules from the confirmed report values, against the contract in force.
 */
import type { Tx } from '../../db/client.js';
import { computeAttainment, type ActualsByYear, type Attainment } from '../../shared/monitoring/attainment.js';
import { GRADE_LABELS, type Grade } from '../../shared/monitoring/evaluation.js';
import { deriveIndicator, type Indicator, type PilotPeriod } from '../../shared/monitoring/indicators.js';
import type { Target } from '../../shared/plan/plan-schema.js';
import type { Finding } from './rectifications.contract.js';
import { confirmedValues, contractVersions, type EvaluationRow } from './rectifications.queries.js';

export interface PilotForFindings {
  id: string;
  periodStartYear: number;
  targets: Target[];
}

function fmt(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** Actual values by target and year: a later confirmed report of the same year replaces an earlier one. */
function actualsByTarget(rows: { year: number; targetId: string; actual: number | null }[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    if (r.actual === null) continue;
    const byYear = out.get(r.targetId) ?? {};
    byYear[String(r.year)] = r.actual;
    out.set(r.targetId, byYear);
  }
  return out;
}

/**
 * Attainment of every indicator from the confirmed figures. Each year is measured against the
 * contract in force that year (an amendment may change it); the latest reported year decides which
 * targets there are to look at. Also the targets themselves, for the findings' wording.
 */
export async function attainmentsOf(db: Tx, pilot: PilotForFindings): Promise<{ target: Target; indicator: Indicator; attainment: Attainment }[]> {
  const rows = await confirmedValues(db, pilot.id);
  const latestYear = rows.length === 0 ? pilot.periodStartYear : Math.max(...rows.map((r) => r.year));
  const versions = await contractVersions(db, pilot.id);
  const inForce = versions.filter((v) => v.effectiveFromYear <= latestYear).at(-1);
  const targets = inForce?.targets ?? pilot.targets;
  const period: PilotPeriod = [pilot.periodStartYear, pilot.periodStartYear + 1, pilot.periodStartYear + 2];
  const actuals = actualsByTarget(rows);
  return targets.map((target) => {
    const indicator = deriveIndicator(target, period);
    return { target, indicator, attainment: computeAttainment(indicator, (actuals.get(target.id) ?? {}) as ActualsByYear) };
  });
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
