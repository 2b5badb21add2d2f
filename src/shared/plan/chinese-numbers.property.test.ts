/** Properties of Chinese number reading: total on every string, idempotent normalisation, and round-trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuantities, normaliseText, parseChineseInteger, parseNumber, parseShare, toHalfWidth, toSimplified } from './chinese-numbers.js';

const DIGITS = '零一二三四五六七八九';

/** Writes 0 ≤ n < 10^12 the way officials do: 十五, 一百零五, 一万二千, 三亿零五十万. */
export function chineseInteger(n: number): string {
  if (n === 0) return '零';
  const section = (x: number): string => {
    // 0 < x < 10000
    let out = '';
    let zero = false;
    for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
      const d = Math.floor(x / size) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d] + unit;
    }
    return out;
  };
  const parts: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [value, unit] of parts) {
    if (value === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || value < 1000)) out += '零';
    pendingZero = false;
    out += section(value) + unit;
  }
  // 一十五 is written 十五 at the start.
  return out.startsWith('一十') ? out.slice(1) : out;
}

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.stringMatching(/^[零〇一二两三四五六七八九十百千万亿点负成%百分之\d.,]{0,12}$/));

describe('chinese numbers', () => {
  it('every reader is total: no string makes one throw, and every number read is finite', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const v of [parseNumber(s), parseShare(s), parseChineseInteger(s)]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
        for (const q of findQuantities(s)) expect(Number.isFinite(q.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('normalisation is idempotent, and so are its parts', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
        expect(toHalfWidth(toHalfWidth(s))).toBe(toHalfWidth(s));
        expect(toSimplified(toSimplified(s))).toBe(toSimplified(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every integer written in Chinese', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseChineseInteger(chineseInteger(n))).toBe(n);
        expect(parseNumber(chineseInteger(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every number written in digits, with or without thousands separators, full-width or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
        const value = Number(text);
        expect(parseNumber(text)).toBe(value);
        expect(parseNumber(whole.toLocaleString('en-US') + text.slice(String(whole).length))).toBe(value);
        const fullWidth = [...text].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
        expect(parseNumber(fullWidth)).toBe(value);
        expect(parseNumber(`负${text}`)).toBe(value === 0 ? -0 : -value);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a share in each of its written forms as the same percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (p) => {
        expect(parseShare(`${p}%`)).toBe(p);
        expect(parseShare(`百分之${chineseInteger(p)}`)).toBe(p);
        if (p % 10 === 0) expect(parseShare(`${chineseInteger(p / 10)}成`)).toBe(p);
      }),
    );
  });
});
