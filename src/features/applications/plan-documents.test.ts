import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../../../test/fixtures/plans.js';
import { paragraphsOf, planToDocx, planToXlsx } from './plan-documents.js';

describe('plan documents', () => {
  it('splits rich text into paragraphs of visible text', () => {
    expect(paragraphsOf('<p>第一段&nbsp;内容</p><p></p><p>第二段<br>第三段</p>')).toEqual(['第一段 内容', '第二段', '第三段']);
  });

  it('writes a Word document with the cover, every chapter and the target table', async () => {
    const plan = makeCompletePlan();
    const buf = await planToDocx(plan, { refNo: 'ZZ2025-TEST' });
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('“中国制造2025”试点示范城市申报书');
    expect(xml).toContain(plan.cover.title);
    expect(xml).toContain('第八章 其他需要说明的内容');
    expect(xml).toContain(plan.targets[0]!.indicator);
    expect(xml).toContain('2019年');
  });

  it('writes the target system to Excel, one row per target with the three target years', async () => {
    const plan = makeCompletePlan();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsx(plan)) as never);
    const ws = wb.getWorksheet('目标体系')!;
    expect(ws.getRow(1).getCell(8).value).toBe('2017年');
    expect(ws.rowCount).toBe(plan.targets.length + 1);
    const indicators = new Set<string>();
    for (let r = 2; r <= ws.rowCount; r++) indicators.add(String(ws.getRow(r).getCell(2).value));
    expect(indicators).toEqual(new Set(plan.targets.map((t) => t.indicator)));
    expect(wb.getWorksheet('任务分工')!.rowCount).toBe(plan.taskDivision.length + 1);
  });
});
