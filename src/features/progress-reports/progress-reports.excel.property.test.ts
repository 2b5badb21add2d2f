/** Properties of the progress-report import: it reads any bytes without throwing, and refuses zip bombs before ExcelJS opens them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../test/helpers/zip.js';
import { readReportXlsx, type ImportExpectation } from './progress-reports.excel.js';

const EXPECT: ImportExpectation = { pilotId: '00000000-0000-4000-8000-000000000001', period: '2026', contractVersion: 1, targetIds: ['t1', 't2'], taskCount: 2 };

describe('readReportXlsx', () => {
  it('never throws on any bytes: it answers ok or lists what is wrong, each in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
          fc.array(fc.tuple(fc.constantFrom('xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml', '../evil.xml'), fc.string({ maxLength: 200 })), { maxLength: 4 }).map((parts) => zipOf(parts.map(([name, text]) => ({ name, data: Buffer.from(text) })))),
        ),
        async (buf) => {
          const read = await readReportXlsx(buf, EXPECT);
          if (!read.ok) for (const e of read.errors) expect(e.message.zh.length * e.message.en.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a workbook that unpacks beyond the limit, even when its headers declare it small', async () => {
    const bomb = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(70 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    const read = await readReportXlsx(bomb, EXPECT);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.map((e) => e.code)).toEqual(['TOO_LARGE_UNPACKED']);
  });
});
