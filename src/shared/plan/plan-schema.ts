import { z } from 'zod';

/**
 * The implementation plan (申报书 + 实施方案) as structured data. This is also the JSON exchange
 * format (docs/plan-format.md): export writes it, import and the CLI read it.
 * The schema accepts incomplete drafts; completeness and assessability are the checker's job.
 */

export const TARGET_DIMENSIONS = [
  'innovation', // 创新能力
  'quality_efficiency', // 质量效益
  'structure', // 优化结构
  'sustainability', // 可持续发展
  'it_integration', // 两化融合
] as const;
export type TargetDimension = (typeof TARGET_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<TargetDimension, { zh: string; en: string }> = {
  innovation: { zh: '创新能力', en: 'Innovation capacity' },
  quality_efficiency: { zh: '质量效益', en: 'Quality and efficiency' },
  structure: { zh: '优化结构', en: 'Structural optimisation' },
  sustainability: { zh: '可持续发展', en: 'Sustainable development' },
  it_integration: { zh: '两化融合', en: 'IT–industrialisation integration' },
};

/**
 * How the target is written:
 * - level: a level to reach by each year (达到2.5%);
 * - change_vs_base: cumulative change against the base year, the size of the change in the good
 *   direction (比2015年下降18% → values are 6, 12, 18 with direction "lower");
 * - annual_growth: average annual growth rate in % (年均增长6%);
 * - pp_change: cumulative change in percentage points against the base year (提高5个百分点);
 * - count: a cumulative count of things built or reached (新建省级以上企业技术中心20家).
 */
export const TARGET_KINDS = ['level', 'change_vs_base', 'annual_growth', 'pp_change', 'count'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABELS: Record<TargetKind, { zh: string; en: string }> = {
  level: { zh: '达到水平', en: 'Level to reach' },
  change_vs_base: { zh: '较基期变化', en: 'Change against base year' },
  annual_growth: { zh: '年均增长率', en: 'Average annual growth' },
  pp_change: { zh: '百分点变化', en: 'Change in percentage points' },
  count: { zh: '累计数量', en: 'Cumulative count' },
};

export const QUALIFIERS = ['exact', 'at_least', 'at_most', 'about', 'strive'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

// The city types of the notice live beside their regional rules (city-types.ts, no zod), so that pages
// which only name them do not load the schema library.
import { CITY_TYPES } from './city-types.js';
export { CITY_TYPES, CITY_TYPE_LABELS, type CityType } from './city-types.js';

const nullableNumber = z.number().finite().nullable();

export const targetSchema = z.object({
  id: z.string().min(1).max(64),
  dimension: z.enum(TARGET_DIMENSIONS).nullable(),
  indicator: z.string().max(200),
  unit: z.string().max(40),
  direction: z.enum(['higher', 'lower']),
  kind: z.enum(TARGET_KINDS).nullable(),
  qualifier: z.enum(QUALIFIERS).default('exact'),
  baseYear: z.number().int().nullable(),
  baselineValue: nullableNumber,
  /** Values for the three target years, in order (application year + 1, + 2, + 3). */
  targetYears: z.array(z.number().int()).max(3),
  values: z.array(nullableNumber).max(3),
  dataSource: z.string().max(200),
  assessmentMethod: z.string().max(500),
  /** The target's own wording as officials write it. */
  wording: z.string().max(500),
});
export type Target = z.infer<typeof targetSchema>;

export const keyIndustrySchema = z.object({
  name: z.string().max(100),
  description: z.string().max(2000),
  outputValue: nullableNumber.optional(), // 亿元
});
export const parkSchema = z.object({
  name: z.string().max(200),
  level: z.string().max(50), // 国家级 / 省级 / ...
  leadingIndustries: z.string().max(500),
});
export const coreEnterpriseSchema = z.object({
  name: z.string().max(200),
  industry: z.string().max(100),
  role: z.string().max(500),
});
export const innovationCarrierSchema = z.object({
  name: z.string().max(200),
  kind: z.string().max(100), // 制造业创新中心 / 企业技术中心 / 产业创新联盟 / 公共服务平台
  level: z.string().max(50),
});
export const taskDivisionSchema = z.object({
  task: z.string().max(500),
  responsibleUnit: z.string().max(200),
  deadline: z.string().max(40), // YYYY-MM or YYYY-MM-DD or free text like 2019年底
});

export const contactSchema = z.object({
  name: z.string().max(50),
  title: z.string().max(100),
  organisation: z.string().max(200),
  phone: z.string().max(50),
  mobile: z.string().max(50),
  email: z.string().max(200),
});

export const planSchema = z.object({
  format: z.literal('mic2025-plan'),
  version: z.literal(1),
  cover: z.object({
    title: z.string().max(200),
    /** Name of the applicant as printed on the cover (a city or a cluster). */
    applicant: z.string().max(200),
    /** GB/T 2260 codes of the cities (or municipality districts) applying. */
    cityCodes: z.array(z.string().regex(/^\d{6}$/)).max(30),
    filingDate: z.string().max(10), // YYYY-MM-DD, may be empty in a draft
    applicationYear: z.number().int().min(2015).max(2100),
  }),
  cityTypes: z.array(z.enum(CITY_TYPES)).max(6),
  /** Rich-text (sanitised HTML) per outline part key, see outline.ts. */
  sections: z.record(z.string().max(64), z.string().max(200_000)),
  targets: z.array(targetSchema).max(300),
  keyIndustries: z.array(keyIndustrySchema).max(100),
  parks: z.array(parkSchema).max(100),
  coreEnterprises: z.array(coreEnterpriseSchema).max(300),
  innovationCarriers: z.array(innovationCarrierSchema).max(300),
  taskDivision: z.array(taskDivisionSchema).max(300),
  contact: contactSchema,
});
export type Plan = z.infer<typeof planSchema>;

export function emptyPlan(applicationYear: number, applicant = '', cityCodes: string[] = []): Plan {
  return {
    format: 'mic2025-plan',
    version: 1,
    cover: { title: '', applicant, cityCodes, filingDate: '', applicationYear },
    cityTypes: [],
    sections: {},
    targets: [],
    keyIndustries: [],
    parks: [],
    coreEnterprises: [],
    innovationCarriers: [],
    taskDivision: [],
    contact: { name: '', title: '', organisation: '', phone: '', mobile: '', email: '' },
  };
}
