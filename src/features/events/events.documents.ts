/**
 * The files officials use: the minutes 会议纪要 as Word (title, the meeting's facts, the participating
 * organisations, the minutes' paragraphs, the action items with owner and deadline), and the action
 * items 督办事项 as Excel (one row each: event, item, owner, deadline, status, days left, closing note,
 * the latest update). Pure: data in, Buffers out. `minutesText` is tested on its own.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { ACTION_ITEM_STATUS_LABELS } from '../../shared/events/action-item-rules.js';
import { EVENT_KIND_LABELS } from '../../shared/events/event-lifecycle.js';
import type { ActionItem, EventDetail } from './events.contract.js';

const CREATOR = '“中国制造2025”城市试点示范工作平台';

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function dateRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? zhDate(startsOn) : `${zhDate(startsOn)}至${zhDate(endsOn)}`;
}

export interface MinutesText {
  title: string;
  facts: string[];
  participants: string | null;
  paragraphs: string[];
  items: string[];
  demo: boolean;
}

export function minutesText(ev: Pick<EventDetail, 'title' | 'kind' | 'startsOn' | 'endsOn' | 'place' | 'hostOrganisation' | 'participants' | 'minutes' | 'actionItems' | 'isDemo'>): MinutesText {
  const attended = ev.participants.filter((p) => p.attendance !== 'absent').map((p) => p.name);
  return {
    title: `${ev.title}纪要`,
    facts: [
      `会议类型：${EVENT_KIND_LABELS[ev.kind].zh}`,
      `时间：${dateRange(ev.startsOn, ev.endsOn)}`,
      `地点：${ev.place}`,
      `主办单位：${ev.hostOrganisation}`,
    ],
    participants: attended.length > 0 ? `参会单位：${[...new Set(attended)].join('、')}` : null,
    paragraphs: (ev.minutes ?? '')
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
    items: ev.actionItems.map((i, n) => `${n + 1}. ${i.title}（承办单位：${i.ownerName}；办理期限：${zhDate(i.deadline)}）`),
    demo: ev.isDemo,
  };
}

const BODY_FONT = 'FangSong';
const TITLE_FONT = 'SimSun';
const run = (text: string, pt: number, font: string, bold = false) => new TextRun({ text, size: pt * 2, font: { eastAsia: font, ascii: font, hAnsi: font }, bold });
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };

export async function renderMinutesDocx(ev: Parameters<typeof minutesText>[0]): Promise<Buffer> {
  const t = minutesText(ev);
  const plain = (text: string) => new Paragraph({ spacing: LINE, children: [run(text, 16, BODY_FONT)] });
  const indented = (text: string) => new Paragraph({ alignment: AlignmentType.BOTH, spacing: LINE, indent: { firstLine: 32 * 20 }, children: [run(text, 16, BODY_FONT)] });
  const label = (text: string) => new Paragraph({ spacing: { before: 14 * 20, ...LINE }, children: [run(text, 16, 'SimHei', true)] });
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 28 * 20, line: 36 * 20, lineRule: LineRuleType.EXACT }, children: [run(t.title, 22, TITLE_FONT, true)] }),
    ...(t.demo ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('演示数据', 14, BODY_FONT)] })] : []),
    ...t.facts.map(plain),
    ...(t.participants ? [plain(t.participants)] : []),
    label('一、会议纪要'),
    ...t.paragraphs.map(indented),
  ];
  if (t.items.length > 0) children.push(label('二、督办事项'), ...t.items.map(plain));
  const doc = new Document({
    creator: CREATOR,
    title: t.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [{ children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export const ITEMS_SHEET = '督办事项';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3C3' } };
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

const COLUMNS: { header: string; width: number; cell: (i: ActionItem) => string | number }[] = [
  { header: '活动', width: 30, cell: (i) => i.eventTitle },
  { header: '督办事项', width: 36, cell: (i) => i.title },
  { header: '承办单位', width: 24, cell: (i) => i.ownerName },
  { header: '办理期限', width: 12, cell: (i) => i.deadline },
  { header: '状态', width: 10, cell: (i) => ACTION_ITEM_STATUS_LABELS[i.status].zh },
  { header: '剩余天数', width: 10, cell: (i) => (i.status === 'done' ? '' : i.daysLeft) },
  { header: '办结说明', width: 36, cell: (i) => i.closingNote ?? '' },
  { header: '最新进展', width: 36, cell: (i) => [...i.updates].reverse().find((u) => u.kind === 'update')?.note ?? '' },
];

export async function actionItemsWorkbook(items: readonly ActionItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  const ws = wb.addWorksheet(ITEMS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const i of items) {
    const row = ws.addRow(COLUMNS.map((c) => c.cell(i)));
    row.alignment = { vertical: 'top', wrapText: true };
    if (i.status === 'overdue') row.eachCell((c) => (c.fill = OVERDUE_FILL));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
