/**
 * Reminders of progress reports: before a report's due date (by default 14 and 3 days before) the
 * city's users get a notice and an e-mail; once it is overdue, the city's and its province's users
 * get the overdue flag. Each notice and e-mail carries a dedupe key naming the report, the reminder
 * and the recipient, so a sweep run again — or in two processes at once — adds nothing, and each
 * reminder goes out exactly once per report and offset.
 *
 * A sweep that starts late sends only the latest reminder owed (reporting-periods.ts), and the
 * overdue flag is only raised in the first OVERDUE_NOTICE_DAYS after the due date: a server started
 * on old data should not flood everyone with notices about periods long past (the lists still show
 * them as overdue).
 *
 * The users' e-mails are sealed at rest: the addresses come opened from the accounts feature (once per
 * recipient and sweep), and the outbox seals them again for the way out.
 */
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../kernel/clock.js';
import { daysUntilDue, periodLabelText, reportReminderDue } from '../../shared/monitoring/reporting-periods.js';
import { emailFor } from '../../shared/notifications/reminder-rules.js';
import { reviewAuthoritiesFor } from '../../shared/reference/divisions.js';
import { insertEmails, insertNotifications, type EmailInsert, type NotificationInsert, type SweepResult } from '../notifications/public.js';
import { activeUsersOfCitiesAndAuthorities, userEmailsOf } from '../accounts/public.js';
import { reportingPilots } from './progress-reports.queries.js';
import { ensureReports, reportSchedule } from './progress-reports.service.js';

export const REPORT_REMINDER_KIND = 'report_reminder';
export const REPORT_OVERDUE_KIND = 'report_overdue';
export const OVERDUE_NOTICE_DAYS = 30;

export function reportReminderKey(reportId: string, kind: string, userId: string): string {
  return `report:${reportId}:${kind}:${userId}`;
}

/** Writes every report reminder and overdue flag due at `now`. */
export async function reportReminderSweep(db: Db, now: Date, opts: { publicUrl?: string } = {}): Promise<SweepResult> {
  const today = chinaDate(now);
  const schedule = await reportSchedule(db);
  const pilots = (await reportingPilots(db)).filter((p) => p.state !== 'completed');
  // Only pilots with a period near or past its due date need rows now; the others are left alone.
  const horizon = Math.max(...schedule.reminderDays);
  const rows = await ensureReports(db, pilots, schedule);
  const byId = new Map(pilots.map((p) => [p.id, p]));
  const notices: NotificationInsert[] = [];
  const emails: EmailInsert[] = [];
  const addresses = new Map<string, string | null>();
  const addressesOf = async (ids: string[]) => {
    const missing = ids.filter((id) => !addresses.has(id));
    if (missing.length === 0) return;
    const opened = await userEmailsOf(db, missing);
    for (const id of missing) addresses.set(id, opened.get(id) ?? null);
  };
  for (const r of rows) {
    const left = daysUntilDue({ due: r.dueDate }, today);
    if (left > horizon || left < -OVERDUE_NOTICE_DAYS) continue;
    const kind = reportReminderDue({ due: r.dueDate }, r.status, today, schedule.reminderDays);
    if (!kind) continue;
    const pilot = byId.get(r.pilotId)!;
    const overdue = kind === 'overdue';
    const authorities = [...new Set(pilot.cityCodes.flatMap((c) => reviewAuthoritiesFor(c)))];
    const recipients = (await activeUsersOfCitiesAndAuthorities(db, pilot.cityCodes, authorities)).filter((u) => overdue || u.role === 'city_applicant');
    const period = periodLabelText(r.period);
    const title = overdue
      ? { zh: `${pilot.name}${period.zh}进度报告已逾期（截止日期 ${r.dueDate}）`, en: `${pilot.name}: the progress report for ${period.en} is overdue (due ${r.dueDate})` }
      : { zh: `${pilot.name}${period.zh}进度报告将于 ${r.dueDate} 截止（还有 ${left} 天）`, en: `${pilot.name}: the progress report for ${period.en} is due on ${r.dueDate} (${left} days left)` };
    const link = `/reports/${r.id}`;
    await addressesOf(recipients.map((u) => u.id));
    for (const u of recipients) {
      const dedupeKey = reportReminderKey(r.id, kind, u.id);
      notices.push({ userId: u.id, kind: overdue ? REPORT_OVERDUE_KIND : REPORT_REMINDER_KIND, dedupeKey, title, link });
      const to = addresses.get(u.id);
      if (to) {
        const mail = emailFor(u.displayName, title, opts.publicUrl ? opts.publicUrl.replace(/\/+$/, '') + link : null);
        emails.push({ toAddress: to, subject: mail.subject, body: mail.body, dedupeKey, sendAfter: now });
      }
    }
  }
  let written = 0;
  let queued = 0;
  for (let i = 0; i < notices.length; i += 500) written += await insertNotifications(db, notices.slice(i, i + 500));
  for (let i = 0; i < emails.length; i += 500) queued += await insertEmails(db, emails.slice(i, i + 500));
  return { notifications: written, emails: queued };
}
