/** Properties of the expert import's row validation: total on any cells, all-or-nothing, and reading back what the export writes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_EXPERTS } from './demo-experts.js';
import { COLUMN_KEYS, EXPERT_COLUMNS, expertToCells, mapHeaders, parseExpertRows, splitFields, type RawRow } from './expert-rows.js';

const cellText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '是', '否', '0', '-1', '1e9', '99999999999', '宁波市', '浙江省', 'a@b', '=cmd|/c calc!A1', '\u0000', '\u202e', '一'.repeat(2000)),
);
const rawRow = (row: number) => fc.record(Object.fromEntries(COLUMN_KEYS.map((k) => [k, cellText])) as Record<(typeof COLUMN_KEYS)[number], fc.Arbitrary<string>>, { requiredKeys: [] }).map((cells): RawRow => ({ row, cells }));

describe('expert import rows', () => {
  it('never throw on any cells; every error names a row of the file and says it in both languages', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 8 }).chain((rows) => fc.tuple(...rows.map((r) => rawRow(r + 2)))), (rows) => {
        const { experts, errors } = parseExpertRows(rows);
        const numbers = new Set(rows.map((r) => r.row));
        for (const e of errors) {
          // A problem of the whole file (no data rows) sits on the header or the first data row.
          expect(e.row <= 2 || numbers.has(e.row)).toBe(true);
          expect(e.message.zh.length).toBeGreaterThan(0);
          expect(e.message.en.length).toBeGreaterThan(0);
        }
        for (const e of experts) expect(numbers.has(e.row)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('map any header row without throwing', () => {
    fc.assert(
      fc.property(fc.array(cellText, { maxLength: 20 }), (headers) => {
        mapHeaders(headers);
      }),
    );
    const { errors } = mapHeaders(EXPERT_COLUMNS.map((c) => c.header));
    expect(errors).toEqual([]);
  });

  it('read back every demo expert exactly as the export writes it, in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...DEMO_EXPERTS], { minLength: 1 }), (chosen) => {
        const rows: RawRow[] = chosen.map((e, i) => ({
          row: i + 2,
          cells: Object.fromEntries(Object.entries(expertToCells({ ...e, cityCode: e.cityCode ?? null, email: e.email ?? null, phone: e.phone ?? null })).map(([k, v]) => [k, String(v)])),
        }));
        const { experts, errors } = parseExpertRows(rows);
        expect(errors).toEqual([]);
        expect(experts.map((e) => e.name)).toEqual(chosen.map((e) => e.name));
        for (const [i, e] of experts.entries()) {
          expect(e.fields).toEqual(chosen[i]!.fields);
          expect(e.provinceCode).toBe(chosen[i]!.provinceCode);
          expect(e.loadCap).toBe(chosen[i]!.loadCap);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('split expertise fields idempotently', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        const once = splitFields(text);
        expect(splitFields(once.join('、'))).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });
});
