/**
 * Aggregating the experts' score sheets and calibrating scores across rolling approvals.
 *
 * Pure, no I/O; shared by server and web. Decisions:
 * - Summary statistics (per criterion and for the weighted total): n, mean, median (the mean of
 *   the two middle values for an even count), min, max, spread = max − min, and the POPULATION
 *   standard deviation sqrt(Σ(x − mean)² / n). The panel of experts on an application is the
 *   whole population being described, not a sample of a larger one; population sd is also
 *   defined for n = 1 (0). The same sd is used for the leniency normalisation below.
 * - Values are not rounded (only the weighted totals lose floating-point noise, see rubric.ts);
 *   display rounding is the caller's business.
 * - An application with no submitted sheet has no aggregate: `aggregateApplication` returns null.
 *   Two sheets from one expert, or a sheet missing a criterion or out of range, throw.
 * - Divergence (分歧较大, triggers a consensus step): the weighted total diverges when its spread
 *   is strictly greater than `divergenceThreshold` points (default 20 on the 0..100 scale); a
 *   criterion diverges when its spread as a share of its max, × 100, is strictly greater than
 *   `criterionDivergenceThreshold` (default: the same as divergenceThreshold). A spread exactly at
 *   the threshold does not diverge ("exceeds"); a tolerance of 1e-9 absorbs floating-point noise.
 *   One sheet never diverges.
 * - Leniency normalisation (`normaliseByExpert`): each total becomes a z-score against the same
 *   expert's mean and population sd over all the expert's reviews given, so a lenient and a severe
 *   expert become comparable. An expert with fewer than `minReviews` reviews (default 3) or with
 *   sd 0 gets z = 0 for every review ("treated as that expert's own average") and is flagged
 *   `insufficientHistory`. Why 3 and not 2: with two reviews the z-scores are always −1 and +1
 *   whatever the gap (79 vs 80 as much as 40 vs 95), which only restates the order.
 *   An application's normalised mean is the mean of its experts' z-scores, the flagged zeros
 *   included (a neutral prior rather than a gap); `calibratedCount` says how many of them rest on
 *   a sufficient history, so the UI can warn when it is low.
 * - Rolling percentile (`percentileAgainstEarlier`): approvals roll in one at a time
 *   ("成熟一个、推进一个"), so there is no batch to rank within. Each application is placed against
 *   every application reviewed before it: 100 × (count strictly below + ½ × count equal) / count
 *   of earlier (the mid-rank percentile, 0..100). With no earlier application it is null.
 *   Equality is exact (totals are already free of floating-point noise).
 */
import { OPINIONS, roundNoise, weightedTotal, type CriterionScores, type Opinion, type Rubric } from './rubric';

export interface Summary {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Population standard deviation. */
  sd: number;
  /** max − min. */
  spread: number;
}

/** Summary statistics of a non-empty list of finite numbers; null for an empty list. */
export function summarise(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((acc, v) => acc + v, 0) / n;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / n;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  return { n, mean, median, min, max, sd: Math.sqrt(variance), spread: max - min };
}

export interface SubmittedSheet {
  expertId: string;
  scores: Readonly<CriterionScores>;
  opinion: Opinion;
}

export interface AggregationOptions {
  /** Divergence threshold for the weighted total, in points on 0..100. Default 20. */
  divergenceThreshold?: number;
  /** Divergence threshold for a criterion, in points per 100 of its max. Default: divergenceThreshold. */
  criterionDivergenceThreshold?: number;
}

export const DEFAULT_DIVERGENCE_THRESHOLD = 20;
const EPSILON = 1e-9;

export interface CriterionAggregate {
  key: string;
  maxScore: number;
  summary: Summary;
  /** spread / max × 100, comparable with the threshold. */
  spreadPer100: number;
  divergent: boolean;
}

export interface ApplicationAggregate {
  n: number;
  criteria: CriterionAggregate[];
  total: Summary;
  opinionCounts: Record<Opinion, number>;
  divergence: {
    /** The total or at least one criterion diverges. */
    divergent: boolean;
    totalDivergent: boolean;
    /** Keys of the diverging criteria, in rubric order. */
    criteria: string[];
    /** The thresholds applied. */
    threshold: number;
    criterionThreshold: number;
  };
}

function checkThreshold(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number ≥ 0`);
  return value;
}

/** Aggregates one application's submitted sheets; null when there is none. */
export function aggregateApplication(
  rubric: Rubric,
  sheets: readonly SubmittedSheet[],
  options: AggregationOptions = {},
): ApplicationAggregate | null {
  if (sheets.length === 0) return null;
  const threshold = checkThreshold(options.divergenceThreshold ?? DEFAULT_DIVERGENCE_THRESHOLD, 'divergenceThreshold');
  const criterionThreshold = checkThreshold(options.criterionDivergenceThreshold ?? threshold, 'criterionDivergenceThreshold');

  const experts = new Set<string>();
  for (const s of sheets) {
    if (experts.has(s.expertId)) throw new RangeError(`expert ${s.expertId} has more than one sheet`);
    experts.add(s.expertId);
  }

  const totals = sheets.map((s) => weightedTotal(rubric, s.scores)); // validates every score
  const total = summarise(totals)!;
  const criteria = rubric.criteria.map((c): CriterionAggregate => {
    const summary = summarise(sheets.map((s) => s.scores[c.key]!))!;
    const spreadPer100 = roundNoise((summary.spread / c.maxScore) * 100);
    return { key: c.key, maxScore: c.maxScore, summary, spreadPer100, divergent: spreadPer100 > criterionThreshold + EPSILON };
  });
  const opinionCounts = Object.fromEntries(OPINIONS.map((o) => [o, 0])) as Record<Opinion, number>;
  for (const s of sheets) opinionCounts[s.opinion] += 1;

  const totalDivergent = total.spread > threshold + EPSILON;
  const divergentCriteria = criteria.filter((c) => c.divergent).map((c) => c.key);
  return {
    n: sheets.length,
    criteria,
    total,
    opinionCounts,
    divergence: {
      divergent: totalDivergent || divergentCriteria.length > 0,
      totalDivergent,
      criteria: divergentCriteria,
      threshold,
      criterionThreshold,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Leniency normalisation

export interface ExpertScore {
  expertId: string;
  applicationId: string;
  /** The weighted total of the expert's sheet, 0..100. */
  total: number;
}

export interface NormalisedScore extends ExpertScore {
  z: number;
  insufficientHistory: boolean;
}

export interface ExpertHistory {
  expertId: string;
  n: number;
  mean: number;
  sd: number;
  insufficientHistory: boolean;
}

export interface NormalisedApplication {
  applicationId: string;
  n: number;
  rawMean: number;
  /** Mean of the application's z-scores (flagged experts count as 0). */
  normalisedMean: number;
  /** How many of its experts have a sufficient history. */
  calibratedCount: number;
}

export interface Normalisation {
  /** In input order. */
  scores: NormalisedScore[];
  /** In order of first appearance. */
  experts: ExpertHistory[];
  /** In order of first appearance. */
  applications: NormalisedApplication[];
}

export interface NormalisationOptions {
  /** Fewest reviews for an expert's z-scores to count. Default 3; at least 2. */
  minReviews?: number;
}

export const DEFAULT_MIN_REVIEWS = 3;

export function normaliseByExpert(allScores: readonly ExpertScore[], options: NormalisationOptions = {}): Normalisation {
  const minReviews = options.minReviews ?? DEFAULT_MIN_REVIEWS;
  if (!Number.isInteger(minReviews) || minReviews < 2) throw new RangeError('minReviews must be an integer ≥ 2');

  const pairs = new Set<string>();
  const byExpert = new Map<string, number[]>();
  for (const s of allScores) {
    if (!Number.isFinite(s.total)) throw new RangeError(`not a finite total for ${s.expertId} on ${s.applicationId}`);
    const pair = JSON.stringify([s.expertId, s.applicationId]);
    if (pairs.has(pair)) throw new RangeError(`expert ${s.expertId} scored application ${s.applicationId} twice`);
    pairs.add(pair);
    const list = byExpert.get(s.expertId) ?? [];
    list.push(s.total);
    byExpert.set(s.expertId, list);
  }

  const experts = new Map<string, ExpertHistory>();
  for (const [expertId, totals] of byExpert) {
    const summary = summarise(totals)!;
    experts.set(expertId, {
      expertId,
      n: summary.n,
      mean: summary.mean,
      sd: summary.sd,
      insufficientHistory: summary.n < minReviews || summary.sd <= EPSILON,
    });
  }

  const scores = allScores.map((s): NormalisedScore => {
    const h = experts.get(s.expertId)!;
    const z = h.insufficientHistory ? 0 : (s.total - h.mean) / h.sd;
    return { ...s, z, insufficientHistory: h.insufficientHistory };
  });

  const byApplication = new Map<string, NormalisedScore[]>();
  for (const s of scores) {
    const list = byApplication.get(s.applicationId) ?? [];
    list.push(s);
    byApplication.set(s.applicationId, list);
  }
  const applications = [...byApplication].map(
    ([applicationId, list]): NormalisedApplication => ({
      applicationId,
      n: list.length,
      rawMean: list.reduce((acc, s) => acc + s.total, 0) / list.length,
      normalisedMean: list.reduce((acc, s) => acc + s.z, 0) / list.length,
      calibratedCount: list.filter((s) => !s.insufficientHistory).length,
    }),
  );
  return { scores, experts: [...experts.values()], applications };
}

// ---------------------------------------------------------------------------------------------
// Rolling percentile

/** Mid-rank percentile (0..100) of `current` among the earlier values; null when there is none. */
export function percentileAgainstEarlier(current: number, earlier: readonly number[]): number | null {
  if (!Number.isFinite(current)) throw new RangeError(`not a finite number: ${current}`);
  if (earlier.length === 0) return null;
  let below = 0;
  let ties = 0;
  for (const v of earlier) {
    if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
    if (v < current) below += 1;
    else if (v === current) ties += 1;
  }
  return (100 * (below + ties / 2)) / earlier.length;
}

/**
 * The rolling percentile of each value in review order, each against all before it
 * (the first is null).
 */
export function rollingPercentiles<T extends { value: number }>(inReviewOrder: readonly T[]): (T & { percentile: number | null })[] {
  return inReviewOrder.map((item, i) => ({
    ...item,
    percentile: percentileAgainstEarlier(
      item.value,
      inReviewOrder.slice(0, i).map((x) => x.value),
    ),
  }));
}
