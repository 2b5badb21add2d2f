/** Properties of the target-wording parser: total on any string, and reading back the wordings it is made for. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from './chinese-numbers.js';
import { parseTargetWording } from './parse-target.js';

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.stringMatching(/^(到|由|提高到|下降|达到|年均增长|以上|左右|力争|累计|分别|、|,|\d{1,4}|年|%|亿元|个|点|十|百|千|万|[一二三四五六七八九])*$/),
);
const INDICATORS = ['规上工业企业研发经费占主营业务收入比重', '数字化研发设计工具普及率', '关键工序数控化率', '工业增加值率'];

describe('parseTargetWording', () => {
  it('never throws on any string, with or without an application year, and every figure it reads is finite', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.integer({ min: 1900, max: 2200 }), { nil: undefined }), (wording, applicationYear) => {
        const p = parseTargetWording(wording, applicationYear === undefined ? {} : { applicationYear });
        expect(p.normalised).toBe(normaliseText(wording));
        for (const v of [p.value, p.baselineValue, p.targetYear, p.baseYear, ...(p.yearValues ?? []), ...p.readings.map((r) => r.value)]) {
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
        }
        if (p.value !== null) expect(p.readings.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back a level target it is given: indicator, figure, unit and year', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INDICATORS), fc.integer({ min: 2016, max: 2035 }), fc.integer({ min: 1, max: 9999 }).map((n) => n / 10), (indicator, year, value) => {
        const p = parseTargetWording(`到${year}年,${indicator}达到${value}%`);
        expect(p).toMatchObject({ kind: 'level', value, unit: '%', targetYear: year, direction: 'higher' });
        expect(p.indicator).toBe(indicator);
      }),
    );
  });

  it('reads the same target from its full-width and traditional spellings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INDICATORS), fc.integer({ min: 2016, max: 2035 }), fc.integer({ min: 1, max: 99 }), (indicator, year, value) => {
        const ascii = `到${year}年,${indicator}达到${value}%`;
        const fullWidth = ascii.replace(/[0-9%,]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
        const a = parseTargetWording(ascii);
        const b = parseTargetWording(fullWidth);
        expect({ ...b, normalised: '' }).toEqual({ ...a, normalised: '' });
      }),
    );
  });
});
