/**
 * Attainment of a pilot against its versioned contract (调整优化): each year is measured against the
 * contract version in force that year, the final target and the projection against the version in
 * force in the final year (the contract the pilot will be judged on at the end). Also the actual of
 * each year from the confirmed reports, and the per-pilot summary the ministry's overview lists.
 * Pure: the server reads the rows, this decides.
 *
 * Decisions:
 * - The version in force in a year is the highest version effective from that year or earlier; a
 *   year before every version takes the first one (the approved plan). The same rule as the pilots
 *   feature's contractInForce.
 * - The indicators listed are the targets of the version in force in the final year. An earlier
 *   year is measured against the same target id of its own version; when that version did not have
 *   the target (it was added by an amendment), the year has no required value and shows no_data.
 *   A target an amendment removed is no longer part of the contract and is not listed.
 * - A year's actual is the figure of the latest confirmed report of that year (the yearly report, or
 *   the last quarter or half-year confirmed so far): reports run from the start of the year, so the
 *   latest confirmed figure is the best one there is. A report that leaves a figure empty does not
 *   erase an earlier one.
 * - A pilot's overall status is the worst current status among its indicators with data (滞后 before
 *   预警 before 达标); with none, no_data. It partitions the pilots, so a filter by status and the
 *   distribution chart agree.
 */
import { TARGET_DIMENSIONS, type TargetDimension } from '../plan/plan-schema.js';
import {
  computeAttainment,
  rollUpAttainment,
  thresholdsSchema,
  type Attainment,
  type AttainmentRollup,
  type AttainmentStatus,
  type ThresholdsInput,
  type YearAttainment,
} from './attainment.js';
import { deriveIndicator, type FrozenTarget, type Indicator, type IndicatorOptions, type PilotPeriod, type RequiredSource } from './indicators.js';

export interface ContractVersionInput<T extends FrozenTarget = FrozenTarget> {
  version: number;
  effectiveFromYear: number;
  targets: readonly T[];
}

/** The version in force in `year`: the highest effective from that year or earlier, else the first. */
export function versionInForce<V extends { version: number; effectiveFromYear: number }>(versions: readonly V[], year: number): V | null {
  if (versions.length === 0) return null;
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  return sorted.filter((v) => v.effectiveFromYear <= year).at(-1) ?? sorted[0]!;
}

/** One confirmed figure as the server reads it. */
export interface ReportedValue {
  year: number;
  /** The reporting period, e.g. 2018 | 2018-H1 | 2018-Q3. */
  period: string;
  /** Last day of the period (YYYY-MM-DD); orders the reports of one year. */
  periodEnd: string;
  targetId: string;
  actual: number | null;
}

export interface ActualFigure {
  value: number;
  period: string;
}

/** Each target's actual per year: the figure of the latest confirmed report of that year. */
export function actualsFromReports(rows: readonly ReportedValue[]): Map<string, Map<number, ActualFigure>> {
  const sorted = [...rows].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
  const out = new Map<string, Map<number, ActualFigure>>();
  for (const r of sorted) {
    if (r.actual === null || !Number.isFinite(r.actual)) continue;
    const byYear = out.get(r.targetId) ?? new Map<number, ActualFigure>();
    byYear.set(r.year, { value: r.actual, period: r.period });
    out.set(r.targetId, byYear);
  }
  return out;
}

export interface ContractYear extends YearAttainment {
  /** The contract version this year was measured against. */
  contractVersion: number | null;
  /** Where the required value comes from (the plan's figure, interpolated, held). */
  requiredSource: RequiredSource | null;
  /** The reporting period the actual comes from; null without an actual. */
  actualPeriod: string | null;
}

/** An Attainment whose years also say which contract version they were measured against. */
export type ContractYearsAttainment = Omit<Attainment, 'years'> & { years: ContractYear[] };

export interface ContractAttainment<T extends FrozenTarget = FrozenTarget> {
  target: T;
  /** The indicator of the final year's version: final target, projection, unit, qualifier. */
  indicator: Indicator;
  /** Attainment with every year measured against its own version (an Attainment like any other). */
  attainment: ContractYearsAttainment;
}

export interface PilotAttainmentInput<T extends FrozenTarget> {
  period: PilotPeriod;
  versions: readonly ContractVersionInput<T>[];
  actuals: ReadonlyMap<string, ReadonlyMap<number, ActualFigure>>;
  thresholds?: ThresholdsInput;
  indicatorOptions?: Readonly<Record<string, IndicatorOptions>>;
}

export interface PilotAttainment<T extends FrozenTarget = FrozenTarget> {
  /** The version each year of the period is measured against. */
  yearVersions: { year: number; contractVersion: number | null }[];
  items: ContractAttainment<T>[];
  rollup: AttainmentRollup;
}

/** Attainment of every indicator of the pilot, each year against the contract in force that year. */
export function pilotAttainment<T extends FrozenTarget>(input: PilotAttainmentInput<T>): PilotAttainment<T> {
  const { period, versions } = input;
  const thresholds = thresholdsSchema.parse(input.thresholds ?? {});
  const options = input.indicatorOptions ?? {};
  const yearVersions = period.map((year) => ({ year, version: versionInForce(versions, year) }));
  const finalVersion = yearVersions[2]!.version;

  const cache = new Map<string, { indicator: Indicator; attainment: Attainment } | null>();
  const computed = (v: ContractVersionInput<T>, targetId: string, actuals: Record<string, number>) => {
    const key = `${v.version}\u0000${targetId}`;
    if (!cache.has(key)) {
      const target = v.targets.find((t) => t.id === targetId);
      if (!target) cache.set(key, null);
      else {
        const indicator = deriveIndicator(target, period, options[targetId] ?? {});
        cache.set(key, { indicator, attainment: computeAttainment(indicator, actuals, thresholds) });
      }
    }
    return cache.get(key)!;
  };

  const items: ContractAttainment<T>[] = (finalVersion?.targets ?? []).map((target) => {
    const figures = input.actuals.get(target.id) ?? new Map<number, ActualFigure>();
    const actuals: Record<string, number> = {};
    for (const [year, f] of figures) actuals[String(year)] = f.value;
    const final = computed(finalVersion!, target.id, actuals)!;

    const years: ContractYear[] = yearVersions.map(({ year, version }, i) => {
      const own = version ? computed(version, target.id, actuals) : null;
      const finalYear = final.attainment.years[i]!;
      const actualPeriod = figures.get(year)?.period ?? null;
      if (!own) {
        return { ...finalYear, required: null, progress: null, status: 'no_data', contractVersion: null, requiredSource: null, actualPeriod };
      }
      const y = own.attainment.years[i]!;
      return {
        ...y,
        // Progress toward the final target is always toward the final year's contract.
        progressToFinal: finalYear.progressToFinal,
        contractVersion: version!.version,
        requiredSource: own.indicator.requiredByYear[i]?.source ?? null,
        actualPeriod,
      };
    });
    const latest = [...years].reverse().find((y) => y.progress !== null) ?? null;
    return {
      target,
      indicator: final.indicator,
      attainment: {
        ...final.attainment,
        years,
        latestYear: latest?.year ?? null,
        progress: latest?.progress ?? null,
        status: latest?.status ?? 'no_data',
      },
    };
  });

  return {
    yearVersions: yearVersions.map(({ year, version }) => ({ year, contractVersion: version?.version ?? null })),
    items,
    rollup: rollUpAttainment(items.map((i) => i.attainment)),
  };
}

const SEVERITY: readonly AttainmentStatus[] = ['off_track', 'at_risk', 'on_track'];

/** The worst current status among indicators with data; no_data when none has data. */
export function overallStatus(counts: Readonly<Record<AttainmentStatus, number>>): AttainmentStatus {
  return SEVERITY.find((s) => counts[s] > 0) ?? 'no_data';
}

/** What the ministry's overview keeps of one pilot's attainment. */
export interface AttainmentSummary {
  /** The latest year with a confirmed figure; null before the first confirmed report. */
  latestYear: number | null;
  indicators: number;
  counts: Record<AttainmentStatus, number>;
  meanProgress: number | null;
  overallStatus: AttainmentStatus;
  byDimension: Record<TargetDimension, { indicators: number; meanProgress: number | null; counts: Record<AttainmentStatus, number> }>;
}

export function summariseAttainment(result: PilotAttainment, actuals: ReadonlyMap<string, ReadonlyMap<number, ActualFigure>>): AttainmentSummary {
  const years = [...actuals.values()].flatMap((m) => [...m.keys()]);
  const { pilot, byDimension } = result.rollup;
  return {
    latestYear: years.length === 0 ? null : Math.max(...years),
    indicators: pilot.indicators,
    counts: { ...pilot.statusCounts },
    meanProgress: pilot.meanProgress,
    overallStatus: overallStatus(pilot.statusCounts),
    byDimension: Object.fromEntries(
      TARGET_DIMENSIONS.map((d) => [d, { indicators: byDimension[d].indicators, meanProgress: byDimension[d].meanProgress, counts: { ...byDimension[d].statusCounts } }]),
    ) as AttainmentSummary['byDimension'],
  };
}
