/**
 * The case book 典型案例汇编: a selection of published cases as one printable document, in Word and
 * in PDF. A4 with the margins of the ministry's documents (GB/T 9704: 37/35/28/26 mm), a cover, the
 * contents, then each case on its own page — title, its pilot and tags, 摘要, the body with a
 * two-character first-line indent, and the indicator evidence it cites — with page numbers "— n —".
 *
 * Fonts as in ADR 0004: the PDF embeds subsets of Noto Serif SC (the font the 批复 uses; Regular for
 * the text, Bold for titles), the Word file names 仿宋 / 宋体 and lets Word substitute. Pure: data
 * in, Buffers out.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { AlignmentType, Document, Footer, HeadingLevel, LineRuleType, Packer, PageBreak, PageNumber, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { evidenceLine, type CaseEvidence } from '../../shared/cases/case-evidence.js';
import { tagLabels, type CaseTags } from '../../shared/cases/case-tags.js';

export interface BookCase extends CaseTags {
  title: string;
  summary: string;
  body: string;
  pilotName: string | null;
  authorName: string;
  evidence: CaseEvidence[];
  isDemo: boolean;
}

export interface CaseBookData {
  cases: BookCase[];
  /** YYYY-MM-DD: the day the book was assembled. */
  date: string;
}

/** The book's title, in the two lines it is set in (标题回行要词意完整). */
const TITLE_LINES = ['“中国制造2025”城市试点示范', '典型案例汇编'];
const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 35 → 三十五 (案例的序号). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`ordinal out of range: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens]}十`}${ones === 0 ? '' : NUMERALS[ones]}`;
}

function monthOf(date: string): string {
  const [y, m] = date.split('-');
  return `${y}年${Number(m)}月`;
}

function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The words of the book, shared by both renderers. */
export interface BookText {
  title: string;
  titleLines: string[];
  subtitle: string;
  date: string;
  demo: boolean;
  contents: string[];
  cases: { heading: string; meta: string[]; summary: string[]; body: string[]; evidence: string[] }[];
}

export function caseBookText(data: CaseBookData): BookText {
  if (data.cases.length === 0) throw new RangeError('a case book needs at least one case');
  return {
    title: TITLE_LINES.join(''),
    titleLines: TITLE_LINES,
    subtitle: `（共${data.cases.length}个案例）`,
    date: monthOf(data.date),
    demo: data.cases.some((c) => c.isDemo),
    contents: data.cases.map((c, i) => `案例${chineseOrdinal(i + 1)}\u3000${c.title}`),
    cases: data.cases.map((c, i) => ({
      heading: `案例${chineseOrdinal(i + 1)}\u3000${c.title}`,
      meta: [
        ...(c.pilotName ? [`试点：${c.pilotName}`] : []),
        `撰写单位：${c.authorName}`,
        ...(tagLabels(c).length > 0 ? [`标签：${tagLabels(c).join('、')}`] : []),
        ...(c.isDemo ? ['演示数据'] : []),
      ],
      summary: paragraphs(c.summary),
      body: paragraphs(c.body),
      evidence: c.evidence.map(evidenceLine),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Word

const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 };
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const BODY_FONT = 'FangSong';
const TITLE_FONT = 'SimSun';
const BODY_PT = 16;
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };

const run = (text: string, pt: number, font: string, bold = false) => new TextRun({ text, size: pt * 2, font: { eastAsia: font, ascii: font, hAnsi: font }, bold });

export async function renderCaseBookDocx(data: CaseBookData): Promise<Buffer> {
  const t = caseBookText(data);
  const centred = (text: string, pt: number, bold: boolean, before = 0) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: before * 20, line: Math.round(pt * 1.6 * 20), lineRule: LineRuleType.EXACT }, children: [run(text, pt, TITLE_FONT, bold)] });
  const indented = (text: string) => new Paragraph({ alignment: AlignmentType.BOTH, spacing: LINE, indent: { firstLine: BODY_PT * 2 * 20 }, children: [run(text, BODY_PT, BODY_FONT)] });
  const label = (text: string) => new Paragraph({ spacing: { before: 14 * 20, ...LINE }, children: [run(text, BODY_PT, 'SimHei', true)] });

  const children: Paragraph[] = [
    ...t.titleLines.map((line, i) => centred(line, 22, true, i === 0 ? 160 : 0)),
    centred(t.subtitle, 16, false, 20),
    ...(t.demo ? [centred('演示数据', 16, false, 20)] : []),
    centred(t.date, 16, false, 200),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, spacing: { after: 28 * 20 }, children: [run('目\u3000录', 22, TITLE_FONT, true)] }),
    ...t.contents.map((line) => new Paragraph({ spacing: LINE, children: [run(line, BODY_PT, BODY_FONT)] })),
  ];
  for (const c of t.cases) {
    children.push(
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, spacing: { after: 14 * 20, line: 36 * 20, lineRule: LineRuleType.EXACT }, children: [run(c.heading, 20, TITLE_FONT, true)] }),
      ...c.meta.map((m) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 22 * 20, lineRule: LineRuleType.EXACT }, children: [run(m, 12, BODY_FONT)] })),
    );
    if (c.summary.length > 0) children.push(label('【摘要】'), ...c.summary.map(indented));
    if (c.body.length > 0) children.push(label('【主要做法和成效】'), ...c.body.map(indented));
    if (c.evidence.length > 0) children.push(label('【指标佐证】'), ...c.evidence.map(indented));
  }
  const doc = new Document({
    creator: '“中国制造2025”城市试点示范工作平台',
    title: t.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_PT * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: { top: twips(MARGIN_MM.top), bottom: twips(MARGIN_MM.bottom), left: twips(MARGIN_MM.left), right: twips(MARGIN_MM.right), footer: twips(MARGIN_MM.bottom - 12) },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: TITLE_FONT })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// PDF

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;
const fonts = new Map<keyof typeof FONT_FILES, Buffer>();
function font(name: keyof typeof FONT_FILES): Buffer {
  let data = fonts.get(name);
  if (!data) {
    data = readFileSync(require.resolve(FONT_FILES[name]));
    fonts.set(name, data);
  }
  return data;
}

const MM = 72 / 25.4;

export async function renderCaseBookPdf(data: CaseBookData): Promise<Buffer> {
  const t = caseBookText(data);
  const margins = { top: MARGIN_MM.top * MM, bottom: MARGIN_MM.bottom * MM, left: MARGIN_MM.left * MM, right: MARGIN_MM.right * MM };
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    lang: 'zh-CN',
    info: { Title: t.title, Creator: '“中国制造2025”城市试点示范工作平台' },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', font('regular'));
  doc.registerFont('bold', font('bold'));
  const width = doc.page.width - margins.left - margins.right;
  const text = (s: string, f: 'regular' | 'bold', pt: number, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font(f).fontSize(pt).text(s, margins.left, undefined, { width, lineGap: pt * 0.55, ...options });

  // Cover
  doc.y = margins.top + 60 * MM;
  for (const line of t.titleLines) text(line, 'bold', 22, { align: 'center' });
  doc.moveDown(1);
  text(t.subtitle, 'regular', 16, { align: 'center' });
  if (t.demo) text('演示数据', 'regular', 16, { align: 'center' });
  doc.y = margins.top + 170 * MM;
  text(t.date, 'regular', 16, { align: 'center' });

  // Contents
  doc.addPage();
  text('目\u3000录', 'bold', 22, { align: 'center' });
  doc.moveDown(1);
  for (const line of t.contents) text(line, 'regular', 16);

  for (const c of t.cases) {
    doc.addPage();
    text(c.heading, 'bold', 20, { align: 'center' });
    doc.moveDown(0.5);
    for (const m of c.meta) text(m, 'regular', 12, { align: 'center' });
    const section = (label: string, lines: string[]) => {
      if (lines.length === 0) return;
      doc.moveDown(0.8);
      text(label, 'bold', 16);
      for (const p of lines) text(p, 'regular', 16, { indent: 32, align: 'justify' });
    };
    section('【摘要】', c.summary);
    section('【主要做法和成效】', c.body);
    section('【指标佐证】', c.evidence);
  }

  // Page numbers "— n —" centred below the text block, from the contents on.
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(14).text(`— ${i} —`, margins.left, doc.page.height - bottom + 7 * MM, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
