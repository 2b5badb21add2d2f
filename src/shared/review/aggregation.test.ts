import { describe, expect, it } from 'vitest';
import {
  aggregateApplication,
  normaliseByExpert,
  percentileAgainstEarlier,
  rollingPercentiles,
  summarise,
  type ExpertScore,
  type SubmittedSheet,
} from './aggregation';
import { DEFAULT_RUBRIC, type Opinion, type Rubric } from './rubric';

function sheet(expertId: string, c: number, r: number, p: number, o: number, opinion: Opinion = 'recommend'): SubmittedSheet {
  return { expertId, scores: { compliance: c, representativeness: r, plan_quality: p, organisation: o }, opinion };
}
function same(expertId: string, x: number): SubmittedSheet {
  return sheet(expertId, x, x, x, x);
}

describe('summarise', () => {
  const cases: { what: string; values: number[]; expected: ReturnType<typeof summarise> }[] = [
    { what: 'one value', values: [5], expected: { n: 1, mean: 5, median: 5, min: 5, max: 5, sd: 0, spread: 0 } },
    { what: 'odd count, unsorted', values: [3, 1, 2], expected: { n: 3, mean: 2, median: 2, min: 1, max: 3, sd: Math.sqrt(2 / 3), spread: 2 } },
    // even count: median is the mean of the two middle values (2 and 3)
    { what: 'even count', values: [4, 1, 3, 2], expected: { n: 4, mean: 2.5, median: 2.5, min: 1, max: 4, sd: Math.sqrt(1.25), spread: 3 } },
    // the textbook set: population sd exactly 2 (the sample sd would be 2.138)
    { what: 'population sd', values: [2, 4, 4, 4, 5, 5, 7, 9], expected: { n: 8, mean: 5, median: 4.5, min: 2, max: 9, sd: 2, spread: 7 } },
  ];
  it.each(cases)('$what', ({ values, expected }) => {
    const s = summarise(values)!;
    expect(s).not.toBeNull();
    for (const [k, v] of Object.entries(expected!)) expect(s[k as keyof typeof s], k).toBeCloseTo(v, 12);
  });

  it('is null for no values and throws on NaN', () => {
    expect(summarise([])).toBeNull();
    expect(() => summarise([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('aggregateApplication', () => {
  // Totals: e1 0.2·90+0.2·80+0.4·70+0.2·60 = 74; e2 80; e3 14+18+24+16 = 72; e4 20+12+36+14 = 82.
  const four = [
    sheet('e1', 90, 80, 70, 60, 'recommend'),
    same('e2', 80),
    sheet('e3', 70, 90, 60, 80, 'recommend_after_revision'),
    sheet('e4', 100, 60, 90, 70, 'not_recommend'),
  ];

  it('summarises the weighted total of three sheets', () => {
    const agg = aggregateApplication(DEFAULT_RUBRIC, four.slice(0, 3))!;
    expect(agg.n).toBe(3);
    expect(agg.total).toMatchObject({ n: 3, median: 74, min: 72, max: 80, spread: 8 });
    expect(agg.total.mean).toBeCloseTo(226 / 3, 12);
    // Σ(x − mean)² = 17060 − 226²/3 = 104/3; population variance 104/9
    expect(agg.total.sd).toBeCloseTo(Math.sqrt(104) / 3, 12);
  });

  it('summarises four sheets per criterion and in total (even counts)', () => {
    const agg = aggregateApplication(DEFAULT_RUBRIC, four)!;
    expect(agg.total).toEqual({ n: 4, mean: 77, median: 77, min: 72, max: 82, sd: Math.sqrt(17), spread: 10 });
    const byKey = Object.fromEntries(agg.criteria.map((c) => [c.key, c.summary]));
    expect(byKey.compliance).toEqual({ n: 4, mean: 85, median: 85, min: 70, max: 100, sd: Math.sqrt(125), spread: 30 });
    expect(byKey.representativeness).toMatchObject({ mean: 77.5, median: 80, min: 60, max: 90, spread: 30 });
    expect(byKey.plan_quality).toMatchObject({ mean: 75, median: 75, spread: 30 });
    expect(byKey.organisation).toMatchObject({ mean: 72.5, median: 75, min: 60, max: 80, spread: 20 });
    expect(agg.opinionCounts).toEqual({ recommend: 2, recommend_after_revision: 1, not_recommend: 1 });
    // criteria with spread 30 diverge; organisation at exactly 20 does not; the total (10) does not
    expect(agg.divergence).toEqual({
      divergent: true,
      totalDivergent: false,
      criteria: ['compliance', 'representativeness', 'plan_quality'],
      threshold: 20,
      criterionThreshold: 20,
    });
  });

  const boundary: {
    what: string;
    sheets: SubmittedSheet[];
    options?: { divergenceThreshold?: number; criterionDivergenceThreshold?: number };
    totalDivergent: boolean;
    criteria: string[];
  }[] = [
    { what: 'one sheet never diverges', sheets: [same('a', 0)], totalDivergent: false, criteria: [] },
    { what: 'criterion spread exactly 20', sheets: [sheet('a', 80, 80, 70, 80), sheet('b', 80, 80, 90, 80)], totalDivergent: false, criteria: [] },
    { what: 'criterion spread 20.5', sheets: [sheet('a', 80, 80, 70, 80), sheet('b', 80, 80, 90.5, 80)], totalDivergent: false, criteria: ['plan_quality'] },
    { what: 'total spread exactly 20', sheets: [same('a', 60), same('b', 80)], totalDivergent: false, criteria: [] },
    {
      what: 'total spread 21',
      sheets: [same('a', 60), same('b', 81)],
      totalDivergent: true,
      criteria: ['compliance', 'representativeness', 'plan_quality', 'organisation'],
    },
    // 70.01 − 50.01 = 20.000000000000007 in floating point: still "not more than 20"
    { what: 'spread 20 up to floating-point noise', sheets: [same('a', 50.01), same('b', 70.01)], totalDivergent: false, criteria: [] },
    {
      what: 'total diverges, criteria under their own threshold',
      sheets: [same('a', 60), same('b', 85)],
      options: { criterionDivergenceThreshold: 30 },
      totalDivergent: true,
      criteria: [],
    },
    { what: 'custom threshold 10, spread 10', sheets: [same('a', 70), same('b', 80)], options: { divergenceThreshold: 10 }, totalDivergent: false, criteria: [] },
    {
      what: 'custom threshold 10, spread 10.5',
      sheets: [same('a', 70), same('b', 80.5)],
      options: { divergenceThreshold: 10 },
      totalDivergent: true,
      criteria: ['compliance', 'representativeness', 'plan_quality', 'organisation'],
    },
    // the 0.4 weight: plan quality 30 apart moves the total by 12 only
    { what: 'one criterion far apart, total close', sheets: [sheet('a', 80, 80, 60, 80), sheet('b', 80, 80, 90, 80)], totalDivergent: false, criteria: ['plan_quality'] },
  ];
  it.each(boundary)('$what', ({ sheets, options, totalDivergent, criteria }) => {
    const d = aggregateApplication(DEFAULT_RUBRIC, sheets, options)!.divergence;
    expect(d.totalDivergent).toBe(totalDivergent);
    expect(d.criteria).toEqual(criteria);
    expect(d.divergent).toBe(totalDivergent || criteria.length > 0);
  });

  it('measures a criterion’s spread per 100 of its max', () => {
    const rubric: Rubric = {
      id: 'ten',
      criteria: [
        { key: 'a', name: { zh: '甲', en: 'A' }, weight: 0.5, maxScore: 10, guidance: { zh: '甲', en: 'A' } },
        { key: 'b', name: { zh: '乙', en: 'B' }, weight: 0.5, maxScore: 10, guidance: { zh: '乙', en: 'B' } },
      ],
    };
    const at = aggregateApplication(rubric, [
      { expertId: 'x', scores: { a: 8, b: 5 }, opinion: 'recommend' },
      { expertId: 'y', scores: { a: 6, b: 5 }, opinion: 'not_recommend' },
    ])!;
    expect(at.criteria[0]!.spreadPer100).toBe(20);
    expect(at.divergence.criteria).toEqual([]);
    const over = aggregateApplication(rubric, [
      { expertId: 'x', scores: { a: 8, b: 5 }, opinion: 'recommend' },
      { expertId: 'y', scores: { a: 5.9, b: 5 }, opinion: 'not_recommend' },
    ])!;
    expect(over.criteria[0]!.spreadPer100).toBe(21);
    expect(over.divergence.criteria).toEqual(['a']);
    expect(over.divergence.totalDivergent).toBe(false); // total spread 10.5
  });

  it('returns null without sheets and refuses bad input', () => {
    expect(aggregateApplication(DEFAULT_RUBRIC, [])).toBeNull();
    expect(() => aggregateApplication(DEFAULT_RUBRIC, [same('a', 80), same('a', 70)])).toThrow(/more than one sheet/);
    expect(() => aggregateApplication(DEFAULT_RUBRIC, [same('a', 101)])).toThrow(RangeError);
    expect(() => aggregateApplication(DEFAULT_RUBRIC, [same('a', 80)], { divergenceThreshold: -1 })).toThrow(RangeError);
  });
});

describe('normaliseByExpert', () => {
  // A lenient (mean 70, sd 10) and a severe (mean 50, sd 10) expert on p, q, r, s;
  // C has one review, D gives 75 every time (sd 0), E has two reviews.
  const scores: ExpertScore[] = [
    { expertId: 'A', applicationId: 'p', total: 60 },
    { expertId: 'A', applicationId: 'q', total: 60 },
    { expertId: 'A', applicationId: 'r', total: 80 },
    { expertId: 'A', applicationId: 's', total: 80 },
    { expertId: 'B', applicationId: 'p', total: 40 },
    { expertId: 'B', applicationId: 'q', total: 60 },
    { expertId: 'B', applicationId: 'r', total: 40 },
    { expertId: 'B', applicationId: 's', total: 60 },
    { expertId: 'C', applicationId: 'p', total: 90 },
    { expertId: 'D', applicationId: 'p', total: 75 },
    { expertId: 'D', applicationId: 'q', total: 75 },
    { expertId: 'D', applicationId: 'r', total: 75 },
    { expertId: 'E', applicationId: 'q', total: 70 },
    { expertId: 'E', applicationId: 'r', total: 90 },
  ];

  it('gives each score its z-score against the expert’s own history', () => {
    const { scores: out } = normaliseByExpert(scores);
    expect(out.map((s) => [s.expertId, s.applicationId, s.z, s.insufficientHistory])).toEqual([
      ['A', 'p', -1, false],
      ['A', 'q', -1, false],
      ['A', 'r', 1, false],
      ['A', 's', 1, false],
      ['B', 'p', -1, false],
      ['B', 'q', 1, false],
      ['B', 'r', -1, false],
      ['B', 's', 1, false],
      ['C', 'p', 0, true], // one review
      ['D', 'p', 0, true], // sd 0
      ['D', 'q', 0, true],
      ['D', 'r', 0, true],
      ['E', 'q', 0, true], // two reviews < minReviews 3
      ['E', 'r', 0, true],
    ]);
  });

  it('reports each expert’s history', () => {
    expect(normaliseByExpert(scores).experts).toEqual([
      { expertId: 'A', n: 4, mean: 70, sd: 10, insufficientHistory: false },
      { expertId: 'B', n: 4, mean: 50, sd: 10, insufficientHistory: false },
      { expertId: 'C', n: 1, mean: 90, sd: 0, insufficientHistory: true },
      { expertId: 'D', n: 3, mean: 75, sd: 0, insufficientHistory: true },
      { expertId: 'E', n: 2, mean: 80, sd: 10, insufficientHistory: true },
    ]);
  });

  it('gives each application the mean of its z-scores, flagged experts counting 0', () => {
    expect(normaliseByExpert(scores).applications).toEqual([
      { applicationId: 'p', n: 4, rawMean: 66.25, normalisedMean: -0.5, calibratedCount: 2 },
      { applicationId: 'q', n: 4, rawMean: 66.25, normalisedMean: 0, calibratedCount: 2 },
      { applicationId: 'r', n: 4, rawMean: 71.25, normalisedMean: 0, calibratedCount: 2 },
      { applicationId: 's', n: 2, rawMean: 70, normalisedMean: 1, calibratedCount: 2 },
    ]);
  });

  it('with minReviews 2, two reviews count (and give ±1)', () => {
    const out = normaliseByExpert(scores, { minReviews: 2 });
    expect(out.scores.filter((s) => s.expertId === 'E').map((s) => s.z)).toEqual([-1, 1]);
    expect(out.applications.map((a) => [a.applicationId, a.normalisedMean, a.calibratedCount])).toEqual([
      ['p', -0.5, 2],
      ['q', -0.25, 3],
      ['r', 0.25, 3],
      ['s', 1, 2],
    ]);
  });

  it('handles three unequal reviews (z = ±√1.5)', () => {
    const out = normaliseByExpert([
      { expertId: 'X', applicationId: 'a', total: 60 },
      { expertId: 'X', applicationId: 'b', total: 70 },
      { expertId: 'X', applicationId: 'c', total: 80 },
    ]);
    // mean 70, population sd √(200/3); z = ±10/√(200/3) = ±√1.5
    expect(out.scores[0]!.z).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(out.scores[1]!.z).toBe(0);
    expect(out.scores[2]!.z).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it('is empty for no scores and refuses duplicates and bad options', () => {
    expect(normaliseByExpert([])).toEqual({ scores: [], experts: [], applications: [] });
    expect(() => normaliseByExpert([scores[0]!, { ...scores[0]!, total: 61 }])).toThrow(/twice/);
    expect(() => normaliseByExpert(scores, { minReviews: 1 })).toThrow(RangeError);
    expect(() => normaliseByExpert([{ expertId: 'A', applicationId: 'p', total: Number.NaN }])).toThrow(RangeError);
  });
});

describe('percentileAgainstEarlier', () => {
  const cases: [number, number[], number | null][] = [
    [70, [], null],
    [70, [60, 70, 80], 50], // 1 below + ½ tie of 3
    [70, [70, 70], 50], // ties only
    [90, [60, 70, 80], 100],
    [50, [60, 70, 80], 0],
    [75, [60, 70, 80, 90], 50],
    [70, [60, 70, 70, 80], 50], // (1 + 2/2) / 4
    [80, [60, 70, 80, 80], 75], // (2 + 2/2) / 4
    [80, [80, 60, 70, 80], 75], // order does not matter
    [65, [60], 100],
    [62, [60, 70, 80], 100 / 3],
  ];
  it.each(cases)('%d against %j → %s', (current, earlier, expected) => {
    const p = percentileAgainstEarlier(current, earlier);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected, 12);
  });

  it('refuses non-finite values', () => {
    expect(() => percentileAgainstEarlier(Number.NaN, [1])).toThrow(RangeError);
    expect(() => percentileAgainstEarlier(1, [Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('rollingPercentiles places each application against all reviewed before it', () => {
    const out = rollingPercentiles([
      { id: 'ningbo', value: 70 },
      { id: 'sunan', value: 80 },
      { id: 'wuhan', value: 70 },
      { id: 'shenyang', value: 60 },
    ]);
    expect(out.map((x) => [x.id, x.percentile])).toEqual([
      ['ningbo', null],
      ['sunan', 100],
      ['wuhan', 25], // against 70, 80: a tie
      ['shenyang', 0],
    ]);
  });
});
