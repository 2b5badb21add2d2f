/**
 * Line breaking for Chinese official documents, independent of the output format: the PDF renderer
 * measures with the embedded font, the Word renderer estimates in ems. Chinese breaks between any two
 * characters except where the typesetting rules (行首行尾禁则, GB/T 15834 practice) forbid it:
 * closing punctuation never starts a line, opening punctuation never ends one, and a number or Latin
 * word ("2025", "1.8%", "GDP") is never split.
 */

/** Characters that may not start a line: they stay with the character before them. */
const NO_LINE_START = new Set([...'，。、；：？！）》〕」』】〉”’…—～·%‰,.;:?!)]}']);
/** Characters that may not end a line: they go with the character after them. */
const NO_LINE_END = new Set([...'（《〔「『【〈“‘([{']);
/** Characters that run together into one unbreakable word. */
const WORD_CHAR = /[A-Za-z0-9.%+\-/_&@#]/;

/** Splits text into the smallest pieces a line may break between. `units.join('') === text`. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  let glueNext = false;
  for (const ch of text) {
    const last = units.length - 1;
    const prev = units[last];
    const continuesWord = prev !== undefined && WORD_CHAR.test(ch) && WORD_CHAR.test(prev.at(-1) ?? '');
    if (prev !== undefined && (glueNext || continuesWord || NO_LINE_START.has(ch))) {
      units[last] = prev + ch;
    } else {
      units.push(ch);
    }
    glueNext = NO_LINE_END.has(ch);
  }
  return units;
}

/**
 * Packs units into lines no wider than the width available to each line (`available(i)` for line i,
 * so a first-line indent is a narrower first line). A unit wider than a whole line is cut into
 * characters. `measure` returns the width of a string as it will be set.
 */
export function packLines(units: readonly string[], available: (line: number) => number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  const queue = [...units];
  while (queue.length > 0) {
    const unit = queue.shift() as string;
    const room = available(lines.length);
    if (measure(current + unit) <= room) {
      current += unit;
      continue;
    }
    if (current === '') {
      // A unit that fills no line on its own is cut into characters; one character always goes.
      const chars = [...unit];
      if (chars.length > 1) {
        queue.unshift(...chars);
        continue;
      }
      lines.push(unit);
      continue;
    }
    lines.push(current);
    current = '';
    queue.unshift(unit);
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Lines of a paragraph: `wrapText(t, ...).join('') === t`. */
export function wrapText(text: string, available: (line: number) => number, measure: (s: string) => number): string[] {
  return packLines(breakUnits(text), available, measure);
}

/**
 * Width in ems of text set in a CJK font with no font at hand (for the Word file): ideographs and
 * full-width punctuation take one em, ASCII half an em.
 */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}
