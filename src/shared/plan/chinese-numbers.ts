/**
 * Reading numbers the way Chinese officials write them in plan targets.
 *
 * Pure helpers, no I/O: character normalisation (traditional → simplified for the vocabulary of
 * targets, full-width → ASCII), numeral parsing (digits, Chinese numerals, mixed forms such as
 * 3千 or 1.2万, shares such as 六成 or 百分之十五) and a scanner that finds every quantity in a
 * sentence together with its unit.
 *
 * Unit convention: a magnitude word (万/亿) written before a money, physical or people unit stays
 * in the unit, because that is how statistics state them (1200亿元 → 1200 "亿元", 3.5万人 → 3.5
 * "万人"); before a count word (家, 个, 项…) or on its own it multiplies (1.2万家 → 12000 "家",
 * 5亿 → 500000000). Shares are percentages (六成 → 60 "%").
 */

/**
 * Traditional → simplified pairs for the characters that occur in target wording (indicator names,
 * verbs, qualifiers, units, numerals). Deliberately compact: a plan is not a general text.
 * 著 is left alone on purpose (显著 keeps it in simplified Chinese).
 */
const TRADITIONAL_PAIRS =
  '達达 億亿 萬万 長长 個个 點点 於于 產产 業业 規规 經经 費费 佔占 發发 將将 資资 額额 營营 務务 標标 準准 進进 術术 創创 ' +
  '數数 據据 網网 絡络 聯联 車车 電电 腦脑 製制 裝装 備备 質质 結结 構构 優优 續续 環环 節节 約约 綠绿 兩两 貫贯 認认 證证 ' +
  '機机 廠厂 區区 園园 開开 設设 計计 實实 現现 際际 總总 體体 與与 為为 爲为 過过 這这 們们 關关 會会 員员 專专 項项 較较 ' +
  '動动 國国 級级 縣县 鄉乡 權权 獲获 識识 價价 銷销 貿贸 匯汇 雙双 單单 噸吨 氣气 廢废 處处 減减 學学 強强 鏈链 條条 鑄铸 ' +
  '鋼钢 鐵铁 礦矿 紡纺 織织 藥药 醫医 療疗 農农 線线 傳传 統统 儲储 運运 輸输 層层 積积 極极 試试 驗验 檢检 測测 監监 臺台 ' +
  '畝亩 團团 隊队 養养 訓训 練练 職职 師师 範范 圍围 軟软 雲云 邊边 緣缘 當当 應应 擊击 稅税 財财 貸贷 險险 場场 倉仓 態态 ' +
  '勢势 滿满 盤盘 屬属 廣广 東东 舉举 漲涨 歲岁 齡龄 階阶 帶带 頭头 龍龙 驅驱 無无 燈灯 錄录 擴扩 張张 庫库 讓让 後后 從从 ' +
  '來来 時时 間间 門门 問问 題题 難难 顯显 穩稳 斷断 類类 邁迈 嚴严 輕轻 紅红 內内 爭争 補补 濟济 綜综 劃划 綱纲 導导 組组 ' +
  '評评 獎奖 勵励 鍵键 寬宽 蓋盖 壓压 縮缩 購购 貨货 歷历 贏赢 戶户 號号 見见 確确 觀观 響响 華华 輛辆 飛飞 紙纸 儀仪 參参 ' +
  '轉转 協协 擁拥 勞劳 貢贡 獻献 躍跃 領领 遠远 興兴 戰战 潤润 負负 責责 壯壮 鞏巩 並并 復复 複复 佈布 週周 陽阳 鎮镇 衆众 ' +
  '麼么 裡里 裏里 競竞 藝艺 熱热 僅仅 齊齐 選选 擇择 調调 決决 執执 銀银 適适 衛卫 議议 餘余 築筑 樣样 檔档 則则 圓圆 屆届 ' +
  '壞坏 夠够 頒颁 劑剂 韌韧 鹽盐 紹绍 訊讯 豐丰 麗丽 幣币 臨临 況况 狀状 鋁铝 銅铜 鎳镍 鋰锂 輪轮 軸轴';

const TRADITIONAL_TO_SIMPLIFIED_MAP: ReadonlyMap<string, string> = new Map(
  TRADITIONAL_PAIRS.split(/\s+/)
    .filter((pair) => pair.length === 2)
    .map((pair) => [pair[0]!, pair[1]!] as const),
);

/** The traditional characters this module converts, for documentation and tests. */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = TRADITIONAL_TO_SIMPLIFIED_MAP;

/** Converts the traditional characters that occur in target wording to simplified ones. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED_MAP.get(ch) ?? ch;
  return out;
}

/**
 * Full-width ASCII forms (１２３, ％, ．, ，, （）, －, ～) and the ideographic space to their ASCII
 * forms; dashes used between years (2017—2019) become '-'. Chinese 、 and 。 are kept: 。 is no
 * decimal point.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0xfe6a) out += '%';
    else if (code >= 0x2012 && code <= 0x2015) out += '-';
    else if (code === 0x2212) out += '-';
    else out += ch;
  }
  return out;
}

/**
 * Simplified characters, ASCII digits and punctuation, no whitespace and no quotation marks
 * (比“十二五”末 reads as 比十二五末): the form every parser reads.
 */
export function normaliseText(text: string): string {
  return toHalfWidth(toSimplified(text)).replace(/[\s"'“”‘’「」『』]+/g, '');
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

function isCnDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch in CN_DIGITS;
}
function isCnNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && (ch in CN_DIGITS || ch in CN_SMALL_UNITS || ch in CN_BIG_UNITS);
}

/**
 * A whole Chinese integer: 十五, 二十, 三百五十, 两千零五, 一万二千, 三百五 (= 350, the spoken
 * abbreviation), 一亿二千万, or a digit-by-digit year such as 二〇一九. Returns null when the text
 * is not a well-formed numeral (e.g. 十三五).
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  if (!chars.every(isCnNumeralChar)) return null;
  if (chars.every((c) => isCnDigit(c))) {
    if (chars.length === 1) return CN_DIGITS[chars[0]!]!;
    // Digit by digit (二〇一九); 两 is never used that way.
    if (chars.includes('两')) return null;
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0; // completed 亿 / 万 groups
  let section = 0; // the group being read, below 万
  let pending: number | null = null; // a digit waiting for its unit
  let zeroSeen = false;
  let lastSmall = Infinity; // units inside a section must fall: 千 > 百 > 十
  let lastUnitValue = 0; // value of the unit just before a trailing digit (for 三百五)
  let previousWasUnit = false;
  let lastBig = Infinity;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (isCnDigit(ch)) {
      const digit = CN_DIGITS[ch]!;
      if (digit === 0) {
        if (pending !== null) return null;
        zeroSeen = true;
        previousWasUnit = false;
        continue;
      }
      if (pending !== null) return null;
      pending = digit;
      previousWasUnit = false;
      continue;
    }
    if (ch in CN_SMALL_UNITS) {
      const unit = CN_SMALL_UNITS[ch]!;
      if (unit >= lastSmall) return null;
      if (pending === null) {
        // 十五 starts with a bare 十; 百亿, 千万 start with a bare unit; elsewhere a digit is needed.
        if (ch === '十' || (section === 0 && total === 0 && i === 0)) pending = 1;
        else return null;
      }
      section += pending * unit;
      pending = null;
      zeroSeen = false;
      lastSmall = unit;
      lastUnitValue = unit;
      previousWasUnit = true;
      continue;
    }
    const big = CN_BIG_UNITS[ch]!;
    if (big >= lastBig && !(big === 1e8 && lastBig === 1e4)) return null;
    let group = section + (pending ?? 0);
    if (group === 0 && total === 0) group = 1; // 万 / 亿 alone
    if (big === 1e8) total = (total + group) * 1e8;
    else if (lastBig === 1e8 || total === 0) total += group * 1e4;
    else return null;
    section = 0;
    pending = null;
    zeroSeen = false;
    lastSmall = Infinity;
    lastBig = big;
    lastUnitValue = big;
    previousWasUnit = true;
  }
  if (pending !== null) {
    // 三百五 = 350 and 一万二 = 12000: a last digit right after a unit of 百 or more
    // counts in the next lower place.
    if (!zeroSeen && lastUnitValue >= 100 && !previousWasUnit && chars.length >= 3) {
      const prev = chars[chars.length - 2]!;
      if (prev in CN_SMALL_UNITS || prev in CN_BIG_UNITS) return total + section + pending * (lastUnitValue / 10);
    }
    section += pending;
  }
  return total + section;
}

/** A Chinese number with an optional decimal part: 三点五 = 3.5, 十二点零五 = 12.05. */
export function parseChineseNumber(text: string): number | null {
  const [intPart, fracPart, ...rest] = text.split('点');
  if (rest.length > 0 || intPart === undefined) return null;
  const whole = parseChineseInteger(intPart);
  if (whole === null) return null;
  if (fracPart === undefined) return whole;
  const fracChars = [...fracPart];
  if (fracChars.length === 0 || !fracChars.every((c) => isCnDigit(c) && c !== '两')) return null;
  return Number(`${whole}.${fracChars.map((c) => CN_DIGITS[c]).join('')}`);
}

const MAGNITUDE_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/**
 * One number as a whole string, in any of the written forms: 1200, 1,200, 1.8, 二十, 三百五十,
 * 三点五, 3千 (3000), 1.2万 (12000), 5亿 (5e8), 5千万 (5e7). Text is normalised first, so
 * traditional and full-width forms work. Returns null when the text is not just a number.
 */
export function parseNumber(text: string): number | null {
  const t = normaliseText(text);
  if (t.length === 0) return null;
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([十百千万亿]*)$/.exec(t);
  if (m) {
    const base = Number(`${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`);
    let value = base;
    for (const ch of m[4] ?? '') value *= MAGNITUDE_VALUES[ch]!;
    return m[1] === '-' ? -value : value;
  }
  if (t.startsWith('负')) {
    const value = parseNumber(t.slice(1));
    return value === null ? null : -value;
  }
  return parseChineseNumber(t);
}

/**
 * A share written as officials do, in percent: 六成 → 60, 三成五 → 35, 5成 → 50,
 * 百分之十五 → 15, 百分之1.5 → 1.5, 15% → 15. Null when the text is not a share.
 */
export function parseShare(text: string): number | null {
  const t = normaliseText(text);
  let m = /^百分之(.+)$/.exec(t);
  if (m) return parseNumber(m[1]!);
  m = /^(.+)%$/.exec(t);
  if (m) return parseNumber(m[1]!);
  m = /^(十|[一二两三四五六七八九]|\d{1,2})成([一二三四五六七八九]|\d)?$/.exec(t);
  if (m) {
    const tenths = parseNumber(m[1]!);
    if (tenths === null || tenths > 10) return null;
    const hundredths = m[2] === undefined ? 0 : parseNumber(m[2])!;
    return tenths * 10 + hundredths;
  }
  return null;
}

/** Units that a magnitude word joins (万元, 亿元, 万吨, 万人) rather than multiplies. */
export const MAGNITUDE_BEARING_BASES: readonly string[] = [
  '美元',
  '元',
  '吨标准煤',
  '吨标煤',
  '吨',
  '千瓦时',
  '千瓦',
  '立方米',
  '平方米',
  '亩',
  '人次',
  '人',
  '户',
  '标准箱',
];

/** Measure words of things counted one by one (企业20家, 平台5个). */
export const COUNT_UNITS: readonly string[] = [
  '台套',
  '项次',
  '家',
  '个',
  '项',
  '件',
  '台',
  '套',
  '座',
  '所',
  '条',
  '款',
  '名',
  '位',
  '种',
  '处',
  '辆',
  '部',
  '艘',
  '架',
  '支',
  '次',
  '批次',
];

const OTHER_UNITS: readonly string[] = [
  '个百分点',
  '百分点',
  '%',
  '‰',
  '千克',
  '公斤',
  '平方公里',
  '公里',
  '兆瓦',
  '倍',
  '分',
  '小时',
  '天',
  '年',
  'Mbps',
  'Gbps',
];

/** Every unit the scanner recognises, longest first so that 个百分点 wins over 个. */
const ALL_UNITS: readonly string[] = [...new Set([...OTHER_UNITS, ...MAGNITUDE_BEARING_BASES, ...COUNT_UNITS])].sort(
  (a, b) => b.length - a.length,
);

/** Characters after which a unit word is really the start of another word (3所有 is no unit). */
const UNIT_BLOCKERS: Readonly<Record<string, string>> = {
  分: '别之点析类布期钟工',
  所: '有在以属',
  名: '单称牌',
  位: '于置',
  处: '理于',
  部: '分门署件',
  人: '才员口民均工',
  次: '要',
  条: '件例',
  种: '类',
  台: '湾',
  天: '然津',
  年: '级',
  个: '体人',
  件: '事',
};

/** The unit starting at `at`, without a magnitude prefix, or null. */
function matchSimpleUnit(text: string, at: number): string | null {
  for (const unit of ALL_UNITS) {
    if (!text.startsWith(unit, at)) continue;
    const next = text[at + unit.length];
    const blockers = UNIT_BLOCKERS[unit];
    if (blockers !== undefined && next !== undefined && blockers.includes(next)) continue;
    return unit;
  }
  return null;
}

/** A ratio denominator after '/' or 每: 吨标准煤/万元, 件/万人, 万元/人. */
function matchDenominator(text: string, at: number): { unit: string; end: number } | null {
  let i = at;
  let magnitude = '';
  if (text[i] === '万' || text[i] === '亿' || text[i] === '千' || text[i] === '百') {
    magnitude = text[i]!;
    i++;
  }
  const unit = matchSimpleUnit(text, i);
  if (unit === null || unit === '%' || unit === '‰' || unit.includes('百分点') || unit === '年') return null;
  return { unit: magnitude + unit, end: i + unit.length };
}

/** A quantity found in a sentence. `start`/`end` index the normalised text given to the scanner. */
export interface Quantity {
  value: number;
  /** '%', '个百分点', '亿元', '家', '吨标准煤/万元', '年', … or null when none follows. */
  unit: string | null;
  start: number;
  end: number;
  raw: string;
  /** Written as a share or fraction: 六成, 三成五, 百分之十五. */
  share: boolean;
  /** Written with 余 or 多 (20余家, 1200多亿元): "more than". */
  more: boolean;
}

interface NumberRead {
  /** The number including any trailing magnitude words. */
  value: number;
  /** The number without a trailing 万 / 亿 / 万亿, when it has one (1.2万 → 1.2, magnitude 万). */
  core: number | null;
  magnitude: string;
  end: number;
  chinese: boolean;
}

const ASCII_NUMBER = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/y;

function stopsMagnitude(text: string, at: number): boolean {
  const ch = text[at];
  const next = text[at + 1];
  if (ch === '千' && next !== undefined && '瓦克米焦帕卡伏兆'.includes(next)) return true;
  if (ch === '百' && next === '分') return true;
  return false;
}

function readTrailingMagnitude(text: string, at: number): string {
  let i = at;
  let out = '';
  while (i < text.length && '十百千万亿'.includes(text[i]!) && !stopsMagnitude(text, i)) {
    out += text[i];
    i++;
  }
  return out;
}

function splitBigMagnitude(magnitude: string): { rest: string; big: string } {
  if (magnitude.endsWith('万亿')) return { rest: magnitude.slice(0, -2), big: '万亿' };
  if (magnitude.endsWith('亿') || magnitude.endsWith('万')) return { rest: magnitude.slice(0, -1), big: magnitude.slice(-1) };
  return { rest: magnitude, big: '' };
}

function readNumberAt(text: string, at: number): NumberRead | null {
  ASCII_NUMBER.lastIndex = at;
  const ascii = ASCII_NUMBER.exec(text);
  if (ascii && ascii.index === at) {
    const digits = Number(`${ascii[1]!.replace(/,/g, '')}${ascii[2] ?? ''}`);
    let end = at + ascii[0].length;
    // 余 / 多 may sit between the digits and the magnitude word (1200多亿元).
    let moreGap = 0;
    if ((text[end] === '余' || text[end] === '多') && '万亿千百'.includes(text[end + 1] ?? '_')) moreGap = 1;
    const magnitude = readTrailingMagnitude(text, end + moreGap);
    if (magnitude.length === 0) return { value: digits, core: null, magnitude: '', end, chinese: false };
    end += moreGap + magnitude.length;
    let value = digits;
    for (const ch of magnitude) value *= MAGNITUDE_VALUES[ch]!;
    const { rest, big } = splitBigMagnitude(magnitude);
    let core: number | null = null;
    if (big) {
      core = digits;
      for (const ch of rest) core *= MAGNITUDE_VALUES[ch]!;
    }
    return { value, core, magnitude: big, end, chinese: false };
  }
  if (!isCnNumeralChar(text[at])) return null;
  let end = at;
  while (end < text.length) {
    const ch = text[end]!;
    if (isCnNumeralChar(ch) && !stopsMagnitude(text, end)) {
      end++;
      continue;
    }
    if (ch === '点' && end > at && isCnDigit(text[end + 1]) && isCnDigit(text[end - 1])) {
      end++;
      continue;
    }
    break;
  }
  if (end === at) return null;
  const run = text.slice(at, end);
  const value = parseChineseNumber(run);
  if (value === null) return null;
  const { rest, big } = splitBigMagnitude(run);
  let core: number | null = null;
  if (big && rest.length > 0) core = parseChineseNumber(rest);
  else if (big) core = 1;
  return { value, core, magnitude: big, end, chinese: true };
}

/** Characters before a bare magnitude word (百亿, 千, 万) that make it a number: 超百亿元, 上千家. */
const BARE_MAGNITUDE_LEADS = '超逾近上破达过';

/** Words built on numerals that are never quantities. */
const NUMERAL_WORDS = /^(一体化|一批|一系列|一流|一站式|一带一路|一般|一定|一线|一致|一起|一级|一期|一些|一大批|一揽子|两化|两翼|两业|两型|两高|三大|三化|三去一降一补|四化|五大|千家万户|万物|万众|百强|千亿级|百亿级|万亿级|十三五|十二五|十四五|十一五)/;

/**
 * Every quantity in a normalised sentence (see normaliseText), in order, with its unit.
 * Ordinals (第三), plan periods (十三五), numerals inside words (两化融合, 一批) and digits inside
 * names (PM2.5) are skipped.
 */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('百分点', i)) {
      i += 3;
      continue;
    }
    if (text.startsWith('百分之', i)) {
      const n = readNumberAt(text, i + 3);
      if (n) {
        out.push({ value: n.value, unit: '%', start: i, end: n.end, raw: text.slice(i, n.end), share: true, more: false });
        i = n.end;
        continue;
      }
    }
    const doubling = /^翻(一|两|三)?番/.exec(text.slice(i));
    if (doubling) {
      const times = doubling[1] === '两' ? 2 : doubling[1] === '三' ? 3 : 1;
      const end = i + doubling[0].length;
      out.push({ value: (2 ** times - 1) * 100, unit: '%', start: i, end, raw: doubling[0], share: false, more: false });
      i = end;
      continue;
    }
    const ch = text[i]!;
    const isAscii = ch >= '0' && ch <= '9';
    if (!isAscii && !isCnNumeralChar(ch)) {
      i++;
      continue;
    }
    const prev = text[i - 1];
    if (isAscii && prev !== undefined && /[A-Za-z.]/.test(prev)) {
      // PM2.5, R2: part of a name.
      while (i < text.length && /[\d.]/.test(text[i]!)) i++;
      continue;
    }
    if (!isAscii) {
      const word = NUMERAL_WORDS.exec(text.slice(i));
      if (word) {
        i += word[0].length;
        continue;
      }
    }
    const n = readNumberAt(text, i);
    if (!n) {
      i++;
      continue;
    }
    const raw = text.slice(i, n.end);
    if (prev === '第' || (n.chinese && prev === '星')) {
      i = n.end;
      continue;
    }
    if (n.chinese && /^[十百千万亿]+$/.test(raw) && raw !== '十' && !(prev !== undefined && BARE_MAGNITUDE_LEADS.includes(prev))) {
      // A bare 万 / 千 / 百 is a number only after 超, 近, 上… (超百亿元, 上千家); 每万人 is not.
      i = n.end;
      continue;
    }
    let start = i;
    let value = n.value;
    if (isAscii && (prev === '-' || prev === '负')) {
      const before = text[i - 2];
      if (before === undefined || !/[\d%年A-Za-z)]/.test(before)) {
        value = -value;
        start = i - 1;
      }
    }
    let end = n.end;
    // Shares: 六成, 三成五, 5成.
    if (text[end] === '成' && n.magnitude === '' && Number.isInteger(value) && value >= 1 && value <= 10) {
      const after = text[end + 1];
      if (after === undefined || !'员本果为效立长熟套交品就都功型像绩'.includes(after)) {
        let share = value * 10;
        let shareEnd = end + 1;
        if (isCnDigit(after) && after !== '零' && after !== '〇') {
          share += CN_DIGITS[after!]!;
          shareEnd++;
        } else if (after !== undefined && after >= '1' && after <= '9' && !/\d/.test(text[end + 2] ?? '')) {
          share += Number(after);
          shareEnd++;
        }
        out.push({ value: share, unit: '%', start, end: shareEnd, raw: text.slice(start, shareEnd), share: true, more: false });
        i = shareEnd;
        continue;
      }
    }
    let more = false;
    if (text[end] === '余' || text[end] === '多') {
      more = true;
      end++;
    }
    if (n.end > i && text.slice(i, n.end).match(/[余多]/)) more = true;
    let unit = matchSimpleUnit(text, end);
    let unitEnd = unit === null ? end : end + unit.length;
    if (unit !== null && (text[unitEnd] === '/' || text[unitEnd] === '每')) {
      const den = matchDenominator(text, unitEnd + 1);
      if (den) {
        unit = `${unit}/${den.unit}`;
        unitEnd = den.end;
      }
    }
    if (unit !== null && n.magnitude && n.core !== null) {
      const head = unit.split('/')[0]!;
      if (MAGNITUDE_BEARING_BASES.includes(head)) {
        value = start < i ? -n.core : n.core;
        unit = n.magnitude + unit;
      }
    }
    out.push({ value, unit, start, end: unitEnd, raw: text.slice(start, unitEnd), share: false, more });
    i = unitEnd;
  }
  return out;
}

/** Magnitude prefixes a unit may carry, for comparing 1200亿元 with 12000000万元. */
const UNIT_MAGNITUDES: readonly [string, number][] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/**
 * Splits a unit into a multiplier and its base (亿元 → 1e8 × 元, 万人 → 1e4 × 人). Units that merely
 * start with a magnitude character (千瓦时, 千克) are left whole.
 */
export function splitUnitMagnitude(unit: string): { multiplier: number; base: string } {
  const [head, ...tail] = unit.split('/');
  const denominator = tail.length > 0 ? `/${tail.join('/')}` : '';
  for (const [prefix, multiplier] of UNIT_MAGNITUDES) {
    if (!head!.startsWith(prefix)) continue;
    const rest = head!.slice(prefix.length);
    if (MAGNITUDE_BEARING_BASES.includes(rest) || COUNT_UNITS.includes(rest)) return { multiplier, base: rest + denominator };
  }
  return { multiplier: 1, base: unit };
}

/**
 * The conventional spelling of a unit: percentage points are '个百分点' (also for 百分点, pp, ppt),
 * percent is '%' (also for ％ and 百分比), 吨标煤 is '吨标准煤'; traditional and full-width forms are
 * normalised. Other units are returned as written.
 */
export function normaliseUnit(unit: string): string {
  const u = normaliseText(unit);
  if (/^(?:个?百分点|pp|ppt|p\.p\.)$/i.test(u)) return '个百分点';
  if (u === '百分比' || u === '%') return '%';
  return u.replace(/吨标煤/g, '吨标准煤');
}

export type UnitFamily = 'pp' | 'percent' | 'count' | 'other';

/**
 * What a unit measures, for deciding whether a target's kind and unit fit together: percentage
 * points, percent, things counted (家, 个, 项, 人, 万人…) or anything else (亿元, 吨标准煤/万元…).
 */
export function unitFamily(unit: string): UnitFamily {
  const u = normaliseUnit(unit);
  if (u === '个百分点') return 'pp';
  if (u === '%') return 'percent';
  const { base } = splitUnitMagnitude(u);
  if (COUNT_UNITS.includes(base) || base === '人' || base === '人次' || base === '户') return 'count';
  return 'other';
}
