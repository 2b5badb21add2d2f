/**
 * Attainment of a monitored indicator (目标完成情况): how far the actuals have come toward each
 * year's required value and toward the final target, a status per year, a projection of the final
 * value, and roll-ups per dimension and per pilot. Pure; the clock never enters (years are data).
 *
 * Progress (see docs/attainment-format.md, "Progress"), with s = +1 when higher is better, −1 when
 * lower is better, b the indicator's baseline, r the required value, a the actual:
 *
 *   movement   when b is known and the target asks for a move in the good direction, s(r − b) > 0:
 *              progress = s(a − b) / s(r − b)      — the share of the required movement achieved
 *   ratio      otherwise (no baseline, or the target is already met at the baseline, or the target
 *              allows a move in the bad direction, e.g. a cap above the base value); with r' = s·r
 *              and a' = s·a:
 *                r' > 0:  a' / r'                  — 完成率 actual/required (130 against 100 → 1.3)
 *                r' < 0:  r' / a' when a' < 0, else beyond the cap — required/actual for "lower"
 *                r' = 0:  1 when a' ≥ 0, else 0     — a zero target is met or not
 *
 * The result is clamped to [0, progressCap] (default 1.5): a shortfall below the baseline reads as
 * 0, and one over-achieving indicator cannot hide several lagging ones in a mean. Within one target
 * year the branch depends only on b and r, and each branch rises with a' — so progress never falls
 * when the actual moves in the good direction (checked by a property test).
 */
import { z } from 'zod';
import { TARGET_DIMENSIONS, type TargetDimension } from '../plan/plan-schema.js';
import type { Direction, Indicator } from './indicators.js';

export const ATTAINMENT_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type AttainmentStatus = (typeof ATTAINMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AttainmentStatus, { zh: string; en: string; color: string }> = {
  on_track: { zh: '达标', en: 'On track', color: 'success' },
  at_risk: { zh: '预警', en: 'At risk', color: 'warning' },
  off_track: { zh: '滞后', en: 'Off track', color: 'error' },
  no_data: { zh: '暂无数据', en: 'No data', color: 'default' },
};

/**
 * Status thresholds on capped progress. Defaults: full progress (1.0) is 达标 because the plan's
 * figure is the commitment; 0.8 for 预警 follows the common practice of warning at four fifths of a
 * target. Stretch targets (力争) may be given their own, laxer, thresholds; by default they share these.
 */
export const thresholdsSchema = z
  .object({
    onTrack: z.number().finite().gt(0).default(1),
    atRisk: z.number().finite().min(0).default(0.8),
    progressCap: z.number().finite().min(1).max(10).default(1.5),
    stretchOnTrack: z.number().finite().gt(0).optional(),
    stretchAtRisk: z.number().finite().min(0).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.atRisk >= t.onTrack) ctx.addIssue({ code: 'custom', path: ['atRisk'], message: 'atRisk must be below onTrack' });
    if (t.onTrack > t.progressCap) ctx.addIssue({ code: 'custom', path: ['onTrack'], message: 'onTrack cannot exceed progressCap' });
    const sOn = t.stretchOnTrack ?? t.onTrack;
    const sRisk = t.stretchAtRisk ?? t.atRisk;
    if (sRisk >= sOn) ctx.addIssue({ code: 'custom', path: ['stretchAtRisk'], message: 'stretchAtRisk must be below stretchOnTrack' });
    if (sOn > t.progressCap) ctx.addIssue({ code: 'custom', path: ['stretchOnTrack'], message: 'stretchOnTrack cannot exceed progressCap' });
  });
export type Thresholds = z.output<typeof thresholdsSchema>;
export type ThresholdsInput = z.input<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = thresholdsSchema.parse({});

/** Actual values by year; a missing year, null or a non-finite number means "not reported". */
export type ActualsByYear = ReadonlyMap<number, number> | Readonly<Record<string, number | null | undefined>>;

export const PROJECTION_METHODS = ['actual', 'least_squares', 'from_baseline', 'flat'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

export interface YearAttainment {
  year: number;
  required: number | null;
  actual: number | null;
  /** Capped progress toward this year's required value; null without both figures. */
  progress: number | null;
  /** Capped progress toward the final target (per-year counts: the sum reported so far). */
  progressToFinal: number | null;
  status: AttainmentStatus;
}

export interface Projection {
  /** Projected value at the end of the period (per-year counts: the projected period total). */
  value: number | null;
  method: ProjectionMethod | null;
  progress: number | null;
  status: AttainmentStatus;
}

export interface Attainment {
  targetId: string;
  dimension: TargetDimension | null;
  derivable: boolean;
  stretch: boolean;
  years: YearAttainment[];
  /** The latest period year with both a required value and an actual. */
  latestYear: number | null;
  progress: number | null;
  status: AttainmentStatus;
  progressToFinal: number | null;
  finalStatus: AttainmentStatus;
  projection: Projection;
}

function signOf(direction: Direction): 1 | -1 {
  return direction === 'higher' ? 1 : -1;
}

/** Uncapped progress by the formula above; +Infinity stands for "beyond any cap". */
export function rawProgress(baseline: number | null, required: number, actual: number, direction: Direction): number {
  const s = signOf(direction);
  if (baseline !== null) {
    const needed = s * (required - baseline);
    if (needed > 0) return (s * (actual - baseline)) / needed;
  }
  const r = s * required;
  const a = s * actual;
  if (r > 0) return a / r;
  if (r < 0) return a >= 0 ? Number.POSITIVE_INFINITY : r / a;
  return a >= 0 ? 1 : 0;
}

/** Rounds to 9 decimals to drop floating-point noise (0.32 / 0.4 = 0.7999999999999999); monotone, so order is kept. */
function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function capProgress(raw: number, cap: number): number {
  return round9(Math.min(cap, Math.max(0, raw)));
}

export function progressToward(indicator: Indicator, required: number, actual: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): number {
  return capProgress(rawProgress(indicator.baseline, required, actual, indicator.direction), thresholds.progressCap);
}

/**
 * Status of one comparison. 'about' (左右) is met when the shortfall is within its tolerance of the
 * required value; only the shortfall counts, so going further in the good direction never demotes.
 */
export function statusOf(
  indicator: Indicator,
  required: number | null,
  actual: number | null,
  progress: number | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): AttainmentStatus {
  if (required === null || actual === null || progress === null) return 'no_data';
  if (indicator.tolerance > 0) {
    const shortfall = signOf(indicator.direction) * (required - actual);
    if (shortfall <= indicator.tolerance * Math.abs(required) + 1e-12) return 'on_track';
  }
  const onTrack = indicator.stretch ? (thresholds.stretchOnTrack ?? thresholds.onTrack) : thresholds.onTrack;
  const atRisk = indicator.stretch ? (thresholds.stretchAtRisk ?? thresholds.atRisk) : thresholds.atRisk;
  if (progress >= onTrack) return 'on_track';
  if (progress >= atRisk) return 'at_risk';
  return 'off_track';
}

export function actualIn(actuals: ActualsByYear, year: number): number | null {
  const v = actuals instanceof Map ? actuals.get(year) : (actuals as Readonly<Record<string, number | null | undefined>>)[String(year)];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface XY {
  x: number;
  y: number;
}

/** Least-squares line evaluated at x; needs two points with distinct x. */
function leastSquaresAt(points: readonly XY[], x: number): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) * (p.x - mx);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return my + slope * (x - mx);
}

/**
 * Projects the final value from the trend: the least-squares line over the baseline (at the base
 * year) and the actuals; with one actual and a baseline that is the line through both; with one
 * actual and no baseline the value is held flat; with no actual, no projection. A final-year actual
 * is the result itself. Cumulative counts never shrink, so their projection is at least the latest actual.
 */
function project(indicator: Indicator, actualPoints: readonly XY[]): { value: number | null; method: ProjectionMethod | null } {
  const final = indicator.finalYear;
  if (actualPoints.length === 0) return { value: null, method: null };

  if (indicator.measure === 'per_year_count') {
    // The period total: reported years as they are, the other years from the per-year trend.
    const trendAt = (x: number): number =>
      actualPoints.length >= 2 ? Math.max(0, leastSquaresAt(actualPoints, x)) : actualPoints[0]!.y;
    const value = indicator.period.reduce((sum, year) => sum + (actualPoints.find((p) => p.x === year)?.y ?? trendAt(year)), 0);
    const allReported = indicator.period.every((year) => actualPoints.some((p) => p.x === year));
    return { value, method: allReported ? 'actual' : actualPoints.length >= 2 ? 'least_squares' : 'flat' };
  }

  const finalActual = actualPoints.find((p) => p.x === final);
  if (finalActual) return { value: finalActual.y, method: 'actual' };
  const anchor: XY[] = indicator.baseline !== null && indicator.baseYear !== null && indicator.baseYear < final ? [{ x: indicator.baseYear, y: indicator.baseline }] : [];
  const points = [...anchor, ...actualPoints];
  let value: number;
  let method: ProjectionMethod;
  if (points.length === 1) {
    value = points[0]!.y;
    method = 'flat';
  } else {
    value = leastSquaresAt(points, final);
    method = anchor.length > 0 && actualPoints.length === 1 ? 'from_baseline' : 'least_squares';
  }
  if (indicator.measure === 'cumulative_count') value = Math.max(value, ...actualPoints.map((p) => p.y));
  return { value, method };
}

/** Attainment of one indicator from the actuals reported so far. */
export function computeAttainment(indicator: Indicator, actuals: ActualsByYear, thresholdsInput: ThresholdsInput = {}): Attainment {
  const thresholds = thresholdsSchema.parse(thresholdsInput);
  const perYear = indicator.measure === 'per_year_count';
  const actualPoints: XY[] = [];
  let reportedSum = 0;
  const years: YearAttainment[] = indicator.requiredByYear.map(({ year, value: required }) => {
    const actual = actualIn(actuals, year);
    if (actual !== null) {
      actualPoints.push({ x: year, y: actual });
      reportedSum += actual;
    }
    const progress = required !== null && actual !== null ? progressToward(indicator, required, actual, thresholds) : null;
    // For per-year counts the final target is the period total, so compare what has been reported in total.
    const towardFinal = perYear ? (actual !== null ? reportedSum : null) : actual;
    const progressToFinal =
      indicator.finalTarget !== null && towardFinal !== null ? progressToward(indicator, indicator.finalTarget, towardFinal, thresholds) : null;
    return { year, required, actual, progress, progressToFinal, status: statusOf(indicator, required, actual, progress, thresholds) };
  });

  const latest = [...years].reverse().find((y) => y.progress !== null) ?? null;
  const latestToFinal = [...years].reverse().find((y) => y.progressToFinal !== null) ?? null;
  const finalComparedValue = latestToFinal === null ? null : perYear ? years.filter((y) => y.year <= latestToFinal.year).reduce((s, y) => s + (y.actual ?? 0), 0) : latestToFinal.actual;

  const projected = indicator.derivable ? project(indicator, actualPoints) : { value: null, method: null };
  const projectedProgress =
    projected.value !== null && indicator.finalTarget !== null ? progressToward(indicator, indicator.finalTarget, projected.value, thresholds) : null;

  return {
    targetId: indicator.targetId,
    dimension: indicator.dimension,
    derivable: indicator.derivable,
    stretch: indicator.stretch,
    years,
    latestYear: latest?.year ?? null,
    progress: latest?.progress ?? null,
    status: latest?.status ?? 'no_data',
    progressToFinal: latestToFinal?.progressToFinal ?? null,
    finalStatus: statusOf(indicator, indicator.finalTarget, finalComparedValue, latestToFinal?.progressToFinal ?? null, thresholds),
    projection: {
      value: projected.value,
      method: projected.method,
      progress: projectedProgress,
      status: statusOf(indicator, indicator.finalTarget, projected.value, projectedProgress, thresholds),
    },
  };
}

export interface GroupRollup {
  indicators: number;
  notDerivable: number;
  /** Indicators with a current progress figure. */
  withData: number;
  /** Mean of the capped current progress over the indicators with data; null when none has data. */
  meanProgress: number | null;
  /** Current status counts; an indicator that cannot be derived counts as no_data. */
  statusCounts: Record<AttainmentStatus, number>;
  projectedStatusCounts: Record<AttainmentStatus, number>;
}

export interface AttainmentRollup {
  pilot: GroupRollup;
  byDimension: Record<TargetDimension, GroupRollup>;
}

function zeroCounts(): Record<AttainmentStatus, number> {
  return { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
}

function rollGroup(items: readonly Attainment[]): GroupRollup {
  const withData = items.filter((a) => a.progress !== null);
  const statusCounts = zeroCounts();
  const projectedStatusCounts = zeroCounts();
  for (const a of items) {
    statusCounts[a.status]++;
    projectedStatusCounts[a.projection.status]++;
  }
  return {
    indicators: items.length,
    notDerivable: items.filter((a) => !a.derivable).length,
    withData: withData.length,
    meanProgress: withData.length === 0 ? null : round9(withData.reduce((s, a) => s + a.progress!, 0) / withData.length),
    statusCounts,
    projectedStatusCounts,
  };
}

/**
 * Roll-up per dimension and for the whole pilot. The pilot mean is over indicators, not over
 * dimension means: every quantified target of the plan weighs the same. Targets without a
 * dimension count only in the pilot figures.
 */
export function rollUpAttainment(attainments: readonly Attainment[]): AttainmentRollup {
  const byDimension = Object.fromEntries(
    TARGET_DIMENSIONS.map((d) => [d, rollGroup(attainments.filter((a) => a.dimension === d))]),
  ) as Record<TargetDimension, GroupRollup>;
  return { pilot: rollGroup(attainments), byDimension };
}
