import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approvalReplyText,
  chineseDate,
  renderApprovalReplyDocx,
  renderApprovalReplyPdf,
  type ApprovalReplyData,
} from './approval-reply.js';
import { breakUnits, emWidth, wrapText } from '../../../kernel/documents/cjk-line-break.js';
import { extractPdfText, parseToUnicode, type PdfText } from './pdf-text.js';

const NINGBO: ApprovalReplyData = {
  documentNo: '工信部规函〔2016〕242号',
  cityName: '宁波市',
  applicantName: '宁波市人民政府',
  addressees: ['浙江省经济和信息化委员会', '宁波市人民政府'],
  applicationTitle: '宁波市“中国制造2025”试点示范城市实施方案',
  approvalDate: '2016-08-18',
  pilotYears: [2017, 2018, 2019],
  keyTargets: [
    { dimension: '创新能力', indicator: '规上工业企业研发经费占主营业务收入比重', wording: '到2019年,规上工业企业研发经费占主营业务收入比重达到1.8%' },
    { dimension: '质量效益', indicator: '规上工业增加值年均增长率', wording: '规上工业增加值年均增长7%以上' },
    { dimension: '可持续发展', indicator: '单位工业增加值能耗', wording: '单位工业增加值能耗比2015年下降16%。' },
  ],
  copyTo: ['国家制造强国建设领导小组办公室'],
};
const TITLE = '工业和信息化部关于同意宁波市开展“中国制造2025”试点示范城市创建工作的批复';

describe('chineseDate', () => {
  it.each([
    ['2016-08-18', '2016年8月18日'],
    ['2017-01-05', '2017年1月5日'],
    ['2016-10-01', '2016年10月1日'],
    ['2019-12-31', '2019年12月31日'],
    ['2020-02-29', '2020年2月29日'],
  ])('%s → %s', (iso, zh) => {
    expect(chineseDate(iso)).toBe(zh);
  });

  it.each(['2016-8-18', '2016/08/18', '2016-02-30', '2019-02-29', '2016-13-01', '2016-00-10', ''])('refuses %j', (bad) => {
    expect(() => chineseDate(bad)).toThrow(RangeError);
  });
});

describe('approvalReplyText', () => {
  const t = approvalReplyText(NINGBO);

  it('names the city, the programme and the document in the title', () => {
    expect(t.title).toBe(TITLE);
    expect(t.titlePhrases.join('')).toBe(t.title);
    expect(t.documentNo).toBe('工信部规函〔2016〕242号');
    expect(t.authority).toBe('中华人民共和国工业和信息化部');
  });

  it('addresses the province and the city, ending in a full-width colon', () => {
    expect(t.addressee).toBe('浙江省经济和信息化委员会、宁波市人民政府：');
  });

  it('states the pilot period and the key targets, in full-width punctuation, the last ending the list', () => {
    const body = t.body.join('\n');
    expect(body).toContain('《宁波市“中国制造2025”试点示范城市实施方案》');
    expect(body).toContain('同意宁波市开展“中国制造2025”试点示范城市创建工作，试点示范期为三年（2017—2019年）');
    expect(t.body).toContain('（一）创新能力：到2019年，规上工业企业研发经费占主营业务收入比重达到1.8%；');
    expect(t.body).toContain('（二）质量效益：规上工业增加值年均增长7%以上；');
    expect(t.body).toContain('（三）可持续发展：单位工业增加值能耗比2015年下降16%。');
  });

  it('numbers the points in order and ends with the assessment, rectification and suspension', () => {
    const points = t.body.filter((p) => /^[一二三四五六七八九十]+、/.test(p)).map((p) => p.split('、')[0]);
    expect(points).toEqual(['一', '二', '三', '四', '五', '六']);
    const last = t.body.find((p) => p.startsWith('六、')) ?? '';
    expect(last).toMatch(/中期评估.*限期整改.*中止/);
    expect(t.body.some((p) => p.includes('年度进展情况'))).toBe(true);
    expect(t.body.some((p) => p.includes('部省市联动') && p.includes('浙江省经济和信息化委员会要加强'))).toBe(true);
    expect(t.body.at(-1)).toBe('此复。');
  });

  it('signs as the ministry on the approval date and copies the leading group office', () => {
    expect(t.signature).toBe('工业和信息化部');
    expect(t.date).toBe('2016年8月18日');
    expect(t.copyTo).toBe('抄送：国家制造强国建设领导小组办公室。');
    expect(approvalReplyText({ ...NINGBO, copyTo: [] }).copyTo).toBeNull();
  });

  it('names the provincial authority, not the member cities, as the one to guide and to copy reports to', () => {
    const cluster = approvalReplyText({
      ...NINGBO,
      cityName: '苏南五市城市群',
      applicantName: '南京、无锡、常州、苏州、镇江市人民政府',
      addressees: ['江苏省经济和信息化委员会', '南京市人民政府', '无锡市人民政府'],
    });
    expect(cluster.addressee).toBe('江苏省经济和信息化委员会、南京市人民政府、无锡市人民政府：');
    const report = cluster.body.find((p) => p.startsWith('五、')) ?? '';
    expect(report.endsWith('同时抄送江苏省经济和信息化委员会。')).toBe(true);
    const generic = approvalReplyText({ ...NINGBO, addressees: ['宁波市人民政府'] });
    expect(generic.body.find((p) => p.startsWith('五、'))).toContain('同时抄送省级工业和信息化主管部门。');
  });

  it('leaves out the target list when there are no key targets', () => {
    const bare = approvalReplyText({ ...NINGBO, keyTargets: [] });
    expect(bare.body.some((p) => p.startsWith('（一）'))).toBe(false);
    expect(bare.body.find((p) => p.startsWith('三、'))).not.toContain('主要目标包括');
  });

  it('refuses a pilot period that is not three consecutive years, and a bad date', () => {
    expect(() => approvalReplyText({ ...NINGBO, pilotYears: [2017, 2019, 2020] })).toThrow(RangeError);
    expect(() => approvalReplyText({ ...NINGBO, approvalDate: '2016-02-30' })).toThrow(RangeError);
  });
});

describe('CJK line breaking', () => {
  const measure = (s: string) => emWidth(s);

  it('keeps numbers whole and punctuation on the right side of a break', () => {
    expect(breakUnits('到2019年，达到1.8%；“中国')).toEqual(['到', '2019', '年，', '达', '到', '1.8%；', '“中', '国']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation, and loses no text', () => {
    const text = approvalReplyText(NINGBO).body.join('');
    for (const width of [7, 10, 13, 28]) {
      const lines = wrapText(text, () => width, measure);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(measure(l)).toBeLessThanOrEqual(width);
        expect(l[0]).not.toMatch(/[，。、；：？！）》”]/);
        expect(l.at(-1)).not.toMatch(/[（《“]/);
      }
    }
  });

  it('gives the first line less room for its indent', () => {
    const lines = wrapText('一二三四五六七八九十', (i) => (i === 0 ? 3 : 5), measure);
    expect(lines).toEqual(['一二三', '四五六七八', '九十']);
  });
});

describe('ToUnicode CMap parsing', () => {
  it('reads bfchar, incrementing bfrange and array bfrange entries', () => {
    const cmap = parseToUnicode(`1 begincodespacerange <0000> <ffff> endcodespacerange
      2 beginbfchar <0001> <4E2D> <0002> <56FD> endbfchar
      1 beginbfrange <0010> <0012> <0031> endbfrange
      1 beginbfrange <0020> <0021> [<5236> <9020>] endbfrange`);
    expect(cmap.codeBytes).toBe(2);
    expect([1, 2, 0x10, 0x11, 0x12, 0x20, 0x21].map((c) => cmap.map.get(c)).join('')).toBe('中国123制造');
  });
});

describe('approval reply as Word', () => {
  let xml = '';
  let paragraphs: string[] = [];
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await renderApprovalReplyDocx(NINGBO));
    xml = await zip.file('word/document.xml')!.async('string');
    paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  });

  it('contains the red header, the document number, the title and the addressees in that order', () => {
    const order = ['中华人民共和国工业和信息化部', '工信部规函〔2016〕242号', TITLE, '浙江省经济和信息化委员会、宁波市人民政府：'];
    expect(order.map((text) => paragraphs.indexOf(text))).toEqual([0, 1, 2, 3]);
    expect(xml).toMatch(/<w:color w:val="E60012"\/>[\s\S]*中华人民共和国工业和信息化部/);
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="E60012"/);
  });

  it('sets the body in 16 pt FangSong on a 28 pt line with a two-character indent, then signature and date', () => {
    expect(xml).toMatch(/<w:ind w:firstLine="640"\/><w:spacing w:line="560" w:lineRule="exact"\/>|<w:spacing w:line="560" w:lineRule="exact"\/><w:ind w:firstLine="640"\/>/);
    expect(xml).toContain('w:eastAsia="FangSong"');
    expect(xml).toContain('<w:sz w:val="32"/>');
    const date = paragraphs.indexOf('2016年8月18日');
    expect(paragraphs[date - 1]).toBe('工业和信息化部');
    expect(paragraphs[date + 1]).toBe('抄送：国家制造强国建设领导小组办公室。');
  });

  it('uses A4 with the GB/T 9704 margins', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });
});

describe('approval reply as PDF', () => {
  let pdf: Buffer;
  let text: PdfText;
  beforeAll(async () => {
    pdf = await renderApprovalReplyPdf(NINGBO);
    text = extractPdfText(pdf);
  });
  const all = () => text.pages.join('\n');
  const flat = () => all().replace(/\n/g, '');

  it('reads back the title, the document number and the date', () => {
    expect(flat()).toContain(TITLE);
    expect(all()).toContain('工信部规函〔2016〕242号');
    expect(all()).toContain('2016年8月18日');
  });

  it('puts the header, document number, title and addressees on the first page in that order', () => {
    const first = (text.pages[0] ?? '').split('\n');
    expect(first[0]).toBe('中华人民共和国工业和信息化部');
    expect(first[1]).toBe('工信部规函〔2016〕242号');
    expect(first.slice(2).join('')).toMatch(new RegExp(`^${TITLE}浙江省经济和信息化委员会、宁波市人民政府：你们报来的`));
  });

  it('carries the body, the targets, the signature and the 抄送 line', () => {
    for (const target of ['研发经费占主营业务收入比重达到1.8%', '规上工业增加值年均增长7%以上', '单位工业增加值能耗比2015年下降16%']) {
      expect(flat()).toContain(target);
    }
    expect(flat()).toContain('试点示范期为三年（2017—2019年）');
    const last = (text.pages.at(-1) ?? '').split('\n');
    expect(last).toContain('工业和信息化部');
    expect(last).toContain('抄送：国家制造强国建设领导小组办公室。');
  });

  it('numbers every page', () => {
    expect(text.pages.length).toBeGreaterThan(0);
    text.pages.forEach((page, i) => expect(page.split('\n').at(-1)).toBe(`— ${i + 1} —`));
  });

  it('sets body lines of at most 28 characters', () => {
    const bodyLines = text.pages.flatMap((p) => p.split('\n')).filter((l) => emWidth(l) > 20);
    expect(bodyLines.length).toBeGreaterThan(5);
    for (const l of bodyLines) expect(emWidth(l)).toBeLessThanOrEqual(28);
  });

  it('embeds subsets of the CJK font, so the file stays small', () => {
    // Asserted as a boolean so that a failure does not print the whole PDF.
    expect(/\/FontFile2 \d+ 0 R/.test(pdf.toString('latin1'))).toBe(true);
    expect(text.embeddedFonts).toBe(2); // Regular and Bold
    expect(text.fontNames.length).toBeGreaterThan(0);
    for (const name of text.fontNames) expect(name).toMatch(/^[A-Z]{6}\+NotoSerifSC-/);
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
  });
});
