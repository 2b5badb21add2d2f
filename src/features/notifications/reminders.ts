/**
 * The review's reminder sweep, and the shape every feature's sweep has. A sweep reads what is due at
 * `now` and writes notices and outbox e-mails under unique dedupe keys, so running it again — later,
 * or in two processes at once — adds nothing; the job runner (jobs.ts) runs each named sweep on its
 * cron schedule.
 */
import type { Db } from '../../db/client.js';
import { activeUsersWithRole, userEmailsOf } from '../accounts/public.js';
import {
  insertEmails,
  insertNotifications,
  reminderCandidates,
  type EmailInsert,
  type NotificationInsert,
} from './notifications.queries.js';
import {
  DEFAULT_REMINDER_OFFSETS_HOURS,
  dueReminder,
  emailFor,
  overdueKey,
  panelOverdueTitle,
  reminderKey,
  reminderTitle,
  type ReminderOffsets,
} from '../../shared/notifications/reminder-rules.js';

const HOUR = 3600_000;
const INSERT_CHUNK = 500;

export const PANEL_OVERDUE_KIND = 'panel_overdue';

export interface SweepOptions {
  offsetsHours?: ReminderOffsets;
  /** The platform's public address (PUBLIC_URL), for links in e-mails; in-app links are paths. */
  publicUrl?: string;
}

export interface SweepResult {
  /** New notifications written (already existing dedupe keys do not count). */
  notifications: number;
  /** New e-mails queued. */
  emails: number;
}

/** A feature's reminder sweep (e.g. progress reports), handed in by the composition root. */
export type Sweep = (db: Db, now: Date, opts: { publicUrl?: string }) => Promise<SweepResult>;

/**
 * A sweep with its name ("report-reminders": lower-case words and hyphens), which names its queue
 * (sweep.report-reminders) and its schedule's variable (JOBS_CRON_REPORT_REMINDERS), and its default
 * schedule (a cron expression in China time).
 */
export interface NamedSweep {
  name: string;
  cron: string;
  run: Sweep;
}

function absolute(publicUrl: string | undefined, path: string): string | null {
  return publicUrl ? publicUrl.replace(/\/+$/, '') + path : null;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<number>): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) n += await insert(rows.slice(i, i + INSERT_CHUNK));
  return n;
}

/**
 * Writes every reminder due at `now`: for each seated, non-recused member of an open panel who has not
 * submitted the current round, the due reminder as a notification (when the expert has an account) and an
 * e-mail (when the expert has an address); once a panel is overdue, one notice to each ministry planning user.
 */
export async function runReminderSweep(db: Db, now: Date, opts: SweepOptions = {}): Promise<SweepResult> {
  const offsetsHours = opts.offsetsHours ?? DEFAULT_REMINDER_OFFSETS_HOURS;
  const horizon = new Date(now.getTime() + offsetsHours[0] * HOUR);
  const candidates = await reminderCandidates(db, horizon);

  const notices: NotificationInsert[] = [];
  const emails: EmailInsert[] = [];
  const overduePanels = new Map<string, { applicationId: string; applicationTitle: string; deadline: Date; round: number; missing: number }>();

  for (const c of candidates) {
    const kind = dueReminder({ now, deadline: c.deadline, submitted: c.submitted, offsetsHours });
    if (!kind) continue;
    const dedupeKey = reminderKey(c.panelId, c.expertId, c.round, kind);
    const title = reminderTitle({ kind, applicationTitle: c.applicationTitle, deadline: c.deadline, offsetsHours });
    const link = `/applications/${c.applicationId}`;
    if (c.userId) notices.push({ userId: c.userId, kind, dedupeKey, title, link });
    if (c.expertEmail) {
      const mail = emailFor(c.expertName, title, absolute(opts.publicUrl, link));
      emails.push({ toAddress: c.expertEmail, subject: mail.subject, body: mail.body, dedupeKey, sendAfter: now });
    }
    if (kind === 'overdue') {
      const p = overduePanels.get(c.panelId);
      if (p) p.missing += 1;
      else overduePanels.set(c.panelId, { applicationId: c.applicationId, applicationTitle: c.applicationTitle, deadline: c.deadline, round: c.round, missing: 1 });
    }
  }

  if (overduePanels.size > 0) {
    const planners = await activeUsersWithRole(db, 'ministry_planning');
    const addresses = await userEmailsOf(db, planners.map((u) => u.id));
    for (const [panelId, p] of overduePanels) {
      const title = panelOverdueTitle(p.applicationTitle, p.deadline, p.missing);
      const link = `/applications/${p.applicationId}`;
      for (const u of planners) {
        const dedupeKey = overdueKey(panelId, p.round, u.id);
        notices.push({ userId: u.id, kind: PANEL_OVERDUE_KIND, dedupeKey, title, link });
        const to = addresses.get(u.id);
        if (to) {
          const mail = emailFor(u.displayName, title, absolute(opts.publicUrl, link));
          emails.push({ toAddress: to, subject: mail.subject, body: mail.body, dedupeKey, sendAfter: now });
        }
      }
    }
  }

  return {
    notifications: await insertChunked(notices, (rows) => insertNotifications(db, rows)),
    emails: await insertChunked(emails, (rows) => insertEmails(db, rows)),
  };
}
