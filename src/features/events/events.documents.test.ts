import { describe, expect, it } from 'vitest';
import { actionItemsWorkbook, dateRange, minutesText } from './events.documents.js';
import ExcelJS from 'exceljs';
import type { ActionItem } from './events.contract.js';

const item = (over: Partial<ActionItem>): ActionItem => ({
  id: '00000000-0000-4000-8000-000000000001',
  eventId: '00000000-0000-4000-8000-000000000002',
  eventTitle: '年度会议',
  eventKind: 'annual_meeting',
  title: '出台配套政策',
  description: '',
  ownerOrganisationId: '00000000-0000-4000-8000-000000000003',
  ownerName: '宁波市',
  deadline: '2026-06-30',
  status: 'open',
  daysLeft: 10,
  closingNote: null,
  closedAt: null,
  version: 1,
  updates: [],
  abilities: [],
  ...over,
});

describe('minutes and action-item documents', () => {
  it('writes the dates in Chinese, as one day or a range', () => {
    expect(dateRange('2026-03-10', '2026-03-10')).toBe('2026年3月10日');
    expect(dateRange('2026-03-10', '2026-03-11')).toBe('2026年3月10日至2026年3月11日');
  });

  it('lists the meeting’s facts, who attended (not the absent), the paragraphs and the items', () => {
    const t = minutesText({
      title: '智能制造现场会',
      kind: 'onsite_meeting',
      startsOn: '2026-04-15',
      endsOn: '2026-04-15',
      place: '宁波',
      hostOrganisation: '规划司',
      participants: [
        { organisationId: null, name: '宁波市', person: '', role: 'host', attendance: 'attended' },
        { organisationId: null, name: '湖州市', person: '', role: 'attendee', attendance: 'absent' },
      ],
      minutes: '第一段。\n\n第二段。',
      actionItems: [item({})],
      isDemo: false,
    });
    expect(t.title).toBe('智能制造现场会纪要');
    expect(t.facts).toContain('会议类型：现场会');
    expect(t.participants).toBe('参会单位：宁波市');
    expect(t.paragraphs).toEqual(['第一段。', '第二段。']);
    expect(t.items).toEqual(['1. 出台配套政策（承办单位：宁波市；办理期限：2026年6月30日）']);
  });

  it('exports one row per item with its status in Chinese', async () => {
    const buf = await actionItemsWorkbook([item({}), item({ status: 'done', closingNote: '已印发' }), item({ status: 'overdue', daysLeft: -3 })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('督办事项')!;
    expect(ws.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(5).value)).toEqual(['办理中', '已办结', '已逾期']);
    expect(ws.getRow(3).getCell(6).value ?? '').toBe('');
    expect(ws.getRow(3).getCell(7).value).toBe('已印发');
  });
});
