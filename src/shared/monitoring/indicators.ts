/**
 * Turns a frozen target of the approved plan into a monitored indicator: the value required in each
 * year of the three-year pilot period, measured in the quantity that the city reports as its actual.
 *
 * Pure: no I/O, no clock. The web shows these figures next to the actuals; attainment.ts grades them.
 *
 * Decisions (see docs/attainment-format.md for the user-facing version):
 * - A value the plan states for a year is used as is ('plan'). A missing year between two known
 *   points is interpolated linearly ('interpolated'). After the last known point the value is held
 *   flat ('held'): inventing a trend beyond what the plan says would raise the bar without a basis.
 * - Known points are the plan's values plus an anchor at the base year: the baseline for `level`
 *   (when both base year and baseline are known) and zero for the cumulative kinds (`change_vs_base`,
 *   `pp_change`, cumulative `count`), since they count change from the base year. Without a base year
 *   the anchor sits at the year before the period (the application year).
 * - A `level` year before the first known point with no anchor stays null: holding the final level
 *   backwards would demand in year one what the plan asks for year three.
 * - Growth rates are not cumulative: a missing rate takes the nearest known rate on either side,
 *   because 年均增长8% means 8 % in every year of the path.
 * - `change_vs_base` in '%' is a relative change of the base value (b × (1 ± p/100)); in any other
 *   unit it is an absolute change (b ± p), which is how 比2015年新增产值500亿元 reads.
 * - `annual_growth`: docs/plan-format.md defines `values` as signed yearly rates (年均下降4% → −4) and
 *   `baselineValue` as the base year's growth *rate*, not a level. So by default (growthBasis 'rate')
 *   the indicator is the average annual growth rate achieved since the base year, compared with the
 *   target rate. With growthBasis 'level' and a base level (options.baseLevel, else baselineValue),
 *   the required level is L0 × (1 + g/100)^(year − baseYear); the sign of g already carries a decline.
 * - Counts measure what was newly built since the base year, so their baseline is 0 and the plan's
 *   baselineValue (the stock) is only kept for reference. With countMode 'per_year' each value is
 *   that year's own count and the final target is their sum over the period.
 * - Qualifiers: the direction decides which side of a figure is good, for every qualifier, so
 *   at_least / at_most are recorded as bounds but do not change the arithmetic; 'about' carries a
 *   relative tolerance (default 5 %); 'strive' (力争) marks a stretch target.
 */
import { z } from 'zod';
import type { Qualifier, Target, TargetDimension, TargetKind } from '../plan/plan-schema.js';
import { unitFamily } from '../plan/chinese-numbers.js';

export type Direction = 'higher' | 'lower';
/** The three years of the pilot period, in order. */
export type PilotPeriod = readonly [number, number, number];

export const COUNT_MODES = ['cumulative', 'per_year'] as const;
export type CountMode = (typeof COUNT_MODES)[number];

export const GROWTH_BASES = ['rate', 'level'] as const;
export type GrowthBasis = (typeof GROWTH_BASES)[number];

/** What the actuals of an indicator are. */
export const MEASURES = ['level', 'growth_rate', 'cumulative_count', 'per_year_count'] as const;
export type Measure = (typeof MEASURES)[number];

export const NOT_DERIVABLE_REASONS = [
  'KIND_MISSING', // kind null: the target is not one of the five shapes
  'NO_VALUES', // no year has a figure
  'BASELINE_MISSING', // a relative kind needs the base value
  'BASE_YEAR_MISSING', // compounding a growth rate needs the number of years
  'ZERO_BASELINE', // a relative change of zero is zero whatever the rate
] as const;
export type NotDerivableReason = (typeof NOT_DERIVABLE_REASONS)[number];

export const NOT_DERIVABLE_LABELS: Record<NotDerivableReason, { zh: string; en: string }> = {
  KIND_MISSING: { zh: '未确定目标类型', en: 'The target has no kind' },
  NO_VALUES: { zh: '各年均未填写目标值', en: 'No year has a target value' },
  BASELINE_MISSING: { zh: '缺少基期值', en: 'The base-year value is missing' },
  BASE_YEAR_MISSING: { zh: '缺少基期年份', en: 'The base year is missing' },
  ZERO_BASELINE: { zh: '基期值为零,无法按相对变化计算', en: 'A relative change cannot be applied to a zero base value' },
};

export type RequiredSource = 'plan' | 'interpolated' | 'held';

export interface RequiredValue {
  year: number;
  value: number | null;
  /** Where the figure comes from; null when there is none. */
  source: RequiredSource | null;
}

export type Bound = 'floor' | 'ceiling';

export interface Indicator {
  targetId: string;
  dimension: TargetDimension | null;
  indicator: string;
  kind: TargetKind | null;
  direction: Direction;
  qualifier: Qualifier;
  /** at_least → floor, at_most → ceiling; null for the other qualifiers. */
  bound: Bound | null;
  /** Relative tolerance around the required value; 0 unless the qualifier is 'about'. */
  tolerance: number;
  /** 力争: still computed and graded, shown as a stretch target. */
  stretch: boolean;
  measure: Measure;
  /** Unit of the required values and of the actuals; null when the plan does not record it. */
  unit: string | null;
  baseYear: number | null;
  /** The value attainment is measured from, in the measured quantity; null when unknown or not meaningful. */
  baseline: number | null;
  /** The plan's baselineValue as written (the stock for counts, the base-year rate for growth). */
  baselineAsWritten: number | null;
  period: PilotPeriod;
  requiredByYear: RequiredValue[];
  finalYear: number;
  /** Required value at the end of the period (for per-year counts: the period's total). */
  finalTarget: number | null;
  derivable: boolean;
  reason: NotDerivableReason | null;
}

/** Default relative tolerance of 左右 / 约 / 接近: ±5 % of the required value. */
export const DEFAULT_ABOUT_TOLERANCE = 0.05;

export const indicatorOptionsSchema = z.object({
  countMode: z.enum(COUNT_MODES).optional(),
  aboutTolerance: z.number().finite().min(0).max(1).optional(),
  growthBasis: z.enum(GROWTH_BASES).optional(),
  /** The indicator's level in the base year, for growthBasis 'level'. */
  baseLevel: z.number().finite().optional(),
});
export type IndicatorOptions = z.infer<typeof indicatorOptionsSchema>;

/** A target as this module needs it; the plan's Target satisfies it (qualifier may be omitted). */
export type FrozenTarget = Omit<Target, 'qualifier' | 'dataSource' | 'assessmentMethod' | 'wording'> & {
  qualifier?: Qualifier;
};

interface Point {
  year: number;
  value: number;
  anchor: boolean;
}

function sign(direction: Direction): 1 | -1 {
  return direction === 'higher' ? 1 : -1;
}

function measureOf(kind: TargetKind | null, options: IndicatorOptions): Measure {
  if (kind === 'count') return options.countMode === 'per_year' ? 'per_year_count' : 'cumulative_count';
  if (kind === 'annual_growth' && (options.growthBasis ?? 'rate') === 'rate') return 'growth_rate';
  return 'level';
}

/** The plan's figures as (year, value) points; a missing targetYears entry falls back to the period year at the same index. */
function planPoints(target: FrozenTarget, period: PilotPeriod): Point[] {
  const points: Point[] = [];
  target.values.forEach((v, i) => {
    const year = target.targetYears[i] ?? period[i];
    if (v === null || v === undefined || year === undefined) return;
    points.push({ year, value: v, anchor: false });
  });
  return points.sort((a, b) => a.year - b.year);
}

/**
 * Fills the period's years from known points. `holdBackwards` lets a value stand for earlier years
 * (rates); otherwise a year before every known point stays null.
 */
function fill(points: Point[], period: PilotPeriod, holdBackwards: boolean): { year: number; value: number | null; source: RequiredSource | null }[] {
  return period.map((year) => {
    const exact = points.find((p) => p.year === year && !p.anchor);
    if (exact) return { year, value: exact.value, source: 'plan' as const };
    // A base year inside the period (unusual, but allowed by the schema) requires the base value itself.
    const anchorHere = points.find((p) => p.year === year);
    if (anchorHere) return { year, value: anchorHere.value, source: 'held' as const };
    const before = points.filter((p) => p.year < year).at(-1);
    const after = points.find((p) => p.year > year);
    if (before && after) {
      const t = (year - before.year) / (after.year - before.year);
      return { year, value: before.value + t * (after.value - before.value), source: 'interpolated' as const };
    }
    // Holding the anchor alone would say "no change required", which the plan never says.
    if (before && !before.anchor) return { year, value: before.value, source: 'held' as const };
    if (after && holdBackwards) return { year, value: after.value, source: 'held' as const };
    return { year, value: null, source: null };
  });
}

function notDerivable(base: Omit<Indicator, 'requiredByYear' | 'finalTarget' | 'derivable' | 'reason'>, reason: NotDerivableReason): Indicator {
  return {
    ...base,
    requiredByYear: base.period.map((year) => ({ year, value: null, source: null })),
    finalTarget: null,
    derivable: false,
    reason,
  };
}

/** Derives the monitored indicator of one target over the pilot period. */
export function deriveIndicator(target: FrozenTarget, period: PilotPeriod, options: IndicatorOptions = {}): Indicator {
  const qualifier: Qualifier = target.qualifier ?? 'exact';
  const kind = target.kind;
  const measure = measureOf(kind, options);
  const s = sign(target.direction);
  const percentChange = kind === 'change_vs_base' && unitFamily(target.unit) === 'percent';
  const growthLevel = kind === 'annual_growth' && measure === 'level';
  const baseLevel = growthLevel ? (options.baseLevel ?? target.baselineValue) : null;

  let unit: string | null = target.unit;
  let baseline: number | null = target.baselineValue;
  if (kind === 'change_vs_base' && percentChange) unit = null;
  if (kind === 'pp_change') unit = '%';
  if (measure === 'growth_rate') [unit, baseline] = ['%', null];
  if (growthLevel) [unit, baseline] = [null, baseLevel];
  if (measure === 'cumulative_count' || measure === 'per_year_count') baseline = 0;

  const base = {
    targetId: target.id,
    dimension: target.dimension,
    indicator: target.indicator,
    kind,
    direction: target.direction,
    qualifier,
    bound: qualifier === 'at_least' ? ('floor' as const) : qualifier === 'at_most' ? ('ceiling' as const) : null,
    tolerance: qualifier === 'about' ? (options.aboutTolerance ?? DEFAULT_ABOUT_TOLERANCE) : 0,
    stretch: qualifier === 'strive',
    measure,
    unit,
    baseYear: target.baseYear,
    baseline,
    baselineAsWritten: target.baselineValue,
    period,
    finalYear: period[2],
  };

  if (kind === null) return notDerivable(base, 'KIND_MISSING');
  const points = planPoints(target, period);
  if (points.length === 0) return notDerivable(base, 'NO_VALUES');
  if ((kind === 'change_vs_base' || kind === 'pp_change') && target.baselineValue === null) return notDerivable(base, 'BASELINE_MISSING');
  if (percentChange && target.baselineValue === 0) return notDerivable(base, 'ZERO_BASELINE');
  if (growthLevel) {
    if (baseLevel === null) return notDerivable(base, 'BASELINE_MISSING');
    if (target.baseYear === null) return notDerivable(base, 'BASE_YEAR_MISSING');
    if (baseLevel === 0) return notDerivable(base, 'ZERO_BASELINE');
  }

  const anchorYear = target.baseYear ?? period[0] - 1;
  const cumulative = kind === 'change_vs_base' || kind === 'pp_change' || measure === 'cumulative_count';
  if (cumulative) points.unshift({ year: anchorYear, value: 0, anchor: true });
  if (kind === 'level' && target.baseYear !== null && target.baselineValue !== null && !points.some((p) => p.year <= target.baseYear!)) {
    points.unshift({ year: target.baseYear, value: target.baselineValue, anchor: true });
  }

  const filled = fill(points, period, kind === 'annual_growth');
  const b = target.baselineValue ?? 0;
  const transform = (v: number, year: number): number => {
    switch (kind) {
      case 'change_vs_base':
        return percentChange ? b * (1 + (s * v) / 100) : b + s * v;
      case 'pp_change':
        return b + s * v;
      case 'annual_growth':
        return growthLevel ? baseLevel! * Math.pow(1 + v / 100, year - target.baseYear!) : v;
      default:
        return v;
    }
  };
  const requiredByYear: RequiredValue[] = filled.map((f) => ({
    year: f.year,
    value: f.value === null ? null : transform(f.value, f.year),
    source: f.source,
  }));

  let finalTarget: number | null;
  if (measure === 'per_year_count') {
    finalTarget = requiredByYear.every((r) => r.value !== null) ? requiredByYear.reduce((sum, r) => sum + r.value!, 0) : null;
  } else {
    finalTarget = requiredByYear[2]?.value ?? null;
  }
  return { ...base, requiredByYear, finalTarget, derivable: true, reason: null };
}

/** The value required in one year, or null (not derivable, outside the period, or unknown). */
export function requiredIn(indicator: Indicator, year: number): number | null {
  return indicator.requiredByYear.find((r) => r.year === year)?.value ?? null;
}
