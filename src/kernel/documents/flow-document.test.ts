import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from './pdf-text.js';
import { renderFlowDocx, renderFlowPdf, type FlowDocument } from './flow-document.js';
import { emWidth } from './cjk-line-break.js';

const LONG = '围绕提质增效、由大变强，在打造新型制造业体系、构建区域协同创新体系、健全人才培养体系、完善政策保障体系等方面先行先试，到2019年，规模以上工业企业研发经费内部支出占主营业务收入比重达到1.8%。'.repeat(3);

const doc: FlowDocument = {
  title: '测试文件',
  blocks: [
    { kind: 'title', text: '“中国制造2025”城市试点示范' },
    { kind: 'centred', text: '2016年8月' },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: '一、总体要求' },
    { kind: 'heading', level: 2, text: '（一）发展目标' },
    { kind: 'paragraph', text: LONG },
    { kind: 'table', headers: ['指标', '单位', '2019年'], rows: [['研发经费内部支出占主营业务收入比重', '%', '1.8']] },
    ...Array.from({ length: 30 }, (_, i) => ({ kind: 'paragraph' as const, text: `第${i + 1}段。${LONG}` })),
  ],
  numberFrom: 1,
};

describe('a flowing official document', () => {
  it('renders Word with the headings, paragraphs and table in order', async () => {
    const buf = await renderFlowDocx(doc);
    const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
    expect(xml.indexOf('一、总体要求')).toBeGreaterThan(-1);
    expect(xml.indexOf('一、总体要求')).toBeLessThan(xml.indexOf('（一）发展目标'));
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('研发经费内部支出占主营业务收入比重');
  });

  it('renders PDF: the text reads back, lines stay within 28 characters, pages are numbered from the second', async () => {
    const pdf = extractPdfText(await renderFlowPdf(doc));
    expect(pdf.embeddedFonts).toBeGreaterThan(0);
    expect(pdf.pages.length).toBeGreaterThan(3);
    expect(pdf.pages[0]).not.toContain('— 1 —');
    expect(pdf.pages[1]).toContain('— 1 —');
    const all = pdf.pages.join('\n');
    expect(all).toContain('一、总体要求');
    expect(all).toContain('第30段。');
    for (const l of all.split('\n')) expect(emWidth(l)).toBeLessThanOrEqual(28);
    // Closing punctuation never starts a line.
    for (const l of all.split('\n')) expect(/^[，。、；：）》]/.test(l)).toBe(false);
  });
});
