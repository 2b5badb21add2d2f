/**
 * The library's query rules, pure: how a query is normalised, which kind of search it asks for, and
 * how the matches are marked in a text that has been cut into words. The segmenter itself (jieba)
 * runs on the server (src/features/cases/segment.ts) and hands its words to these functions, so the
 * same rules serve the server, the web and the tests.
 *
 * - A query is normalised like the indexed text: NFKC (full-width letters, digits and ＋ become
 *   half-width), lower case, runs of white space collapsed.
 * - One character (汉字 or letter) is a "short" query: no word is one character long, so the server
 *   finds the cases with a word that is, or begins with, that character — a prefix query ('智':*) on
 *   the words' tsvector, served by its GIN index on PostgreSQL and PGlite alike.
 * - Otherwise it is a "words" query: every word of the query must be a word of the case (the index
 *   holds the words and, in jieba's search mode, the dictionary words inside longer ones, so 智能
 *   finds 智能制造). When no case has all the words, the server falls back to trigram similarity
 *   ("fuzzy", for a typo or a word the dictionary splits otherwise; pg_trgm's `<%` through its GIN index).
 * - An exact phrase match — the whole query, verbatim after normalisation — ranks first.
 * - Highlights are structured segments `{ text, hit }`, never HTML: the web renders them as text.
 */

/** Normalises text for indexing and querying alike. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** A token that carries meaning: it holds a letter or a digit (punctuation and spaces do not). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/** Function words dropped from a query of several words (a case need not contain 的 to match). */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set(['的', '了', '和', '与', '及', '等', '在', '是', '对', '为', '之', '或', '并', '中']);

export type SearchPlan =
  | { kind: 'all' }
  | { kind: 'short'; text: string; terms: string[] }
  | { kind: 'words'; text: string; terms: string[]; phrase: string };

/** The longest query the library accepts, in characters. */
export const MAX_QUERY_LENGTH = 100;

/**
 * Plans a search from the normalised query and the words the segmenter cut it into (in order,
 * punctuation included or not: it is filtered here).
 */
export function planSearch(normalized: string, tokens: readonly string[]): SearchPlan {
  const text = normalizeText(normalized);
  const meaningful = [...text].filter((ch) => isWordToken(ch));
  if (meaningful.length === 0) return { kind: 'all' };
  if (meaningful.length === 1) return { kind: 'short', text: meaningful[0]!, terms: [meaningful[0]!] };
  const words = unique(tokens.map(normalizeText).filter(isWordToken));
  const content = words.filter((w) => !QUERY_STOP_WORDS.has(w));
  const terms = content.length > 0 ? content : words;
  return { kind: 'words', text, terms, phrase: text };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Does one word of the text match the query? */
export function tokenMatches(token: string, plan: SearchPlan): boolean {
  return matchesIn(token, plan).length > 0;
}

/**
 * Where a word of the text matches: [start, end) offsets inside the word. The whole word when it is
 * a query word; the query word's occurrences when it lies inside a longer word (智能 in 智能制造);
 * for a one-character query, the character at the start of the word.
 */
export function matchesIn(token: string, plan: SearchPlan): [number, number][] {
  if (plan.kind === 'all' || !isWordToken(token)) return [];
  const t = token.toLowerCase();
  // Offsets are only safe where lower-casing keeps the length (Chinese and ASCII do).
  if (t.length !== token.length) return [];
  const n = normalizeText(token);
  if (plan.kind === 'short') return n.startsWith(plan.text) && t.startsWith(plan.text) ? [[0, plan.text.length]] : [];
  if (plan.terms.includes(n)) return [[0, token.length]];
  const out: [number, number][] = [];
  for (const term of plan.terms) {
    if (term.length < 2) continue;
    for (let i = t.indexOf(term); i >= 0; i = t.indexOf(term, i + 1)) out.push([i, i + term.length]);
  }
  return out;
}

/**
 * Marks the matches in a text given as its words (their concatenation is the text): the matches in
 * every word, and every verbatim occurrence of the phrase. Adjacent marks and plain runs merge.
 */
export function highlight(tokens: readonly string[], plan: SearchPlan): Segment[] {
  const text = tokens.join('');
  const hit = new Array<boolean>(text.length).fill(false);
  let at = 0;
  for (const token of tokens) {
    for (const [a, b] of matchesIn(token, plan)) hit.fill(true, at + a, at + b);
    at += token.length;
  }
  if (plan.kind === 'words' && plan.phrase.length > 1) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) {
      for (let i = lower.indexOf(plan.phrase); i >= 0; i = lower.indexOf(plan.phrase, i + 1)) hit.fill(true, i, i + plan.phrase.length);
    }
  }
  return runs(text, hit);
}

function runs(text: string, hit: readonly boolean[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i + 1;
    while (j < text.length && hit[j] === hit[i]) j++;
    out.push({ text: text.slice(i, j), hit: hit[i] === true });
    i = j;
  }
  return out;
}

export interface Snippet {
  segments: Segment[];
  /** Text was cut before the snippet. */
  before: boolean;
  /** Text was cut after it. */
  after: boolean;
}

/**
 * A window of about `length` characters around the first match (a little context before it), or the
 * start of the text when nothing matches.
 */
export function snippet(segments: readonly Segment[], length = 120, context = 24): Snippet {
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  let first = -1;
  let pos = 0;
  for (const s of segments) {
    if (s.hit) {
      first = pos;
      break;
    }
    pos += s.text.length;
  }
  const start = first <= context ? 0 : Math.min(first - context, Math.max(0, total - length));
  const end = Math.min(total, start + length);
  const out: Segment[] = [];
  pos = 0;
  for (const s of segments) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + s.text.length);
    if (a < b) {
      const piece = s.text.slice(a - pos, b - pos);
      const last = out[out.length - 1];
      if (last && last.hit === s.hit) last.text += piece;
      else out.push({ text: piece, hit: s.hit });
    }
    pos += s.text.length;
  }
  return { segments: out, before: start > 0, after: end < total };
}
