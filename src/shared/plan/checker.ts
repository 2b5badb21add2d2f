/**
 * The plan checker: is the implementation plan complete against the reference outline, and is
 * every target quantified and assessable (the third selection criterion, "目标明确、量化、可考核")?
 *
 * Pure, no I/O; the server runs it before submission and the editor runs it while typing.
 * Blocking findings stop submission; warnings are shown but do not.
 * The codes are stable: docs/plan-format.md lists them, tests pin them.
 */
import { normaliseText, normaliseUnit, splitUnitMagnitude, unitFamily } from './chinese-numbers';
import { ALL_PART_KEYS, PLAN_OUTLINE } from './outline';
import { parseTargetWording, type ParsedTarget, type TargetReading } from './parse-target';
import { REGION_LABELS } from '../reference/regions';
import { cityTypesOutsideRegion } from './city-types';
import {
  CITY_TYPE_LABELS,
  DIMENSION_LABELS,
  TARGET_DIMENSIONS,
  TARGET_KIND_LABELS,
  type Plan,
  type Qualifier,
  type Target,
  type TargetKind,
} from './plan-schema';

export type FindingSeverity = 'blocking' | 'warning';

export interface LocalisedText {
  'zh-CN': string;
  'en-US': string;
}

export interface Finding {
  /** Stable UPPER_SNAKE code, one of FINDING_CODES. */
  code: FindingCode;
  severity: FindingSeverity;
  /** Where it points, in the plan's JSON: 'sections.ch1.economy', 'targets[3].values[1]', 'contact.phone'. */
  path: string;
  targetId?: string;
  /** Set on findings about an outline part (SECTION_*). */
  sectionKey?: string;
  message: LocalisedText;
}

export interface FindingCodeInfo {
  severity: FindingSeverity;
  zh: string;
  en: string;
}

/** Every code the checker emits, with its severity and what it means. */
export const FINDING_CODES = {
  COVER_TITLE_MISSING: { severity: 'blocking', zh: '封面缺少方案标题', en: 'The cover has no title' },
  COVER_APPLICANT_MISSING: { severity: 'blocking', zh: '封面缺少申报城市(申报单位)', en: 'The cover does not name the applicant' },
  COVER_CITY_MISSING: { severity: 'blocking', zh: '未选择申报城市(行政区划代码)', en: 'No city (administrative division code) is given' },
  COVER_CITY_DUPLICATE: { severity: 'warning', zh: '同一城市代码重复填写', en: 'A city code is listed twice' },
  COVER_FILING_DATE_MISSING: { severity: 'blocking', zh: '封面缺少填报日期', en: 'The cover has no filing date' },
  COVER_FILING_DATE_INVALID: { severity: 'blocking', zh: '填报日期不是有效的 YYYY-MM-DD 日期', en: 'The filing date is not a valid YYYY-MM-DD date' },
  COVER_FILING_DATE_YEAR: { severity: 'warning', zh: '填报日期的年份与申报年度不一致', en: 'The filing date is not in the application year' },
  CITY_TYPE_MISSING: { severity: 'blocking', zh: '未选择城市类型', en: 'No city type is claimed' },
  CITY_TYPE_REGION_MISMATCH: {
    severity: 'warning',
    zh: '所选城市类型限于某一地区,申报城市均不在该地区',
    en: 'A city type bound to a region is claimed by cities outside it',
  },
  CONTACT_NAME_MISSING: { severity: 'blocking', zh: '未填写联系人', en: 'No contact person' },
  CONTACT_PHONE_MISSING: { severity: 'blocking', zh: '联系人电话和手机均未填写', en: 'Neither a phone nor a mobile number for the contact' },
  CONTACT_PHONE_INVALID: { severity: 'warning', zh: '联系电话或手机号码格式不正确', en: 'A phone or mobile number does not look valid' },
  CONTACT_EMAIL_INVALID: { severity: 'blocking', zh: '电子邮箱格式不正确', en: 'The e-mail address is not valid' },
  SECTION_MISSING: { severity: 'blocking', zh: '参考大纲要求的部分未填写', en: 'A part of the reference outline is empty' },
  SECTION_PLACEHOLDER: { severity: 'blocking', zh: '该部分只有占位内容(如“待补充”“略”)', en: 'A part holds only a placeholder (待补充, 略, TODO…)' },
  SECTION_UNKNOWN: { severity: 'warning', zh: '存在参考大纲以外的部分,不会出现在方案中', en: 'A part that is not in the reference outline' },
  TARGETS_DIMENSION_MISSING: { severity: 'blocking', zh: '某一目标维度没有任何量化目标', en: 'A target dimension has no target' },
  TARGET_ID_DUPLICATE: { severity: 'blocking', zh: '目标编号重复', en: 'Two targets share an id' },
  TARGET_DUPLICATE: { severity: 'warning', zh: '同一指标、同一类型的目标重复出现', en: 'The same indicator appears twice with the same kind' },
  TARGET_NO_INDICATOR: { severity: 'blocking', zh: '目标未填写指标名称', en: 'A target has no indicator name' },
  TARGET_NO_DIMENSION: { severity: 'blocking', zh: '目标未选择所属维度', en: 'A target has no dimension' },
  TARGET_NO_KIND: { severity: 'blocking', zh: '目标未选择目标类型', en: 'A target has no kind' },
  TARGET_NO_UNIT: { severity: 'blocking', zh: '目标未填写计量单位', en: 'A target has no unit' },
  TARGET_UNIT_KIND_MISMATCH: {
    severity: 'blocking',
    zh: '计量单位与目标类型不符(如百分点变化须以“个百分点”计)',
    en: 'The unit does not fit the kind (e.g. a change in percentage points must be in 个百分点)',
  },
  TARGET_NO_BASE_YEAR: { severity: 'blocking', zh: '目标未填写基期年份', en: 'A target has no base year' },
  TARGET_BASE_YEAR_LATE: { severity: 'blocking', zh: '基期年份晚于申报年度', en: 'The base year is after the application year' },
  TARGET_NO_BASELINE: { severity: 'blocking', zh: '目标未填写基期值', en: 'A target has no baseline value' },
  TARGET_YEARS_WRONG: {
    severity: 'blocking',
    zh: '目标年份不是申报年度后的连续三年',
    en: 'The target years are not the three years after the application year',
  },
  TARGET_VALUE_MISSING: { severity: 'blocking', zh: '某一目标年份未填写目标值', en: 'A target year has no value' },
  TARGET_NO_DATA_SOURCE: { severity: 'warning', zh: '目标未注明数据来源', en: 'A target names no data source' },
  TARGET_AGAINST_DIRECTION: {
    severity: 'warning',
    zh: '水平类目标的逐年目标值与方向相反(越高越好却逐年下降,或反之)',
    en: 'A level moves against its direction (higher is better but it falls, or the reverse)',
  },
  TARGET_CUMULATIVE_SHRINKS: {
    severity: 'blocking',
    zh: '累计类目标(较基期变化、百分点变化、累计数量)的逐年目标值减少',
    en: 'A cumulative target (change against base, percentage points, count) shrinks from one year to the next',
  },
  TARGET_CHANGE_NEGATIVE: {
    severity: 'blocking',
    zh: '累计类目标的目标值为负数(应填写向目标方向变化的幅度)',
    en: 'A cumulative target has a negative value (enter the size of the change in the good direction)',
  },
  TARGET_GROWTH_NOT_POSITIVE: {
    severity: 'blocking',
    zh: '“越高越好”的年均增长率不大于零',
    en: 'An average annual growth that should be higher is zero or negative',
  },
  TARGET_PERCENT_OUT_OF_RANGE: {
    severity: 'blocking',
    zh: '百分比超出可能范围(比重不在0–100%之间,降幅达到或超过100%等)',
    en: 'A percentage outside what is possible (a share outside 0–100 %, a cut of 100 % or more…)',
  },
  TARGET_FIGURE_IMPLAUSIBLE: {
    severity: 'warning',
    zh: '目标值异常偏大(年均增长率超过50%,或较基期增幅超过100%),请核实',
    en: 'An unusually large figure (annual growth above 50 %, or an increase above 100 % on the base year): please check',
  },
  TARGET_WORDING_MISSING: { severity: 'blocking', zh: '目标缺少文字表述', en: 'A target has no wording' },
  TARGET_WORDING_NO_FIGURE: { severity: 'blocking', zh: '目标表述中没有任何量化数值', en: 'The wording of a target states no figure' },
  TARGET_WORDING_VAGUE: {
    severity: 'blocking',
    zh: '目标表述为定性描述(如“显著提升”),不可考核',
    en: 'The wording is an aspiration with no figure ("显著提升"…), which cannot be assessed',
  },
  TARGET_WORDING_MISMATCH: {
    severity: 'blocking',
    zh: '目标表述中的数值、年份或类型与结构化字段不一致',
    en: 'A figure, year or kind in the wording differs from the structured fields',
  },
  TARGET_QUALIFIER_MISMATCH: {
    severity: 'warning',
    zh: '表述中的限定词(以上、左右、力争等)与所填限定不一致',
    en: 'The qualifier in the wording (以上, 左右, 力争…) differs from the one entered',
  },
  TABLE_EMPTY: { severity: 'blocking', zh: '必填表格没有任何一行', en: 'A required table has no row' },
  TABLE_ROW_INCOMPLETE: { severity: 'blocking', zh: '表格行缺少必填项', en: 'A table row lacks a required field' },
  TASK_DEADLINE_OUT_OF_PERIOD: {
    severity: 'warning',
    zh: '任务完成时限不在申报年度至目标期末之间',
    en: 'A task deadline falls outside the application year to the end of the target period',
  },
} as const satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

/** True when at least one finding blocks submission. */
export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'blocking');
}

function finding(
  code: FindingCode,
  path: string,
  zh: string,
  en: string,
  extra: { targetId?: string; sectionKey?: string } = {},
): Finding {
  return { code, severity: FINDING_CODES[code].severity, path, ...extra, message: { 'zh-CN': zh, 'en-US': en } };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”' };

function codePointText(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

/** The visible text of sanitised rich text: tags dropped, entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      // A reference beyond Unicode (&#99999999;) or to a surrogate is no character: it reads as U+FFFD.
      if (name.startsWith('#')) return codePointText(name.startsWith('#x') || name.startsWith('#X') ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const PLACEHOLDER =
  /待补充|待完善|待填写|待填报|待定|待编写|待撰写|待更新|暂无|暂缺|暂略|从略|此处|内容|本节|本章|本部分|见附件|详见附件|同上|编写中|撰写中|todo|tbd|fixme|n\/a|none|null|略|无|x+/gi;

/** Text that says nothing: a few characters, or only words like 待补充, 略, TODO. */
function isPlaceholder(text: string): boolean {
  const meaningful = normaliseText(text).replace(/[\p{P}\p{S}\s]/gu, '');
  if (meaningful.length <= 4) return true;
  return meaningful.replace(PLACEHOLDER, '').length === 0;
}

function blank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim().length === 0;
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

function withUnit(n: number, unit: string | null | undefined): string {
  if (!unit) return fmt(n);
  return `${fmt(n)}${unit}`;
}

function withUnitEn(n: number, unit: string | null | undefined): string {
  if (!unit) return fmt(n);
  return unit === '%' ? `${fmt(n)}%` : `${fmt(n)} ${unit}`;
}

function close(a: number, b: number, tolerance = 1e-9): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** 1200 亿元 equals 12000000 万元; without comparable units the bare numbers are compared. */
function sameQuantity(a: number, aUnit: string | null, b: number, bUnit: string | null): boolean {
  if (aUnit && bUnit) {
    const sa = splitUnitMagnitude(normaliseUnit(aUnit));
    const sb = splitUnitMagnitude(normaliseUnit(bUnit));
    if (sa.base === sb.base) return close(a * sa.multiplier, b * sb.multiplier);
  }
  return close(a, b);
}

function unitsCompatible(a: string, b: string): boolean {
  const fa = unitFamily(a);
  const fb = unitFamily(b);
  if (fa !== fb) return false;
  if (fa !== 'other') return true;
  return splitUnitMagnitude(normaliseUnit(a)).base === splitUnitMagnitude(normaliseUnit(b)).base;
}

/** A stock of things reached (达到80家) may be entered as a level or as a count. */
function kindsCompatible(parsed: TargetKind, entered: TargetKind, unit: string | null): boolean {
  if (parsed === entered) return true;
  const pair = new Set([parsed, entered]);
  return pair.has('level') && pair.has('count') && unit !== null && unitFamily(unit) === 'count';
}

function indicatorKey(indicator: string): string {
  return normaliseText(indicator)
    .toLowerCase()
    .replace(/\([^)]*\)$/, '')
    .replace(/规模以上/g, '规上')
    .replace(/^(?:全市|全区|全县|本市|我市)/, '')
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

const QUALIFIER_LABELS: Record<Qualifier, { zh: string; en: string }> = {
  exact: { zh: '无限定', en: 'exact' },
  at_least: { zh: '以上/不低于', en: 'at least' },
  at_most: { zh: '以下/不高于', en: 'at most' },
  about: { zh: '左右/约', en: 'about' },
  strive: { zh: '力争', en: 'strive for' },
};

// ---------------------------------------------------------------------------------------------
// Cover, city types, contact

function checkCover(plan: Plan, out: Finding[]): void {
  const { cover } = plan;
  if (blank(cover.title)) out.push(finding('COVER_TITLE_MISSING', 'cover.title', '封面未填写方案标题。', 'The cover has no title.'));
  if (blank(cover.applicant)) {
    out.push(finding('COVER_APPLICANT_MISSING', 'cover.applicant', '封面未填写申报城市。', 'The cover does not name the applying city.'));
  }
  if (cover.cityCodes.length === 0) {
    out.push(
      finding('COVER_CITY_MISSING', 'cover.cityCodes', '未选择申报城市的行政区划代码。', 'No city (administrative division code) is selected.'),
    );
  }
  const seen = new Set<string>();
  cover.cityCodes.forEach((code, i) => {
    if (seen.has(code)) {
      out.push(finding('COVER_CITY_DUPLICATE', `cover.cityCodes[${i}]`, `城市代码 ${code} 重复填写。`, `City code ${code} is listed twice.`));
    }
    seen.add(code);
  });
  if (blank(cover.filingDate)) {
    out.push(finding('COVER_FILING_DATE_MISSING', 'cover.filingDate', '封面未填写填报日期。', 'The cover has no filing date.'));
  } else if (!isValidDate(cover.filingDate.trim())) {
    out.push(
      finding(
        'COVER_FILING_DATE_INVALID',
        'cover.filingDate',
        `填报日期“${cover.filingDate}”无效,应为 YYYY-MM-DD 格式的有效日期。`,
        `The filing date "${cover.filingDate}" is not a valid date in the form YYYY-MM-DD.`,
      ),
    );
  } else if (Number(cover.filingDate.trim().slice(0, 4)) !== cover.applicationYear) {
    out.push(
      finding(
        'COVER_FILING_DATE_YEAR',
        'cover.filingDate',
        `填报日期(${cover.filingDate})不在申报年度 ${cover.applicationYear} 年内,请核实。`,
        `The filing date (${cover.filingDate}) is not in the application year ${cover.applicationYear}; please check.`,
      ),
    );
  }
  if (plan.cityTypes.length === 0) {
    out.push(
      finding('CITY_TYPE_MISSING', 'cityTypes', '未选择城市类型(老工业基地、资源型城市等)。', 'No city type (old industrial base, resource-based city…) is claimed.'),
    );
  }
  for (const { type, region } of cityTypesOutsideRegion(plan.cityTypes, cover.cityCodes)) {
    const label = CITY_TYPE_LABELS[type];
    const where = REGION_LABELS[region];
    out.push(
      finding(
        'CITY_TYPE_REGION_MISMATCH',
        `cityTypes.${plan.cityTypes.indexOf(type)}`,
        `“${label.zh}”适用于${where.zh}地区的城市,而申报城市均不在${where.zh}地区,请核实城市类型。`,
        `“${label.en}” is for cities in the ${where.en.toLowerCase()} region, and none of the applying cities is there: please check the city type.`,
      ),
    );
  }
}

function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const LANDLINE = /^(?:\+?86[- ]?)?(?:\(?0\d{2,3}\)?[- ]?)?\d{7,8}(?:[- ]?(?:转|ext\.?|-)\s?\d{1,6})?$/i;
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[A-Za-z]{2,}$/;

function looksLikePhone(s: string, mobileOnly: boolean): boolean {
  const t = normaliseText(s);
  const isMobile = MOBILE.test(t.replace(/-/g, ''));
  return mobileOnly ? isMobile : isMobile || LANDLINE.test(t);
}

function checkContact(plan: Plan, out: Finding[]): void {
  const c = plan.contact;
  if (blank(c.name)) out.push(finding('CONTACT_NAME_MISSING', 'contact.name', '未填写联系人姓名。', 'No contact person is named.'));
  if (blank(c.phone) && blank(c.mobile)) {
    out.push(
      finding('CONTACT_PHONE_MISSING', 'contact.phone', '联系电话和手机至少应填写一项。', 'Give at least a phone or a mobile number for the contact.'),
    );
  }
  for (const field of ['phone', 'mobile'] as const) {
    const value = c[field];
    if (!blank(value) && !looksLikePhone(value, field === 'mobile')) {
      const zhField = field === 'phone' ? '联系电话' : '手机号码';
      out.push(
        finding(
          'CONTACT_PHONE_INVALID',
          `contact.${field}`,
          `${zhField}“${value}”格式不正确,请核实。`,
          `The ${field === 'phone' ? 'phone' : 'mobile'} number "${value}" does not look valid; please check.`,
        ),
      );
    }
  }
  if (!blank(c.email) && !EMAIL.test(c.email.trim())) {
    out.push(
      finding('CONTACT_EMAIL_INVALID', 'contact.email', `电子邮箱“${c.email}”格式不正确。`, `The e-mail address "${c.email}" is not valid.`),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Sections

function checkSections(plan: Plan, out: Finding[]): void {
  for (const chapter of PLAN_OUTLINE) {
    for (const part of chapter.parts) {
      const path = `sections.${part.key}`;
      const text = plainText(plan.sections[part.key] ?? '');
      const where = { sectionKey: part.key };
      if (text.length === 0) {
        out.push(
          finding('SECTION_MISSING', path, `${chapter.zh}“${part.zh}”尚未填写。`, `${chapter.en}: "${part.en}" is empty.`, where),
        );
      } else if (isPlaceholder(text)) {
        out.push(
          finding(
            'SECTION_PLACEHOLDER',
            path,
            `${chapter.zh}“${part.zh}”只有占位内容(“${text.slice(0, 20)}”),请填写正文。`,
            `${chapter.en}: "${part.en}" holds only a placeholder ("${text.slice(0, 20)}"); write the text.`,
            where,
          ),
        );
      }
    }
  }
  const known = new Set(ALL_PART_KEYS);
  for (const key of Object.keys(plan.sections)) {
    if (known.has(key)) continue;
    out.push(
      finding(
        'SECTION_UNKNOWN',
        `sections.${key}`,
        `部分“${key}”不属于实施方案参考大纲,不会出现在方案中。`,
        `Part "${key}" is not in the reference outline and will not appear in the plan.`,
        { sectionKey: key },
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Targets

interface TargetContext {
  target: Target;
  index: number;
  applicationYear: number;
  zh: string;
  en: string;
  path: string;
  out: Finding[];
}

function push(ctx: TargetContext, code: FindingCode, sub: string, zh: string, en: string): void {
  ctx.out.push(finding(code, `${ctx.path}.${sub}`, zh, en, { targetId: ctx.target.id }));
}

function checkTargetFields(ctx: TargetContext): void {
  const { target: t, zh, en, applicationYear } = ctx;
  if (blank(t.indicator)) push(ctx, 'TARGET_NO_INDICATOR', 'indicator', `${zh}未填写指标名称。`, `${en} has no indicator name.`);
  if (t.dimension === null) {
    push(ctx, 'TARGET_NO_DIMENSION', 'dimension', `${zh}未选择所属维度(创新能力、质量效益等)。`, `${en} has no dimension.`);
  }
  if (t.kind === null) push(ctx, 'TARGET_NO_KIND', 'kind', `${zh}未选择目标类型。`, `${en} has no kind.`);
  if (blank(t.unit)) push(ctx, 'TARGET_NO_UNIT', 'unit', `${zh}未填写计量单位。`, `${en} has no unit.`);
  else if (t.kind !== null) checkUnitFitsKind(ctx, t.kind, t.unit);
  if (t.baseYear === null) {
    push(ctx, 'TARGET_NO_BASE_YEAR', 'baseYear', `${zh}未填写基期年份,无法衡量完成情况。`, `${en} has no base year to measure attainment from.`);
  } else if (t.baseYear > applicationYear) {
    push(
      ctx,
      'TARGET_BASE_YEAR_LATE',
      'baseYear',
      `${zh}的基期年份(${t.baseYear}年)晚于申报年度(${applicationYear}年)。`,
      `${en} has a base year (${t.baseYear}) after the application year (${applicationYear}).`,
    );
  }
  if (t.baselineValue === null) {
    push(ctx, 'TARGET_NO_BASELINE', 'baselineValue', `${zh}未填写基期值。`, `${en} has no baseline value.`);
  }
  const expected = [applicationYear + 1, applicationYear + 2, applicationYear + 3];
  if (t.targetYears.length !== 3 || t.targetYears.some((y, k) => y !== expected[k])) {
    push(
      ctx,
      'TARGET_YEARS_WRONG',
      'targetYears',
      `${zh}的目标年份应为${expected.join('、')}年(申报年度后三年),现为${t.targetYears.length > 0 ? t.targetYears.join('、') : '空'}。`,
      `${en} must run over ${expected.join(', ')} (the three years after the application year); it has ${t.targetYears.length > 0 ? t.targetYears.join(', ') : 'none'}.`,
    );
  }
  for (let k = 0; k < 3; k++) {
    const v = t.values[k];
    if (v === null || v === undefined) {
      const year = expected[k]!;
      push(ctx, 'TARGET_VALUE_MISSING', `values[${k}]`, `${zh}未填写${year}年的目标值。`, `${en} has no value for ${year}.`);
    }
  }
  if (blank(t.dataSource)) {
    push(ctx, 'TARGET_NO_DATA_SOURCE', 'dataSource', `${zh}未注明数据来源。`, `${en} names no data source.`);
  }
}

function checkUnitFitsKind(ctx: TargetContext, kind: TargetKind, unit: string): void {
  const family = unitFamily(unit);
  let expectZh: string | null = null;
  let expectEn: string | null = null;
  if (kind === 'pp_change' && family !== 'pp') [expectZh, expectEn] = ['应以“个百分点”计', 'must be in percentage points (个百分点)'];
  else if (kind === 'annual_growth' && family !== 'percent') [expectZh, expectEn] = ['应以“%”计', 'must be in %'];
  else if (kind === 'count' && family !== 'count') [expectZh, expectEn] = ['应为计数单位(家、个、项等)', 'must be a count word (家, 个, 项…)'];
  else if ((kind === 'level' || kind === 'change_vs_base') && family === 'pp') {
    [expectZh, expectEn] = ['不应以“个百分点”计(百分点变化请选择“百分点变化”类型)', 'cannot be in percentage points (choose the kind pp_change)'];
  }
  if (expectZh === null || expectEn === null) return;
  const label = TARGET_KIND_LABELS[kind];
  push(
    ctx,
    'TARGET_UNIT_KIND_MISMATCH',
    'unit',
    `${ctx.zh}为“${label.zh}”类型,计量单位“${unit}”不符,${expectZh}。`,
    `${ctx.en} is of kind "${label.en}"; its unit "${unit}" ${expectEn}.`,
  );
}

function checkTargetPath(ctx: TargetContext): void {
  const { target: t, zh, en } = ctx;
  if (t.kind === null) return;
  const values = [0, 1, 2].map((k) => t.values[k] ?? null);
  const years = ctx.target.targetYears;
  const yearOf = (k: number): string => String(years[k] ?? ctx.applicationYear + k + 1);
  const percent = !blank(t.unit) && unitFamily(t.unit) === 'percent';
  const pp = !blank(t.unit) && unitFamily(t.unit) === 'pp';

  if (t.kind === 'level') {
    const seq: { v: number; sub: string; label: string }[] = [];
    if (t.baselineValue !== null) seq.push({ v: t.baselineValue, sub: 'baselineValue', label: `基期(${t.baseYear ?? '—'}年)` });
    values.forEach((v, k) => {
      if (v !== null) seq.push({ v, sub: `values[${k}]`, label: `${yearOf(k)}年` });
    });
    for (let k = 1; k < seq.length; k++) {
      const a = seq[k - 1]!;
      const b = seq[k]!;
      const against = t.direction === 'higher' ? b.v < a.v : b.v > a.v;
      if (!against) continue;
      push(
        ctx,
        'TARGET_AGAINST_DIRECTION',
        b.sub,
        `${zh}为“${t.direction === 'higher' ? '越高越好' : '越低越好'}”的水平类目标,但${b.label}目标值(${withUnit(b.v, t.unit)})${t.direction === 'higher' ? '低于' : '高于'}${a.label}(${withUnit(a.v, t.unit)})。`,
        `${en} is a level where ${t.direction === 'higher' ? 'higher' : 'lower'} is better, but ${b.sub} (${withUnitEn(b.v, t.unit)}) is ${t.direction === 'higher' ? 'below' : 'above'} ${a.sub} (${withUnitEn(a.v, t.unit)}).`,
      );
      break;
    }
    if (percent) {
      const outside = seq.find((s) => s.v < 0 || s.v > 100);
      if (outside) {
        push(
          ctx,
          'TARGET_PERCENT_OUT_OF_RANGE',
          outside.sub,
          `${zh}以%计的水平值应在0–100%之间,${outside.label}为${withUnit(outside.v, t.unit)}。`,
          `${en} is a percentage level and must lie within 0–100 %; ${outside.sub} is ${withUnitEn(outside.v, t.unit)}.`,
        );
      }
    }
    return;
  }

  if (t.kind === 'annual_growth') {
    if (t.direction === 'higher') {
      const k = values.findIndex((v) => v !== null && v <= 0);
      if (k >= 0) {
        push(
          ctx,
          'TARGET_GROWTH_NOT_POSITIVE',
          `values[${k}]`,
          `${zh}为“越高越好”的年均增长率,但${yearOf(k)}年目标值为${withUnit(values[k]!, t.unit)},应大于零。`,
          `${en} is a growth rate where higher is better, but the value for ${yearOf(k)} is ${withUnitEn(values[k]!, t.unit)}; it must be above zero.`,
        );
      }
    }
    const k = values.findIndex((v) => v !== null && Math.abs(v) > 50);
    if (k >= 0) {
      push(
        ctx,
        'TARGET_FIGURE_IMPLAUSIBLE',
        `values[${k}]`,
        `${zh}${yearOf(k)}年的年均增长率为${withUnit(values[k]!, t.unit)},超过50%,请核实。`,
        `${en}: an average annual growth of ${withUnitEn(values[k]!, t.unit)} in ${yearOf(k)} is above 50 %; please check.`,
      );
    }
    return;
  }

  // change_vs_base, pp_change, count: cumulative sizes of the change in the good direction.
  const negative = values.findIndex((v) => v !== null && v < 0);
  if (negative >= 0) {
    push(
      ctx,
      'TARGET_CHANGE_NEGATIVE',
      `values[${negative}]`,
      `${zh}${yearOf(negative)}年目标值为${withUnit(values[negative]!, t.unit)};累计类目标应填写向目标方向变化的幅度(如“下降16%”填16)。`,
      `${en}: the value for ${yearOf(negative)} is ${withUnitEn(values[negative]!, t.unit)}; cumulative targets take the size of the change in the good direction (下降16% → 16).`,
    );
  }
  for (let k = 1; k < 3; k++) {
    const a = values[k - 1];
    const b = values[k];
    if (a === null || a === undefined || b === null || b === undefined || b >= a) continue;
    push(
      ctx,
      'TARGET_CUMULATIVE_SHRINKS',
      `values[${k}]`,
      `${zh}为累计类目标,${yearOf(k)}年目标值(${withUnit(b, t.unit)})小于${yearOf(k - 1)}年(${withUnit(a, t.unit)}),累计值不应逐年减少。`,
      `${en} is cumulative, yet the value for ${yearOf(k)} (${withUnitEn(b, t.unit)}) is below that for ${yearOf(k - 1)} (${withUnitEn(a, t.unit)}).`,
    );
    break;
  }
  if (t.kind === 'change_vs_base' && percent) {
    const k =
      t.direction === 'lower' ? values.findIndex((v) => v !== null && v >= 100) : values.findIndex((v) => v !== null && v > 100);
    if (k >= 0 && t.direction === 'lower') {
      push(
        ctx,
        'TARGET_PERCENT_OUT_OF_RANGE',
        `values[${k}]`,
        `${zh}较基期下降${withUnit(values[k]!, t.unit)},降幅不可能达到或超过100%。`,
        `${en} falls by ${withUnitEn(values[k]!, t.unit)} against the base year; a cut of 100 % or more is impossible.`,
      );
    } else if (k >= 0) {
      push(
        ctx,
        'TARGET_FIGURE_IMPLAUSIBLE',
        `values[${k}]`,
        `${zh}较基期增长${withUnit(values[k]!, t.unit)},增幅超过100%,请核实。`,
        `${en} grows by ${withUnitEn(values[k]!, t.unit)} against the base year, more than 100 %; please check.`,
      );
    }
  }
  if (t.kind === 'pp_change' && pp) {
    const k = values.findIndex((v) => v !== null && v > 100);
    const base = t.baselineValue;
    if (base !== null && (base < 0 || base > 100)) {
      push(
        ctx,
        'TARGET_PERCENT_OUT_OF_RANGE',
        'baselineValue',
        `${zh}的基期值(${fmt(base)}%)应为0–100%之间的比重。`,
        `${en}: the baseline (${fmt(base)} %) must be a share within 0–100 %.`,
      );
    } else if (k >= 0) {
      push(
        ctx,
        'TARGET_PERCENT_OUT_OF_RANGE',
        `values[${k}]`,
        `${zh}变化${withUnit(values[k]!, t.unit)},超过100个百分点。`,
        `${en} changes by ${withUnitEn(values[k]!, t.unit)}, more than 100 percentage points.`,
      );
    } else if (base !== null) {
      const k3 = [2, 1, 0].find((j) => {
        const v = values[j];
        if (v === null || v === undefined) return false;
        const end = t.direction === 'higher' ? base + v : base - v;
        return end < 0 || end > 100;
      });
      if (k3 !== undefined) {
        const v = values[k3]!;
        const end = t.direction === 'higher' ? base + v : base - v;
        push(
          ctx,
          'TARGET_PERCENT_OUT_OF_RANGE',
          `values[${k3}]`,
          `${zh}基期值${fmt(base)}%${t.direction === 'higher' ? '提高' : '降低'}${withUnit(v, t.unit)}后为${fmt(end)}%,超出0–100%。`,
          `${en}: the baseline ${fmt(base)} % ${t.direction === 'higher' ? 'raised' : 'lowered'} by ${withUnitEn(v, t.unit)} gives ${fmt(end)} %, outside 0–100 %.`,
        );
      }
    }
  }
}

/** The reading of the wording that the fields describe: same kind first, then same unit, then same figure. */
function pickReading(parsed: ParsedTarget, t: Target): TargetReading {
  const unit = blank(t.unit) ? null : t.unit;
  const third = t.values[2] ?? null;
  let best = parsed.readings[0]!;
  let bestScore = -1;
  for (const r of parsed.readings) {
    let score = 0;
    if (t.kind !== null && r.kind === t.kind) score += 4;
    else if (t.kind !== null && r.kind !== null && kindsCompatible(r.kind, t.kind, r.unit ?? unit)) score += 3;
    if (unit !== null && r.unit !== null && unitsCompatible(r.unit, unit)) score += 2;
    if (third !== null && sameQuantity(r.value, r.unit, third, unit)) score += 1;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

function checkWording(ctx: TargetContext): void {
  const { target: t, zh, en, applicationYear } = ctx;
  if (blank(t.wording)) {
    push(ctx, 'TARGET_WORDING_MISSING', 'wording', `${zh}缺少目标表述(如“到2019年……达到……”)。`, `${en} has no wording.`);
    return;
  }
  const parsed = parseTargetWording(t.wording, { applicationYear });
  if (parsed.value === null || parsed.readings.length === 0) {
    if (parsed.vague !== null) {
      push(
        ctx,
        'TARGET_WORDING_VAGUE',
        'wording',
        `${zh}的表述“${t.wording}”为定性描述(“${parsed.vague}”),没有量化数值,不可考核;请写明目标值。`,
        `The wording of ${en}, "${t.wording}", is an aspiration ("${parsed.vague}") with no figure and cannot be assessed; state the figure.`,
      );
    } else {
      push(
        ctx,
        'TARGET_WORDING_NO_FIGURE',
        'wording',
        `${zh}的表述“${t.wording}”中没有量化数值;请写明目标值。`,
        `The wording of ${en}, "${t.wording}", states no figure; state the target value.`,
      );
    }
    return;
  }
  const reading = pickReading(parsed, t);
  const mismatch = (zhDetail: string, enDetail: string): void =>
    push(ctx, 'TARGET_WORDING_MISMATCH', 'wording', `${zh}的表述与所填内容不一致:${zhDetail}。`, `The wording of ${en} differs from the fields: ${enDetail}.`);

  const kindMismatch = reading.kind !== null && t.kind !== null && !kindsCompatible(reading.kind, t.kind, reading.unit ?? (t.unit || null));
  if (kindMismatch) {
    const p = TARGET_KIND_LABELS[reading.kind!];
    const f = TARGET_KIND_LABELS[t.kind!];
    mismatch(`表述为“${p.zh}”(${reading.text}),类型却填写为“${f.zh}”`, `the wording reads as "${p.en}" (${reading.text}) but the kind is "${f.en}"`);
  }

  if (!kindMismatch) checkWordingValues(ctx, parsed, reading, mismatch);

  if (reading.unit !== null && !blank(t.unit) && !unitsCompatible(reading.unit, t.unit)) {
    mismatch(`表述中的单位为“${reading.unit}”,所填单位为“${t.unit}”`, `the wording's unit is "${reading.unit}", the unit entered is "${t.unit}"`);
  }
  const lastYear = t.targetYears[2];
  if (parsed.targetYear !== null && lastYear !== undefined && parsed.targetYear !== lastYear) {
    mismatch(`表述中的目标年份为${parsed.targetYear}年,所填目标期末为${lastYear}年`, `the wording's target year is ${parsed.targetYear}, the last target year entered is ${lastYear}`);
  }
  if (parsed.baseYear !== null && t.baseYear !== null && parsed.baseYear !== t.baseYear) {
    mismatch(`表述中的基期为${parsed.baseYear}年,所填基期年份为${t.baseYear}年`, `the wording's base year is ${parsed.baseYear}, the base year entered is ${t.baseYear}`);
  }
  if (parsed.baselineValue !== null && t.baselineValue !== null && !close(parsed.baselineValue, t.baselineValue)) {
    mismatch(
      `表述中的基期值为${fmt(parsed.baselineValue)},所填基期值为${fmt(t.baselineValue)}`,
      `the wording's baseline is ${fmt(parsed.baselineValue)}, the baseline entered is ${fmt(t.baselineValue)}`,
    );
  }
  if (reading.directionFromVerb && reading.direction !== null && reading.direction !== t.direction && !kindMismatch) {
    const dz = (d: string): string => (d === 'higher' ? '越高越好(提高)' : '越低越好(下降)');
    mismatch(`表述为“${dz(reading.direction)}”,方向却填写为“${dz(t.direction)}”`, `the wording says ${reading.direction}, the direction entered is ${t.direction}`);
  }

  const qualifierAgrees = reading.qualifier === t.qualifier || (t.qualifier === 'strive' && parsed.strive);
  if (!qualifierAgrees) {
    const p = QUALIFIER_LABELS[reading.qualifier];
    const f = QUALIFIER_LABELS[t.qualifier];
    push(
      ctx,
      'TARGET_QUALIFIER_MISMATCH',
      'qualifier',
      `${zh}的表述限定为“${p.zh}”,所填限定为“${f.zh}”,请核实。`,
      `The wording of ${en} qualifies the figure as "${p.en}", the qualifier entered is "${f.en}"; please check.`,
    );
  }
}

function checkWordingValues(
  ctx: TargetContext,
  parsed: ParsedTarget,
  reading: TargetReading,
  mismatch: (zh: string, en: string) => void,
): void {
  const t = ctx.target;
  const unit = t.unit || null;
  const values = [0, 1, 2].map((k) => t.values[k] ?? null);
  const yearOf = (k: number): number => t.targetYears[k] ?? ctx.applicationYear + k + 1;
  const say = (v: number, u: string | null): string => withUnit(v, u);

  if (parsed.yearValues !== null && parsed.yearValues.length === 3 && reading === parsed.readings[0]) {
    for (let k = 0; k < 3; k++) {
      const entered = values[k] ?? null;
      const written = parsed.yearValues[k]!;
      if (entered === null || sameQuantity(written, reading.unit, entered, unit)) continue;
      mismatch(
        `表述中${yearOf(k)}年为${say(written, reading.unit)},所填${yearOf(k)}年目标值为${say(entered, unit)}`,
        `the wording gives ${withUnitEn(written, reading.unit)} for ${yearOf(k)}, the value entered is ${withUnitEn(entered, unit)}`,
      );
      return;
    }
    return;
  }
  const third = values[2] ?? null;
  if (third === null) return;
  if (t.kind === 'annual_growth') {
    const present = values.filter((v): v is number => v !== null);
    const mean = present.reduce((s, v) => s + v, 0) / present.length;
    const matches = (target: number): boolean =>
      close(reading.value, target, 1e-6) ||
      Math.abs(reading.value - target) < 0.05 + 1e-9 ||
      (t.direction === 'lower' && Math.abs(Math.abs(reading.value) - Math.abs(target)) < 0.05 + 1e-9);
    if (matches(third) || matches(mean)) return;
    mismatch(
      `表述中的年均增长率为${say(reading.value, reading.unit)},所填各年增长率为${values.map((v) => (v === null ? '—' : fmt(v))).join('、')}`,
      `the wording's average annual growth is ${withUnitEn(reading.value, reading.unit)}, the yearly rates entered are ${values.map((v) => (v === null ? '—' : fmt(v))).join(', ')}`,
    );
    return;
  }
  if (sameQuantity(reading.value, reading.unit, third, unit)) return;
  mismatch(
    `表述中的目标值为${say(reading.value, reading.unit)},所填${yearOf(2)}年(第三年)目标值为${say(third, unit)}`,
    `the wording states ${withUnitEn(reading.value, reading.unit)}, the value entered for ${yearOf(2)} (the third year) is ${withUnitEn(third, unit)}`,
  );
}

function checkTargets(plan: Plan, out: Finding[]): void {
  const applicationYear = plan.cover.applicationYear;
  const present = new Set(plan.targets.map((t) => t.dimension));
  for (const dimension of TARGET_DIMENSIONS) {
    if (present.has(dimension)) continue;
    const label = DIMENSION_LABELS[dimension];
    out.push(
      finding(
        'TARGETS_DIMENSION_MISSING',
        'targets',
        `目标体系缺少“${label.zh}”维度的量化目标,每个维度至少应有一项。`,
        `The target system has no target for "${label.en}"; each dimension needs at least one.`,
      ),
    );
  }
  const ids = new Map<string, number>();
  const indicators = new Map<string, number>();
  plan.targets.forEach((target, index) => {
    const named = !blank(target.indicator);
    const ctx: TargetContext = {
      target,
      index,
      applicationYear,
      zh: named ? `指标“${target.indicator.trim()}”` : `第${index + 1}项目标`,
      en: named ? `target "${target.indicator.trim()}"` : `target no. ${index + 1}`,
      path: `targets[${index}]`,
      out,
    };
    const firstWithId = ids.get(target.id);
    if (firstWithId !== undefined) {
      push(
        ctx,
        'TARGET_ID_DUPLICATE',
        'id',
        `${ctx.zh}的编号“${target.id}”与第${firstWithId + 1}项目标重复。`,
        `${ctx.en} has the id "${target.id}", already used by target no. ${firstWithId + 1}.`,
      );
    } else ids.set(target.id, index);
    if (named) {
      const key = `${indicatorKey(target.indicator)}|${target.kind ?? ''}`;
      const first = indicators.get(key);
      if (first !== undefined) {
        push(
          ctx,
          'TARGET_DUPLICATE',
          'indicator',
          `${ctx.zh}与第${first + 1}项目标为同一指标、同一类型,重复设置。`,
          `${ctx.en} repeats target no. ${first + 1} (same indicator, same kind).`,
        );
      } else indicators.set(key, index);
    }
    checkTargetFields(ctx);
    checkTargetPath(ctx);
    checkWording(ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TableSpec {
  key: 'keyIndustries' | 'parks' | 'coreEnterprises' | 'innovationCarriers' | 'taskDivision';
  zh: string;
  en: string;
  required: readonly { field: string; zh: string; en: string }[];
}

const TABLES: readonly TableSpec[] = [
  { key: 'keyIndustries', zh: '重点产业', en: 'key industries', required: [{ field: 'name', zh: '产业名称', en: 'name' }] },
  { key: 'parks', zh: '主要承载园区', en: 'carrier parks', required: [{ field: 'name', zh: '园区名称', en: 'name' }] },
  { key: 'coreEnterprises', zh: '核心企业', en: 'core enterprises', required: [{ field: 'name', zh: '企业名称', en: 'name' }] },
  { key: 'innovationCarriers', zh: '创新载体', en: 'innovation carriers', required: [{ field: 'name', zh: '载体名称', en: 'name' }] },
  {
    key: 'taskDivision',
    zh: '任务分工',
    en: 'division of tasks',
    required: [
      { field: 'task', zh: '任务', en: 'task' },
      { field: 'responsibleUnit', zh: '责任单位', en: 'responsible unit' },
      { field: 'deadline', zh: '完成时限', en: 'deadline' },
    ],
  },
];

function checkTables(plan: Plan, out: Finding[]): void {
  for (const table of TABLES) {
    const rows = plan[table.key] as readonly Record<string, unknown>[];
    if (rows.length === 0) {
      out.push(
        finding('TABLE_EMPTY', table.key, `“${table.zh}”表尚未填写,至少应有一行。`, `The table of ${table.en} is empty; it needs at least one row.`),
      );
      continue;
    }
    rows.forEach((row, i) => {
      for (const req of table.required) {
        const value = row[req.field];
        if (typeof value === 'string' && !blank(value)) continue;
        out.push(
          finding(
            'TABLE_ROW_INCOMPLETE',
            `${table.key}[${i}].${req.field}`,
            `“${table.zh}”表第${i + 1}行未填写${req.zh}。`,
            `Row ${i + 1} of the table of ${table.en} has no ${req.en}.`,
          ),
        );
      }
    });
  }
  const first = plan.cover.applicationYear;
  const last = first + 3;
  plan.taskDivision.forEach((row, i) => {
    const m = /(\d{4})/.exec(normaliseText(row.deadline));
    if (!m) return;
    const year = Number(m[1]);
    if (year >= first && year <= last) return;
    out.push(
      finding(
        'TASK_DEADLINE_OUT_OF_PERIOD',
        `taskDivision[${i}].deadline`,
        `“任务分工”表第${i + 1}行的完成时限“${row.deadline}”不在${first}—${last}年之间,请核实。`,
        `The deadline "${row.deadline}" in row ${i + 1} of the division of tasks is outside ${first}–${last}; please check.`,
      ),
    );
  });
}

/** Checks a plan (draft or final) for completeness and for quantified, assessable targets. */
export function checkPlan(plan: Plan): Finding[] {
  const out: Finding[] = [];
  checkCover(plan, out);
  checkContact(plan, out);
  checkSections(plan, out);
  checkTargets(plan, out);
  checkTables(plan, out);
  return out;
}
