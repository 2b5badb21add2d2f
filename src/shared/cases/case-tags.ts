/**
 * The case library's tag vocabularies 典型案例标签: city type (the plan's CITY_TYPES), region (the four
 * statistical regions), industry and theme. Fixed lists: a case names codes from them, the library
 * filters by them, and the labels are Chinese first. Pure, shared by server and web.
 */
import { CITY_TYPE_LABELS, CITY_TYPES, type CityType } from '../plan/city-types.js';
import { REGION_LABELS, REGIONS, type Region } from '../reference/regions.js';

// The plan's city types, from their zod-free module (plan-schema builds zod schemas when it loads, and
// this module ships with every page of the web).
export { CITY_TYPES, CITY_TYPE_LABELS, REGIONS, REGION_LABELS, type CityType, type Region };

/** Themes: the work plan's directions (智能、绿色、服务型、互联网+), its carriers and its mechanisms. */
export const CASE_THEMES = [
  'smart_manufacturing',
  'green_manufacturing',
  'service_manufacturing',
  'internet_plus',
  'innovation_center',
  'talent',
  'policy',
  'quality_brand',
  'industry_finance',
  'factor_allocation',
] as const;
export type CaseTheme = (typeof CASE_THEMES)[number];

export const CASE_THEME_LABELS: Record<CaseTheme, { zh: string; en: string }> = {
  smart_manufacturing: { zh: '智能制造', en: 'Smart manufacturing' },
  green_manufacturing: { zh: '绿色制造', en: 'Green manufacturing' },
  service_manufacturing: { zh: '服务型制造', en: 'Service-oriented manufacturing' },
  internet_plus: { zh: '互联网+制造', en: 'Internet + manufacturing' },
  innovation_center: { zh: '制造业创新中心', en: 'Manufacturing innovation centres' },
  talent: { zh: '人才', en: 'Talent' },
  policy: { zh: '政策', en: 'Policy' },
  quality_brand: { zh: '质量品牌', en: 'Quality and brands' },
  industry_finance: { zh: '产融结合', en: 'Industry–finance integration' },
  factor_allocation: { zh: '要素配置（亩均效益）', en: 'Factor allocation (output per mu)' },
};

/** Industries, after the manufacturing sectors the work plan and the pilots' plans name. */
export const CASE_INDUSTRIES = [
  'equipment',
  'automotive',
  'electronics',
  'new_materials',
  'biomedicine',
  'petrochemical',
  'steel',
  'nonferrous',
  'textiles',
  'light_industry',
  'food',
  'shipbuilding',
  'aerospace',
  'rail',
  'energy_saving',
  'general',
] as const;
export type CaseIndustry = (typeof CASE_INDUSTRIES)[number];

export const CASE_INDUSTRY_LABELS: Record<CaseIndustry, { zh: string; en: string }> = {
  equipment: { zh: '高端装备', en: 'High-end equipment' },
  automotive: { zh: '汽车', en: 'Automotive' },
  electronics: { zh: '电子信息', en: 'Electronics and IT' },
  new_materials: { zh: '新材料', en: 'New materials' },
  biomedicine: { zh: '生物医药', en: 'Biomedicine' },
  petrochemical: { zh: '石化化工', en: 'Petrochemicals' },
  steel: { zh: '钢铁', en: 'Steel' },
  nonferrous: { zh: '有色金属', en: 'Non-ferrous metals' },
  textiles: { zh: '纺织服装', en: 'Textiles and garments' },
  light_industry: { zh: '轻工家电', en: 'Light industry and appliances' },
  food: { zh: '食品', en: 'Food' },
  shipbuilding: { zh: '船舶与海洋工程装备', en: 'Ships and offshore equipment' },
  aerospace: { zh: '航空航天', en: 'Aerospace' },
  rail: { zh: '轨道交通装备', en: 'Rail equipment' },
  energy_saving: { zh: '节能环保', en: 'Energy saving and environment' },
  general: { zh: '综合', en: 'Several industries' },
};

/** The four tag kinds, each with its vocabulary and labels (the library's filters are built from this). */
export const CASE_TAG_KINDS = ['cityTypes', 'regions', 'industries', 'themes'] as const;
export type CaseTagKind = (typeof CASE_TAG_KINDS)[number];

export const CASE_TAG_VOCABULARY = {
  cityTypes: { codes: CITY_TYPES, labels: CITY_TYPE_LABELS },
  regions: { codes: REGIONS, labels: REGION_LABELS },
  industries: { codes: CASE_INDUSTRIES, labels: CASE_INDUSTRY_LABELS },
  themes: { codes: CASE_THEMES, labels: CASE_THEME_LABELS },
} as const satisfies Record<CaseTagKind, { codes: readonly string[]; labels: Record<string, { zh: string; en: string }> }>;

export interface CaseTags {
  cityTypes: readonly string[];
  regions: readonly string[];
  industries: readonly string[];
  themes: readonly string[];
}

/** The Chinese labels of a case's tags in the vocabulary's order (for the case book and the list). */
export function tagLabels(tags: CaseTags, locale: 'zh' | 'en' = 'zh'): string[] {
  const out: string[] = [];
  for (const kind of CASE_TAG_KINDS) {
    const { codes, labels } = CASE_TAG_VOCABULARY[kind];
    for (const code of codes) if (tags[kind].includes(code)) out.push((labels as Record<string, { zh: string; en: string }>)[code]![locale]);
  }
  return out;
}

/** Codes outside the vocabulary, per kind (empty when every code is known). */
export function unknownTags(tags: CaseTags): Partial<Record<CaseTagKind, string[]>> {
  const out: Partial<Record<CaseTagKind, string[]>> = {};
  for (const kind of CASE_TAG_KINDS) {
    const known = CASE_TAG_VOCABULARY[kind].codes as readonly string[];
    const bad = tags[kind].filter((c) => !known.includes(c));
    if (bad.length > 0) out[kind] = bad;
  }
  return out;
}
