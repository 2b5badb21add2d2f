import { describe, expect, it } from 'vitest';
import { deriveIndicator, requiredIn, type Indicator } from './indicators.js';
import { makeTarget, PERIOD } from './test-support.js';

const values = (ind: Indicator): (number | null)[] => ind.requiredByYear.map((r) => (r.value === null ? null : Number(r.value.toFixed(6))));
const sources = (ind: Indicator): (string | null)[] => ind.requiredByYear.map((r) => r.source);

describe('level', () => {
  it('takes the plan values as they are', () => {
    const ind = deriveIndicator(makeTarget(), PERIOD);
    expect(ind.derivable).toBe(true);
    expect(values(ind)).toEqual([1.4, 1.6, 1.8]);
    expect(sources(ind)).toEqual(['plan', 'plan', 'plan']);
    expect(ind.finalTarget).toBe(1.8);
    expect(ind.baseline).toBe(1.2);
    expect(ind.measure).toBe('level');
    expect(ind.unit).toBe('%');
  });

  it('interpolates missing years from the baseline at the base year', () => {
    // 2015: 1.2 → 2019: 1.8, i.e. +0.15 a year.
    const ind = deriveIndicator(makeTarget({ values: [null, null, 1.8] }), PERIOD);
    expect(values(ind)).toEqual([1.5, 1.65, 1.8]);
    expect(sources(ind)).toEqual(['interpolated', 'interpolated', 'plan']);
  });

  it('interpolates between two plan values', () => {
    const ind = deriveIndicator(makeTarget({ values: [1.4, null, 1.8] }), PERIOD);
    expect(values(ind)).toEqual([1.4, 1.6, 1.8]);
  });

  it('holds the last plan value flat instead of extrapolating', () => {
    const ind = deriveIndicator(makeTarget({ values: [1.4, null, null] }), PERIOD);
    expect(values(ind)).toEqual([1.4, 1.4, 1.4]);
    expect(sources(ind)).toEqual(['plan', 'held', 'held']);
    expect(ind.finalTarget).toBe(1.4);
  });

  it('leaves years before the first plan value null when there is no baseline to start from', () => {
    const ind = deriveIndicator(makeTarget({ baselineValue: null, values: [null, 1.6, 1.8] }), PERIOD);
    expect(ind.derivable).toBe(true);
    expect(values(ind)).toEqual([null, 1.6, 1.8]);
    expect(ind.baseline).toBeNull();
  });

  it('needs no baseline when every year is given', () => {
    const ind = deriveIndicator(makeTarget({ baselineValue: null, baseYear: null }), PERIOD);
    expect(values(ind)).toEqual([1.4, 1.6, 1.8]);
  });

  it('falls back to the period years when targetYears is empty', () => {
    const ind = deriveIndicator(makeTarget({ targetYears: [] }), PERIOD);
    expect(values(ind)).toEqual([1.4, 1.6, 1.8]);
  });

  it('keeps a lower-is-better level as written', () => {
    const ind = deriveIndicator(makeTarget({ direction: 'lower', baselineValue: 0.92, values: [null, null, 0.8], unit: '吨标准煤/万元' }), PERIOD);
    expect(values(ind)).toEqual([0.86, 0.83, 0.8]);
    expect(ind.direction).toBe('lower');
  });
});

describe('change_vs_base', () => {
  it('applies a cut to the base value (比2015年下降16%)', () => {
    const ind = deriveIndicator(makeTarget({ kind: 'change_vs_base', direction: 'lower', baselineValue: 0.92, values: [5, 10, 16] }), PERIOD);
    expect(values(ind)).toEqual([0.874, 0.828, 0.7728]);
    expect(ind.unit).toBeNull(); // the base value's own unit is not recorded when the change is in %
    expect(ind.baseline).toBe(0.92);
  });

  it('applies a rise for higher is better', () => {
    const ind = deriveIndicator(makeTarget({ kind: 'change_vs_base', baselineValue: 200, values: [10, 20, 30] }), PERIOD);
    expect(values(ind)).toEqual([220, 240, 260]);
  });

  it('reads a change in a non-% unit as absolute (新增产值500亿元)', () => {
    const ind = deriveIndicator(makeTarget({ kind: 'change_vs_base', unit: '亿元', baselineValue: 4100, values: [null, null, 500] }), PERIOD);
    expect(values(ind)).toEqual([4350, 4475, 4600]);
    expect(ind.unit).toBe('亿元');
  });

  it('interpolates the change from zero at the base year', () => {
    const ind = deriveIndicator(makeTarget({ kind: 'change_vs_base', direction: 'lower', baselineValue: 100, values: [null, null, 16] }), PERIOD);
    expect(values(ind)).toEqual([92, 88, 84]);
  });

  it('is not derivable without a baseline, or with a zero baseline', () => {
    expect(deriveIndicator(makeTarget({ kind: 'change_vs_base', baselineValue: null, values: [5, 10, 16] }), PERIOD)).toMatchObject({
      derivable: false,
      reason: 'BASELINE_MISSING',
      finalTarget: null,
    });
    expect(deriveIndicator(makeTarget({ kind: 'change_vs_base', baselineValue: 0, values: [5, 10, 16] }), PERIOD).reason).toBe('ZERO_BASELINE');
  });
});

describe('pp_change', () => {
  it('adds percentage points to the base share', () => {
    const ind = deriveIndicator(makeTarget({ kind: 'pp_change', unit: '个百分点', baselineValue: 12.5, values: [1.5, 3, 4] }), PERIOD);
    expect(values(ind)).toEqual([14, 15.5, 16.5]);
    expect(ind.unit).toBe('%');
  });

  it('subtracts them for lower is better, and accepts a zero base share', () => {
    expect(values(deriveIndicator(makeTarget({ kind: 'pp_change', direction: 'lower', baselineValue: 30, values: [1, 2, 3] }), PERIOD))).toEqual([29, 28, 27]);
    expect(values(deriveIndicator(makeTarget({ kind: 'pp_change', baselineValue: 0, values: [1, 2, 3] }), PERIOD))).toEqual([1, 2, 3]);
  });

  it('needs a baseline', () => {
    expect(deriveIndicator(makeTarget({ kind: 'pp_change', baselineValue: null }), PERIOD).reason).toBe('BASELINE_MISSING');
  });
});

describe('annual_growth', () => {
  const growth = makeTarget({ kind: 'annual_growth', qualifier: 'at_least', baselineValue: 7.9, values: [8, 8, 8] });

  it('by default compares growth rates: the plan baseline is the base year rate, not a level', () => {
    const ind = deriveIndicator(growth, PERIOD);
    expect(ind.measure).toBe('growth_rate');
    expect(values(ind)).toEqual([8, 8, 8]);
    expect(ind.baseline).toBeNull();
    expect(ind.baselineAsWritten).toBe(7.9);
    expect(ind.unit).toBe('%');
  });

  it('holds a single rate across the period, backwards too', () => {
    expect(values(deriveIndicator({ ...growth, values: [null, null, 8] }, PERIOD))).toEqual([8, 8, 8]);
  });

  it('compounds a base level with growthBasis level: L0 × (1 + g/100)^(year − baseYear)', () => {
    const ind = deriveIndicator(growth, PERIOD, { growthBasis: 'level', baseLevel: 1000 });
    expect(ind.measure).toBe('level');
    expect(values(ind)).toEqual([1166.4, 1259.712, 1360.48896]);
    expect(ind.baseline).toBe(1000);
  });

  it('compounds a decline for a signed negative rate (年均下降4%)', () => {
    const water = makeTarget({ kind: 'annual_growth', direction: 'lower', values: [-4, -4, -4] });
    const ind = deriveIndicator(water, PERIOD, { growthBasis: 'level', baseLevel: 10 });
    expect(values(ind)).toEqual([9.216, 8.84736, 8.493466]);
  });

  it('uses baselineValue as the level when no baseLevel is given', () => {
    const ind = deriveIndicator({ ...growth, baselineValue: 100 }, PERIOD, { growthBasis: 'level' });
    expect(ind.finalTarget).toBeCloseTo(100 * 1.08 ** 4, 9);
  });

  it('is not derivable in level basis without a level or a base year', () => {
    expect(deriveIndicator({ ...growth, baselineValue: null }, PERIOD, { growthBasis: 'level' }).reason).toBe('BASELINE_MISSING');
    expect(deriveIndicator({ ...growth, baseYear: null }, PERIOD, { growthBasis: 'level', baseLevel: 5 }).reason).toBe('BASE_YEAR_MISSING');
    expect(deriveIndicator(growth, PERIOD, { growthBasis: 'level', baseLevel: 0 }).reason).toBe('ZERO_BASELINE');
  });

  it('needs no baseline in rate basis', () => {
    expect(deriveIndicator({ ...growth, baselineValue: null, baseYear: null }, PERIOD).derivable).toBe(true);
  });
});

describe('count', () => {
  const centres = makeTarget({ kind: 'count', unit: '家', baselineValue: 50, values: [6, 13, 20] });

  it('is cumulative by default and measured from zero; the base stock is kept for reference', () => {
    const ind = deriveIndicator(centres, PERIOD);
    expect(ind.measure).toBe('cumulative_count');
    expect(values(ind)).toEqual([6, 13, 20]);
    expect(ind.baseline).toBe(0);
    expect(ind.baselineAsWritten).toBe(50);
    expect(ind.finalTarget).toBe(20);
  });

  it('interpolates a cumulative count from zero at the base year', () => {
    expect(values(deriveIndicator({ ...centres, values: [null, null, 20] }, PERIOD))).toEqual([10, 15, 20]);
  });

  it('anchors at the year before the period when the base year is missing', () => {
    expect(values(deriveIndicator({ ...centres, baseYear: null, values: [null, null, 30] }, PERIOD))).toEqual([10, 20, 30]);
  });

  it('reads per-year counts as each year on its own, the final target being their sum', () => {
    const ind = deriveIndicator({ ...centres, values: [6, 7, 7] }, PERIOD, { countMode: 'per_year' });
    expect(ind.measure).toBe('per_year_count');
    expect(values(ind)).toEqual([6, 7, 7]);
    expect(ind.finalTarget).toBe(20);
  });

  it('has no per-year total when an early year cannot be derived', () => {
    const ind = deriveIndicator({ ...centres, values: [null, 7, 7] }, PERIOD, { countMode: 'per_year' });
    expect(values(ind)).toEqual([null, 7, 7]);
    expect(ind.finalTarget).toBeNull();
  });
});

describe('qualifiers', () => {
  it('records bounds, tolerance and stretch', () => {
    expect(deriveIndicator(makeTarget({ qualifier: 'at_least' }), PERIOD)).toMatchObject({ bound: 'floor', tolerance: 0, stretch: false });
    expect(deriveIndicator(makeTarget({ qualifier: 'at_most' }), PERIOD)).toMatchObject({ bound: 'ceiling', tolerance: 0 });
    expect(deriveIndicator(makeTarget({ qualifier: 'about' }), PERIOD)).toMatchObject({ bound: null, tolerance: 0.05 });
    expect(deriveIndicator(makeTarget({ qualifier: 'about' }), PERIOD, { aboutTolerance: 0.1 }).tolerance).toBe(0.1);
    expect(deriveIndicator(makeTarget({ qualifier: 'strive' }), PERIOD)).toMatchObject({ stretch: true, bound: null, tolerance: 0 });
    expect(deriveIndicator(makeTarget({ qualifier: 'exact' }), PERIOD)).toMatchObject({ bound: null, tolerance: 0, stretch: false });
  });

  it('computes a stretch target like any other', () => {
    expect(values(deriveIndicator(makeTarget({ qualifier: 'strive' }), PERIOD))).toEqual([1.4, 1.6, 1.8]);
  });

  it('treats an omitted qualifier as exact', () => {
    const { qualifier: _q, ...rest } = makeTarget();
    expect(deriveIndicator(rest, PERIOD).qualifier).toBe('exact');
  });
});

describe('not derivable', () => {
  it('without a kind', () => {
    const ind = deriveIndicator(makeTarget({ kind: null }), PERIOD);
    expect(ind).toMatchObject({ derivable: false, reason: 'KIND_MISSING', finalTarget: null });
    expect(values(ind)).toEqual([null, null, null]);
  });

  it('without any value', () => {
    expect(deriveIndicator(makeTarget({ values: [null, null, null] }), PERIOD).reason).toBe('NO_VALUES');
    expect(deriveIndicator(makeTarget({ values: [] }), PERIOD).reason).toBe('NO_VALUES');
  });
});

describe('requiredIn', () => {
  it('looks a year up and answers null outside the period', () => {
    const ind = deriveIndicator(makeTarget(), PERIOD);
    expect(requiredIn(ind, 2018)).toBe(1.6);
    expect(requiredIn(ind, 2020)).toBeNull();
  });
});
