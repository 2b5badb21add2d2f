import { describe, expect, it } from 'vitest';
import {
  dueReminder,
  emailFor,
  formatChineseDateTime,
  formatEnglishDateTime,
  isOverdue,
  panelOverdueTitle,
  parseReminderOffsets,
  reminderKey,
  reminderTitle,
  type ReminderKind,
  type ReminderOffsets,
} from './reminder-rules.js';

const H = 3600_000;
// 2016-09-30 18:00 in Beijing.
const deadline = new Date('2016-09-30T10:00:00Z');
const at = (hoursFromDeadline: number) => new Date(deadline.getTime() + hoursFromDeadline * H);

describe('dueReminder with the default offsets [72, 24]', () => {
  const cases: [label: string, hours: number, submitted: boolean, expected: ReminderKind | null][] = [
    ['a week before', -168, false, null],
    ['just before the 3-day window', -72 - 1 / 3600, false, null],
    ['exactly 3 days before', -72, false, 'due_in_3_days'],
    ['2 days before', -48, false, 'due_in_3_days'],
    ['just before the 1-day window', -24 - 1 / 3600, false, 'due_in_3_days'],
    ['exactly 1 day before', -24, false, 'due_in_1_day'],
    ['one hour before', -1, false, 'due_in_1_day'],
    ['one millisecond before', -1 / 3600_000, false, 'due_in_1_day'],
    ['at the deadline', 0, false, 'overdue'],
    ['a week after', 168, false, 'overdue'],
    ['2 days before, submitted', -48, true, null],
    ['1 hour before, submitted', -1, true, null],
    ['after the deadline, submitted', 5, true, null],
  ];
  it.each(cases)('%s → %s', (_label, hours, submitted, expected) => {
    expect(dueReminder({ now: at(hours), deadline, submitted })).toBe(expected);
  });
});

describe('dueReminder with configured offsets', () => {
  const cases: [offsets: ReminderOffsets, hours: number, expected: ReminderKind | null][] = [
    [[48, 12], -60, null],
    [[48, 12], -48, 'due_in_3_days'],
    [[48, 12], -13, 'due_in_3_days'],
    [[48, 12], -12, 'due_in_1_day'],
    [[48, 12], 0, 'overdue'],
    [[120, 36], -100, 'due_in_3_days'],
    [[120, 36], -30, 'due_in_1_day'],
  ];
  it.each(cases)('%j at %s h → %s', (offsetsHours, hours, expected) => {
    expect(dueReminder({ now: at(hours), deadline, submitted: false, offsetsHours })).toBe(expected);
  });
});

describe('isOverdue', () => {
  const cases: [hours: number, submitted: boolean, expected: boolean][] = [
    [-1, false, false],
    [0, false, true],
    [1, false, true],
    [1, true, false],
  ];
  it.each(cases)('%s h from the deadline, submitted %s → %s', (hours, submitted, expected) => {
    expect(isOverdue(deadline, at(hours), submitted)).toBe(expected);
  });
});

describe('parseReminderOffsets', () => {
  const good: [input: string | undefined, expected: ReminderOffsets][] = [
    [undefined, [72, 24]],
    ['', [72, 24]],
    ['72,24', [72, 24]],
    ['[48, 12]', [48, 12]],
    ['36, 1.5', [36, 1.5]],
  ];
  it.each(good)('%j → %j', (input, expected) => {
    expect(parseReminderOffsets(input)).toEqual(expected);
  });
  it.each(['24,72', '72', '72,24,1', 'a,b', '72,0', '-1,-2', '24,24'])('refuses %j', (input) => {
    expect(() => parseReminderOffsets(input)).toThrow(/REMINDER_OFFSETS_HOURS/);
  });
});

describe('notice texts', () => {
  it('formats the deadline as a Chinese date in Beijing time, whatever the server zone', () => {
    expect(formatChineseDateTime(deadline)).toBe('2016年9月30日 18:00');
    expect(formatChineseDateTime(new Date('2016-12-31T16:30:00Z'))).toBe('2017年1月1日 00:30');
    expect(formatEnglishDateTime(deadline)).toBe('2016-09-30 18:00 (Beijing time)');
  });

  const cases: [kind: ReminderKind, zh: string, en: string][] = [
    ['due_in_3_days', '剩余不足3天', 'less than 3 days left'],
    ['due_in_1_day', '剩余不足1天', 'less than 1 day left'],
    ['overdue', '已于2016年9月30日 18:00截止', 'were due on 2016-09-30 18:00'],
  ];
  it.each(cases)('%s names the application and the deadline in both languages', (kind, zh, en) => {
    const t = reminderTitle({ kind, applicationTitle: '杭州市试点示范城市实施方案', deadline });
    expect(t.zh).toContain('《杭州市试点示范城市实施方案》');
    expect(t.zh).toContain('2016年9月30日 18:00');
    expect(t.zh).toContain(zh);
    expect(t.en).toContain('《杭州市试点示范城市实施方案》');
    expect(t.en).toContain(en);
  });

  it('uses the configured offsets in the text', () => {
    expect(reminderTitle({ kind: 'due_in_3_days', applicationTitle: 'X', deadline, offsetsHours: [36, 6] }).zh).toContain('不足36小时');
    expect(reminderTitle({ kind: 'due_in_1_day', applicationTitle: 'X', deadline, offsetsHours: [36, 6] }).en).toContain('less than 6 hours');
  });

  it('tells the ministry how many sheets are missing', () => {
    expect(panelOverdueTitle('X', deadline, 2).zh).toContain('尚有2位专家');
    expect(panelOverdueTitle('X', deadline, 1).en).toContain('1 expert has not');
  });

  it('builds a bilingual e-mail with a Chinese subject', () => {
    const title = reminderTitle({ kind: 'due_in_3_days', applicationTitle: '杭州市实施方案', deadline });
    const mail = emailFor('王专家', title, 'https://example.org/applications/1');
    expect(mail.subject).toBe('【评审提醒】《杭州市实施方案》的专家评分将于2016年9月30日 18:00截止（剩余不足3天）');
    expect(mail.body).toContain('王专家：');
    expect(mail.body).toContain(title.zh);
    expect(mail.body).toContain(title.en);
    expect(mail.body).toContain('https://example.org/applications/1');
    expect(emailFor(null, title, null).body).toContain('请登录“中国制造2025”城市试点示范工作平台处理');
  });

  it('keys reminders by panel, expert, round and kind', () => {
    expect(reminderKey('p', 'e', 2, 'overdue')).toBe('reminder:p:e:2:overdue');
  });
});
