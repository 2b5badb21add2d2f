import { describe, expect, it } from 'vitest';
import type { TargetDimension } from '../plan/plan-schema.js';
import { computeAttainment, type Attainment } from './attainment.js';
import {
  computeEvaluation,
  DEFAULT_EVALUATION_SCHEME,
  evaluationSchemeSchema,
  gradeOf,
  GRADE_LABELS,
  type EvaluationScheme,
} from './evaluation.js';
import { deriveIndicator } from './indicators.js';
import { makeTarget, PERIOD } from './test-support.js';

/** An attainment whose current progress is `progress` (baseline 0, required 100), or without data. */
function att(id: string, dimension: TargetDimension, progress: number | null): Attainment {
  const ind = deriveIndicator(makeTarget({ id, dimension, baselineValue: 0, values: [100, 100, 100], unit: '家' }), PERIOD);
  return computeAttainment(ind, progress === null ? {} : { 2018: progress * 100 });
}

const allDimensions = (progress: number): Attainment[] =>
  (['innovation', 'quality_efficiency', 'structure', 'sustainability', 'it_integration'] as const).map((d) => att(`t-${d}`, d, progress));

const fullQualitative = { expert_evaluation: [90, 80], department_evaluation: [85] };

describe('evaluation scheme', () => {
  it('accepts the default scheme', () => {
    expect(evaluationSchemeSchema.safeParse(DEFAULT_EVALUATION_SCHEME).success).toBe(true);
    const sum = DEFAULT_EVALUATION_SCHEME.items.reduce((s, i) => s + i.weight, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(DEFAULT_EVALUATION_SCHEME.grades).toEqual({ excellent: 90, good: 75, pass: 60 });
  });

  it('rejects weights that do not sum to 1, within tolerance', () => {
    const items = DEFAULT_EVALUATION_SCHEME.items.map((i) => (i.id === 'structure' ? { ...i, weight: 0.2 } : i));
    const r = evaluationSchemeSchema.safeParse({ ...DEFAULT_EVALUATION_SCHEME, items });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('weights must sum to 1');
    // Three thirds written as 0.333 are fine.
    const thirds: EvaluationScheme = {
      ...DEFAULT_EVALUATION_SCHEME,
      items: [
        { kind: 'quantitative', id: 'a', label: { zh: '创新', en: 'I' }, weight: 0.333, dimensions: ['innovation'] },
        { kind: 'quantitative', id: 'b', label: { zh: '质量', en: 'Q' }, weight: 0.333, dimensions: ['quality_efficiency'] },
        { kind: 'qualitative', id: 'c', label: { zh: '专家', en: 'E' }, weight: 0.333, assessor: 'expert' },
      ],
    };
    expect(evaluationSchemeSchema.safeParse(thirds).success).toBe(true);
  });

  it('rejects thresholds that do not descend', () => {
    for (const grades of [
      { excellent: 75, good: 90, pass: 60 },
      { excellent: 90, good: 60, pass: 60 },
      { excellent: 90, good: 75, pass: 101 },
    ]) {
      expect(evaluationSchemeSchema.safeParse({ ...DEFAULT_EVALUATION_SCHEME, grades }).success).toBe(false);
    }
  });

  it('requires quantitative items on innovation and on quality and efficiency', () => {
    const items = DEFAULT_EVALUATION_SCHEME.items.map((i) => (i.id === 'innovation' ? { ...i, dimensions: ['structure' as const] } : i));
    const r = evaluationSchemeSchema.safeParse({ ...DEFAULT_EVALUATION_SCHEME, items });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['a quantitative item must cover the dimension "innovation"']);
  });

  it('rejects duplicate ids and bad weights', () => {
    const dup = DEFAULT_EVALUATION_SCHEME.items.map((i) => (i.id === 'structure' ? { ...i, id: 'innovation' } : i));
    expect(JSON.stringify(evaluationSchemeSchema.safeParse({ ...DEFAULT_EVALUATION_SCHEME, items: dup }).error?.issues)).toContain('duplicate');
    const zero = DEFAULT_EVALUATION_SCHEME.items.map((i) => (i.id === 'structure' ? { ...i, weight: 0 } : i));
    expect(evaluationSchemeSchema.safeParse({ ...DEFAULT_EVALUATION_SCHEME, items: zero }).success).toBe(false);
  });
});

describe('gradeOf', () => {
  it('grades at the thresholds', () => {
    const g = DEFAULT_EVALUATION_SCHEME.grades;
    expect([100, 90, 89.99, 75, 74.99, 60, 59.99, 0].map((t) => gradeOf(t, g))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
      'fail',
    ]);
    expect(GRADE_LABELS.fail.zh).toBe('不合格');
    expect(GRADE_LABELS.excellent.zh).toBe('优秀');
  });
});

describe('computeEvaluation', () => {
  it('scores quantitative items from attainment and qualitative ones from the mean score', () => {
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments: allDimensions(0.9), qualitative: fullQualitative });
    const byId = Object.fromEntries(r.items.map((i) => [i.id, i.score]));
    expect(byId).toEqual({
      innovation: 90,
      quality_efficiency: 90,
      structure: 90,
      sustainability: 90,
      it_integration: 90,
      expert_evaluation: 85,
      department_evaluation: 85,
    });
    // 0.7 × 90 + 0.2 × 85 + 0.1 × 85 = 88.5
    expect(r.total).toBe(88.5);
    expect(r.grade).toBe('good');
    expect(r.complete).toBe(true);
    expect(r.opensRectification).toBe(false);
  });

  it('averages the indicators of a dimension and caps each at full marks', () => {
    const attainments = [att('a', 'innovation', 1.5), att('b', 'innovation', 0.5), ...allDimensions(1).slice(1)];
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: fullQualitative });
    const innovation = r.items.find((i) => i.id === 'innovation')!;
    expect(innovation.score).toBe(75); // (100 + 50) / 2, not (150 + 50) / 2
    expect(innovation.basis).toBe(2);
  });

  it('lets progressForFullMarks set the progress worth full marks', () => {
    const scheme = { ...DEFAULT_EVALUATION_SCHEME, progressForFullMarks: 0.8 };
    const r = computeEvaluation(scheme, { attainments: allDimensions(0.8), qualitative: fullQualitative });
    expect(r.items[0]!.score).toBe(100);
  });

  it('opens rectification on 不合格 and names the weak items', () => {
    const attainments = [att('a', 'innovation', 0.3), att('b', 'quality_efficiency', 0.5), ...allDimensions(0.7).slice(2)];
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: { expert_evaluation: [60], department_evaluation: [70] } });
    // 0.2 × 30 + 0.2 × 50 + 0.3 × 70 + 0.2 × 60 + 0.1 × 70 = 56
    expect(r.total).toBe(56);
    expect(r.grade).toBe('fail');
    expect(r.opensRectification).toBe(true);
    expect(r.weakItems).toEqual([
      { id: 'innovation', score: 30, reasons: ['lowest', 'below_pass'] },
      { id: 'quality_efficiency', score: 50, reasons: ['below_pass'] },
    ]);
  });

  it('names the lowest item even when every item passes, ties included', () => {
    const attainments = [att('a', 'innovation', 0.8), att('b', 'quality_efficiency', 0.8), ...allDimensions(0.95).slice(2)];
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: { expert_evaluation: [95], department_evaluation: [95] } });
    expect(r.total).toBe(89);
    expect(r.grade).toBe('good');
    expect(r.weakItems).toEqual([
      { id: 'innovation', score: 80, reasons: ['lowest'] },
      { id: 'quality_efficiency', score: 80, reasons: ['lowest'] },
    ]);
  });

  it('scores missing data as zero by default, and says so', () => {
    const attainments = [att('a', 'innovation', 1), att('b', 'innovation', null), ...allDimensions(1).slice(1)];
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: { expert_evaluation: [80] } });
    expect(r.items.find((i) => i.id === 'innovation')).toMatchObject({ score: 50, missingIndicators: ['b'] });
    expect(r.missingItems).toEqual(['department_evaluation']);
    expect(r.complete).toBe(false);
    // 0.2 × 50 + 0.5 × 100 + 0.2 × 80 + 0.1 × 0 = 76
    expect(r.total).toBe(76);
    expect(r.weakItems[0]).toEqual({ id: 'department_evaluation', score: 0, reasons: ['lowest', 'below_pass'] });
  });

  it("with 'ignore', leaves missing data out and re-normalises the weights", () => {
    const scheme: EvaluationScheme = { ...DEFAULT_EVALUATION_SCHEME, missingData: 'ignore' };
    const attainments = [att('a', 'innovation', 1), att('b', 'innovation', null), ...allDimensions(1).slice(1)];
    const r = computeEvaluation(scheme, { attainments, qualitative: { expert_evaluation: [80] } });
    expect(r.items.find((i) => i.id === 'innovation')).toMatchObject({ score: 100, basis: 1, missingIndicators: ['b'] });
    // (0.7 × 100 + 0.2 × 80) / 0.9
    expect(r.total).toBeCloseTo(86 / 0.9, 8);
    expect(r.complete).toBe(false);
  });

  it('counts a target that cannot be derived as missing', () => {
    const broken = computeAttainment(deriveIndicator(makeTarget({ id: 'x', dimension: 'innovation', kind: null }), PERIOD), { 2017: 5 });
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments: [broken, ...allDimensions(1)], qualitative: fullQualitative });
    expect(r.items[0]).toMatchObject({ score: 50, missingIndicators: ['x'] });
  });

  it('gives a dimension without targets no score', () => {
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments: allDimensions(1).slice(0, 2), qualitative: fullQualitative });
    expect(r.missingItems).toEqual(['structure', 'sustainability', 'it_integration']);
    expect(r.total).toBe(0.4 * 100 + 0.2 * 85 + 0.1 * 85);
    expect(r.grade).toBe('pass');
  });

  it('ignores attainments without a dimension', () => {
    const r = computeEvaluation(DEFAULT_EVALUATION_SCHEME, {
      attainments: [...allDimensions(1), { ...att('n', 'innovation', 0), dimension: null }],
      qualitative: fullQualitative,
    });
    expect(r.items[0]!.score).toBe(100);
  });

  it('lets one quantitative item cover several dimensions', () => {
    const scheme: EvaluationScheme = {
      ...DEFAULT_EVALUATION_SCHEME,
      items: [
        { kind: 'quantitative', id: 'core', label: { zh: '创新与质量', en: 'Core' }, weight: 0.5, dimensions: ['innovation', 'quality_efficiency'] },
        { kind: 'qualitative', id: 'experts', label: { zh: '专家', en: 'Experts' }, weight: 0.5, assessor: 'expert' },
      ],
    };
    const r = computeEvaluation(scheme, { attainments: [att('a', 'innovation', 1), att('b', 'quality_efficiency', 0.6)], qualitative: { experts: [70] } });
    expect(r.items[0]!.score).toBe(80);
    expect(r.total).toBe(75);
  });

  it('refuses scores out of range, scores for unknown items and an invalid scheme', () => {
    const attainments = allDimensions(1);
    expect(() => computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: { expert_evaluation: [101] } })).toThrow(RangeError);
    expect(() => computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: { expert_evaluation: [Number.NaN] } })).toThrow(RangeError);
    expect(() => computeEvaluation(DEFAULT_EVALUATION_SCHEME, { attainments, qualitative: { innovation: [80] } })).toThrow(/not a qualitative item/);
    expect(() => computeEvaluation({ ...DEFAULT_EVALUATION_SCHEME, grades: { excellent: 50, good: 75, pass: 60 } }, { attainments, qualitative: {} })).toThrow();
  });
});
