import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALIFIERS, TARGET_KINDS, type Target } from '../plan/plan-schema.js';
import {
  computeAttainment,
  DEFAULT_THRESHOLDS,
  rawProgress,
  rollUpAttainment,
  thresholdsSchema,
  type AttainmentStatus,
} from './attainment.js';
import { deriveIndicator, type IndicatorOptions } from './indicators.js';
import { makeTarget, PERIOD } from './test-support.js';

const attain = (over: Partial<Target>, actuals: Record<string, number | null>, options: IndicatorOptions = {}) =>
  computeAttainment(deriveIndicator(makeTarget(over), PERIOD, options), actuals);

describe('rawProgress', () => {
  it('is the share of the required movement from the baseline', () => {
    expect(rawProgress(1.2, 1.8, 1.5, 'higher')).toBeCloseTo(0.5, 8);
    expect(rawProgress(1.2, 1.8, 1.2, 'higher')).toBe(0);
    expect(rawProgress(1.2, 1.8, 1.8, 'higher')).toBeCloseTo(1, 8);
  });

  it('respects lower is better', () => {
    expect(rawProgress(100, 84, 92, 'lower')).toBeCloseTo(0.5, 8);
    expect(rawProgress(100, 84, 104, 'lower')).toBeCloseTo(-0.25, 8);
  });

  it('uses actual/required without a baseline, inverted for lower is better', () => {
    expect(rawProgress(null, 100, 130, 'higher')).toBeCloseTo(1.3, 8); // 泉州: 130 lines against 100
    expect(rawProgress(null, 0.8, 1, 'lower')).toBeCloseTo(0.8, 8);
    expect(rawProgress(null, 0.8, 0, 'lower')).toBe(Number.POSITIVE_INFINITY);
  });

  it('compares sizes of a signed decline rate', () => {
    expect(rawProgress(null, -4, -3, 'lower')).toBeCloseTo(0.75, 8);
    expect(rawProgress(null, -4, -5, 'lower')).toBeCloseTo(1.25, 8);
    expect(rawProgress(null, -4, 1, 'lower')).toBeLessThan(0);
  });

  it('handles a zero requirement as met or not', () => {
    expect(rawProgress(null, 0, 0, 'lower')).toBe(1);
    expect(rawProgress(null, 0, 1, 'lower')).toBe(0);
    expect(rawProgress(0, 0, 2, 'higher')).toBe(1);
  });

  it('falls back to the ratio when the target is already met at the baseline', () => {
    expect(rawProgress(50, 50, 50, 'higher')).toBe(1);
    expect(rawProgress(50, 50, 45, 'higher')).toBeCloseTo(0.9, 8);
    // A cap above the base value for a lower-is-better indicator (allowed to rise to 0.9).
    expect(rawProgress(0.8, 0.9, 0.85, 'lower')).toBeCloseTo(0.9 / 0.85, 8);
  });
});

describe('computeAttainment: level', () => {
  it('grades each year and the final target; status from the default thresholds', () => {
    const a = attain({}, { 2017: 1.4, 2018: 1.52 });
    expect(a.years.map((y) => y.status)).toEqual(['on_track', 'at_risk', 'no_data']);
    expect(a.years[1]!.progress).toBeCloseTo(0.8, 8); // (1.52 − 1.2) / (1.6 − 1.2)
    expect(a.latestYear).toBe(2018);
    expect(a.status).toBe('at_risk');
    expect(a.progressToFinal).toBeCloseTo(0.32 / 0.6, 8);
    expect(a.finalStatus).toBe('off_track');
  });

  it('caps progress at 1.5 and floors it at 0', () => {
    const a = attain({}, { 2017: 3, 2018: 1.0 });
    expect(a.years[0]!.progress).toBe(1.5);
    expect(a.years[1]!.progress).toBe(0);
    expect(a.years[1]!.status).toBe('off_track');
  });

  it('handles lower is better (单位能耗比2015年下降16%)', () => {
    const a = attain({ kind: 'change_vs_base', direction: 'lower', baselineValue: 0.92, values: [5, 10, 16] }, { 2017: 0.87, 2018: 0.85 });
    expect(a.years[0]!.progress).toBeCloseTo(0.05 / 0.046, 8);
    expect(a.years[0]!.status).toBe('on_track');
    expect(a.years[1]!.progress).toBeCloseTo(0.07 / 0.092, 8);
    expect(a.years[1]!.status).toBe('off_track');
    // A worse value than the baseline: no progress at all.
    expect(attain({ kind: 'change_vs_base', direction: 'lower', baselineValue: 0.92, values: [5, 10, 16] }, { 2017: 0.95 }).progress).toBe(0);
  });

  it('handles a zero baseline', () => {
    const a = attain({ baselineValue: 0, values: [400, 800, 1200], unit: '家' }, { 2017: 300 });
    expect(a.progress).toBeCloseTo(0.75, 8);
    expect(a.status).toBe('off_track');
  });

  it('handles a target already met at the baseline', () => {
    const met = { baselineValue: 50, values: [50, 50, 50] };
    expect(attain(met, { 2017: 50 }).status).toBe('on_track');
    expect(attain(met, { 2017: 45 })).toMatchObject({ status: 'at_risk' });
    expect(attain(met, { 2017: 35 }).status).toBe('off_track');
  });

  it('uses the ratio when there is no baseline', () => {
    const a = attain({ baselineValue: null, values: [100, 100, 100], unit: '条' }, { 2019: 130 });
    expect(a.progress).toBeCloseTo(1.3, 8);
    expect(a.finalStatus).toBe('on_track');
  });

  it('skips missing years, ignores non-finite actuals and years outside the period', () => {
    const a = attain({}, { 2016: 1.3, 2018: 1.6, 2019: Number.NaN });
    expect(a.years.map((y) => y.actual)).toEqual([null, 1.6, null]);
    expect(a.years.map((y) => y.status)).toEqual(['no_data', 'on_track', 'no_data']);
    expect(a.latestYear).toBe(2018);
  });

  it('is no_data everywhere without actuals', () => {
    const a = attain({}, {});
    expect(a).toMatchObject({ latestYear: null, progress: null, status: 'no_data', finalStatus: 'no_data' });
    expect(a.projection).toEqual({ value: null, method: null, progress: null, status: 'no_data' });
  });

  it('accepts a Map of actuals', () => {
    const a = computeAttainment(deriveIndicator(makeTarget(), PERIOD), new Map([[2017, 1.4]]));
    expect(a.status).toBe('on_track');
  });

  it('reports a non-derivable indicator as no_data', () => {
    const a = attain({ kind: null }, { 2017: 1.4 });
    expect(a).toMatchObject({ derivable: false, status: 'no_data', progress: null });
    expect(a.years[0]!.actual).toBe(1.4);
    expect(a.projection.status).toBe('no_data');
  });
});

describe('computeAttainment: counts', () => {
  const centres = { kind: 'count' as const, unit: '家', baselineValue: 50, values: [6, 13, 20] };

  it('compares cumulative counts with the cumulative requirement, whatever the base stock', () => {
    const a = attain(centres, { 2017: 7, 2018: 12 });
    expect(a.years[0]!.progress).toBeCloseTo(7 / 6, 8);
    expect(a.years[0]!.status).toBe('on_track');
    expect(a.years[1]!.progress).toBeCloseTo(12 / 13, 8);
    expect(a.years[1]!.status).toBe('at_risk');
    expect(a.progressToFinal).toBeCloseTo(0.6, 8);
  });

  it('projects a cumulative count along the least-squares line from zero at the base year', () => {
    // Points (2015, 0), (2017, 7), (2018, 12): the line reaches 15.5 in 2019.
    const a = attain(centres, { 2017: 7, 2018: 12 });
    expect(a.projection.method).toBe('least_squares');
    expect(a.projection.value).toBeCloseTo(15.5, 8);
    expect(a.projection.progress).toBeCloseTo(0.775, 8);
    expect(a.projection.status).toBe('off_track');
  });

  it('never projects a cumulative count below what is already reached', () => {
    // (2015, 0), (2017, 30), (2018, 10): the line gives less than 30 in 2019.
    const a = attain(centres, { 2017: 30, 2018: 10 });
    expect(a.projection.value).toBe(30);
  });

  it('sums per-year counts toward the period total', () => {
    const a = attain({ ...centres, values: [6, 7, 7] }, { 2017: 6, 2018: 5 }, { countMode: 'per_year' });
    expect(a.years[0]!.progress).toBe(1);
    expect(a.years[1]!.progress).toBeCloseTo(5 / 7, 8);
    expect(a.years[1]!.status).toBe('off_track');
    expect(a.progressToFinal).toBeCloseTo(11 / 20, 8);
    // The per-year trend 6 → 5 gives 4 in 2019: 6 + 5 + 4 = 15 of 20.
    expect(a.projection).toMatchObject({ method: 'least_squares', value: 15 });
    expect(a.projection.progress).toBeCloseTo(0.75, 8);
  });

  it('holds a single per-year figure flat and reports the total when every year is in', () => {
    expect(attain({ ...centres, values: [6, 7, 7] }, { 2017: 7 }, { countMode: 'per_year' }).projection).toMatchObject({ method: 'flat', value: 21 });
    const done = attain({ ...centres, values: [6, 7, 7] }, { 2017: 7, 2018: 7, 2019: 7 }, { countMode: 'per_year' });
    expect(done.projection).toMatchObject({ method: 'actual', value: 21, status: 'on_track' });
    expect(done.finalStatus).toBe('on_track');
  });
});

describe('computeAttainment: growth rates', () => {
  it('compares the achieved average rate with the target rate', () => {
    const a = attain({ kind: 'annual_growth', qualifier: 'at_least', baselineValue: 7.9, values: [8, 8, 8] }, { 2017: 7.2 });
    expect(a.progress).toBeCloseTo(0.9, 8);
    expect(a.status).toBe('at_risk');
    expect(a.projection).toMatchObject({ method: 'flat', value: 7.2 });
  });

  it('grades a signed decline (年均下降4%) by its size', () => {
    const a = attain({ kind: 'annual_growth', direction: 'lower', baselineValue: -3.5, values: [-4, -4, -4] }, { 2017: -4.4, 2018: -3 });
    expect(a.years.map((y) => y.status)).toEqual(['on_track', 'off_track', 'no_data']);
  });

  it('compares levels in level basis', () => {
    const a = attain({ kind: 'annual_growth', values: [8, 8, 8] }, { 2017: 1100 }, { growthBasis: 'level', baseLevel: 1000 });
    expect(a.progress).toBeCloseTo(100 / 166.4, 8);
  });
});

describe('projection', () => {
  it('draws the line from the baseline through a single actual', () => {
    // (2015, 1.2) → (2017, 1.5): +0.15 a year reaches 1.8 in 2019.
    const a = attain({}, { 2017: 1.5 });
    expect(a.projection.method).toBe('from_baseline');
    expect(a.projection.value).toBeCloseTo(1.8, 8);
    expect(a.projection.status).toBe('on_track');
  });

  it('holds a single actual flat without a baseline', () => {
    expect(attain({ baselineValue: null }, { 2017: 1.5 }).projection).toMatchObject({ method: 'flat', value: 1.5 });
  });

  it('fits a least-squares line over baseline and actuals', () => {
    // (2015, 1.2), (2017, 1.3), (2018, 1.35): slope 0.05, 2019 → 1.4.
    const a = attain({}, { 2017: 1.3, 2018: 1.35 });
    expect(a.projection.method).toBe('least_squares');
    expect(a.projection.value).toBeCloseTo(1.4, 8);
    expect(a.projection.status).toBe('off_track');
  });

  it('is the final actual once it is reported', () => {
    expect(attain({}, { 2017: 1.3, 2019: 1.9 }).projection).toMatchObject({ method: 'actual', value: 1.9, status: 'on_track' });
  });

  it('works for lower is better', () => {
    // (2015, 100), (2017, 92): −4 a year, 84 in 2019 = the target.
    const a = attain({ kind: 'change_vs_base', direction: 'lower', baselineValue: 100, values: [8, 12, 16] }, { 2017: 92 });
    expect(a.projection.value).toBeCloseTo(84, 8);
    expect(a.projection.status).toBe('on_track');
  });
});

describe('qualifiers', () => {
  it('about (左右): a shortfall within the tolerance is on track', () => {
    const productivity = { qualifier: 'about' as const, unit: '万元/人', baselineValue: 21.5, values: [23, 24.5, 26] };
    // 25 is 3.8 % short of 26, inside ±5 %, although only 78 % of the required movement.
    const a = attain(productivity, { 2019: 25 });
    expect(a.progress).toBeCloseTo(3.5 / 4.5, 8);
    expect(a.status).toBe('on_track');
    expect(attain(productivity, { 2019: 24.6 }).status).toBe('off_track'); // 5.4 % short
    expect(attain(productivity, { 2019: 24.6 }, { aboutTolerance: 0.06 }).status).toBe('on_track');
    expect(attain(productivity, { 2019: 30 }).status).toBe('on_track');
  });

  it('about also applies to lower is better', () => {
    const a = attain({ qualifier: 'about', direction: 'lower', baselineValue: 1, values: [0.9, 0.85, 0.8] }, { 2019: 0.83 });
    expect(a.status).toBe('on_track'); // 3.75 % above 0.8
  });

  it('at_least and at_most read the good side from the direction, like exact', () => {
    for (const qualifier of ['exact', 'at_least'] as const) {
      expect(attain({ qualifier }, { 2017: 1.4, 2018: 1.52 }).years.map((y) => y.status)).toEqual(['on_track', 'at_risk', 'no_data']);
    }
    const cap = { qualifier: 'at_most' as const, direction: 'lower' as const, baselineValue: 0.9, values: [0.85, 0.82, 0.8] };
    expect(attain(cap, { 2017: 0.84, 2018: 0.86 }).years.map((y) => y.status)).toEqual(['on_track', 'off_track', 'no_data']);
  });

  it('strive (力争) is graded like the others and flagged as a stretch target', () => {
    const a = attain({ qualifier: 'strive' }, { 2017: 1.36 });
    expect(a.stretch).toBe(true);
    expect(a.status).toBe('at_risk');
  });

  it('strive may have its own thresholds', () => {
    const ind = deriveIndicator(makeTarget({ qualifier: 'strive' }), PERIOD);
    const lax = { stretchOnTrack: 0.8, stretchAtRisk: 0.6 };
    expect(computeAttainment(ind, { 2017: 1.36 }, lax).status).toBe('on_track');
    // Ordinary targets keep the ordinary thresholds.
    expect(computeAttainment(deriveIndicator(makeTarget(), PERIOD), { 2017: 1.36 }, lax).status).toBe('at_risk');
  });
});

describe('thresholds', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ onTrack: 1, atRisk: 0.8, progressCap: 1.5 });
  });

  it('is configurable', () => {
    const ind = deriveIndicator(makeTarget(), PERIOD);
    expect(computeAttainment(ind, { 2017: 1.37 }, { atRisk: 0.9 }).status).toBe('off_track');
    expect(computeAttainment(ind, { 2017: 1.37 }, { onTrack: 0.8, atRisk: 0.5 }).status).toBe('on_track');
    expect(computeAttainment(ind, { 2017: 5 }, { progressCap: 2 }).progress).toBe(2);
  });

  it('rejects inconsistent thresholds', () => {
    expect(thresholdsSchema.safeParse({ onTrack: 0.8, atRisk: 0.9 }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ onTrack: 2, progressCap: 1.5 }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ stretchOnTrack: 0.5, stretchAtRisk: 0.6 }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ atRisk: -1 }).success).toBe(false);
  });
});

describe('rollUpAttainment', () => {
  it('averages capped progress and counts statuses per dimension and for the pilot', () => {
    const list = [
      attain({ id: 'a', dimension: 'innovation' }, { 2017: 1.4 }), // 1
      attain({ id: 'b', dimension: 'innovation' }, { 2017: 1.3 }), // 0.5
      attain({ id: 'c', dimension: 'quality_efficiency' }, { 2017: 5 }), // capped 1.5
      attain({ id: 'd', dimension: 'quality_efficiency' }, {}),
      attain({ id: 'e', dimension: null, kind: null }, { 2017: 1 }),
    ];
    const r = rollUpAttainment(list);
    expect(r.byDimension.innovation).toMatchObject({ indicators: 2, withData: 2, notDerivable: 0, meanProgress: 0.75 });
    expect(r.byDimension.innovation.statusCounts).toEqual({ on_track: 1, at_risk: 0, off_track: 1, no_data: 0 });
    expect(r.byDimension.quality_efficiency).toMatchObject({ indicators: 2, withData: 1, meanProgress: 1.5 });
    expect(r.byDimension.structure).toMatchObject({ indicators: 0, withData: 0, meanProgress: null });
    expect(r.pilot).toMatchObject({ indicators: 5, withData: 3, notDerivable: 1 });
    expect(r.pilot.meanProgress).toBeCloseTo(1, 8);
    expect(r.pilot.statusCounts).toEqual({ on_track: 2, at_risk: 0, off_track: 1, no_data: 2 });
    expect(r.pilot.projectedStatusCounts.no_data).toBe(2);
  });
});

const RANK: Record<AttainmentStatus, number> = { no_data: -1, off_track: 0, at_risk: 1, on_track: 2 };

describe('property: moving the actual in the good direction never lowers attainment', () => {
  const num = fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true });
  const targetArb = fc.record({
    kind: fc.constantFrom(...TARGET_KINDS),
    direction: fc.constantFrom('higher' as const, 'lower' as const),
    qualifier: fc.constantFrom(...QUALIFIERS),
    baselineValue: fc.oneof(fc.constant(null), fc.constant(0), num),
    baseYear: fc.constantFrom(null, 2015, 2016),
    values: fc.array(fc.oneof(fc.constant(null), fc.constant(0), num), { minLength: 0, maxLength: 3 }),
    unit: fc.constantFrom('%', '亿元', '家', '个百分点'),
  });
  const optionsArb = fc.record({
    countMode: fc.constantFrom('cumulative' as const, 'per_year' as const),
    growthBasis: fc.constantFrom('rate' as const, 'level' as const),
    baseLevel: fc.oneof(fc.constant(undefined), num),
  });

  it('holds for progress, progress toward the final target and status, in every year', () => {
    fc.assert(
      fc.property(
        targetArb,
        optionsArb,
        fc.constantFrom(...PERIOD),
        num,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.dictionary(fc.constantFrom('2017', '2018', '2019'), num),
        (over, options, year, actual, delta, others) => {
          const { baseLevel, ...rest } = options;
          const ind = deriveIndicator(makeTarget(over), PERIOD, baseLevel === undefined ? rest : options);
          const s = ind.direction === 'higher' ? 1 : -1;
          const before = computeAttainment(ind, { ...others, [year]: actual });
          const after = computeAttainment(ind, { ...others, [year]: actual + s * delta });
          const i = PERIOD.indexOf(year);
          const b = before.years[i]!;
          const a = after.years[i]!;
          if (b.progress !== null) expect(a.progress!).toBeGreaterThanOrEqual(b.progress - 1e-9);
          if (b.progressToFinal !== null) expect(a.progressToFinal!).toBeGreaterThanOrEqual(b.progressToFinal - 1e-9);
          expect(RANK[a.status]).toBeGreaterThanOrEqual(RANK[b.status]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('holds for rawProgress over any baseline, requirement and direction', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(null), fc.constant(0), num),
        fc.oneof(fc.constant(0), num),
        num,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (baseline, required, actual, delta, direction) => {
          const s = direction === 'higher' ? 1 : -1;
          const p1 = Math.min(1.5, Math.max(0, rawProgress(baseline, required, actual, direction)));
          const p2 = Math.min(1.5, Math.max(0, rawProgress(baseline, required, actual + s * delta, direction)));
          expect(p2).toBeGreaterThanOrEqual(p1 - 1e-9);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
