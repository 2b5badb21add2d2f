/**
 * The attainment report of one pilot from a JSON file (docs/attainment-format.md): validates the
 * input and returns what `npm run cli -- attainment FILE.json` prints. Pure; the CLI reads the file
 * and writes the output.
 *
 * Decisions:
 * - The top level is strict (an unknown key is an error) because a misspelt "actuals" or
 *   "thresholds" would otherwise be ignored and yield a plausible but wrong report. Targets are read
 *   with the plan's own schema, so a target copied from an exported plan is accepted as it is.
 * - Actuals and indicator options must name targets of the file, for the same reason.
 * - Numbers are rounded to 6 decimals to drop floating-point noise (0.92 × 0.95 = 0.8739999999999999).
 */
import { z } from 'zod';
import { targetSchema, type Qualifier, type TargetDimension, type TargetKind } from '../plan/plan-schema.js';
import {
  computeAttainment,
  rollUpAttainment,
  thresholdsSchema,
  type AttainmentRollup,
  type AttainmentStatus,
  type ProjectionMethod,
  type Thresholds,
} from './attainment.js';
import {
  deriveIndicator,
  indicatorOptionsSchema,
  type Bound,
  type Direction,
  type Measure,
  type NotDerivableReason,
  type PilotPeriod,
  type RequiredSource,
} from './indicators.js';

export const ATTAINMENT_REPORT_FORMAT = 'mic2025-attainment-report';

const year = z.number().int().min(2000).max(2100);

export const attainmentInputSchema = z
  .strictObject({
    period: z.tuple([year, year, year]),
    targets: z.array(targetSchema).min(1).max(300),
    /** targetId → year ("2017") → actual value; null means not reported. */
    actuals: z.record(z.string(), z.record(z.string().regex(/^\d{4}$/, 'years are written as four digits, e.g. "2017"'), z.number().finite().nullable())).default({}),
    thresholds: thresholdsSchema.optional(),
    /** targetId → options that the plan format does not carry (per-year counts, growth basis, tolerance). */
    indicatorOptions: z.record(z.string(), indicatorOptionsSchema).optional(),
  })
  .superRefine((input, ctx) => {
    const [a, b, c] = input.period;
    if (b !== a + 1 || c !== b + 1) ctx.addIssue({ code: 'custom', path: ['period'], message: 'period must be three consecutive years' });
    const ids = new Set<string>();
    input.targets.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'id'], message: `duplicate target id "${t.id}"` });
      ids.add(t.id);
    });
    for (const id of Object.keys(input.actuals)) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['actuals', id], message: `no target with id "${id}"` });
    }
    for (const id of Object.keys(input.indicatorOptions ?? {})) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['indicatorOptions', id], message: `no target with id "${id}"` });
    }
  });
export type AttainmentInput = z.output<typeof attainmentInputSchema>;

export interface ReportYear {
  year: number;
  required: number | null;
  requiredSource: RequiredSource | null;
  actual: number | null;
  progress: number | null;
  progressToFinal: number | null;
  status: AttainmentStatus;
}

export interface ReportTarget {
  id: string;
  indicator: string;
  dimension: TargetDimension | null;
  kind: TargetKind | null;
  qualifier: Qualifier;
  direction: Direction;
  bound: Bound | null;
  measure: Measure;
  unit: string | null;
  stretch: boolean;
  tolerance: number;
  derivable: boolean;
  reason: NotDerivableReason | null;
  baseline: number | null;
  finalTarget: number | null;
  years: ReportYear[];
  current: { year: number | null; progress: number | null; status: AttainmentStatus };
  final: { progress: number | null; status: AttainmentStatus };
  projection: { value: number | null; method: ProjectionMethod | null; progress: number | null; status: AttainmentStatus };
}

export interface AttainmentReport {
  format: typeof ATTAINMENT_REPORT_FORMAT;
  version: 1;
  period: PilotPeriod;
  thresholds: Thresholds;
  targets: ReportTarget[];
  rollup: AttainmentRollup;
}

export interface InputIssue {
  /** Dotted path into the input, e.g. "targets.2.values.1". */
  path: string;
  message: string;
}

export type AttainmentReportResult = { ok: true; report: AttainmentReport } | { ok: false; issues: InputIssue[] };

function r6(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e6) / 1e6;
}

export function attainmentReport(input: unknown): AttainmentReportResult {
  const parsed = attainmentInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  const { period, targets, actuals } = parsed.data;
  const thresholds = thresholdsSchema.parse(parsed.data.thresholds ?? {});
  const options = parsed.data.indicatorOptions ?? {};

  const attainments = targets.map((t) => {
    const indicator = deriveIndicator(t, period, options[t.id] ?? {});
    return { indicator, attainment: computeAttainment(indicator, actuals[t.id] ?? {}, thresholds) };
  });

  const reportTargets: ReportTarget[] = attainments.map(({ indicator: ind, attainment: a }) => ({
    id: ind.targetId,
    indicator: ind.indicator,
    dimension: ind.dimension,
    kind: ind.kind,
    qualifier: ind.qualifier,
    direction: ind.direction,
    bound: ind.bound,
    measure: ind.measure,
    unit: ind.unit,
    stretch: ind.stretch,
    tolerance: ind.tolerance,
    derivable: ind.derivable,
    reason: ind.reason,
    baseline: r6(ind.baseline),
    finalTarget: r6(ind.finalTarget),
    years: a.years.map((y, i) => ({
      year: y.year,
      required: r6(y.required),
      requiredSource: ind.requiredByYear[i]?.source ?? null,
      actual: y.actual,
      progress: r6(y.progress),
      progressToFinal: r6(y.progressToFinal),
      status: y.status,
    })),
    current: { year: a.latestYear, progress: r6(a.progress), status: a.status },
    final: { progress: r6(a.progressToFinal), status: a.finalStatus },
    projection: { value: r6(a.projection.value), method: a.projection.method, progress: r6(a.projection.progress), status: a.projection.status },
  }));

  const rollup = rollUpAttainment(attainments.map((x) => x.attainment));
  const roundGroup = <G extends { meanProgress: number | null }>(g: G): G => ({ ...g, meanProgress: r6(g.meanProgress) });
  return {
    ok: true,
    report: {
      format: ATTAINMENT_REPORT_FORMAT,
      version: 1,
      period,
      thresholds,
      targets: reportTargets,
      rollup: {
        pilot: roundGroup(rollup.pilot),
        byDimension: Object.fromEntries(Object.entries(rollup.byDimension).map(([d, g]) => [d, roundGroup(g)])) as AttainmentRollup['byDimension'],
      },
    },
  };
}
