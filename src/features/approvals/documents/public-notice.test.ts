import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from './pdf-text.js';
import { publicNoticeText, renderPublicNoticeDocx, renderPublicNoticePdf, titlePhrases, type PublicNoticeData } from './public-notice.js';

const TITLE = '工业和信息化部关于取消某市“中国制造2025”试点示范城市资格的通报';
const NOTICE: PublicNoticeData = {
  documentNo: '工信部规〔2019〕118号',
  title: TITLE,
  body: '第一段，说明批复。\n\n第二段，说明整改。\n特此通报。',
  issuedOn: '2019-03-05',
  addressees: ['各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门'],
  copyTo: ['国家制造强国建设领导小组办公室'],
};

describe('public notice (通报)', () => {
  it('breaks the title only between phrases, and keeps every character', () => {
    const phrases = titlePhrases(TITLE);
    expect(phrases.join('')).toBe(TITLE);
    expect(phrases).toEqual(['工业和信息化部关于', '取消某市', '“中国制造2025”', '试点示范城市资格', '的通报']);
  });

  it('sets the stored words: one paragraph a line, blank lines dropped, the date in Chinese', () => {
    const t = publicNoticeText(NOTICE);
    expect(t.body).toEqual(['第一段，说明批复。', '第二段，说明整改。', '特此通报。']);
    expect(t.date).toBe('2019年3月5日');
    expect(t.signature).toBe('工业和信息化部');
    expect(t.addressee.endsWith('：')).toBe(true);
    expect(t.copyTo).toBe('抄送：国家制造强国建设领导小组办公室。');
    expect(publicNoticeText({ ...NOTICE, copyTo: [' '] }).copyTo).toBeNull();
    expect(() => publicNoticeText({ ...NOTICE, issuedOn: '2019-02-30' })).toThrow(RangeError);
  });

  it('renders Word with the document number, title and body', async () => {
    const zip = await JSZip.loadAsync(await renderPublicNoticeDocx(NOTICE));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of ['工信部规〔2019〕118号', '第二段，说明整改。', '2019年3月5日', '抄送：']) expect(xml).toContain(s);
  });

  it('renders a PDF that reads back the header, number, title and date, with the font embedded', async () => {
    const text = extractPdfText(await renderPublicNoticePdf(NOTICE));
    const first = (text.pages[0] ?? '').split('\n');
    expect(first[0]).toBe('中华人民共和国工业和信息化部');
    expect(first[1]).toBe('工信部规〔2019〕118号');
    const flat = text.pages.join('').replace(/\n/g, '');
    expect(flat).toContain(TITLE);
    expect(flat).toContain('2019年3月5日');
    expect(text.embeddedFonts).toBeGreaterThan(0);
  });
});
