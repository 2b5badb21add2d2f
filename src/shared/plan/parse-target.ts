/**
 * Reads a target as officials write it ("到2019年,单位工业增加值能耗比2015年下降16%") and proposes
 * the structured fields of a Target. Pure; used by the editor (to prefill) and by the checker (to
 * verify that the wording and the fields say the same thing).
 *
 * Conventions (see docs/plan-format.md):
 * - unit: '%' for percentages and shares (六成 → 60 '%'); '个百分点' for percentage points (百分点 is
 *   normalised to it); money and physical units keep their magnitude word (1200亿元 → 1200 '亿元');
 *   count words (家, 个, 项…) are kept as written.
 * - change_vs_base: the size of the change in the stated direction (下降16% → 16, direction lower).
 * - annual_growth: the signed average growth rate (年均增长7% → 7; 年均下降4% → -4, direction lower).
 * - a figure inside the indicator's name (主营业务收入超百亿元企业10家) is not the target figure, and
 *   以上 after a rank (省级以上) is not a qualifier.
 */
import type { Qualifier, TargetKind } from './plan-schema';
import { findQuantities, normaliseText, unitFamily, type Quantity, type UnitFamily } from './chinese-numbers';

export type Direction = 'higher' | 'lower';

/** One figure of the wording read as a target. A wording may hold more than one (达到3000亿元,年均增长8%). */
export interface TargetReading {
  kind: TargetKind | null;
  direction: Direction | null;
  /** The direction comes from a verb (下降, 提高到, 控制在), not from the indicator's name or a default. */
  directionFromVerb: boolean;
  qualifier: Qualifier;
  value: number;
  unit: string | null;
  /** The figure as written, e.g. "16%", "六成", "1200亿元". */
  text: string;
}

export interface ParsedTarget {
  kind: TargetKind | null;
  direction: Direction | null;
  /** 以上/不低于/超过 → at_least; 以下/不高于/控制在…以内 → at_most; 左右/接近/约 → about; else 力争 → strive; else exact. */
  qualifier: Qualifier;
  value: number | null;
  unit: string | null;
  targetYear: number | null;
  baseYear: number | null;
  /** The base-year value when the wording states it (由2015年的1.2%提高到1.8% → 1.2). */
  baselineValue: number | null;
  /** Values per year when the wording lists them (2017—2019年分别达到1.2%、1.5%、1.8%). */
  yearValues: number[] | null;
  /** Best-effort name of the indicator. */
  indicator: string | null;
  /** 累计 appears. */
  cumulative: boolean;
  /** 力争 / 争取 / 努力 appears (also when a bound such as 以上 decides the qualifier). */
  strive: boolean;
  /** The vague phrase when the wording has no target figure but an aspiration (显著提升…), else null. */
  vague: string | null;
  /** The primary reading first, then any other target figures of the wording. */
  readings: TargetReading[];
  /** The wording after normalisation (simplified, ASCII digits, no spaces). */
  normalised: string;
}

export interface ParseTargetOptions {
  /** Lets "试点期末" / "三年内" resolve to applicationYear + 3. */
  applicationYear?: number;
}

const CN_YEAR_DIGITS = '[\\d零〇一二三四五六七八九]';
const BOUNDARY = /[,;。:!?]/;
const FIGURE_END = /^[,;。:!?、()]/;

/** Verbs that end in a level: 达到, 提高到, 降至, 控制在… (the longest alternatives first). */
const LEVEL_VERB =
  /(?:提高|提升|增长|增加(?!值)|上升|下降|降低|减少|压减|缩减|压缩|缩短|扩大|增|降|升|减)(?:到|至)|降至|升至|增至|减至|达到|保持在|稳定在|控制在|维持在|超过|突破|不低于|不少于|不高于|不超过|高于|低于|大于|小于/g;
/** Short level verbs that count only right before the figure: 达1.8%, 为2.5%. */
const SHORT_LEVEL_AT_END = /(?:达|为|到|至|在)(?:约|近|接近)?$/;
const CHANGE_VERB = /提高|提升|增长|增加(?!值)|上升|下降|降低|减少|压减|缩减|压缩|缩短|节约|节省|扩大|递增|递减/g;
const COUNT_VERB_SOURCE =
  /新建|新增|新培育|新认定|培育|建成|建设|创建|组建|引进|认定|打造|培养|培训|推广|实施|开发|研制|制定|获得|获批|攻克|形成|建立|设立|扶持|改造|累计|新上|推动|带动|服务/;
const COUNT_VERB = new RegExp(COUNT_VERB_SOURCE.source, 'g');
const ANNUAL_MARKER = /年均|年平均|平均每年|每年平均|年复合|复合年均|年递增|年递减|每年递增|每年增长|每年提高/;
const LOWER_VERB = /下降|降低|减少|压减|缩减|压缩|缩短|节约|节省|递减|降|减|控制在|不高于|不超过|低于|小于/;
const HIGHER_VERB = /提高|提升|增长|增加|上升|扩大|递增|增|升|超过|突破|不低于|不少于|高于|大于/;
/** Indicators where less is better when no verb says so (达到0.5吨标准煤/万元). */
const LOWER_IS_BETTER =
  /能耗|水耗|电耗|煤耗|物耗|排放|污染|二氧化碳|二氧化硫|氮氧化物|化学需氧量|氨氮|粉尘|PM|成本|事故|不良品|不良率|废品|库存|负债率|亏损|用地|耗/;

const QUALIFIER_SUFFIX: readonly [RegExp, Qualifier][] = [
  [/^(?:及以上|或以上|以上|之上)/, 'at_least'],
  [/^(?:及以下|或以下|以下|以内|之内)/, 'at_most'],
  [/^(?:左右|上下|前后)/, 'about'],
];
const QUALIFIER_PREFIX: readonly [RegExp, Qualifier][] = [
  [/(?:不低于|不少于|(?<!不)超过|(?<!不)高于|(?<!不)大于|(?<!不)多于|突破|至少|最少|(?<!不)超|逾)(?:达到|达)?$/, 'at_least'],
  [/(?:不高于|不超过|(?<!不)低于|(?<!不)少于|(?<!不)小于|控制在|至多|最多)(?:达到|达|为)?$/, 'at_most'],
  [/(?:约|大约|接近|将近|近|约为|约达|大概)(?:达到|达|为)?$/, 'about'],
];
/** Any verb or bound right before a figure, which makes an unlabelled number a target figure. */
const TRIGGER_BEFORE =
  /(?:达到|达|为|到|至|增长|下降|提高|提升|降低|减少|增加|超过|突破|不低于|不少于|不高于|不超过|低于|高于|控制在|保持在|稳定在|维持在|约|接近|近|新建|新增|培育|建成|引进|创建|打造|认定|累计|降|增|升|在)$/;

const VAGUE =
  /(?:显著|大幅度?|进一步|明显|稳步|不断|持续|较大幅度|较大|较快|大大|全面|有效|逐步|快速|加快|逐年|有所|基本|整体|大力|切实|日益|日趋|积极)(?:的)?(?:提升|提高|增强|增加|增长|改善|优化|完善|下降|降低|减少|加强|扩大|壮大|加快|上升|好转|推进|健全|巩固|提速|突破|发展|凸显|强化|攀升)|取得(?:明显|显著|积极|重大|重要|突破性)?(?:成效|进展|突破)|迈上新台阶|上新台阶|(?:走在|位居|位于|进入)(?:全国|全省)前列|(?:国内|国际|全国|全省|行业)(?:领先|先进|一流)(?:水平)?|先进水平|领先水平|显著|明显|大幅/;

const STRIVE = /力争|争取|努力/;
const CUMULATIVE = /累计|累积|合计|共计/;
const PERIOD_END = /十([一二三四])五(?:规划)?(?:末|期末)/g;
const PERIOD_YEARS: Readonly<Record<string, number>> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025 };
const RELATIVE_END = /三年内|三年后|试点期末|试点期内|试点期满|试点期间|创建期末|到期末/;

interface YearMention {
  year: number;
  start: number;
  end: number;
  base: boolean;
}

interface Figure {
  q: Quantity;
  baseline: boolean;
  terminal: boolean;
  clauseStart: number;
  clauseEnd: number;
}

function clauseBounds(t: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !BOUNDARY.test(t[start - 1]!)) start--;
  let end = at;
  while (end < t.length && !BOUNDARY.test(t[end]!)) end++;
  return { start, end };
}

function isYearNumber(q: Quantity): boolean {
  return Number.isInteger(q.value) && q.value >= 1990 && q.value <= 2100 && !q.share && !q.raw.startsWith('-');
}

function findYears(t: string, quantities: Quantity[]): { years: YearMention[]; yearQuantities: Set<Quantity> } {
  const yearQuantities = new Set<Quantity>();
  const years: YearMention[] = [];
  quantities.forEach((q, idx) => {
    let isYear = q.unit === '年' && isYearNumber(q);
    if (!isYear && q.unit === null && isYearNumber(q)) {
      // The first year of a range or list: 2017-2019年, 2017、2018年.
      const next = quantities[idx + 1];
      const between = next ? t.slice(q.end, next.start) : '';
      isYear = next !== undefined && next.unit === '年' && isYearNumber(next) && /^[-~至到、,和及与]$/.test(between);
    }
    if (!isYear) return;
    yearQuantities.add(q);
    years.push({ year: q.value, start: q.start, end: q.end, base: false });
  });
  for (const m of t.matchAll(PERIOD_END)) {
    years.push({ year: PERIOD_YEARS[m[1]!]!, start: m.index, end: m.index + m[0].length, base: false });
  }
  for (const y of years) {
    const before = t.slice(Math.max(0, y.start - 4), y.start);
    const after = t.slice(y.end, y.end + 8);
    y.base =
      /(?:比|较|与|同|相比|相较|相对于|对比|由|从|以)$/.test(before) ||
      /^(?:底|末|度)?(?:的)?(?:基础上|水平上|为基|相比|比较|对比|基数)/.test(after);
  }
  years.sort((a, b) => a.start - b.start);
  return { years, yearQuantities };
}

function familyOf(unit: string | null): UnitFamily | null {
  return unit === null ? null : unitFamily(unit);
}

function isCountish(unit: string | null): boolean {
  const f = familyOf(unit);
  return f === null || f === 'count';
}

interface VerbHit {
  verb: string;
  index: number;
  category: 'level' | 'change' | 'count';
}

/** Verbs in the text before a figure, ignoring those that govern a figure inside the indicator's name. */
function verbsBefore(pre: string, preOffset: number, internalStarts: number[]): VerbHit[] {
  const hits: VerbHit[] = [];
  const governsInternal = (endAbs: number): boolean =>
    internalStarts.some((s) => s >= endAbs && s - endAbs <= 2 && /^(?:约|近|接近)?$/.test(pre.slice(endAbs - preOffset, s - preOffset)));
  const collect = (re: RegExp, category: VerbHit['category']): void => {
    for (const m of pre.matchAll(re)) {
      if (governsInternal(preOffset + m.index + m[0].length)) continue;
      hits.push({ verb: m[0], index: m.index, category });
    }
  };
  collect(LEVEL_VERB, 'level');
  collect(CHANGE_VERB, 'change');
  collect(COUNT_VERB, 'count');
  const short = SHORT_LEVEL_AT_END.exec(pre);
  if (short) hits.push({ verb: short[0], index: short.index, category: 'level' });
  // A level verb such as 提高到 also matches the change verb 提高 at the same place: keep the longer.
  return hits.filter(
    (h) => !hits.some((o) => o !== h && o.index <= h.index && o.index + o.verb.length >= h.index + h.verb.length && o.verb.length > h.verb.length),
  );
}

function closest(hits: VerbHit[]): VerbHit | null {
  let best: VerbHit | null = null;
  for (const h of hits) {
    if (!best || h.index + h.verb.length > best.index + best.verb.length) best = h;
  }
  return best;
}

function polarity(verb: string): Direction | null {
  if (/不低于|不少于/.test(verb)) return 'higher';
  if (/不高于|不超过/.test(verb)) return 'lower';
  // 达到, 为, 保持在: neutral; the indicator or the bound decides.
  if (/^(?:达到|达|为|到|至|在|保持在|稳定在|维持在)/.test(verb)) return null;
  if (LOWER_VERB.test(verb)) return 'lower';
  if (HIGHER_VERB.test(verb)) return 'higher';
  return null;
}

function readQualifier(t: string, q: Quantity, pre: string): Qualifier | null {
  const after = t.slice(q.end);
  for (const [re, qualifier] of QUALIFIER_SUFFIX) if (re.test(after)) return qualifier;
  for (const [re, qualifier] of QUALIFIER_PREFIX) if (re.test(pre)) return qualifier;
  if (q.more) return 'at_least';
  return null;
}

function normaliseUnit(unit: string | null): string | null {
  if (unit === '百分点') return '个百分点';
  return unit;
}

function readFigure(
  t: string,
  fig: Figure,
  preStart: number,
  internalStarts: number[],
  baseYear: number | null,
  strive: boolean,
): TargetReading {
  const { q } = fig;
  const pre = t.slice(preStart, q.start);
  const hits = verbsBefore(pre, preStart, internalStarts);
  const verb = closest(hits);
  const family = familyOf(q.unit);
  const bound = readQualifier(t, q, pre);
  const qualifier: Qualifier = bound ?? (strive ? 'strive' : 'exact');
  const clause = t.slice(fig.clauseStart, q.start);
  let kind: TargetKind | null;
  let direction: Direction | null = null;
  let directionFromVerb = false;
  let value = q.value;

  const verbDirection = (): void => {
    const d = verb ? polarity(verb.verb) : null;
    if (d) {
      direction = d;
      directionFromVerb = true;
    }
  };

  if (q.raw.startsWith('翻')) {
    kind = 'change_vs_base';
    direction = 'higher';
    directionFromVerb = true;
  } else if (family === 'pp') {
    kind = 'pp_change';
    verbDirection();
  } else if (ANNUAL_MARKER.test(pre) && (family === 'percent' || q.share)) {
    kind = 'annual_growth';
    const changeHits = hits.filter((h) => h.category !== 'count');
    const lastVerb = closest(changeHits);
    const declining = /下降|降低|减少|递减|年递减/.test(lastVerb?.verb ?? '') || /年递减/.test(pre);
    if (bound === 'at_most' || /控制/.test(pre)) {
      direction = 'lower';
      directionFromVerb = true;
    } else if (declining) {
      direction = 'lower';
      directionFromVerb = true;
      if (value > 0) value = -value;
    } else {
      direction = 'higher';
      directionFromVerb = /增长|提高|递增|增/.test(pre);
    }
  } else if (verb?.category === 'level') {
    const countVerbBefore = hits.some((h) => h.category === 'count' && h.index < verb.index);
    kind = countVerbBefore && isCountish(q.unit) ? 'count' : 'level';
    verbDirection();
  } else if (verb?.category === 'change') {
    if (baseYear !== null || family === 'percent' || q.share) kind = 'change_vs_base';
    else if (isCountish(q.unit) && q.unit !== null) kind = 'count';
    else kind = 'change_vs_base';
    verbDirection();
    if (kind === 'count' && direction === null) direction = 'higher';
  } else if (verb?.category === 'count') {
    kind = isCountish(q.unit) ? 'count' : 'change_vs_base';
    direction = 'higher';
  } else {
    kind = q.unit !== null && isCountish(q.unit) ? 'count' : 'level';
  }

  if (direction === null) {
    if (kind === 'count') direction = 'higher';
    else if (bound === 'at_least') direction = 'higher';
    else if (bound === 'at_most') direction = 'lower';
    else if (LOWER_IS_BETTER.test(clause)) direction = 'lower';
    else if (kind === 'level' || kind === 'annual_growth') direction = 'higher';
  }
  return { kind, direction, directionFromVerb, qualifier, value, unit: normaliseUnit(q.unit), text: q.raw };
}

const LEADING_NOISE =
  /^(?:到|至|截至|截止|力争|争取|确保|预计|计划|努力|在|全市|全区|全县|本市|我市|累计|实现|其中|目标|主要目标|的|(?:[\d零〇一二三四五六七八九]{4}[-~至到、和])*[\d零〇一二三四五六七八九]{4}年(?:底|末)?(?:前)?|十[一二三四]五(?:规划)?(?:末|期末)|[,;、:])+/;
const TRAILING_NOISE = /(?:的|要|将|均|达|为|约|近|接近|分别|[,;、:])+$/;
const INDICATOR_CUT = new RegExp(
  `年均|年平均|平均每年|每年平均|年复合|复合年均|(?:比|较|与|从)(?=${CN_YEAR_DIGITS}{4}年|基期|上年|十[一二三四]五)|相比|由(?=${CN_YEAR_DIGITS}{4}年|\\d)|达到|提高|提升|增长|增加(?!值)|上升|下降|降低|降至|减少|压减|超过|突破|不低于|不少于|不高于|不超过|控制在|保持在|稳定在|维持在|高于|低于`,
);

function cleanIndicator(text: string): string {
  let s = text;
  for (let i = 0; i < 4; i++) s = s.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '');
  return s;
}

function extractIndicator(t: string, fig: Figure, kind: TargetKind | null, internalEnds: number[]): string | null {
  let before = t.slice(fig.clauseStart, fig.q.start);
  let cleaned = cleanIndicator(before);
  // Verbs up to the last figure inside the name (主营业务收入超过100亿元企业) belong to the name.
  let protectedEnd = Math.max(0, ...internalEnds.filter((e) => e > fig.clauseStart && e <= fig.q.start).map((e) => e - fig.clauseStart));
  if (cleaned.length === 0 && fig.clauseStart > 0) {
    // 规上工业增加值:年均增长7%  → the name sits in the clause before.
    const prev = clauseBounds(t, fig.clauseStart - 1);
    before = t.slice(prev.start, prev.end);
    cleaned = cleanIndicator(before);
    protectedEnd = 0;
  }
  const cutFrom = Math.max(0, protectedEnd - Math.max(0, before.indexOf(cleaned)));
  const cutter = new RegExp(INDICATOR_CUT.source, 'g');
  cutter.lastIndex = cutFrom;
  const cut = kind === 'count' ? null : cutter.exec(cleaned);
  let name = kind === 'count' ? cleaned.replace(/(?:达到|超过|突破|不少于|不低于|累计)+(?:约|近|接近)?$/, '') : cleaned;
  if (cut && cut.index > 0) name = cleaned.slice(0, cut.index);
  else if (cut && cut.index === 0) {
    const rest = cleaned.slice(cut[0].length);
    const next = INDICATOR_CUT.exec(rest);
    name = next ? rest.slice(0, next.index) : rest;
  }
  name = cleanIndicator(name);
  if (/^[\d.%]*$/.test(name)) name = '';
  if (kind === 'count') {
    // 培育20家智能制造示范企业: the thing counted follows the figure.
    let after = t.slice(fig.q.end, fig.clauseEnd);
    after = after.replace(/^(?:及以上|或以上|以上|之上|左右|以下|以内)/, '');
    if (after.length > 0 && !/^[(、]/.test(after)) name = cleanIndicator(name + after);
  }
  return name.length > 0 ? name : null;
}

function vagueIndicator(t: string, vagueIndex: number | null): string | null {
  const end = vagueIndex ?? t.length;
  const { start } = clauseBounds(t, Math.max(0, end - 1));
  const name = cleanIndicator(t.slice(start, end));
  return name.length > 0 ? name : null;
}

/** Proposes the structured fields of a target from its wording. */
export function parseTargetWording(wording: string, opts: ParseTargetOptions = {}): ParsedTarget {
  const t = normaliseText(wording);
  const quantities = findQuantities(t);
  const { years, yearQuantities } = findYears(t, quantities);
  const strive = STRIVE.test(t);
  const cumulative = CUMULATIVE.test(t);

  const baseYear = years.find((y) => y.base)?.year ?? null;
  const targetYears = years.filter((y) => !y.base).map((y) => y.year);
  let targetYear = targetYears.length > 0 ? Math.max(...targetYears) : null;
  if (targetYear === null && opts.applicationYear !== undefined && RELATIVE_END.test(t)) {
    targetYear = opts.applicationYear + 3;
  }

  // Candidate figures: quantities that are not years or durations, with a unit, a share or a verb before them.
  const figures: Figure[] = [];
  for (const q of quantities) {
    if (yearQuantities.has(q) || q.unit === '年') continue;
    const before = t.slice(Math.max(0, q.start - 5), q.start);
    if (q.unit === null && !q.share && !TRIGGER_BEFORE.test(before)) continue;
    const { start, end } = clauseBounds(t, q.start);
    const baseline = new RegExp(`(?:由|从)(?:${CN_YEAR_DIGITS}{4}年(?:底|末)?|十[一二三四]五(?:规划)?(?:末|期末))?的?$`).test(
      t.slice(Math.max(0, q.start - 14), q.start),
    );
    figures.push({ q, baseline, terminal: false, clauseStart: start, clauseEnd: end });
  }
  // A target figure ends its clause, or follows a verb (达到, 培育…) without qualifying a noun
  // (超过10亿元的企业) or the subject of a later verb (超过100亿元企业达到10家).
  for (const fig of figures) {
    if (fig.baseline) continue;
    const next = figures.find((o) => o !== fig && !o.baseline && o.clauseStart === fig.clauseStart && o.q.start > fig.q.start);
    const afterQualifier = t.slice(fig.q.end).replace(/^(?:及以上|或以上|以上|之上|以下|及以下|或以下|以内|之内|左右|上下|前后)/, '');
    const endsHere = afterQualifier.length === 0 || FIGURE_END.test(afterQualifier);
    const before = t.slice(Math.max(0, fig.q.start - 5), fig.q.start);
    const triggered = TRIGGER_BEFORE.test(before) || /(?:约|近|接近)$/.test(before) || fig.q.raw.startsWith('翻');
    const qualifiesNoun = /^的/.test(afterQualifier);
    const between = t.slice(fig.q.end, next ? next.q.start : fig.clauseEnd);
    const subjectOfLaterVerb = next !== undefined && new RegExp(`${LEVEL_VERB.source}|${CHANGE_VERB.source}`).test(between);
    if (endsHere) fig.terminal = true;
    else if (triggered) fig.terminal = !qualifiesNoun && !subjectOfLaterVerb;
    else {
      // 培育主营业务收入超百亿元企业10家 / 培育20家智能制造示范企业: a count verb governs the last figure.
      fig.terminal = next === undefined && !qualifiesNoun && COUNT_VERB_SOURCE.test(t.slice(fig.clauseStart, fig.q.start));
    }
  }
  const baselineFigure = figures.find((f) => f.baseline) ?? null;
  const internalStarts = figures.filter((f) => !f.terminal && !f.baseline).map((f) => f.q.start);
  const internalEnds = figures.filter((f) => !f.terminal && !f.baseline).map((f) => f.q.end);

  let targetFigures = figures.filter((f) => f.terminal);
  let yearValues: number[] | null = null;
  const respectively = t.indexOf('分别');
  if (respectively >= 0) {
    const listed = figures.filter((f) => !f.baseline && f.q.start > respectively);
    if (listed.length >= 2) {
      targetFigures = [...listed.slice(-1), ...targetFigures.filter((f) => !listed.includes(f))];
      yearValues = [];
    }
  }

  const vagueMatch = VAGUE.exec(t);
  const readings: TargetReading[] = [];
  let previousEnd = -1;
  const ordered = [...figures].sort((a, b) => a.q.start - b.q.start);
  const readingOf = new Map<Figure, TargetReading>();
  for (const fig of ordered) {
    if (fig.baseline) {
      previousEnd = fig.q.end;
      continue;
    }
    if (!fig.terminal && !(yearValues !== null && fig.q.start > respectively)) continue;
    const preStart = Math.max(fig.clauseStart, previousEnd);
    const reading = readFigure(t, fig, preStart, internalStarts, baseYear, strive);
    readingOf.set(fig, reading);
    previousEnd = fig.q.end;
  }
  if (yearValues !== null) {
    const listed = ordered.filter((f) => !f.baseline && f.q.start > respectively);
    // Values listed after 分别 share the verb of the first one.
    const first = readingOf.get(listed[0]!)!;
    yearValues = listed.map((f) => {
      const r = readingOf.get(f)!;
      return first.kind === 'annual_growth' && first.value < 0 && r.value > 0 ? -r.value : r.value;
    });
    for (const f of listed.slice(1)) {
      const r = readingOf.get(f)!;
      r.kind = first.kind;
      r.direction = first.direction;
      r.directionFromVerb = first.directionFromVerb;
      r.value = yearValues[listed.indexOf(f)]!;
    }
  }
  for (const fig of targetFigures) {
    const r = readingOf.get(fig);
    if (r) readings.push(r);
  }

  const primary = readings[0] ?? null;
  const primaryFigure = targetFigures[0] ?? null;
  const vague = primary === null && vagueMatch ? vagueMatch[0] : null;
  const indicator =
    primary && primaryFigure ? extractIndicator(t, primaryFigure, primary.kind, internalEnds) : vagueIndicator(t, vagueMatch?.index ?? null);

  return {
    kind: primary?.kind ?? null,
    direction: primary?.direction ?? null,
    qualifier: primary?.qualifier ?? (strive ? 'strive' : 'exact'),
    value: primary?.value ?? null,
    unit: primary?.unit ?? null,
    targetYear,
    baseYear,
    baselineValue: baselineFigure?.q.value ?? null,
    yearValues,
    indicator,
    cumulative,
    strive,
    vague,
    readings,
    normalised: t,
  };
}
