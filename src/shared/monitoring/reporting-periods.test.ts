import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  daysUntilDue,
  DEFAULT_REPORT_SCHEDULE,
  frequencyOfLabel,
  isPeriodOpen,
  isReportOverdue,
  periodLabelText,
  periodsDue,
  periodsPastDue,
  periodTiming,
  reportingPeriods,
  reportReminderDue,
  reportScheduleSchema,
} from './reporting-periods.js';

describe('reporting periods', () => {
  it('yearly: one period a year, due 31 January of the next year', () => {
    expect(reportingPeriods(2017, 2019, 'yearly')).toEqual([
      { label: '2017', year: 2017, frequency: 'yearly', start: '2017-01-01', end: '2017-12-31', due: '2018-01-31' },
      { label: '2018', year: 2018, frequency: 'yearly', start: '2018-01-01', end: '2018-12-31', due: '2019-01-31' },
      { label: '2019', year: 2019, frequency: 'yearly', start: '2019-01-01', end: '2019-12-31', due: '2020-01-31' },
    ]);
  });

  it('half-yearly: due 31 July and 31 January', () => {
    const p = reportingPeriods(2017, 2017, 'half_yearly');
    expect(p.map((x) => [x.label, x.start, x.end, x.due])).toEqual([
      ['2017-H1', '2017-01-01', '2017-06-30', '2017-07-31'],
      ['2017-H2', '2017-07-01', '2017-12-31', '2018-01-31'],
    ]);
  });

  it('quarterly: due 20 days after the quarter, across the year end', () => {
    const p = reportingPeriods(2017, 2019, 'quarterly');
    expect(p).toHaveLength(12);
    expect(p.slice(0, 4).map((x) => [x.label, x.end, x.due])).toEqual([
      ['2017-Q1', '2017-03-31', '2017-04-20'],
      ['2017-Q2', '2017-06-30', '2017-07-20'],
      ['2017-Q3', '2017-09-30', '2017-10-20'],
      ['2017-Q4', '2017-12-31', '2018-01-20'],
    ]);
  });

  it('reads a configured schedule; month ends are clamped (February in a leap year)', () => {
    const p = reportingPeriods(2019, 2019, 'quarterly', { quarterly: { monthsAfter: 1, daysAfter: 0 } });
    expect(p[0]!.due).toBe('2019-04-30');
    expect(reportingPeriods(2019, 2019, 'yearly', { yearly: { monthsAfter: 2, daysAfter: 0 } })[0]!.due).toBe('2020-02-29');
    expect(reportingPeriods(2019, 2019, 'yearly', { yearly: { monthsAfter: 0, daysAfter: 15 } })[0]!.due).toBe('2020-01-15');
  });

  it('refuses a bad span, an unknown frequency and a bad setting', () => {
    expect(() => reportingPeriods(2019, 2017, 'yearly')).toThrow(RangeError);
    expect(() => reportingPeriods(2017, 2030, 'yearly')).toThrow(RangeError);
    expect(() => reportingPeriods(2017, 2019, 'monthly' as never)).toThrow(RangeError);
    expect(reportScheduleSchema.safeParse({ reminderDays: [3, 3] }).success).toBe(false);
    expect(reportScheduleSchema.safeParse({ reminderDays: [] }).success).toBe(false);
    expect(reportScheduleSchema.safeParse({ quarterly: { daysAfter: -1 } }).success).toBe(false);
    expect(DEFAULT_REPORT_SCHEDULE.reminderDays).toEqual([14, 3]);
  });

  it('labels: frequency and readable text', () => {
    expect(frequencyOfLabel('2017')).toBe('yearly');
    expect(frequencyOfLabel('2017-H2')).toBe('half_yearly');
    expect(frequencyOfLabel('2017-Q3')).toBe('quarterly');
    expect(frequencyOfLabel('2017-Q5')).toBeNull();
    expect(periodLabelText('2017-Q3')).toEqual({ zh: '2017年第三季度', en: '2017 Q3' });
    expect(periodLabelText('2017')).toEqual({ zh: '2017年度', en: '2017' });
    expect(periodLabelText('2018-H1').zh).toBe('2018年上半年');
  });
});

describe('timing of a period on a date', () => {
  const [y2017] = reportingPeriods(2017, 2019, 'yearly');
  const p = y2017!;

  it.each([
    ['2016-12-31', 'upcoming'],
    ['2017-01-01', 'current'],
    ['2017-12-31', 'current'],
    ['2018-01-01', 'due'],
    ['2018-01-31', 'due'],
    ['2018-02-01', 'overdue'],
  ] as const)('%s → %s', (date, timing) => {
    expect(periodTiming(p, date)).toBe(timing);
  });

  it('overdue only when not delivered; a returned report is overdue again', () => {
    expect(isReportOverdue(p, 'draft', '2018-01-31')).toBe(false);
    expect(isReportOverdue(p, 'draft', '2018-02-01')).toBe(true);
    expect(isReportOverdue(p, 'returned', '2018-02-01')).toBe(true);
    expect(isReportOverdue(p, 'submitted', '2018-02-01')).toBe(false);
    expect(isReportOverdue(p, 'confirmed', '2019-02-01')).toBe(false);
  });

  it('finds the current, the due and the past-due periods', () => {
    const q = reportingPeriods(2017, 2019, 'quarterly');
    expect(currentPeriod(q, '2018-05-10')!.label).toBe('2018-Q2');
    expect(periodsDue(q, '2018-04-20').map((x) => x.label)).toEqual(['2018-Q1']);
    expect(periodsDue(q, '2018-04-21')).toEqual([]);
    expect(periodsPastDue(q, '2018-04-21').map((x) => x.label)).toEqual(['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4', '2018-Q1']);
    expect(currentPeriod(q, '2020-03-01')).toBeNull();
  });

  it('a period is open to filling from its first day', () => {
    expect(isPeriodOpen(p, '2016-12-31')).toBe(false);
    expect(isPeriodOpen(p, '2017-01-01')).toBe(true);
  });

  it('refuses a malformed date', () => {
    expect(() => periodTiming(p, '2018-02-30')).toThrow(RangeError);
    expect(() => periodTiming(p, '18-1-1')).toThrow(RangeError);
  });
});

describe('reminders', () => {
  const p = { due: '2018-01-31' };

  it('counts days to the due date', () => {
    expect(daysUntilDue(p, '2018-01-17')).toBe(14);
    expect(daysUntilDue(p, '2018-01-31')).toBe(0);
    expect(daysUntilDue(p, '2018-02-01')).toBe(-1);
  });

  it.each([
    ['2018-01-16', null],
    ['2018-01-17', 'remind_14d'],
    ['2018-01-27', 'remind_14d'],
    ['2018-01-28', 'remind_3d'],
    ['2018-01-31', 'remind_3d'],
    ['2018-02-01', 'overdue'],
  ] as const)('%s → %s', (date, kind) => {
    expect(reportReminderDue(p, 'draft', date)).toBe(kind);
  });

  it('owes nothing once delivered, and follows configured offsets', () => {
    expect(reportReminderDue(p, 'submitted', '2018-01-28')).toBeNull();
    expect(reportReminderDue(p, 'confirmed', '2018-03-01')).toBeNull();
    expect(reportReminderDue(p, 'returned', '2018-01-28')).toBe('remind_3d');
    expect(reportReminderDue(p, 'draft', '2018-01-01', [30, 7, 1])).toBe('remind_30d');
    expect(reportReminderDue(p, 'draft', '2018-01-30', [30, 7, 1])).toBe('remind_1d');
  });
});
