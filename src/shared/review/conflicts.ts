/**
 * Conflict-of-interest rules (利益冲突回避规则) for the expert review of applications.
 *
 * Pure, no I/O. The rules are data (CONFLICT_RULES) so the assignment UI can list them and show,
 * for every excluded expert–application pair, which rule excluded whom and why.
 *
 * Division codes are 6-digit GB/T 2260 codes. Decisions:
 * - Province of a code: its first two digits + '0000'. A 计划单列市 (大连 青岛 宁波 厦门 深圳) is in
 *   its geographic province: an expert from 杭州 330100 and an application from 宁波 330200 share
 *   the province 330000 (SAME_PROVINCE fires), although 宁波 has its own reviewing authority. The
 *   rule is about the expert's ties, not about who did the preliminary review.
 * - City (the city-level unit) of a code:
 *   - a prefecture-level code xxyy00 is itself; a district or county xxyyzz belongs to xxyy00
 *     (顺德区 440606 → 佛山市 440600);
 *   - a county-level city directly under a province (digits 3–4 = '90': 济源 419001, 仙桃
 *     429004, Hainan's 4690xx, the XPCC cities 6590xx) is its own city;
 *   - a municipality (北京 11, 天津 12, 上海 31, 重庆 50) applies through its districts, so each
 *     district or county is its own city-level unit; the municipality as a whole (110000, or the
 *     statistical containers 110100 市辖区 / 500200 县) covers all of them;
 *   - a non-municipal province code (330000) is no city.
 * - SAME_PROVINCE: the expert's province (from provinceCode, and also from cityCode if that lies
 *   in another province — inconsistent data counts both ways) equals the province of one of the
 *   application's cities. One conflict per province, naming the cities.
 * - SAME_CITY: the expert's city-level unit equals or covers that of one of the application's
 *   cities (incl. a district's parent city: an expert from 禅城区 440604 and an application from
 *   顺德区 440606 are both in 佛山市). An expert whose cityCode is a (non-municipal) province code
 *   has no known city: SAME_CITY cannot fire, SAME_PROVINCE still does. Two different districts of
 *   a municipality are different cities (SAME_PROVINCE still fires). One conflict per expert city.
 * - DECLARED_RELATION: a declared relation's code overlaps one of the application's cities at
 *   city level, with the same containment as SAME_CITY; a relation declared with a province
 *   (non-municipal xx0000) covers every city of that province (the expert advised the province's
 *   government, which screens and forwards the application). One conflict per relation.
 * - ORGANISATION_IN_PLAN: the expert's organisation matches a name among the plan's parks, core
 *   enterprises or innovation carriers. Names are compared after normalisation: Unicode NFKC
 *   (full-width → half-width), common traditional characters → simplified, lower case, no
 *   whitespace, punctuation or brackets, then legal-form suffixes stripped repeatedly from the end
 *   (股份有限公司, 有限责任公司, 有限公司, 集团, 总公司, 公司, Co. Ltd., Inc., Group, ...).
 *   Two names match when equal, or when one contains the other and the shorter has at least
 *   4 characters (shorter names only match exactly: "大学" must not match every university).
 *   So “浙江大学” vs carrier “浙江大学宁波研究院” IS a conflict: an institute founded and run by the
 *   university is part of its interests (staff, funding, results), and an expert from the
 *   university should not score a plan that supports it. Likewise “中国科学院” vs a CAS institute,
 *   “吉利控股集团” vs “浙江吉利控股集团有限公司”. It is not a conflict for “浙江工业大学” vs
 *   “浙江大学” (neither contains the other). Aliases (中科院 for 中国科学院) are not resolved: the
 *   expert's declared relations cover those. One conflict per matched plan entry.
 * - Malformed division codes (not 6 digits) throw a RangeError: silently skipping a rule would
 *   hide a conflict. An empty organisation name matches nothing.
 * - Explanations name the matched thing; division names come from the optional `divisionName`
 *   resolver (the reference data lives outside shared code), else the code is shown.
 */
import { toSimplified } from '../plan/chinese-numbers';
import type { Plan } from '../plan/plan-schema';

export interface BilingualText {
  zh: string;
  en: string;
}

export const CONFLICT_RULE_CODES = ['SAME_PROVINCE', 'SAME_CITY', 'DECLARED_RELATION', 'ORGANISATION_IN_PLAN'] as const;
export type ConflictRuleCode = (typeof CONFLICT_RULE_CODES)[number];

export interface ConflictRule {
  code: ConflictRuleCode;
  zh: string;
  en: string;
  description: BilingualText;
}

export const CONFLICT_RULES: Record<ConflictRuleCode, ConflictRule> = {
  SAME_PROVINCE: {
    code: 'SAME_PROVINCE',
    zh: '同省回避',
    en: 'Same province',
    description: {
      zh: '专家所在省（自治区、直辖市）与申报城市所在省相同的，应予回避。计划单列市按其所在省计。',
      en: "The expert's home province is the province of one of the applying cities. A city specifically designated in the state plan counts in its province.",
    },
  },
  SAME_CITY: {
    code: 'SAME_CITY',
    zh: '同城回避',
    en: 'Same city',
    description: {
      zh: '专家所在城市为申报城市，或与申报区县同属一个城市的，应予回避。',
      en: "The expert's city is one of the applying cities, or the city that an applying district belongs to.",
    },
  },
  DECLARED_RELATION: {
    code: 'DECLARED_RELATION',
    zh: '申报关联回避',
    en: 'Declared relation',
    description: {
      zh: '专家本人申报与申报城市存在咨询服务、参与编制方案、任职受聘等关联关系的，应予回避。',
      en: 'The expert has declared a relation with one of the applying cities (advice, drafting the plan, employment or other).',
    },
  },
  ORGANISATION_IN_PLAN: {
    code: 'ORGANISATION_IN_PLAN',
    zh: '所在单位列入方案回避',
    en: "Expert's organisation in the plan",
    description: {
      zh: '专家所在单位（含其下属机构）列于实施方案的载体园区、核心企业或创新载体中的，应予回避。',
      en: "The expert's organisation (or a body of it) is listed among the plan's parks, core enterprises or innovation carriers.",
    },
  },
};

export const RELATION_KINDS = ['advised', 'drafted_plan', 'employed', 'other'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const RELATION_KIND_LABELS: Record<RelationKind, BilingualText> = {
  advised: { zh: '提供咨询服务', en: 'advised' },
  drafted_plan: { zh: '参与编制实施方案', en: 'helped draft the plan' },
  employed: { zh: '任职或受聘', en: 'employed' },
  other: { zh: '其他关联', en: 'other relation' },
};

export interface DeclaredRelation {
  cityCode: string;
  kind: RelationKind;
  note: string;
}

export interface ExpertForConflicts {
  id: string;
  name: string;
  organisation: string;
  provinceCode: string;
  cityCode: string;
  declaredRelations: readonly DeclaredRelation[];
}

export interface ApplicationForConflicts {
  id: string;
  cityCodes: readonly string[];
  parks: readonly string[];
  coreEnterprises: readonly string[];
  innovationCarriers: readonly string[];
}

export type PlanNameList = 'parks' | 'coreEnterprises' | 'innovationCarriers';

export const PLAN_LIST_LABELS: Record<PlanNameList, BilingualText & { enOne: string }> = {
  parks: { zh: '载体园区', en: 'parks', enOne: 'park' },
  coreEnterprises: { zh: '核心企业', en: 'core enterprises', enOne: 'core enterprise' },
  innovationCarriers: { zh: '创新载体', en: 'innovation carriers', enOne: 'innovation carrier' },
};

export interface Conflict {
  rule: ConflictRuleCode;
  expertId: string;
  applicationId: string;
  /**
   * What matched: the province code (SAME_PROVINCE), the expert's city-level code (SAME_CITY),
   * the declared relation's code (DECLARED_RELATION) or the plan entry's name (ORGANISATION_IN_PLAN).
   */
  matched: string;
  /** The application's division codes concerned (empty for ORGANISATION_IN_PLAN). */
  applicationCityCodes: string[];
  /** ORGANISATION_IN_PLAN: the list the plan entry is in. */
  planList?: PlanNameList;
  /** DECLARED_RELATION: the declared relation. */
  relation?: DeclaredRelation;
  explanation: BilingualText;
}

export interface ConflictOptions {
  /** Name of a division code (e.g. from the reference data), for the explanations. */
  divisionName?: (code: string) => string | undefined;
}

export interface Exclusion {
  expertId: string;
  applicationId: string;
  /** The distinct rules that fired, in CONFLICT_RULE_CODES order. */
  rules: ConflictRuleCode[];
  conflicts: Conflict[];
}

// ---------------------------------------------------------------------------------------------
// Divisions

const MUNICIPALITY_PREFIXES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

function assertCode(code: string, what: string): void {
  if (!/^\d{6}$/.test(code)) throw new RangeError(`${what}: "${code}" is not a 6-digit division code`);
}

/** The province-level code of a division code: first two digits + '0000'. */
export function provinceOf(code: string): string {
  assertCode(code, 'provinceOf');
  return `${code.slice(0, 2)}0000`;
}

/**
 * The city-level unit of a division code, as 'city' (a code) or 'province' (a province-level
 * area: a province, or a municipality as a whole, covering every city-level unit in it).
 */
export type CityLevelArea = { level: 'city'; code: string } | { level: 'province'; code: string };

export function cityLevelArea(code: string): CityLevelArea {
  assertCode(code, 'cityLevelArea');
  const prefix = code.slice(0, 2);
  const middle = code.slice(2, 4);
  const tail = code.slice(4, 6);
  if (MUNICIPALITY_PREFIXES.has(prefix)) {
    // 110000 the municipality; 110100 / 500200 the statistical containers 市辖区 / 县.
    if (tail === '00') return { level: 'province', code: `${prefix}0000` };
    return { level: 'city', code };
  }
  if (middle === '00') return { level: 'province', code: `${prefix}0000` };
  if (middle === '90') return { level: 'city', code }; // county-level city directly under the province
  return { level: 'city', code: `${prefix}${middle}00` };
}

/** The city-level code of a division code, or null for a province-level code. */
export function cityOf(code: string): string | null {
  const area = cityLevelArea(code);
  return area.level === 'city' ? area.code : null;
}

function isMunicipality(code: string): boolean {
  return MUNICIPALITY_PREFIXES.has(code.slice(0, 2));
}

/** Whether two areas overlap at city level (equal cities, or one is a province-level area holding the other). */
function overlaps(a: CityLevelArea, b: CityLevelArea): boolean {
  if (a.level === 'city' && b.level === 'city') return a.code === b.code;
  return a.code.slice(0, 2) === b.code.slice(0, 2);
}

// ---------------------------------------------------------------------------------------------
// Organisation names

/** Chinese legal-form suffixes stripped from the end of organisation names (longest first when matching). */
export const ORGANISATION_SUFFIXES_ZH: readonly string[] = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '总公司',
  '分公司',
  '公司',
  '集团',
];

/**
 * English legal-form suffixes, matched as whole words at the end (so "Cisco" keeps its "co"):
 * Co., Ltd. / Company Limited / Corporation / Corp. / Inc. / Incorporated / Limited / Ltd. / Group.
 */
const ENGLISH_SUFFIX =
  /(?:^|[\s\p{P}])(?:co[\s\p{P}]*ltd|co[\s\p{P}]*limited|company[\s\p{P}]*limited|corporation[\s\p{P}]*limited|limited|ltd|incorporated|inc|corporation|corp|company|co|group)$/u;

const TRAILING_NOISE = /[\s\p{P}\p{S}]+$/u;

/** Minimum length (characters) of the shorter name for containment to count. */
export const MIN_CONTAINMENT_LENGTH = 4;

/** The comparable form of an organisation name (see the header for the steps). */
export function normaliseOrganisationName(name: string): string {
  let s = toSimplified(name.normalize('NFKC')).toLowerCase().trim();
  const suffixes = [...ORGANISATION_SUFFIXES_ZH].sort((a, b) => b.length - a.length);
  for (;;) {
    const before = s;
    s = s.replace(TRAILING_NOISE, '');
    const english = ENGLISH_SUFFIX.exec(s);
    if (english && english.index > 0) {
      s = s.slice(0, english.index);
    } else {
      const suffix = suffixes.find((x) => s.length > x.length && s.endsWith(x));
      if (suffix) s = s.slice(0, s.length - suffix.length);
    }
    if (s === before) break;
  }
  // Whitespace, punctuation, brackets and symbols (ASCII and CJK) go; letters, digits and ideographs stay.
  return s.replace(/[\s\p{P}\p{S}]+/gu, '');
}

function charLength(s: string): number {
  return Array.from(s).length;
}

/** Whether two organisation names denote the same or a containing organisation. */
export function organisationNamesMatch(a: string, b: string): boolean {
  const x = normaliseOrganisationName(a);
  const y = normaliseOrganisationName(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x === y) return true;
  const [shorter, longer] = charLength(x) <= charLength(y) ? [x, y] : [y, x];
  return charLength(shorter) >= MIN_CONTAINMENT_LENGTH && longer.includes(shorter);
}

// ---------------------------------------------------------------------------------------------
// Rules

/** The application as the conflict rules need it, from its plan. */
export function applicationFromPlan(id: string, plan: Pick<Plan, 'cover' | 'parks' | 'coreEnterprises' | 'innovationCarriers'>): ApplicationForConflicts {
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).filter((n) => n.trim() !== '');
  return {
    id,
    cityCodes: [...plan.cover.cityCodes],
    parks: names(plan.parks),
    coreEnterprises: names(plan.coreEnterprises),
    innovationCarriers: names(plan.innovationCarriers),
  };
}

function labeller(options: ConflictOptions): (code: string) => string {
  return (code) => {
    const name = options.divisionName?.(code);
    return name ? `${name}（${code}）` : code;
  };
}

function labelEn(options: ConflictOptions): (code: string) => string {
  return (code) => {
    const name = options.divisionName?.(code);
    return name ? `${name} (${code})` : code;
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Every conflict of interest between one expert and one application. */
export function findConflicts(
  expert: ExpertForConflicts,
  application: ApplicationForConflicts,
  options: ConflictOptions = {},
): Conflict[] {
  const zhL = labeller(options);
  const enL = labelEn(options);
  const cities = unique(application.cityCodes);
  cities.forEach((c) => assertCode(c, `application ${application.id}`));
  assertCode(expert.provinceCode, `expert ${expert.id} province`);
  assertCode(expert.cityCode, `expert ${expert.id} city`);
  const base = { expertId: expert.id, applicationId: application.id };
  const out: Conflict[] = [];

  // SAME_PROVINCE
  const expertProvinces = unique([provinceOf(expert.provinceCode), provinceOf(expert.cityCode)]);
  for (const province of expertProvinces) {
    const concerned = cities.filter((c) => provinceOf(c) === province);
    if (concerned.length === 0) continue;
    out.push({
      ...base,
      rule: 'SAME_PROVINCE',
      matched: province,
      applicationCityCodes: concerned,
      explanation: {
        zh: `专家所在省份${zhL(province)}与申报城市${concerned.map((c) => `“${zhL(c)}”`).join('、')}属同一省份`,
        en: `The expert's home province ${enL(province)} is the province of the applying ${concerned.length > 1 ? 'cities' : 'city'} ${concerned.map(enL).join(', ')}`,
      },
    });
  }

  // SAME_CITY
  const expertArea = cityLevelArea(expert.cityCode);
  if (expertArea.level === 'city' || isMunicipality(expertArea.code)) {
    const concerned = cities.filter((c) => overlaps(expertArea, cityLevelArea(c)));
    if (concerned.length > 0) {
      out.push({
        ...base,
        rule: 'SAME_CITY',
        matched: expertArea.code,
        applicationCityCodes: concerned,
        explanation: {
          zh: `专家所在城市${zhL(expertArea.code)}与申报城市${concerned.map((c) => `“${zhL(c)}”`).join('、')}属同一城市`,
          en: `The expert's city ${enL(expertArea.code)} is, or contains, the applying ${concerned.length > 1 ? 'cities' : 'city'} ${concerned.map(enL).join(', ')}`,
        },
      });
    }
  }

  // DECLARED_RELATION
  for (const relation of expert.declaredRelations) {
    assertCode(relation.cityCode, `expert ${expert.id} declared relation`);
    const area = cityLevelArea(relation.cityCode);
    const concerned = cities.filter((c) => overlaps(area, cityLevelArea(c)));
    if (concerned.length === 0) continue;
    const kind = RELATION_KIND_LABELS[relation.kind];
    const note = relation.note.trim();
    out.push({
      ...base,
      rule: 'DECLARED_RELATION',
      matched: relation.cityCode,
      applicationCityCodes: concerned,
      relation: { ...relation },
      explanation: {
        zh: `专家申报与${zhL(relation.cityCode)}存在关联关系（${kind.zh}${note ? `：${note}` : ''}），涉及申报城市${concerned.map((c) => `“${zhL(c)}”`).join('、')}`,
        en: `The expert declared a relation with ${enL(relation.cityCode)} (${kind.en}${note ? `: ${note}` : ''}), concerning the applying ${concerned.length > 1 ? 'cities' : 'city'} ${concerned.map(enL).join(', ')}`,
      },
    });
  }

  // ORGANISATION_IN_PLAN
  const organisation = expert.organisation.trim();
  if (normaliseOrganisationName(organisation) !== '') {
    const lists: PlanNameList[] = ['parks', 'coreEnterprises', 'innovationCarriers'];
    for (const list of lists) {
      for (const entry of unique(application[list].map((n) => n.trim()))) {
        if (!organisationNamesMatch(organisation, entry)) continue;
        const label = PLAN_LIST_LABELS[list];
        const same = normaliseOrganisationName(organisation) === normaliseOrganisationName(entry);
        out.push({
          ...base,
          rule: 'ORGANISATION_IN_PLAN',
          matched: entry,
          applicationCityCodes: [],
          planList: list,
          explanation: same
            ? {
                zh: `专家所在单位“${organisation}”列于方案的${label.zh}中（“${entry}”）`,
                en: `The expert's organisation "${organisation}" is listed among the plan's ${label.en} ("${entry}")`,
              }
            : {
                zh: `专家所在单位“${organisation}”与方案${label.zh}“${entry}”名称相互包含，视为同一单位或其下属机构`,
                en: `The expert's organisation "${organisation}" and the plan's ${label.enOne} "${entry}" contain one another's name: treated as the same organisation or a body of it`,
              },
        });
      }
    }
  }
  return out;
}

/**
 * For a batch: every expert–application pair with at least one conflict, in application order then
 * expert order, with the rules that fired and why.
 */
export function excludedPairs(
  experts: readonly ExpertForConflicts[],
  applications: readonly ApplicationForConflicts[],
  options: ConflictOptions = {},
): Exclusion[] {
  const out: Exclusion[] = [];
  for (const application of applications) {
    for (const expert of experts) {
      const conflicts = findConflicts(expert, application, options);
      if (conflicts.length === 0) continue;
      const fired = new Set(conflicts.map((c) => c.rule));
      out.push({
        expertId: expert.id,
        applicationId: application.id,
        rules: CONFLICT_RULE_CODES.filter((r) => fired.has(r)),
        conflicts,
      });
    }
  }
  return out;
}
