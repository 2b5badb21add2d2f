import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC,
  MAX_COMMENT_LENGTH,
  OPINION_LABELS,
  OPINIONS,
  rubricSchema,
  scoreBand,
  scoreSheetSchema,
  scoreSheetSchemaFor,
  weightedTotal,
  type Rubric,
} from './rubric';

function clone(r: Rubric): Rubric {
  return structuredClone(r);
}

/** A rubric with unequal maxima: 10, 20, 50 and weights 0.5, 0.3, 0.2. */
const MIXED: Rubric = {
  id: 'mixed',
  criteria: [
    { key: 'a', name: { zh: '甲', en: 'A' }, weight: 0.5, maxScore: 10, guidance: { zh: '甲', en: 'A' } },
    { key: 'b', name: { zh: '乙', en: 'B' }, weight: 0.3, maxScore: 20, guidance: { zh: '乙', en: 'B' } },
    { key: 'c', name: { zh: '丙', en: 'C' }, weight: 0.2, maxScore: 50, guidance: { zh: '丙', en: 'C' } },
  ],
};

describe('default rubric', () => {
  it('is valid against rubricSchema', () => {
    expect(rubricSchema.safeParse(DEFAULT_RUBRIC).success).toBe(true);
  });

  it('has the four selection criteria with weights 0.2 / 0.2 / 0.4 / 0.2, each out of 100', () => {
    expect(DEFAULT_RUBRIC.criteria.map((c) => [c.key, c.name.zh, c.weight, c.maxScore])).toEqual([
      ['compliance', '合规性', 0.2, 100],
      ['representativeness', '代表性', 0.2, 100],
      ['plan_quality', '方案质量', 0.4, 100],
      ['organisation', '组织保障', 0.2, 100],
    ]);
  });

  it.each(DEFAULT_RUBRIC.criteria.map((c) => [c.key, c] as const))('%s has zh and en guidance of several lines', (_key, c) => {
    expect(c.guidance.zh.split('\n').length).toBeGreaterThanOrEqual(2);
    expect(c.guidance.en.split('\n').length).toBeGreaterThanOrEqual(2);
    expect(c.guidance.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the notice’s key words in the plan-quality guidance', () => {
    const g = DEFAULT_RUBRIC.criteria.find((c) => c.key === 'plan_quality')!.guidance.zh;
    for (const word of ['量化', '可考核', '提质增效、由大变强', '政策措施']) expect(g).toContain(word);
  });
});

describe('rubricSchema', () => {
  const cases: { what: string; mutate: (r: Rubric) => void; message: RegExp }[] = [
    { what: 'weights summing to 0.9', mutate: (r) => void (r.criteria[2]!.weight = 0.3), message: /sum to/ },
    { what: 'weights summing to 1 + 1e-6', mutate: (r) => void (r.criteria[2]!.weight = 0.4 + 1e-6), message: /sum to/ },
    { what: 'a duplicate key', mutate: (r) => void (r.criteria[1]!.key = 'compliance'), message: /duplicate criterion key "compliance"/ },
    { what: 'max 0', mutate: (r) => void (r.criteria[0]!.maxScore = 0), message: /.+/ },
    { what: 'a negative max', mutate: (r) => void (r.criteria[0]!.maxScore = -10), message: /.+/ },
    { what: 'an infinite max', mutate: (r) => void (r.criteria[0]!.maxScore = Infinity), message: /.+/ },
    { what: 'weight 0', mutate: (r) => void ((r.criteria[0]!.weight = 0), (r.criteria[2]!.weight = 0.6)), message: /.+/ },
    { what: 'an empty zh name', mutate: (r) => void (r.criteria[0]!.name.zh = '  '), message: /.+/ },
    { what: 'no criteria', mutate: (r) => void (r.criteria = []), message: /.+/ },
    { what: 'an upper-case key', mutate: (r) => void (r.criteria[0]!.key = 'Compliance'), message: /snake case/ },
  ];
  it.each(cases)('rejects $what', ({ mutate, message }) => {
    const r = clone(DEFAULT_RUBRIC);
    mutate(r);
    const result = rubricSchema.safeParse(r);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join('\n')).toMatch(message);
  });

  it('accepts weights summing to 1 within 1e-9 (0.3 + 0.3 + 0.3 + 0.1 in floating point)', () => {
    const c = MIXED.criteria[0]!;
    const r: Rubric = {
      id: 'float',
      criteria: [
        { ...c, key: 'w', weight: 0.3 },
        { ...c, key: 'x', weight: 0.3 },
        { ...c, key: 'y', weight: 0.3 },
        { ...c, key: 'z', weight: 0.1 },
      ],
    };
    expect(0.3 + 0.3 + 0.3 + 0.1).not.toBe(1); // 0.9999999999999999: the tolerance is needed
    expect(rubricSchema.safeParse(r).success).toBe(true);
  });

  it('accepts unequal maxima', () => {
    expect(rubricSchema.safeParse(MIXED).success).toBe(true);
  });
});

describe('opinions', () => {
  it('are the three overall opinions with their Chinese labels', () => {
    expect(OPINIONS).toEqual(['recommend', 'recommend_after_revision', 'not_recommend']);
    expect(OPINIONS.map((o) => OPINION_LABELS[o].zh)).toEqual(['推荐', '修改后推荐', '不推荐']);
  });
});

describe('score sheets', () => {
  const full = { compliance: 90, representativeness: 80, plan_quality: 70, organisation: 60 };
  const good = { scores: full, opinion: 'recommend', comments: '方案目标量化可考核，建议推荐。' };
  const schema = scoreSheetSchemaFor(DEFAULT_RUBRIC);

  it('accepts a complete sheet and trims the comments', () => {
    const parsed = schema.parse({ ...good, comments: '  同意推荐。 ' });
    expect(parsed.comments).toBe('同意推荐。');
  });

  const bad: { what: string; sheet: unknown }[] = [
    { what: 'empty comments', sheet: { ...good, comments: '' } },
    { what: 'blank comments', sheet: { ...good, comments: ' \n ' } },
    { what: 'comments over 5000 characters', sheet: { ...good, comments: '好'.repeat(MAX_COMMENT_LENGTH + 1) } },
    { what: 'an unknown opinion', sheet: { ...good, opinion: 'maybe' } },
    { what: 'a missing criterion', sheet: { ...good, scores: { compliance: 90, representativeness: 80, plan_quality: 70 } } },
    { what: 'a score above max', sheet: { ...good, scores: { ...full, plan_quality: 100.5 } } },
    { what: 'a negative score', sheet: { ...good, scores: { ...full, organisation: -1 } } },
    { what: 'an unknown criterion', sheet: { ...good, scores: { ...full, extra: 5 } } },
    { what: 'a NaN score', sheet: { ...good, scores: { ...full, compliance: Number.NaN } } },
  ];
  it.each(bad)('rejects $what', ({ sheet }) => {
    expect(schema.safeParse(sheet).success).toBe(false);
  });

  it('accepts exactly 5000 characters and the bounds 0 and max', () => {
    const sheet = { ...good, scores: { ...full, compliance: 0, organisation: 100 }, comments: '好'.repeat(MAX_COMMENT_LENGTH) };
    expect(schema.safeParse(sheet).success).toBe(true);
  });

  it('the rubric-free schema checks only the shape', () => {
    expect(scoreSheetSchema.safeParse({ ...good, scores: { anything: 1000 } }).success).toBe(true);
    expect(scoreSheetSchema.safeParse({ ...good, comments: '' }).success).toBe(false);
  });

  it('uses each criterion’s own max', () => {
    const s = scoreSheetSchemaFor(MIXED);
    expect(s.safeParse({ ...good, scores: { a: 10, b: 20, c: 50 } }).success).toBe(true);
    expect(s.safeParse({ ...good, scores: { a: 10.5, b: 20, c: 50 } }).success).toBe(false);
  });
});

describe('weightedTotal', () => {
  const cases: { what: string; rubric: Rubric; scores: Record<string, number>; expected: number }[] = [
    { what: 'all max', rubric: DEFAULT_RUBRIC, scores: { compliance: 100, representativeness: 100, plan_quality: 100, organisation: 100 }, expected: 100 },
    { what: 'all zero', rubric: DEFAULT_RUBRIC, scores: { compliance: 0, representativeness: 0, plan_quality: 0, organisation: 0 }, expected: 0 },
    // 0.2·90 + 0.2·80 + 0.4·70 + 0.2·60 = 18 + 16 + 28 + 12 = 74
    { what: '90/80/70/60', rubric: DEFAULT_RUBRIC, scores: { compliance: 90, representativeness: 80, plan_quality: 70, organisation: 60 }, expected: 74 },
    // plan quality counts double: 0.2·60·3 + 0.4·100 = 36 + 40 = 76
    { what: 'plan quality double', rubric: DEFAULT_RUBRIC, scores: { compliance: 60, representativeness: 60, plan_quality: 100, organisation: 60 }, expected: 76 },
    // floating noise removed: 0.2·80·3 + 0.4·80 = 80 exactly
    { what: 'all 80', rubric: DEFAULT_RUBRIC, scores: { compliance: 80, representativeness: 80, plan_quality: 80, organisation: 80 }, expected: 80 },
    // 0.5·(8/10) + 0.3·(5/20) + 0.2·(25/50) = 0.4 + 0.075 + 0.1 = 0.575 → 57.5
    { what: 'unequal maxima', rubric: MIXED, scores: { a: 8, b: 5, c: 25 }, expected: 57.5 },
    // 0.2·87.5 + 0.2·72.5 + 0.4·81 + 0.2·66 = 17.5 + 14.5 + 32.4 + 13.2 = 77.6
    { what: 'decimal scores', rubric: DEFAULT_RUBRIC, scores: { compliance: 87.5, representativeness: 72.5, plan_quality: 81, organisation: 66 }, expected: 77.6 },
  ];
  it.each(cases)('$what → $expected', ({ rubric, scores, expected }) => {
    expect(weightedTotal(rubric, scores)).toBe(expected);
  });

  it('throws on a missing or out-of-range score', () => {
    expect(() => weightedTotal(MIXED, { a: 8, b: 5 })).toThrow(RangeError);
    expect(() => weightedTotal(MIXED, { a: 11, b: 5, c: 25 })).toThrow(/outside 0\.\.10/);
    expect(() => weightedTotal(MIXED, { a: -1, b: 5, c: 25 })).toThrow(RangeError);
  });
});

describe('scoreBand', () => {
  const cases: [number, number, string][] = [
    [100, 100, '优秀'],
    [100, 90, '优秀'],
    [100, 89.9, '良好'],
    [100, 75, '良好'],
    [100, 74, '一般'],
    [100, 60, '一般'],
    [100, 59.5, '较差'],
    [10, 9, '优秀'],
    [10, 0, '较差'],
  ];
  it.each(cases)('max %d, score %d → %s', (maxScore, score, band) => {
    expect(scoreBand({ maxScore }, score).zh).toBe(band);
  });
});
