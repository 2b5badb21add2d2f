/**
 * The ministry's approval reply (批复) to a city's implementation plan, as Word and PDF files laid out
 * like a printed official document (GB/T 9704-2012): red issuing-authority header and rule, document
 * number, title, addressees, body, signature and date, page numbers and the 抄送 line. Pure: takes
 * the data, returns Buffers. Fonts: see docs/adr/0004-cjk-font-for-pdf.md.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { emWidth, packLines, wrapText } from '../../../kernel/documents/cjk-line-break.js';
import {
  BODY_PT,
  BODY_TRACKING,
  DOCUMENT_CREATOR,
  LINE_PT,
  MM,
  PDF_BOX,
  RED,
  SMALL_PT,
  TEXT_WIDTH_PT,
  TITLE_LINE_PT,
  TITLE_PT,
  TWIPS_PER_PT,
  WORD_FONT,
  WORD_STYLES,
  drawPdfFolio,
  openPdf,
  paginate,
  spaceBlock,
  twipsOfMm,
  wordFolio,
  wordPageProperties,
  wordRun,
  type Block,
  type Placed,
} from '../../../kernel/documents/official-document.js';

export interface ApprovalReplyData {
  /** 发文字号, e.g. 工信部规函〔2016〕242号 */
  documentNo: string;
  /** e.g. 宁波市 */
  cityName: string;
  /** The government that applied, e.g. 宁波市人民政府 */
  applicantName: string;
  /** 主送机关, e.g. ['浙江省经济和信息化委员会', '宁波市人民政府'] */
  addressees: string[];
  /** The plan's title, with or without 《》 */
  applicationTitle: string;
  /** YYYY-MM-DD */
  approvalDate: string;
  /** The three years of the pilot, e.g. [2017, 2018, 2019] */
  pilotYears: [number, number, number];
  /** The quantified targets named in the reply as the basis of assessment */
  keyTargets: { dimension: string; indicator: string; wording: string }[];
  /** 抄送机关 */
  copyTo: string[];
}

/** The words of the reply, shared by the Word and PDF renderers. */
export interface ApprovalReplyText {
  /** 发文机关标志 */
  authority: string;
  documentNo: string;
  title: string;
  /** The title cut where a line may break without splitting a phrase (标题回行要词意完整). */
  titlePhrases: string[];
  /** 主送机关 line, ending in a full-width colon */
  addressee: string;
  /** Body paragraphs, each set with a two-character first-line indent */
  body: string[];
  /** 发文机关署名 */
  signature: string;
  /** 成文日期 */
  date: string;
  /** 抄送 line, or null when there is no one to copy */
  copyTo: string | null;
}

const AUTHORITY = '中华人民共和国工业和信息化部';
const SIGNATURE = '工业和信息化部';
const PROGRAMME = '“中国制造2025”';
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** '2016-08-18' → '2016年8月18日' (GB/T 9704: Arabic numerals, the year in full, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${isoDate}`);
  }
  return `${year}年${month}月${day}日`;
}

/** ASCII punctuation typed into a Chinese sentence becomes full-width; "1,200" and "1.8" keep theirs. */
function fullWidthPunctuation(text: string): string {
  return text
    .trim()
    .replace(/,(?!\d)|(?<!\d),/g, '，')
    .replace(/;/g, '；')
    .replace(/:(?!\d)/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

function withoutFinalPunctuation(text: string): string {
  return text.replace(/[。；，、.;,\s]+$/u, '');
}

function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《/, '').replace(/》$/, '');
  // A title inside 《》 marks its own inner titles with 〈〉.
  return `《${bare.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

function ordinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1] as string;
  if (n < 20) return `十${ORDINALS[n - 11] ?? ''}`;
  throw new RangeError(`ordinal out of range: ${n}`);
}

/** The reply's wording. Throws on a malformed date or pilot period. */
export function approvalReplyText(data: ApprovalReplyData): ApprovalReplyText {
  const date = chineseDate(data.approvalDate);
  const [first, second, third] = data.pilotYears;
  if (second !== first + 1 || third !== first + 2) {
    throw new RangeError(`pilot years must be three consecutive years: ${data.pilotYears.join(', ')}`);
  }
  const city = data.cityName.trim();
  const plan = bookTitle(data.applicationTitle);
  const applicant = data.applicantName.trim();
  // The provincial authority is the addressee that is neither the applicant nor a city's government
  // (a cluster's reply is addressed to each member city too).
  const authorities = data.addressees.map((a) => a.trim()).filter((a) => a.length > 0 && a !== applicant && !/[市区县]人民政府$/.test(a));
  const provincial = authorities.length > 0 ? authorities.join('、') : '省级工业和信息化主管部门';

  const targets = data.keyTargets.map((t, i) => {
    const wording = withoutFinalPunctuation(fullWidthPunctuation(t.wording || t.indicator));
    const end = i === data.keyTargets.length - 1 ? '。' : '；';
    return `（${ordinal(i + 1)}）${t.dimension.trim()}：${wording}${end}`;
  });

  const points = [
    `同意${city}开展${PROGRAMME}试点示范城市创建工作，试点示范期为三年（${first}—${third}年）。原则同意《实施方案》。`,
    `${city}要以《中国制造2025》为指导，按照《实施方案》确定的总体思路、目标和任务，围绕提质增效、由大变强，在打造新型制造业体系、构建区域协同创新体系、健全人才培养体系、完善政策保障体系等方面先行先试，切实抓好各项工作的组织实施，为全国制造业转型升级探索经验、作出示范。`,
    targets.length > 0
      ? `《实施方案》提出的量化目标是试点示范工作考核评估的主要依据。到${third}年，主要目标包括：`
      : `《实施方案》提出的量化目标是试点示范工作考核评估的主要依据。`,
    `建立部省市联动工作机制。我部将会同有关部门加强统筹指导，在政策、资金、项目等方面对${city}试点示范工作给予优先支持，并组织专家提供咨询服务；实行年度会议制度，定期开展交流。${provincial}要加强对试点示范工作的指导和督促检查，研究制定配套支持政策。${applicant}要建立健全组织领导和考核评价机制，落实责任分工，确保各项任务落到实处。`,
    `${city}要于每年年底前将试点示范工作年度进展情况（包括量化目标完成情况）报送我部（规划司），同时抄送${provincial}。`,
    `我部将适时组织开展中期评估，并在试点示范期满后进行考核评估。对评估结果未达到要求的，将责令限期整改；整改后仍达不到要求的，将中止试点示范工作并予以通报取消。`,
  ];

  const body = [`你们报来的${plan}（以下简称《实施方案》）收悉。经研究，现批复如下：`];
  points.forEach((p, i) => {
    body.push(`${ordinal(i + 1)}、${p}`);
    if (i === 2) body.push(...targets);
  });
  body.push('此复。');

  const titlePhrases = [`${SIGNATURE}关于同意`, `${city}开展`, PROGRAMME, '试点示范城市', '创建工作的批复'];
  const copyTo = data.copyTo.map((c) => c.trim()).filter((c) => c.length > 0);
  return {
    authority: AUTHORITY,
    documentNo: data.documentNo.trim(),
    title: titlePhrases.join(''),
    titlePhrases,
    addressee: `${data.addressees.map((a) => a.trim()).filter((a) => a.length > 0).join('、')}：`,
    body,
    signature: SIGNATURE,
    date,
    copyTo: copyTo.length > 0 ? `抄送：${copyTo.join('，')}。` : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The 批复's own geometry on the shared page (src/kernel/documents/official-document.ts).

/** 发文机关标志 top edge below the top of the text block (§7.2.4: 35 mm). */
const HEADER_OFFSET_MM = 35;
/** Red rule below the document number (§7.2.5: 4 mm). */
const RULE_GAP_MM = 4;
/** The issuing authority's name: large, narrowed to fit the text block (长扁字). */
const HEADER_PT = 40;
const HEADER_FILL = 0.96;

// ---------------------------------------------------------------------------------------------
// Word

const WORD_BODY_FONT = WORD_FONT.body;
const WORD_TITLE_FONT = WORD_FONT.title;

export async function renderApprovalReplyDocx(data: ApprovalReplyData): Promise<Buffer> {
  return renderOfficialDocumentDocx(approvalReplyText(data));
}

/** Lays out any official document's words in the 批复's layout as Word (the 通报 uses it too). */
export async function renderOfficialDocumentDocx(t: ApprovalReplyText): Promise<Buffer> {
  const textWidthPt = TEXT_WIDTH_PT;
  const bodyLine = { line: LINE_PT * TWIPS_PER_PT, lineRule: LineRuleType.EXACT };
  const em = BODY_PT * TWIPS_PER_PT;

  const headerScale = Math.min(100, Math.floor(((textWidthPt * HEADER_FILL) / (emWidth(t.authority) * HEADER_PT)) * 100));
  const titleLines = packLines(t.titlePhrases, () => textWidthPt, (s) => emWidth(s) * TITLE_PT);
  // Signature and date (§7.3.5.2, no seal): date 2 characters from the right; the signature starts
  // 2 characters left of where the date starts.
  const dateRight = 2 * em;
  const signatureRight = Math.max(dateRight, dateRight + (emWidth(t.date) + 2 - emWidth(t.signature)) * em);

  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twipsOfMm(HEADER_OFFSET_MM), line: Math.round(HEADER_PT * 1.3 * TWIPS_PER_PT), lineRule: LineRuleType.EXACT },
      children: [wordRun(t.authority, HEADER_PT, WORD_TITLE_FONT, { bold: true, color: RED, scale: headerScale })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * LINE_PT * TWIPS_PER_PT, ...bodyLine },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: Math.round(RULE_GAP_MM * MM) } },
      children: [wordRun(t.documentNo, BODY_PT, WORD_BODY_FONT)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * LINE_PT * TWIPS_PER_PT, after: LINE_PT * TWIPS_PER_PT, line: TITLE_LINE_PT * TWIPS_PER_PT, lineRule: LineRuleType.EXACT },
      children: titleLines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, size: TITLE_PT * 2, font: WORD_TITLE_FONT, bold: true })),
    }),
    new Paragraph({ spacing: bodyLine, children: [wordRun(t.addressee, BODY_PT, WORD_BODY_FONT)] }),
    ...t.body.map(
      (p) =>
        new Paragraph({
          alignment: AlignmentType.BOTH,
          spacing: bodyLine,
          indent: { firstLine: 2 * em },
          children: [wordRun(p, BODY_PT, WORD_BODY_FONT)],
        }),
    ),
    new Paragraph({ spacing: bodyLine, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodyLine,
      keepNext: true,
      indent: { right: Math.round(signatureRight) },
      children: [wordRun(t.signature, BODY_PT, WORD_BODY_FONT)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right: dateRight }, children: [wordRun(t.date, BODY_PT, WORD_BODY_FONT)] }),
  ];
  if (t.copyTo) {
    const smallEm = SMALL_PT * TWIPS_PER_PT;
    const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
    children.push(
      new Paragraph({
        spacing: { before: 3 * LINE_PT * TWIPS_PER_PT, line: LINE_PT * TWIPS_PER_PT, lineRule: LineRuleType.EXACT },
        keepLines: true,
        // 版记: one character in from both sides; continuation lines align after 抄送：.
        indent: { left: smallEm * 4, hanging: smallEm * 3, right: smallEm },
        border: { top: rule, bottom: rule },
        children: [wordRun(t.copyTo, SMALL_PT, WORD_BODY_FONT)],
      }),
    );
  }

  const doc = new Document({
    creator: DOCUMENT_CREATOR,
    title: t.title,
    evenAndOddHeaderAndFooters: true,
    styles: WORD_STYLES,
    sections: [{ properties: wordPageProperties(), footers: { default: wordFolio(AlignmentType.RIGHT), even: wordFolio(AlignmentType.LEFT) }, children }],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// PDF, with the CJK font embedded (Bold stands in for 小标宋 in the header and title).

export async function renderApprovalReplyPdf(data: ApprovalReplyData): Promise<Buffer> {
  return renderOfficialDocumentPdf(approvalReplyText(data));
}

/** Lays out any official document's words in the 批复's layout as PDF, with the CJK font embedded. */
export async function renderOfficialDocumentPdf(t: ApprovalReplyText): Promise<Buffer> {
  const { left, top, width, bottom } = PDF_BOX;
  const pdf = openPdf({ Title: t.title, Author: t.signature, Subject: t.documentNo });
  const { measure, line } = pdf;
  const space = spaceBlock;

  // Body text runs 28 characters to the line (§5.2.2), so the 16 pt characters are set a little tight.
  const tracking = BODY_TRACKING;
  const bodyWidth = measure('regular', BODY_PT, tracking);
  const indent = 2 * (BODY_PT + tracking);
  /** A paragraph's lines, justified except the last. */
  const paragraph = (text: string, firstIndent: number, hangingIndent = 0): Block[] => {
    const lines = wrapText(text, (i) => width - (i === 0 ? firstIndent : hangingIndent), bodyWidth);
    return lines.map((l, i) => {
      const x = left + (i === 0 ? firstIndent : hangingIndent);
      const room = width - (x - left);
      const glyphs = l.length;
      const slack = room - bodyWidth(l);
      const justify = i < lines.length - 1 && glyphs > 1 && slack > 0 && slack < room / 4;
      const characterSpacing = tracking + (justify ? slack / (glyphs - 1) : 0);
      return { height: LINE_PT, draw: (d, y) => line(l, x, y, LINE_PT, 'regular', BODY_PT, { characterSpacing }) } satisfies Block;
    });
  };

  const blocks: Block[] = [];
  // 发文机关标志: red, centred, 35 mm below the top of the text block, narrowed to the block's width.
  const headerNatural = measure('bold', HEADER_PT)(t.authority);
  const headerScale = Math.min(100, ((width * HEADER_FILL) / headerNatural) * 100);
  const headerHeight = HEADER_PT * 1.2;
  blocks.push(space(HEADER_OFFSET_MM * MM), {
    height: headerHeight,
    draw: (d, y) => line(t.authority, left + (width - (headerNatural * headerScale) / 100) / 2, y, headerHeight, 'bold', HEADER_PT, { horizontalScaling: headerScale }, `#${RED}`),
  });
  // 发文字号 two lines below, centred; the red rule 4 mm under it, as wide as the text block.
  blocks.push(space(2 * LINE_PT), {
    height: LINE_PT,
    draw: (d, y) => line(t.documentNo, left + (width - bodyWidth(t.documentNo)) / 2, y, LINE_PT, 'regular', BODY_PT, { characterSpacing: tracking }),
  });
  const ruleWidth = 1.5;
  blocks.push({
    height: RULE_GAP_MM * MM + ruleWidth,
    draw: (d, y) => {
      const ruleY = y - (LINE_PT - BODY_PT) / 2 + RULE_GAP_MM * MM + ruleWidth / 2;
      d.save().moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(ruleWidth).strokeColor(`#${RED}`).stroke().restore();
    },
  });
  // 标题 two lines below the rule, centred, broken between phrases.
  const titleWidth = measure('bold', TITLE_PT);
  const titleLines = packLines(t.titlePhrases, () => width, titleWidth);
  blocks.push(space(2 * LINE_PT - (LINE_PT - BODY_PT) / 2));
  for (const l of titleLines) {
    blocks.push({ height: TITLE_LINE_PT, draw: (d, y) => line(l, left + (width - titleWidth(l)) / 2, y, TITLE_LINE_PT, 'bold', TITLE_PT) });
  }
  // 主送机关 one line below the title, flush left, continuation lines flush left too.
  blocks.push(space(LINE_PT), ...paragraph(t.addressee, 0));
  for (const p of t.body) blocks.push(...paragraph(p, indent));
  // Signature and date one line below the body (§7.3.5.2, no seal): the date 2 characters from the
  // right; the signature starts 2 characters before the date (further left if it is the longer).
  const dateX = left + width - indent - bodyWidth(t.date);
  const signatureX = Math.min(dateX - indent, left + width - indent - bodyWidth(t.signature));
  blocks.push(
    { height: LINE_PT, keepWithPrevious: true, draw: () => undefined },
    { height: LINE_PT, keepWithPrevious: true, draw: (d, y) => line(t.signature, signatureX, y, LINE_PT, 'regular', BODY_PT, { characterSpacing: tracking }) },
    { height: LINE_PT, keepWithPrevious: true, draw: (d, y) => line(t.date, dateX, y, LINE_PT, 'regular', BODY_PT, { characterSpacing: tracking }) },
  );

  const pages = paginate(blocks, bottom - top);

  // 版记 at the foot of the last page, between a rule above and below, one character in each side.
  if (t.copyTo) {
    const smallWidth = measure('regular', SMALL_PT);
    const lead = smallWidth('抄送：');
    const copyLines = wrapText(t.copyTo, (i) => width - 2 * SMALL_PT - (i === 0 ? 0 : lead), smallWidth);
    const rowHeight = LINE_PT;
    const height = copyLines.length * rowHeight;
    const last = pages[pages.length - 1] as Placed[];
    const used = last.reduce((h, b) => Math.max(h, b.y + b.block.height), 0);
    if (used + LINE_PT + height > bottom - top) pages.push([]);
    const page = pages[pages.length - 1] as Placed[];
    page.push({
      y: bottom - top - height,
      block: {
        height,
        draw: (d, y) => {
          d.save().lineWidth(1).strokeColor('#000000');
          d.moveTo(left, y).lineTo(left + width, y).stroke();
          d.moveTo(left, y + height).lineTo(left + width, y + height).stroke();
          d.restore();
          copyLines.forEach((l, i) => line(l, left + SMALL_PT + (i === 0 ? 0 : lead), y + i * rowHeight, rowHeight, 'regular', SMALL_PT));
        },
      },
    });
  }

  pages.forEach((placed, p) => {
    pdf.addPage();
    for (const { y, block } of placed) block.draw(pdf.doc, top + y);
    // Page number: 4号 with a dash either side, 7 mm below the text block; odd pages right, even left.
    drawPdfFolio(pdf, p, p + 1);
  });
  pdf.doc.end();
  return pdf.finished;
}
