/**
 * The evaluation scheme of the pilots (考核评估体系) and its arithmetic. The notice asks for an
 * evaluation "从创新能力、质量效益等方面" with 限期整改 for a city that falls short; the ministry's
 * published indicator annexes are not available, so the scheme is data and this is only a default.
 *
 * Pure, no I/O. Decisions:
 * - Two kinds of items. Quantitative items score the attainment of the plan's own targets in one or
 *   more dimensions; qualitative items are scored 0–100 by experts (专家咨询委) or by ministry
 *   departments (相关司局), several scores per item averaged.
 * - A quantitative item scores 100 × min(1, progress / progressForFullMarks) per indicator, averaged
 *   over the item's indicators. Progress is attainment.ts's current (latest-year) capped progress;
 *   capping at full marks here keeps an over-achieved target from making up for a missed one.
 * - A scheme must have quantitative items covering innovation and quality_efficiency, the two
 *   aspects the notice names for the regular evaluation (从创新能力、质量效益等方面).
 * - Missing data (an indicator without a current figure or that cannot be derived, an item without
 *   any score): 'zero' (default) scores it 0, as assessments usually give no points for what is not
 *   evidenced; 'ignore' leaves it out and spreads the weights over what is there. Either way the
 *   result lists what was missing and says whether it was complete.
 * - Grades 优秀 / 良好 / 合格 / 不合格 are the four of the manufacturing-innovation-centre assessment
 *   (monitoring.md); the cut-offs 90 / 75 / 60 are ours, chosen to match the bands experts already use
 *   in the review rubric (review/rubric.ts: 90–100 优秀, 75–89 良好, 60–74 一般, below 60 较差).
 * - Default weights: 0.2 each for innovation and quality/efficiency (named by the notice), 0.1 for each
 *   other dimension, 0.2 for the experts' and 0.1 for the departments' qualitative evaluation —
 *   quantified targets are the contract of the approved plan (criterion 3, 量化、可考核), so they
 *   carry 70 %.
 */
import { z } from 'zod';
import { TARGET_DIMENSIONS, type TargetDimension } from '../plan/plan-schema.js';
import type { Attainment } from './attainment.js';

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, { zh: string; en: string; color: string }> = {
  excellent: { zh: '优秀', en: 'Excellent', color: 'green' },
  good: { zh: '良好', en: 'Good', color: 'cyan' },
  pass: { zh: '合格', en: 'Pass', color: 'blue' },
  fail: { zh: '不合格', en: 'Fail', color: 'red' },
};

export const ASSESSORS = ['expert', 'ministry_department'] as const;
export type Assessor = (typeof ASSESSORS)[number];

export const MISSING_DATA_POLICIES = ['zero', 'ignore'] as const;
export type MissingDataPolicy = (typeof MISSING_DATA_POLICIES)[number];

/** Tolerance on the sum of weights, so that three items of 0.333 are accepted. */
export const WEIGHT_SUM_TOLERANCE = 1e-3;

const labelSchema = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(200) });
const itemBase = {
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'id must be lower snake case, 1–40 characters'),
  label: labelSchema,
  weight: z.number().finite().gt(0).lte(1),
};

export const quantitativeItemSchema = z.object({
  kind: z.literal('quantitative'),
  ...itemBase,
  dimensions: z.array(z.enum(TARGET_DIMENSIONS)).min(1).max(TARGET_DIMENSIONS.length),
});
export const qualitativeItemSchema = z.object({
  kind: z.literal('qualitative'),
  ...itemBase,
  assessor: z.enum(ASSESSORS),
});
export const evaluationItemSchema = z.discriminatedUnion('kind', [quantitativeItemSchema, qualitativeItemSchema]);
export type QuantitativeItem = z.infer<typeof quantitativeItemSchema>;
export type QualitativeItem = z.infer<typeof qualitativeItemSchema>;
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

const score = z.number().finite().min(0).max(100);

export const evaluationSchemeSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    items: z.array(evaluationItemSchema).min(1).max(30),
    /** Lowest total of each grade; 不合格 is below `pass`. */
    grades: z.object({ excellent: score, good: score, pass: score }),
    progressForFullMarks: z.number().finite().gt(0).max(1.5),
    missingData: z.enum(MISSING_DATA_POLICIES),
  })
  .superRefine((scheme, ctx) => {
    const seen = new Set<string>();
    scheme.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
    });
    const sum = scheme.items.reduce((s, item) => s + item.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: `weights must sum to 1 (they sum to ${Number(sum.toFixed(6))})` });
    }
    const { excellent, good, pass } = scheme.grades;
    if (!(excellent > good && good > pass)) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grade thresholds must descend: excellent > good > pass' });
    }
    for (const required of ['innovation', 'quality_efficiency'] as const) {
      const covered = scheme.items.some((item) => item.kind === 'quantitative' && item.dimensions.includes(required));
      if (!covered) ctx.addIssue({ code: 'custom', path: ['items'], message: `a quantitative item must cover the dimension "${required}"` });
    }
  });
export type EvaluationScheme = z.infer<typeof evaluationSchemeSchema>;

const dimensionItem = (id: string, dimension: TargetDimension, zh: string, en: string, weight: number): QuantitativeItem => ({
  kind: 'quantitative',
  id,
  label: { zh, en },
  weight,
  dimensions: [dimension],
});

export const DEFAULT_EVALUATION_SCHEME: EvaluationScheme = {
  id: 'mic2025-pilot-default',
  items: [
    dimensionItem('innovation', 'innovation', '创新能力目标完成情况', 'Innovation capacity targets', 0.2),
    dimensionItem('quality_efficiency', 'quality_efficiency', '质量效益目标完成情况', 'Quality and efficiency targets', 0.2),
    dimensionItem('structure', 'structure', '优化结构目标完成情况', 'Structural optimisation targets', 0.1),
    dimensionItem('sustainability', 'sustainability', '可持续发展目标完成情况', 'Sustainable development targets', 0.1),
    dimensionItem('it_integration', 'it_integration', '两化融合目标完成情况', 'IT–industrialisation integration targets', 0.1),
    {
      kind: 'qualitative',
      id: 'expert_evaluation',
      label: { zh: '专家定性评价(任务推进、机制创新、示范带动)', en: 'Expert evaluation (tasks, mechanisms, demonstration value)' },
      weight: 0.2,
      assessor: 'expert',
    },
    {
      kind: 'qualitative',
      id: 'department_evaluation',
      label: { zh: '部门评价(政策落实、项目实施)', en: 'Ministry departments (policies applied, projects carried out)' },
      weight: 0.1,
      assessor: 'ministry_department',
    },
  ],
  grades: { excellent: 90, good: 75, pass: 60 },
  progressForFullMarks: 1,
  missingData: 'zero',
};

export interface EvaluationInputs {
  /** Attainment of every monitored target of the pilot. */
  attainments: readonly Attainment[];
  /** Qualitative scores (0–100) by item id; each assessor's score is one entry. */
  qualitative: Readonly<Record<string, readonly number[]>>;
}

export interface ItemScore {
  id: string;
  kind: EvaluationItem['kind'];
  label: { zh: string; en: string };
  weight: number;
  /** 0–100; null when nothing could be scored. */
  score: number | null;
  /** How many indicators or assessors' scores the item rests on. */
  basis: number;
  /** Indicators of the item without a current figure (quantitative items only). */
  missingIndicators: string[];
}

export type WeakReason = 'lowest' | 'below_pass';
export interface WeakItem {
  id: string;
  score: number;
  reasons: WeakReason[];
}

export interface EvaluationResult {
  schemeId: string;
  items: ItemScore[];
  /** Weighted total, 0–100. */
  total: number;
  grade: Grade;
  /** Every item had a score and every indicator a current figure. */
  complete: boolean;
  missingItems: string[];
  /** Items below 合格 and the lowest-scoring item(s), lowest first. */
  weakItems: WeakItem[];
  /** 不合格 opens 限期整改. */
  opensRectification: boolean;
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function gradeOf(total: number, grades: EvaluationScheme['grades']): Grade {
  if (total >= grades.excellent) return 'excellent';
  if (total >= grades.good) return 'good';
  if (total >= grades.pass) return 'pass';
  return 'fail';
}

function scoreQuantitative(item: QuantitativeItem, scheme: EvaluationScheme, attainments: readonly Attainment[]): ItemScore {
  const relevant = attainments.filter((a) => a.dimension !== null && item.dimensions.includes(a.dimension));
  const missing = relevant.filter((a) => !a.derivable || a.progress === null);
  const counted = scheme.missingData === 'zero' ? relevant : relevant.filter((a) => a.derivable && a.progress !== null);
  const points = counted.map((a) => (a.derivable && a.progress !== null ? 100 * Math.min(1, a.progress / scheme.progressForFullMarks) : 0));
  return {
    id: item.id,
    kind: item.kind,
    label: item.label,
    weight: item.weight,
    score: points.length === 0 ? null : round9(points.reduce((s, p) => s + p, 0) / points.length),
    basis: points.length,
    missingIndicators: missing.map((a) => a.targetId),
  };
}

function scoreQualitative(item: QualitativeItem, scores: readonly number[] | undefined): ItemScore {
  const list = scores ?? [];
  return {
    id: item.id,
    kind: item.kind,
    label: item.label,
    weight: item.weight,
    score: list.length === 0 ? null : round9(list.reduce((s, p) => s + p, 0) / list.length),
    basis: list.length,
    missingIndicators: [],
  };
}

/**
 * Scores a pilot against a scheme. The scheme is validated (a ZodError is thrown if it is invalid);
 * qualitative scores must be 0–100 and name items of the scheme (a RangeError otherwise), since a
 * mistyped id or an out-of-range score would otherwise pass silently into a grade.
 */
export function computeEvaluation(schemeInput: EvaluationScheme, inputs: EvaluationInputs): EvaluationResult {
  const scheme = evaluationSchemeSchema.parse(schemeInput);
  const qualitativeIds = new Set(scheme.items.filter((i) => i.kind === 'qualitative').map((i) => i.id));
  for (const [id, scores] of Object.entries(inputs.qualitative)) {
    if (!qualitativeIds.has(id)) throw new RangeError(`qualitative scores for "${id}", which is not a qualitative item of scheme "${scheme.id}"`);
    const bad = scores.find((s) => !Number.isFinite(s) || s < 0 || s > 100);
    if (bad !== undefined) throw new RangeError(`qualitative score ${bad} for "${id}" is outside 0–100`);
  }

  const items = scheme.items.map((item) =>
    item.kind === 'quantitative' ? scoreQuantitative(item, scheme, inputs.attainments) : scoreQualitative(item, inputs.qualitative[item.id]),
  );
  const missingItems = items.filter((i) => i.score === null).map((i) => i.id);
  const effective = items
    .map((i) => ({ id: i.id, weight: i.weight, score: i.score ?? (scheme.missingData === 'zero' ? 0 : null) }))
    .filter((i): i is { id: string; weight: number; score: number } => i.score !== null);
  const weightSum = effective.reduce((s, i) => s + i.weight, 0);
  // 'zero' keeps the scheme's weights (which sum to 1); 'ignore' re-normalises over the items present.
  const divisor = scheme.missingData === 'zero' ? 1 : weightSum;
  const total = divisor === 0 ? 0 : round9(Math.min(100, effective.reduce((s, i) => s + i.weight * i.score, 0) / divisor));
  const grade = gradeOf(total, scheme.grades);

  const lowest = effective.length === 0 ? null : Math.min(...effective.map((i) => i.score));
  const weakItems: WeakItem[] = effective
    .map((i) => {
      const reasons: WeakReason[] = [];
      if (i.score === lowest) reasons.push('lowest');
      if (i.score < scheme.grades.pass) reasons.push('below_pass');
      return { id: i.id, score: i.score, reasons };
    })
    .filter((w) => w.reasons.length > 0)
    .sort((a, b) => a.score - b.score);

  return {
    schemeId: scheme.id,
    items,
    total,
    grade,
    complete: missingItems.length === 0 && items.every((i) => i.missingIndicators.length === 0),
    missingItems,
    weakItems,
    opensRectification: grade === 'fail',
  };
}
