/**
 * Reporting periods of a pilot (进度报告周期): from its three pilot years and its report frequency,
 * the list of periods a city reports on, each with its first and last day and its due date, and where
 * a date stands against a period (not yet begun, running, in the reporting window, overdue), plus the
 * reminders a report is owed before its due date. Pure: no I/O, no clock — callers pass the date.
 *
 * Decisions:
 * - A due date is "the last day of the month `monthsAfter` months after the period's last month,
 *   then `daysAfter` days more". That one rule gives every default: yearly → 31 January of the next
 *   year (1, 0); half-yearly → 31 July and 31 January (1, 0); quarterly → 20 days after the quarter (0, 20).
 * - The due date is the last day on which a report is on time; it is overdue from the next day on.
 * - Reminders are owed `reminderDays` days before the due date (default 14 and 3). The reminder owed
 *   on a date is the closest one that has been reached, so a sweep that starts late sends only the
 *   latest reminder, never a stale one; a submitted or confirmed report is owed nothing.
 * - All dates are calendar dates YYYY-MM-DD (China time is the caller's business, kernel/clock.ts).
 */
import { z } from 'zod';

export const REPORT_FREQUENCIES = ['yearly', 'half_yearly', 'quarterly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export const REPORT_FREQUENCY_LABELS: Record<ReportFrequency, { zh: string; en: string }> = {
  yearly: { zh: '按年度报告', en: 'Yearly' },
  half_yearly: { zh: '按半年报告', en: 'Half-yearly' },
  quarterly: { zh: '按季度报告', en: 'Quarterly' },
};

const dueRuleSchema = (monthsAfter: number, daysAfter: number) =>
  z
    .object({
      monthsAfter: z.number().int().min(0).max(12).default(monthsAfter),
      daysAfter: z.number().int().min(0).max(90).default(daysAfter),
    })
    .prefault({});

/** The 'report_schedule' setting: due-date rules per frequency and the reminder offsets in days. */
export const reportScheduleSchema = z.object({
  yearly: dueRuleSchema(1, 0),
  half_yearly: dueRuleSchema(1, 0),
  quarterly: dueRuleSchema(0, 20),
  /** Days before the due date on which a reminder is sent, e.g. [14, 3]. */
  reminderDays: z
    .array(z.number().int().min(1).max(120))
    .min(1)
    .max(5)
    .default([14, 3])
    .refine((d) => new Set(d).size === d.length, 'reminder days must be distinct'),
});
export type ReportSchedule = z.output<typeof reportScheduleSchema>;
export type ReportScheduleInput = z.input<typeof reportScheduleSchema>;
export const DEFAULT_REPORT_SCHEDULE: ReportSchedule = reportScheduleSchema.parse({});

export interface ReportingPeriod {
  /** '2017', '2017-H1', '2017-Q3' */
  label: string;
  year: number;
  frequency: ReportFrequency;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive. */
  end: string;
  /** Last day on which the report is on time. */
  due: string;
}

/** Where a date stands against a period. */
export type PeriodTiming = 'upcoming' | 'current' | 'due' | 'overdue';

const DAY = 86_400_000;

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Last day of month `m` of year `y` (m may run past 12). */
function lastDayOfMonth(y: number, m: number): Date {
  return new Date(Date.UTC(y, m, 0));
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && fmt(d) === s;
}

function assertDate(s: string): void {
  if (!isIsoDate(s)) throw new RangeError(`not a YYYY-MM-DD date: "${s}"`);
}

/** The due date of a period ending on the last day of (endYear, endMonth). */
function dueDate(endYear: number, endMonth: number, rule: { monthsAfter: number; daysAfter: number }): string {
  const monthEnd = lastDayOfMonth(endYear, endMonth + rule.monthsAfter);
  return fmt(new Date(monthEnd.getTime() + rule.daysAfter * DAY));
}

function parts(frequency: ReportFrequency): { suffix: string; firstMonth: number; lastMonth: number }[] {
  switch (frequency) {
    case 'yearly':
      return [{ suffix: '', firstMonth: 1, lastMonth: 12 }];
    case 'half_yearly':
      return [
        { suffix: '-H1', firstMonth: 1, lastMonth: 6 },
        { suffix: '-H2', firstMonth: 7, lastMonth: 12 },
      ];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({ suffix: `-Q${q}`, firstMonth: q * 3 - 2, lastMonth: q * 3 }));
  }
}

/**
 * Every reporting period of the pilot years `startYear`..`endYear`, in order. Throws a RangeError
 * for an empty or absurd span (more than ten years).
 */
export function reportingPeriods(startYear: number, endYear: number, frequency: ReportFrequency, scheduleInput: ReportScheduleInput = {}): ReportingPeriod[] {
  if (!Number.isInteger(startYear) || !Number.isInteger(endYear) || endYear < startYear || endYear - startYear > 9) {
    throw new RangeError(`not a pilot period: ${startYear}–${endYear}`);
  }
  if (!REPORT_FREQUENCIES.includes(frequency)) throw new RangeError(`unknown report frequency: ${String(frequency)}`);
  const schedule = reportScheduleSchema.parse(scheduleInput);
  const rule = schedule[frequency];
  const out: ReportingPeriod[] = [];
  for (let year = startYear; year <= endYear; year++) {
    for (const p of parts(frequency)) {
      out.push({
        label: `${year}${p.suffix}`,
        year,
        frequency,
        start: fmt(utc(year, p.firstMonth, 1)),
        end: fmt(lastDayOfMonth(year, p.lastMonth)),
        due: dueDate(year, p.lastMonth, rule),
      });
    }
  }
  return out;
}

const LABEL = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

/** The frequency a period label belongs to, or null when it is not a label. */
export function frequencyOfLabel(label: string): ReportFrequency | null {
  const m = LABEL.exec(label);
  if (!m) return null;
  if (!m[2]) return 'yearly';
  return m[2].startsWith('H') ? 'half_yearly' : 'quarterly';
}

/** Where `date` stands against the period. */
export function periodTiming(period: Pick<ReportingPeriod, 'start' | 'end' | 'due'>, date: string): PeriodTiming {
  assertDate(date);
  if (date < period.start) return 'upcoming';
  if (date <= period.end) return 'current';
  if (date <= period.due) return 'due';
  return 'overdue';
}

/** The report statuses after which nothing more is owed by the city. */
export const DELIVERED_STATUSES = ['submitted', 'confirmed'] as const;

export function isDelivered(status: string): boolean {
  return (DELIVERED_STATUSES as readonly string[]).includes(status);
}

/** A report is overdue once its due date has passed and it has not been submitted (a returned one counts as not delivered). */
export function isReportOverdue(period: Pick<ReportingPeriod, 'due'>, status: string, date: string): boolean {
  assertDate(date);
  return !isDelivered(status) && date > period.due;
}

/** The period running on `date`, or null outside every period. */
export function currentPeriod(periods: readonly ReportingPeriod[], date: string): ReportingPeriod | null {
  return periods.find((p) => periodTiming(p, date) === 'current') ?? null;
}

/** The periods in their reporting window on `date` (ended, due date not passed). */
export function periodsDue(periods: readonly ReportingPeriod[], date: string): ReportingPeriod[] {
  return periods.filter((p) => periodTiming(p, date) === 'due');
}

/** The periods whose due date has passed on `date`. */
export function periodsPastDue(periods: readonly ReportingPeriod[], date: string): ReportingPeriod[] {
  return periods.filter((p) => periodTiming(p, date) === 'overdue');
}

/** Whether the city may already fill in the report: from the period's first day on. */
export function isPeriodOpen(period: Pick<ReportingPeriod, 'start'>, date: string): boolean {
  assertDate(date);
  return date >= period.start;
}

/** Whole days from `date` to the due date (negative once past it). */
export function daysUntilDue(period: Pick<ReportingPeriod, 'due'>, date: string): number {
  assertDate(date);
  return Math.round((Date.parse(`${period.due}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY);
}

/** A stable reminder kind: 'remind_14d', 'remind_3d', or 'overdue'. */
export type ReportReminderKind = `remind_${number}d` | 'overdue';

/**
 * The reminder a report is owed on `date`: the overdue flag once past the due date; before it, the
 * reminder of the smallest offset already reached (so 2 days before with [14, 3] → 'remind_3d');
 * null before the first offset or once the report is delivered.
 */
export function reportReminderDue(
  period: Pick<ReportingPeriod, 'due'>,
  status: string,
  date: string,
  reminderDays: readonly number[] = DEFAULT_REPORT_SCHEDULE.reminderDays,
): ReportReminderKind | null {
  if (isDelivered(status)) return null;
  const left = daysUntilDue(period, date);
  if (left < 0) return 'overdue';
  const reached = reminderDays.filter((d) => left <= d);
  if (reached.length === 0) return null;
  return `remind_${Math.min(...reached)}d`;
}

/** The period label as people read it: 2017年度, 2017年上半年, 2017年第三季度. */
export function periodLabelText(label: string): { zh: string; en: string } {
  const m = LABEL.exec(label);
  if (!m) return { zh: label, en: label };
  const year = m[1]!;
  const part = m[2];
  if (!part) return { zh: `${year}年度`, en: `${year}` };
  if (part === 'H1') return { zh: `${year}年上半年`, en: `${year} H1` };
  if (part === 'H2') return { zh: `${year}年下半年`, en: `${year} H2` };
  const q = ['一', '二', '三', '四'][Number(part.slice(1)) - 1]!;
  return { zh: `${year}年第${q}季度`, en: `${year} ${part}` };
}
