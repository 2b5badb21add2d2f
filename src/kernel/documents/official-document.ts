/**
 * The building blocks of every document the platform prints in the layout of the ministry's official
 * documents (GB/T 9704-2012): the A4 page and its text block, the type sizes and line pitch, the
 * fonts (named in Word, embedded in PDF: docs/adr/0004-cjk-font-for-pdf.md), a Word run and page
 * section, the folio "— n —", and for PDF a document that collects its bytes, lines set on a baseline
 * and top-down pagination of blocks. The 批复 and 通报 (approvals), the case book (cases) and the
 * dossier's plan and review record are built from these. Pure apart from reading the font files.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

/** PDF points per millimetre. */
export const MM = 72 / 25.4;
/** A4. */
export const PAGE_MM = { width: 210, height: 297 } as const;
/** GB/T 9704-2012 §5: the text block 版心 156 mm × 225 mm. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** The text block's width in points. */
export const TEXT_WIDTH_PT = (PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right) * MM;
/** Page number's dashes below the text block (§7.5: 7 mm). */
export const FOLIO_GAP_MM = 7;
/** The red of the issuing authority's name and rule. */
export const RED = 'E60012';
/** 3号 仿宋 body, 28 pt exact line pitch. */
export const BODY_PT = 16;
export const LINE_PT = 28;
/** 2号 小标宋 title. */
export const TITLE_PT = 22;
export const TITLE_LINE_PT = 34;
/** 4号 for page numbers and the 版记. */
export const SMALL_PT = 14;
/** Characters per body line (§5.2.2: 28). */
export const CHARS_PER_LINE = 28;
/** Who made the file, in every document's properties. */
export const DOCUMENT_CREATOR = '“中国制造2025”城市试点示范工作平台';

// ---------------------------------------------------------------------------------------------
// Word. Fonts are named, not embedded: Word on the reader's machine supplies FangSong (仿宋),
// SimSun (宋体, standing in for 方正小标宋) and SimHei (黑体), or falls back to its own CJK font.

export const WORD_FONT = { body: 'FangSong', title: 'SimSun', heading: 'SimHei' } as const;
export const TWIPS_PER_PT = 20;
export const twipsOfMm = (mm: number) => Math.round(mm * MM * TWIPS_PER_PT);
/** An exact line pitch, in Word's terms. */
export const wordLine = (pt: number) => ({ line: Math.round(pt * TWIPS_PER_PT), lineRule: LineRuleType.EXACT });

/** A run of Chinese text in one font and size. */
export function wordRun(text: string, pt: number, font: string, extra: { bold?: boolean; color?: string; scale?: number; break?: number } = {}): TextRun {
  return new TextRun({ text, size: pt * 2, font: { ascii: font, hAnsi: font, eastAsia: font }, language: { value: 'zh-CN', eastAsia: 'zh-CN' }, ...extra });
}

/** A4 with the text block's margins; the footer sits so the folio's dashes are 7 mm below the block. */
export function wordPageProperties() {
  return {
    page: {
      size: { width: twipsOfMm(PAGE_MM.width), height: twipsOfMm(PAGE_MM.height) },
      margin: {
        top: twipsOfMm(MARGIN_MM.top),
        bottom: twipsOfMm(MARGIN_MM.bottom),
        left: twipsOfMm(MARGIN_MM.left),
        right: twipsOfMm(MARGIN_MM.right),
        footer: twipsOfMm(MARGIN_MM.bottom - FOLIO_GAP_MM - 5),
      },
    },
  };
}

export type WordAlignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** The page number "— n —" in 4号, one character in from the side it stands on (or centred). */
export function wordFolio(alignment: WordAlignment): Footer {
  const em = SMALL_PT * TWIPS_PER_PT;
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: em } : alignment === AlignmentType.LEFT ? { left: em } : undefined,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SMALL_PT * 2, font: WORD_FONT.title })],
      }),
    ],
  });
}

/** The document-wide default run: 仿宋 3号. */
export const WORD_STYLES = { default: { document: { run: { font: WORD_FONT.body, size: BODY_PT * 2 } } } };

// ---------------------------------------------------------------------------------------------
// PDF. Noto Serif SC is embedded as a subset (only the glyphs used), Regular for the body and Bold
// standing in for 小标宋 and 黑体.

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;
export type PdfFont = keyof typeof FONT_FILES;
const fontCache = new Map<PdfFont, Buffer>();

export function fontData(name: PdfFont): Buffer {
  let data = fontCache.get(name);
  if (!data) {
    data = readFileSync(require.resolve(FONT_FILES[name]));
    fontCache.set(name, data);
  }
  return data;
}

/** The text block on the page, in points. */
export const PDF_BOX = {
  left: MARGIN_MM.left * MM,
  top: MARGIN_MM.top * MM,
  width: TEXT_WIDTH_PT,
  bottom: (PAGE_MM.height - MARGIN_MM.bottom) * MM,
  page: { width: PAGE_MM.width * MM, height: PAGE_MM.height * MM },
  margins: { top: MARGIN_MM.top * MM, bottom: MARGIN_MM.bottom * MM, left: MARGIN_MM.left * MM, right: MARGIN_MM.right * MM },
} as const;

export interface OpenPdf {
  doc: PDFKit.PDFDocument;
  /** Resolves with the file once `doc.end()` has been called. */
  finished: Promise<Buffer>;
  /** Width of a string as set in `font` at `pt`, with extra `tracking` between characters. */
  measure: (font: PdfFont, pt: number, tracking?: number) => (s: string) => number;
  /** Draws one line with its em box vertically centred in a line of `lineHeight`. */
  line: (text: string, x: number, lineTop: number, lineHeight: number, font: PdfFont, pt: number, options?: PdfTextOptions, color?: string) => void;
  /** Adds an A4 page with the text block's margins. */
  addPage: () => void;
}

export type PdfTextOptions = PDFKit.Mixins.TextOptions & { horizontalScaling?: number };

/** Where an ideograph's em box sits on the baseline in Noto CJK fonts: 0.88 em above, 0.12 below. */
const EM_ASCENT = 0.88;

/** A PDF document on A4 with the fonts registered and its bytes collected. */
export function openPdf(info: { Title: string; Author?: string; Subject?: string }, opts: { autoFirstPage?: boolean } = {}): OpenPdf {
  const doc = new PDFDocument({
    size: [PDF_BOX.page.width, PDF_BOX.page.height],
    margins: PDF_BOX.margins,
    bufferPages: true,
    autoFirstPage: opts.autoFirstPage ?? false,
    lang: 'zh-CN',
    info: { ...info, Creator: DOCUMENT_CREATOR },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontData('regular'));
  doc.registerFont('bold', fontData('bold'));
  const measure = (font: PdfFont, pt: number, tracking = 0) => (s: string) => doc.font(font).fontSize(pt).widthOfString(s, { characterSpacing: tracking });
  const line: OpenPdf['line'] = (text, x, lineTop, lineHeight, font, pt, options = {}, color = '#000000') => {
    const baseline = lineTop + (lineHeight - pt) / 2 + EM_ASCENT * pt;
    doc.font(font).fontSize(pt).fillColor(color).text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', ...options });
  };
  const addPage = () => doc.addPage({ size: [PDF_BOX.page.width, PDF_BOX.page.height], margins: PDF_BOX.margins });
  return { doc, finished, measure, line, addPage };
}

/** Draws the folio "— n —" 7 mm below the text block: odd pages right, even left (or centred), one character in. */
export function drawPdfFolio(pdf: OpenPdf, pageIndex: number, n: number, placement: 'alternate' | 'centre' = 'alternate'): void {
  const { left, width, bottom } = PDF_BOX;
  const folio = `— ${n} —`;
  const folioWidth = pdf.measure('regular', SMALL_PT)(folio);
  const x = placement === 'centre' ? left + (width - folioWidth) / 2 : pageIndex % 2 === 0 ? left + width - SMALL_PT - folioWidth : left + SMALL_PT;
  pdf.line(folio, x, bottom + FOLIO_GAP_MM * MM - SMALL_PT / 2, SMALL_PT, 'regular', SMALL_PT);
}

/** Tracking that sets body text CHARS_PER_LINE characters to the line (§5.2.2). */
export const BODY_TRACKING = (TEXT_WIDTH_PT - CHARS_PER_LINE * BODY_PT) / (CHARS_PER_LINE - 1);

// ---------------------------------------------------------------------------------------------
// Pagination of blocks, for the PDF renderers.

export interface Block {
  height: number;
  /** Goes to the next page with the block before it rather than be separated from it. */
  keepWithPrevious?: boolean;
  /** Vertical space only: dropped at the top of a page. */
  space?: boolean;
  /** Starts a new page (unless the page is still empty). */
  pageBreak?: boolean;
  draw: (doc: PDFKit.PDFDocument, top: number) => void;
}

export interface Placed {
  y: number;
  block: Block;
}

export const spaceBlock = (height: number): Block => ({ height, space: true, draw: () => undefined });

/** Places blocks top-down on pages of `height`; a run of keep-with-previous blocks moves with the block before it. */
export function paginate(blocks: readonly Block[], height: number): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const current = pages[pages.length - 1] as Placed[];
    if (block.pageBreak) {
      if (current.length > 0) {
        pages.push([]);
        y = 0;
      }
      continue;
    }
    if (block.space && y === 0 && current.length === 0 && i > 0) continue;
    if (y + block.height <= height) {
      current.push({ y, block });
      y += block.height;
      continue;
    }
    // Carry over the blocks that must stay with this one, and the block they hang from.
    const carried: Block[] = [];
    if (block.keepWithPrevious) {
      while (current.length > 1) {
        const moved = current.pop() as Placed;
        carried.unshift(moved.block);
        if (!moved.block.keepWithPrevious) break;
      }
    }
    pages.push([]);
    y = 0;
    for (const b of [...carried, block]) {
      if (b.space && y === 0) continue;
      (pages[pages.length - 1] as Placed[]).push({ y, block: b });
      y += b.height;
    }
  }
  return pages;
}
