/**
 * Reminders of action items 督办事项: before the deadline (by default 7 days and 1 day before) the
 * owner organisation's users get a notice and an e-mail; once it is overdue, the owner's users and the
 * ministry's planning department get the overdue notice. Each carries a dedupe key naming the item,
 * its deadline, the reminder and the recipient (src/shared/events/action-item-rules.ts), so a sweep run
 * again — or in two processes at once — adds nothing: each reminder goes out exactly once. The job
 * runner runs it as the named sweep `event-action-reminders` (handed in by src/server/main.ts).
 * The users' e-mails are sealed at rest: the addresses come opened from the accounts feature, and the
 * outbox seals them again for the way out.
 */
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../kernel/clock.js';
import { actionReminderDue, actionReminderKey, actionReminderTitle, daysUntil } from '../../shared/events/action-item-rules.js';
import { DEFAULT_CRON } from '../../shared/notifications/job-rules.js';
import { emailFor } from '../../shared/notifications/reminder-rules.js';
import { activeUsersOf, activeUsersWithRole, userEmailsOf } from '../accounts/public.js';
import { insertEmails, insertNotifications, type EmailInsert, type NotificationInsert, type SweepResult } from '../notifications/public.js';
import * as q from './events.queries.js';

export const ACTION_REMINDER_KIND = 'action_item_reminder';
export const ACTION_OVERDUE_KIND = 'action_item_overdue';
export const EVENT_ACTION_SWEEP = 'event-action-reminders';
/** Reminders go by calendar day: hourly is soon enough (China time, like the other sweeps); the schedule is DEFAULT_CRON's. */
export const EVENT_ACTION_SWEEP_CRON = DEFAULT_CRON.eventActionReminders;

export async function eventActionReminderSweep(db: Db, now: Date, opts: { publicUrl?: string } = {}): Promise<SweepResult> {
  const today = chinaDate(now);
  const due = (await q.openItems(db)).map((item) => ({ item, kind: actionReminderDue(item, today) })).filter((x) => x.kind !== null);
  if (due.length === 0) return { notifications: 0, emails: 0 };
  const events = new Map((await q.listEvents(db)).map((e) => [e.id, e]));
  const owners = await activeUsersOf(db, [...new Set(due.map((d) => d.item.ownerOrganisationId))]);
  const planners = due.some((d) => d.kind === 'overdue') ? await activeUsersWithRole(db, 'ministry_planning') : [];
  const addresses = await userEmailsOf(db, [...owners, ...planners].map((u) => u.id));
  const notices: NotificationInsert[] = [];
  const emails: EmailInsert[] = [];
  for (const { item, kind } of due) {
    const ev = events.get(item.eventId);
    if (!ev || ev.state === 'cancelled') continue;
    const overdue = kind === 'overdue';
    const title = actionReminderTitle(kind!, { title: item.title, eventTitle: ev.title, deadline: item.deadline, daysLeft: daysUntil(item.deadline, today) });
    const link = overdue ? `/events/${ev.id}` : '/actions';
    const recipients = new Map(owners.filter((u) => u.organisationId === item.ownerOrganisationId).map((u) => [u.id, u]));
    if (overdue) for (const u of planners) if (!recipients.has(u.id)) recipients.set(u.id, { ...u, organisationId: '' });
    for (const u of recipients.values()) {
      const dedupeKey = actionReminderKey(item.id, item.deadline, kind!, u.id);
      notices.push({ userId: u.id, kind: overdue ? ACTION_OVERDUE_KIND : ACTION_REMINDER_KIND, dedupeKey, title, link });
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
