/**
 * A flowing document in the official layout — titles, headings, body paragraphs with the two-character
 * first-line indent, small centred notes, tables, page breaks — rendered as Word and as PDF from one
 * description. The case book, the dossier's plan and its review record are such documents. PDF lines
 * are broken by the CJK rules (cjk-line-break.ts) and paginated as blocks; Word lays out itself.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { emWidth, wrapText } from './cjk-line-break.js';
import {
  BODY_PT,
  BODY_TRACKING,
  DOCUMENT_CREATOR,
  LINE_PT,
  MM,
  PDF_BOX,
  TITLE_PT,
  TWIPS_PER_PT,
  WORD_FONT,
  WORD_STYLES,
  drawPdfFolio,
  openPdf,
  paginate,
  spaceBlock,
  wordFolio,
  wordLine,
  wordPageProperties,
  wordRun,
  type Block,
  type PdfFont,
} from './official-document.js';

export type FlowBlock =
  /** 2号 bold, centred: a cover's or a document's title. */
  | { kind: 'title'; text: string }
  /** 3号, centred: a subtitle, a date. */
  | { kind: 'centred'; text: string }
  /** A heading: level 1 centred 20 pt bold (a case, a chapter), level 2 黑体 16 pt (a part), level 3 a bold label. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text: 3号 with a two-character first-line indent (indent: false for flush left, e.g. a contents line). */
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** 12 pt, centred: a case's pilot, author and tags. */
  | { kind: 'note'; text: string }
  /** A table with a header row; cells wrap. */
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'pageBreak' }
  /** Vertical space in millimetres. */
  | { kind: 'space'; mm: number };

export interface FlowDocument {
  title: string;
  author?: string;
  subject?: string;
  blocks: FlowBlock[];
  /** The first page (0-based) to carry a page number; it is numbered 1. Default 0. */
  numberFrom?: number;
}

const HEADING_PT = { 1: 20, 2: BODY_PT, 3: BODY_PT } as const;
const NOTE_PT = 12;
const TABLE_PT = 10.5;

// ---------------------------------------------------------------------------------------------
// Word

function wordTable(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [wordRun(text, TABLE_PT, WORD_FONT.body, { bold })] })] });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: headers.map((_, i) => cell(r[i] ?? '', false)) }))],
  });
}

export async function renderFlowDocx(d: FlowDocument): Promise<Buffer> {
  const em = BODY_PT * TWIPS_PER_PT;
  const children: (Paragraph | Table)[] = [];
  for (const b of d.blocks) {
    switch (b.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: wordLine(TITLE_PT * 1.6), children: [wordRun(b.text, TITLE_PT, WORD_FONT.title, { bold: true })] }));
        break;
      case 'centred':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: wordLine(LINE_PT), children: [wordRun(b.text, BODY_PT, WORD_FONT.body)] }));
        break;
      case 'heading': {
        const level = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
        const font = b.level === 1 ? WORD_FONT.title : WORD_FONT.heading;
        children.push(
          new Paragraph({
            heading: level,
            alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
            keepNext: true,
            spacing: { before: (b.level === 1 ? 0 : 14) * TWIPS_PER_PT, after: (b.level === 1 ? 14 : 0) * TWIPS_PER_PT, ...wordLine(b.level === 1 ? 36 : LINE_PT) },
            children: [wordRun(b.text, HEADING_PT[b.level], font, { bold: true })],
          }),
        );
        break;
      }
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment: AlignmentType.BOTH,
            spacing: wordLine(LINE_PT),
            indent: b.indent === false ? undefined : { firstLine: 2 * em },
            children: [wordRun(b.text, BODY_PT, WORD_FONT.body)],
          }),
        );
        break;
      case 'note':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: wordLine(22), children: [wordRun(b.text, NOTE_PT, WORD_FONT.body)] }));
        break;
      case 'table':
        children.push(wordTable(b.headers, b.rows));
        break;
      case 'pageBreak':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'space':
        children.push(new Paragraph({ spacing: { before: Math.round(b.mm * MM * TWIPS_PER_PT), line: TWIPS_PER_PT, lineRule: 'exact' }, children: [] }));
        break;
    }
  }
  const doc = new Document({
    creator: DOCUMENT_CREATOR,
    title: d.title,
    styles: WORD_STYLES,
    sections: [{ properties: wordPageProperties(), footers: { default: wordFolio(AlignmentType.CENTER) }, children }],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// PDF

export async function renderFlowPdf(d: FlowDocument): Promise<Buffer> {
  const pdf = openPdf({ Title: d.title, ...(d.author ? { Author: d.author } : {}), ...(d.subject ? { Subject: d.subject } : {}) });
  const { left, top, width, bottom } = PDF_BOX;
  const { line, measure } = pdf;

  /** Wrapped lines of `text`, each a block, justified except the last when `justify`. */
  const lines = (text: string, font: PdfFont, pt: number, pitch: number, o: { firstIndent?: number; align?: 'left' | 'centre'; justify?: boolean; tracking?: number } = {}): Block[] => {
    const tracking = o.tracking ?? 0;
    const w = measure(font, pt, tracking);
    const first = o.firstIndent ?? 0;
    const wrapped = wrapText(text, (i) => width - (i === 0 ? first : 0), w);
    return wrapped.map((l, i) => {
      const indent = i === 0 ? first : 0;
      const room = width - indent;
      const slack = room - w(l);
      const glyphs = [...l].length;
      const justify = o.justify === true && i < wrapped.length - 1 && glyphs > 1 && slack > 0 && slack < room / 4;
      const characterSpacing = tracking + (justify ? slack / (glyphs - 1) : 0);
      const x = o.align === 'centre' ? left + (width - w(l)) / 2 : left + indent;
      return { height: pitch, draw: (_d, y) => line(l, x, y, pitch, font, pt, { characterSpacing }) } satisfies Block;
    });
  };

  const tableBlocks = (headers: string[], rows: string[][]): Block[] => {
    const pad = 3;
    const pitch = TABLE_PT * 1.5;
    // Column widths in proportion to the longest text in each column, within bounds.
    const weights = headers.map((h, i) => Math.min(24, Math.max(3, emWidth(h), ...rows.map((r) => emWidth(r[i] ?? '')))));
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((wt) => (width * wt) / total);
    const row = (cells: string[], font: PdfFont): Block => {
      const w = measure(font, TABLE_PT);
      const wrapped = headers.map((_, i) => wrapText(cells[i] ?? '', () => Math.max(TABLE_PT, (widths[i] as number) - 2 * pad), w));
      const height = Math.max(1, ...wrapped.map((c) => c.length)) * pitch + 2 * pad;
      return {
        height,
        draw: (doc, y) => {
          let x = left;
          doc.save().lineWidth(0.5).strokeColor('#000000');
          wrapped.forEach((cellLines, i) => {
            const cw = widths[i] as number;
            doc.rect(x, y, cw, height).stroke();
            cellLines.forEach((l, j) => line(l, x + pad, y + pad + j * pitch, pitch, font, TABLE_PT));
            x += cw;
          });
          doc.restore();
        },
      };
    };
    return [row(headers, 'bold'), ...rows.map((r) => row(r, 'regular'))];
  };

  const blocks: Block[] = [];
  const indent = 2 * (BODY_PT + BODY_TRACKING);
  /** The block just pushed is a heading: what follows starts on the same page as it. */
  let afterHeading = false;
  const follow = (bs: Block[]) => {
    if (afterHeading && bs[0]) bs[0] = { ...bs[0], keepWithPrevious: true };
    blocks.push(...bs);
    afterHeading = false;
  };
  for (const b of d.blocks) {
    switch (b.kind) {
      case 'title':
        follow(lines(b.text, 'bold', TITLE_PT, TITLE_PT * 1.6, { align: 'centre' }));
        break;
      case 'centred':
        follow(lines(b.text, 'regular', BODY_PT, LINE_PT, { align: 'centre' }));
        break;
      case 'heading': {
        const pt = HEADING_PT[b.level];
        const heading = lines(b.text, 'bold', pt, b.level === 1 ? 36 : LINE_PT, { align: b.level === 1 ? 'centre' : 'left' }).map((l, i) => (i > 0 ? { ...l, keepWithPrevious: true } : l));
        const last = heading[heading.length - 1];
        // Space after a level-1 heading, before the others: part of the heading's own lines.
        if (last && b.level === 1) heading[heading.length - 1] = { ...last, height: last.height + 14 };
        if (b.level !== 1) blocks.push(spaceBlock(14));
        follow(heading);
        afterHeading = true;
        break;
      }
      case 'paragraph':
        follow(lines(b.text, 'regular', BODY_PT, LINE_PT, { firstIndent: b.indent === false ? 0 : indent, justify: true, tracking: BODY_TRACKING }));
        break;
      case 'note':
        follow(lines(b.text, 'regular', NOTE_PT, 22, { align: 'centre' }));
        break;
      case 'table': {
        const rows = tableBlocks(b.headers, b.rows);
        // The header row stays with the first body row.
        if (rows[1]) rows[1] = { ...rows[1], keepWithPrevious: true };
        follow(rows);
        blocks.push(spaceBlock(6));
        break;
      }
      case 'pageBreak':
        blocks.push({ height: 0, pageBreak: true, draw: () => undefined });
        afterHeading = false;
        break;
      case 'space':
        blocks.push(spaceBlock(b.mm * MM));
        break;
    }
  }

  const pages = paginate(blocks, bottom - top);
  const numberFrom = d.numberFrom ?? 0;
  pages.forEach((placed, p) => {
    pdf.addPage();
    for (const { y, block } of placed) block.draw(pdf.doc, top + y);
    if (p >= numberFrom) drawPdfFolio(pdf, p, p - numberFrom + 1, 'centre');
  });
  pdf.doc.end();
  return pdf.finished;
}
