/**
 * The case book 典型案例汇编: a selection of published cases as one printable document, in Word and
 * in PDF. A4 with the margins of the ministry's documents (GB/T 9704: 37/35/28/26 mm), a cover, the
 * contents, then each case on its own page — title, its pilot and tags, 摘要, the body with a
 * two-character first-line indent, and the indicator evidence it cites — with page numbers "— n —".
 *
 * Laid out by the shared official-document kernel (src/kernel/documents/); fonts as in ADR 0004: the
 * PDF embeds subsets of Noto Serif SC (Regular for the text, Bold for titles), the Word file names
 * 仿宋 / 宋体 and lets Word substitute. Pure: data in, Buffers out.
 */
import { renderFlowDocx, renderFlowPdf, type FlowBlock, type FlowDocument } from '../../kernel/documents/flow-document.js';
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
// The book as a flowing official document (src/kernel/documents/flow-document.ts): the cover, the
// contents, then each case on its own page. Page numbers start on the contents.

export function caseBookDocument(data: CaseBookData): FlowDocument {
  const t = caseBookText(data);
  const blocks: FlowBlock[] = [
    { kind: 'space', mm: 60 },
    ...t.titleLines.map((text): FlowBlock => ({ kind: 'title', text })),
    { kind: 'space', mm: 6 },
    { kind: 'centred', text: t.subtitle },
    ...(t.demo ? [{ kind: 'centred', text: '演示数据' } satisfies FlowBlock] : []),
    { kind: 'space', mm: 90 },
    { kind: 'centred', text: t.date },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: '目\u3000录' },
    ...t.contents.map((text): FlowBlock => ({ kind: 'paragraph', text, indent: false })),
  ];
  for (const c of t.cases) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: c.heading }, ...c.meta.map((text): FlowBlock => ({ kind: 'note', text })));
    const section = (label: string, paragraphs: string[]) => {
      if (paragraphs.length === 0) return;
      blocks.push({ kind: 'heading', level: 3, text: label }, ...paragraphs.map((text): FlowBlock => ({ kind: 'paragraph', text })));
    };
    section('【摘要】', c.summary);
    section('【主要做法和成效】', c.body);
    section('【指标佐证】', c.evidence);
  }
  return { title: t.title, blocks, numberFrom: 1 };
}

export async function renderCaseBookDocx(data: CaseBookData): Promise<Buffer> {
  return renderFlowDocx(caseBookDocument(data));
}

export async function renderCaseBookPdf(data: CaseBookData): Promise<Buffer> {
  return renderFlowPdf(caseBookDocument(data));
}
