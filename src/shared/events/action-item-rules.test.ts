import { describe, expect, it } from 'vitest';
import { actionItemStatus, actionReminderDue, actionReminderKey, actionReminderTitle, daysUntil, OVERDUE_NOTICE_WINDOW_DAYS } from './action-item-rules.js';

describe('action item arithmetic', () => {
  it('counts whole calendar days, across months and years', () => {
    expect(daysUntil('2026-12-10', '2026-12-01')).toBe(9);
    expect(daysUntil('2026-12-01', '2026-12-01')).toBe(0);
    expect(daysUntil('2026-11-30', '2026-12-01')).toBe(-1);
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2); // a leap year
  });

  // [stored status, deadline, today, shown status]
  const STATUS: [string, string, string, string][] = [
    ['open', '2026-12-10', '2026-12-01', 'open'],
    ['open', '2026-12-01', '2026-12-01', 'open'],
    ['open', '2026-11-30', '2026-12-01', 'overdue'],
    ['done', '2026-11-30', '2026-12-01', 'done'],
    ['done', '2026-12-10', '2026-12-01', 'done'],
  ];
  it.each(STATUS)('%s, due %s, on %s → %s', (status, deadline, today, shown) => {
    expect(actionItemStatus({ status, deadline }, today)).toBe(shown);
  });

  // [days left, reminder owed with the default 7 and 1 days]
  const REMIND: [number, string | null][] = [
    [30, null],
    [8, null],
    [7, 'remind_7d'],
    [3, 'remind_7d'],
    [1, 'remind_1d'],
    [0, 'remind_1d'],
    [-1, 'overdue'],
    [-OVERDUE_NOTICE_WINDOW_DAYS, 'overdue'],
    [-OVERDUE_NOTICE_WINDOW_DAYS - 1, null],
  ];
  it.each(REMIND)('%i day(s) left → %s', (left, kind) => {
    const today = '2026-12-01';
    const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + left * 86_400_000).toISOString().slice(0, 10);
    expect(actionReminderDue({ status: 'open', deadline }, today)).toBe(kind);
  });

  it('owes nothing for a done item, and follows the offsets given', () => {
    expect(actionReminderDue({ status: 'done', deadline: '2026-11-01' }, '2026-11-05')).toBeNull();
    expect(actionReminderDue({ status: 'open', deadline: '2026-12-15' }, '2026-12-01', [14, 3])).toBe('remind_14d');
    expect(actionReminderDue({ status: 'open', deadline: '2026-12-15' }, '2026-12-01', [])).toBeNull();
  });

  it('keys a reminder by item, deadline, kind and user', () => {
    expect(actionReminderKey('i1', '2026-12-10', 'remind_7d', 'u1')).toBe('action:i1:2026-12-10:remind_7d:u1');
    expect(actionReminderKey('i1', '2026-12-11', 'remind_7d', 'u1')).not.toBe(actionReminderKey('i1', '2026-12-10', 'remind_7d', 'u1'));
  });

  it('titles the reminder in both languages', () => {
    const f = { title: '制定配套政策', eventTitle: '2026年度部省市会议', deadline: '2026-12-10', daysLeft: 7 };
    expect(actionReminderTitle('remind_7d', f).zh).toContain('还有 7 天');
    expect(actionReminderTitle('overdue', f).en).toContain('overdue');
  });
});
