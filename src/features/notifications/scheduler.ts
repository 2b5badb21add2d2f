/**
 * Background jobs kept in the database, so that any number of server processes may run them:
 *
 * - runReminderSweep: writes the reminders that are due as notifications and outbox e-mails. Every row
 *   carries a dedupe key under a unique index, so sweeping again — or in two processes at once — adds nothing.
 * - deliverOutbox: claims due outbox rows with FOR UPDATE SKIP LOCKED inside a transaction, sends them and
 *   marks them sent, or counts the attempt and backs off exponentially (failed for good after 5 attempts).
 * - startScheduler: runs both every minute until stopped.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import { createSmtpTransport, DEFAULT_MAIL_FROM, describeSmtpUrl, type MailTransport } from './mail-transport.js';
import {
  activeUsersWithRole,
  claimDueEmails,
  countPendingEmails,
  insertEmails,
  insertNotifications,
  markEmailFailure,
  markEmailSent,
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
  parseReminderOffsets,
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

/** Another feature's reminder sweep (e.g. progress reports), handed in by the composition root. */
export type Sweep = (db: Db, now: Date, opts: { publicUrl?: string }) => Promise<SweepResult>;

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
    for (const [panelId, p] of overduePanels) {
      const title = panelOverdueTitle(p.applicationTitle, p.deadline, p.missing);
      const link = `/applications/${p.applicationId}`;
      for (const u of planners) {
        const dedupeKey = overdueKey(panelId, p.round, u.id);
        notices.push({ userId: u.id, kind: PANEL_OVERDUE_KIND, dedupeKey, title, link });
        if (u.email) {
          const mail = emailFor(u.displayName, title, absolute(opts.publicUrl, link));
          emails.push({ toAddress: u.email, subject: mail.subject, body: mail.body, dedupeKey, sendAfter: now });
        }
      }
    }
  }

  return {
    notifications: await insertChunked(notices, (rows) => insertNotifications(db, rows)),
    emails: await insertChunked(emails, (rows) => insertEmails(db, rows)),
  };
}

// ---- outbox delivery ---------------------------------------------------------------------------

export const MAX_ATTEMPTS = 5;
export const BACKOFF_BASE_MS = 60_000;

/** Wait before the next try after `attempts` failed ones: 1, 2, 4, 8 minutes. */
export function backoffMs(attempts: number, baseMs = BACKOFF_BASE_MS): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

export interface DeliverOptions {
  batch?: number;
  now?: Date;
  maxAttempts?: number;
  backoffBaseMs?: number;
}

export interface DeliverResult {
  /** Ids sent in this call. */
  sent: string[];
  /** Ids that failed and will be tried again later. */
  retrying: string[];
  /** Ids that failed for the last time (status 'failed'). */
  failed: string[];
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

/**
 * Sends up to `batch` due e-mails. The rows are locked for the whole transaction (FOR UPDATE SKIP LOCKED),
 * so another process running this at the same time takes other rows and none is sent twice; a crash before
 * the commit leaves the rows pending, to be sent again (at-least-once).
 */
export async function deliverOutbox(db: Db, transport: MailTransport, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const batch = opts.batch ?? 20;
  const now = opts.now ?? new Date();
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  const result: DeliverResult = { sent: [], retrying: [], failed: [] };
  await db.transaction(async (tx) => {
    const rows = await claimDueEmails(tx, now, batch);
    for (const row of rows) {
      const attempts = row.attempts + 1;
      try {
        await transport.send({ to: row.toAddress, subject: row.subject, text: row.body });
      } catch (err) {
        const giveUp = attempts >= maxAttempts;
        await markEmailFailure(tx, row.id, {
          status: giveUp ? 'failed' : 'pending',
          attempts,
          sendAfter: giveUp ? now : new Date(now.getTime() + backoffMs(attempts, opts.backoffBaseMs)),
          lastError: errorText(err),
        });
        (giveUp ? result.failed : result.retrying).push(row.id);
        continue;
      }
      await markEmailSent(tx, row.id, now, attempts);
      result.sent.push(row.id);
    }
  });
  return result;
}

// ---- the loop ----------------------------------------------------------------------------------

export type SchedulerLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export interface SchedulerOptions extends SweepOptions {
  db: Db;
  /** Default one minute. */
  intervalMs?: number;
  /** null: e-mails are queued but stay pending. */
  transport: MailTransport | null;
  batch?: number;
  log: SchedulerLog;
  clock?: () => Date;
  /** Further sweeps run after the review's, each on its own (one failing does not stop the others). */
  sweeps?: readonly Sweep[];
}

export interface Scheduler {
  /** Stops the loop and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs the sweep and the outbox delivery now and then every `intervalMs`, one run at a time. */
export function startScheduler(opts: SchedulerOptions): Scheduler {
  const { db, transport, log } = opts;
  const intervalMs = opts.intervalMs ?? 60_000;
  const batch = opts.batch ?? 20;
  const clock = opts.clock ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const tick = async () => {
    try {
      const r = await runReminderSweep(db, clock(), opts);
      if (r.notifications || r.emails) log.info(`reminders: ${r.notifications} notification(s), ${r.emails} e-mail(s) queued`);
      if (!transport && r.emails) log.warn(`SMTP_URL is not set: ${r.emails} new e-mail(s) stay pending in email_outbox`);
    } catch (err) {
      log.error({ err }, 'reminder sweep failed');
    }
    for (const sweep of opts.sweeps ?? []) {
      try {
        const r = await sweep(db, clock(), { publicUrl: opts.publicUrl });
        if (r.notifications || r.emails) log.info(`reminders: ${r.notifications} notification(s), ${r.emails} e-mail(s) queued`);
      } catch (err) {
        log.error({ err }, 'reminder sweep failed');
      }
    }
    if (!transport) return;
    try {
      // Drain what is due, a batch (one short transaction) at a time.
      while (!stopped) {
        const r = await deliverOutbox(db, transport, { batch, now: clock() });
        if (r.sent.length || r.retrying.length || r.failed.length) {
          log.info(`e-mail: ${r.sent.length} sent, ${r.retrying.length} to retry, ${r.failed.length} given up`);
        }
        if (r.sent.length + r.retrying.length + r.failed.length < batch) break;
      }
    } catch (err) {
      log.error({ err }, 'e-mail delivery failed');
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null;
        schedule(intervalMs);
      });
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * The scheduler as the environment configures it, or null with SCHEDULER=off.
 * SMTP_URL (smtp://user:pass@host:587), MAIL_FROM, REMINDER_OFFSETS_HOURS ("72,24"), PUBLIC_URL.
 */
export function startSchedulerFromEnv(db: Db, log: SchedulerLog, env: NodeJS.ProcessEnv = process.env, sweeps: readonly Sweep[] = []): Scheduler | null {
  if (['off', 'false', '0'].includes((env.SCHEDULER ?? '').trim().toLowerCase())) {
    log.info('SCHEDULER=off: reminders and e-mails are not processed by this process');
    return null;
  }
  const offsetsHours = parseReminderOffsets(env.REMINDER_OFFSETS_HOURS);
  const smtpUrl = env.SMTP_URL?.trim();
  const transport = smtpUrl ? createSmtpTransport(smtpUrl, env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM) : null;
  if (transport) log.info(`e-mail via ${describeSmtpUrl(smtpUrl!)}`);
  else log.warn('SMTP_URL is not set: reminder e-mails are queued in email_outbox and stay pending until it is');
  const scheduler = startScheduler({ db, transport, log, offsetsHours, publicUrl: env.PUBLIC_URL?.trim() || undefined, sweeps });
  if (!transport) {
    void countPendingEmails(db).then(
      (n) => n > 0 && log.warn(`${n} e-mail(s) pending in email_outbox`),
      () => undefined,
    );
  }
  return {
    async stop() {
      await scheduler.stop();
      transport?.close?.();
    },
  };
}
