/**
 * The ministry review rubric (专家评审评分细则) and one expert's score sheet (专家评分表).
 *
 * Pure, no I/O; shared by server (validation of what is stored) and web (the score form).
 *
 * Decisions:
 * - The default rubric starts from the four selection criteria of the notice (选择标准), in the
 *   notice's order: 合规性 'compliance', 代表性 'representativeness', 方案质量 'plan_quality',
 *   组织保障 'organisation'. Keys are stable (lower snake case); a configured rubric may use others.
 * - Default weights 0.2 / 0.2 / 0.4 / 0.2. The plan-quality criterion carries double weight because
 *   it is the one the notice details most ("目标明确、量化、可考核", tasks and paths, policies) and
 *   the approved plan becomes the three-year monitoring contract; compliance, representativeness
 *   and organisation act more like thresholds, which the guidance texts enforce with caps
 *   (e.g. a breach of law or industrial policy: 合规性 at most 59).
 * - Every criterion of the default rubric is scored out of 100 (max 100), so experts use one
 *   familiar scale and the guidance bands (90–100 优秀, 75–89 良好, 60–74 一般, 0–59 较差) read
 *   the same everywhere. A configured rubric may use any max > 0 per criterion.
 * - The weighted total is on a 0..100 scale whatever the maxima:
 *   Σ weight × score / max × 100. It is rounded to 9 decimals only to remove floating-point noise
 *   (0.2 × 80 + … = 79.99999999999999 → 80); display rounding is the caller's business.
 * - A configured rubric is valid when: 1..20 criteria, keys unique, every weight in (0, 1],
 *   weights sum to 1 within 1e-9, every max finite and > 0, names and guidance non-empty.
 * - Scores may carry decimals (e.g. 87.5) and must be finite and within 0..max of their criterion.
 *   A sheet must score every criterion of the rubric and nothing else.
 * - Comments (the qualitative evaluation, 定性评价) are required: trimmed, 1..5000 characters
 *   (UTF-16 code units; one per Chinese character of the basic plane).
 * - `scoreSheetSchema` checks the shape only (usable without a rubric, e.g. for a request body);
 *   `scoreSheetSchemaFor(rubric)` adds the rubric's keys and ranges and is what the server stores.
 */
import { z } from 'zod';

export interface BilingualText {
  zh: string;
  en: string;
}

/** Overall opinion of one expert on one application (综合意见). */
export const OPINIONS = ['recommend', 'recommend_after_revision', 'not_recommend'] as const;
export type Opinion = (typeof OPINIONS)[number];

export const OPINION_LABELS: Record<Opinion, BilingualText> = {
  recommend: { zh: '推荐', en: 'Recommend' },
  recommend_after_revision: { zh: '修改后推荐', en: 'Recommend after revision' },
  not_recommend: { zh: '不推荐', en: 'Do not recommend' },
};

/** Tolerance on the sum of weights. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;
/** Longest comment an expert may write. */
export const MAX_COMMENT_LENGTH = 5000;

const bilingualSchema = z.object({
  zh: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(4000),
});

export const criterionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'key must be lower snake case, 1–40 characters'),
  name: z.object({ zh: z.string().trim().min(1).max(50), en: z.string().trim().min(1).max(100) }),
  weight: z.number().finite().gt(0).lte(1),
  maxScore: z.number().finite().gt(0),
  guidance: bilingualSchema,
});
export type Criterion = z.infer<typeof criterionSchema>;

export const rubricSchema = z
  .object({
    /** Identifies the rubric version a sheet was scored against (e.g. 'mic2025-2016'). */
    id: z.string().trim().min(1).max(64),
    criteria: z.array(criterionSchema).min(1).max(20),
  })
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (seen.has(c.key)) {
        ctx.addIssue({ code: 'custom', message: `duplicate criterion key "${c.key}"`, path: ['criteria', i, 'key'] });
      }
      seen.add(c.key);
    });
    const sum = rubric.criteria.reduce((acc, c) => acc + c.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({ code: 'custom', message: `weights sum to ${sum}, not 1`, path: ['criteria'] });
    }
  });
export type Rubric = z.infer<typeof rubricSchema>;

/** Score bands used in the guidance texts, as fractions of a criterion's max. */
export const SCORE_BANDS = [
  { from: 0.9, zh: '优秀', en: 'excellent' },
  { from: 0.75, zh: '良好', en: 'good' },
  { from: 0.6, zh: '一般', en: 'fair' },
  { from: 0, zh: '较差', en: 'poor' },
] as const;

export const DEFAULT_RUBRIC: Rubric = {
  id: 'mic2025-city-pilot-v1',
  criteria: [
    {
      key: 'compliance',
      name: { zh: '合规性', en: 'Compliance' },
      weight: 0.2,
      maxScore: 100,
      guidance: {
        zh:
          '重点审查实施方案是否符合国家法律法规和产业政策，是否符合全国主体功能区规划、土地利用总体规划和城市总体规划，' +
          '是否与国家相关产业规划及工业和信息化部重大生产力布局相衔接。\n' +
          '完全符合且衔接说明充分的，评90—100分；基本符合、个别内容衔接说明不足的，评75—89分；' +
          '存在需修改完善的不一致之处的，评60—74分。\n' +
          '存在违反法律法规或产业政策、新增产能与化解产能过剩要求相抵触、重点项目布局与主体功能区定位或土地利用规划明显冲突等情形的，本项不得高于59分。',
        en:
          'Check that the plan complies with laws and regulations and with industrial policy, fits the national main ' +
          'functional area plan, the land-use master plan and the city master plan, and is consistent with national ' +
          "industry plans and MIIT's major productivity layout.\n" +
          'Fully compliant and well explained: 90–100; broadly compliant with minor gaps in the explanation: 75–89; ' +
          'inconsistencies that must be revised: 60–74.\n' +
          'A breach of law or industrial policy, new capacity conflicting with overcapacity reduction, or key projects ' +
          'clearly at odds with the functional-area or land-use plans: at most 59.',
      },
    },
    {
      key: 'representativeness',
      name: { zh: '代表性', en: 'Representativeness' },
      weight: 0.2,
      maxScore: 100,
      guidance: {
        zh:
          '重点评价制造业在地区经济中的比重和地位，主导产业特色是否鲜明，面临的问题和已有的发展经验在同类城市中是否具有典型性和代表性，' +
          '试点经验能否复制推广、发挥示范带动作用。应结合申报城市类型（老工业基地、资源型城市等）综合判断。\n' +
          '制造业占比高、产业特色突出、问题和经验对全国同类城市具有示范意义的，评90—100分；' +
          '特色较鲜明、具有一定代表性的，评75—89分；代表性一般的，评60—74分；制造业比重低或特色不明显的，评59分以下。',
        en:
          "Assess manufacturing's share and standing in the local economy, how distinctive the leading industries are, " +
          'and whether the problems faced and the experience gained are typical of similar cities, so that the pilot ' +
          'can be replicated and set an example. Take the claimed city types (old industrial base, resource-based ' +
          'city, ...) into account.\n' +
          'Large manufacturing share, distinctive industries, problems and experience of national example value: ' +
          '90–100; fairly distinctive and somewhat representative: 75–89; ordinary: 60–74; small manufacturing share ' +
          'or no clear distinctiveness: 59 or less.',
      },
    },
    {
      key: 'plan_quality',
      name: { zh: '方案质量', en: 'Plan quality' },
      weight: 0.4,
      maxScore: 100,
      guidance: {
        zh:
          '重点评价实施方案是否体现“提质增效、由大变强”的精神：目标是否明确，是否围绕创新能力、质量效益、优化结构、可持续发展、两化融合' +
          '建立量化、可考核的目标体系；主要任务和实施路径是否清晰、具体、可操作；政策措施是否具体、有力度。\n' +
          '目标仅有定性表述、缺少基期值或分年度目标值、无法考核的，应相应扣分；任务与目标不对应或政策措施空泛的，本项不得高于74分。\n' +
          '目标体系完整且全部可量化考核、任务路径具体可行、政策措施有力的，评90—100分；总体较好、个别目标或措施需细化的，评75—89分。',
        en:
          'Assess whether the plan carries the spirit of "提质增效、由大变强": clear targets forming a quantified, ' +
          'assessable target system on innovation capacity, quality and efficiency, structural optimisation, ' +
          'sustainable development and IT–industrialisation integration; clear, concrete and workable tasks and ' +
          'paths; concrete and strong policy measures.\n' +
          'Deduct for targets that are only qualitative, lack a base value or yearly values, or cannot be assessed; ' +
          'tasks not matching the targets, or vague policies: at most 74.\n' +
          'Complete, fully quantified and assessable targets, concrete workable tasks, strong policies: 90–100; ' +
          'good overall with some targets or measures to be refined: 75–89.',
      },
    },
    {
      key: 'organisation',
      name: { zh: '组织保障', en: 'Organisation and safeguards' },
      weight: 0.2,
      maxScore: 100,
      guidance: {
        zh:
          '重点评价地方政府对试点工作的重视程度（如由政府主要负责同志牵头成立领导小组），是否建立有效的组织推进机制和明确的任务分工，' +
          '是否建立评估考核机制（指标监测、年度评估、考核问责等）。\n' +
          '组织机构、责任分工和评估考核安排齐全，并落实到具体部门和时限的，评90—100分；机制基本健全、部分分工或考核安排不够具体的，评75—89分；' +
          '仅有原则性表述的，评60—74分；未提出组织机制或评估考核机制的，评59分以下。',
        en:
          "Assess the local government's priority for the pilot (e.g. a leading group headed by the mayor), whether " +
          'an effective organisation mechanism and a clear division of tasks exist, and whether there is an ' +
          'evaluation and assessment mechanism (indicator monitoring, yearly evaluation, accountability).\n' +
          'Organisation, responsibilities and assessment arrangements complete and assigned to named departments ' +
          'with deadlines: 90–100; broadly in place but some assignments or assessments not concrete: 75–89; only ' +
          'statements of principle: 60–74; no organisation or assessment mechanism: 59 or less.',
      },
    },
  ],
};

/** The criteria scores of one sheet, by criterion key. */
export type CriterionScores = Record<string, number>;

const commentsSchema = z.string().trim().min(1, 'comments are required').max(MAX_COMMENT_LENGTH);

/** One expert's score sheet, shape only (no rubric needed). */
export const scoreSheetSchema = z.object({
  scores: z.record(z.string(), z.number().finite().min(0)),
  opinion: z.enum(OPINIONS),
  comments: commentsSchema,
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

/** One expert's score sheet against a given rubric: every criterion scored, each within 0..max. */
export function scoreSheetSchemaFor(rubric: Rubric) {
  return scoreSheetSchema.superRefine((sheet, ctx) => {
    const keys = new Set(rubric.criteria.map((c) => c.key));
    for (const c of rubric.criteria) {
      const score = sheet.scores[c.key];
      if (score === undefined) {
        ctx.addIssue({ code: 'custom', message: `no score for "${c.key}"`, path: ['scores', c.key] });
      } else if (score > c.maxScore) {
        ctx.addIssue({ code: 'custom', message: `score for "${c.key}" exceeds ${c.maxScore}`, path: ['scores', c.key] });
      }
    }
    for (const key of Object.keys(sheet.scores)) {
      if (!keys.has(key)) ctx.addIssue({ code: 'custom', message: `unknown criterion "${key}"`, path: ['scores', key] });
    }
  });
}

/** Removes floating-point noise (not a display rounding). */
export function roundNoise(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * The weighted total on a 0..100 scale: Σ weight × score / max × 100.
 * Throws a RangeError when a criterion is unscored or a score is outside 0..max.
 */
export function weightedTotal(rubric: Rubric, scores: Readonly<CriterionScores>): number {
  let total = 0;
  for (const c of rubric.criteria) {
    const score = scores[c.key];
    if (score === undefined || !Number.isFinite(score)) throw new RangeError(`no score for criterion "${c.key}"`);
    if (score < 0 || score > c.maxScore) {
      throw new RangeError(`score ${score} for criterion "${c.key}" is outside 0..${c.maxScore}`);
    }
    total += (c.weight * score * 100) / c.maxScore;
  }
  return Math.min(100, Math.max(0, roundNoise(total)));
}

/** The guidance band of a score (优秀 / 良好 / 一般 / 较差). */
export function scoreBand(criterion: Pick<Criterion, 'maxScore'>, score: number): (typeof SCORE_BANDS)[number] {
  const fraction = score / criterion.maxScore;
  return SCORE_BANDS.find((b) => fraction >= b.from - 1e-12) ?? SCORE_BANDS[SCORE_BANDS.length - 1]!;
}
