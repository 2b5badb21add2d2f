/**
 * Database access of notifications and the e-mail outbox: who is due a reminder, idempotent inserts
 * (the unique dedupe keys turn a repeated insert into nothing), the outbox rows' way from pending
 * through queued to sent or failed, and the signed-in user's own notices.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, emailOutbox, experts, notifications, panelMembers, panels, scoreSheets } from '../../db/schema.js';
import { FieldCryptoError, openField, sealField } from '../../kernel/field-crypto.js';

/** The database or a transaction. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export type NotificationInsert = typeof notifications.$inferInsert;
export type EmailInsert = Pick<typeof emailOutbox.$inferInsert, 'toAddress' | 'subject' | 'body' | 'dedupeKey' | 'sendAfter'>;

// ---- reminder sweep ----------------------------------------------------------------------------

export interface ReminderCandidate {
  panelId: string;
  applicationId: string;
  applicationTitle: string;
  deadline: Date;
  round: number;
  expertId: string;
  expertName: string;
  expertEmail: string | null;
  userId: string | null;
  /** A score sheet exists for the panel's current round. */
  submitted: boolean;
}

/**
 * Every seated member (role 'member', not recused) of every open panel whose deadline is at most `horizon`,
 * with whether they have submitted the current round. Backups and recused experts are never reminded.
 */
export async function reminderCandidates(db: Tx, horizon: Date): Promise<ReminderCandidate[]> {
  const rows = await db
    .select({
      panelId: panels.id,
      applicationId: panels.applicationId,
      applicationTitle: applications.title,
      deadline: panels.deadline,
      round: panels.scoreRound,
      expertId: panelMembers.expertId,
      expertName: experts.name,
      expertEmail: experts.email,
      userId: experts.userId,
      submitted: sql<boolean>`${scoreSheets.panelId} is not null`,
    })
    .from(panels)
    .innerJoin(applications, eq(applications.id, panels.applicationId))
    .innerJoin(panelMembers, and(eq(panelMembers.panelId, panels.id), eq(panelMembers.role, 'member'), isNull(panelMembers.recusedAt)))
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .leftJoin(
      scoreSheets,
      and(eq(scoreSheets.panelId, panels.id), eq(scoreSheets.expertId, panelMembers.expertId), eq(scoreSheets.round, panels.scoreRound)),
    )
    .where(and(eq(panels.status, 'open'), lte(panels.deadline, horizon)))
    .orderBy(asc(panels.deadline), asc(panels.id), asc(panelMembers.expertId));
  // The expert's e-mail is sealed at rest (the expert pool's queries write it; src/kernel/field-crypto.ts).
  return rows.map((r) => ({ ...r, expertEmail: openField(r.expertEmail, 'experts.email') }));
}


/** Inserts the notices whose dedupe key is new; returns how many were new. */
export async function insertNotifications(db: Tx, rows: NotificationInsert[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id });
  return inserted.length;
}

/**
 * The recipient's address is sealed at rest (SM4) under this context: sealed as a row is queued, opened
 * only to send it (outbox.ts) and for the administrator's lists.
 */
export const OUTBOX_ADDRESS_CONTEXT = 'email_outbox.to_address';

/** An address for the administrator's lists: one that does not open (its key gone) is shown as such, not as a failure. */
function listedAddress(stored: string): string {
  try {
    return openField(stored, OUTBOX_ADDRESS_CONTEXT);
  } catch (e) {
    if (e instanceof FieldCryptoError) return `（无法解密 unreadable: ${e.reason}）`;
    throw e;
  }
}

/** Queues the e-mails whose dedupe key is new (the addresses given in clear, stored sealed); returns how many were new. */
export async function insertEmails(db: Tx, rows: EmailInsert[]): Promise<number> {
  if (!rows.length) return 0;
  const sealed = rows.map((r) => ({ ...r, toAddress: sealField(r.toAddress, OUTBOX_ADDRESS_CONTEXT) }));
  const inserted = await db.insert(emailOutbox).values(sealed).onConflictDoNothing({ target: emailOutbox.dedupeKey }).returning({ id: emailOutbox.id });
  return inserted.length;
}

// ---- outbox ------------------------------------------------------------------------------------

/**
 * An outbox row's status: pending (decided; waits for the sender, and for SMTP_URL), queued (handed
 * to the email.send job), sent, or failed (the job's attempts are spent; the row's job is in the
 * dead-letter queue, where the administrator may retry it).
 */
export type OutboxStatus = 'pending' | 'queued' | 'sent' | 'failed';

export interface DueEmail {
  id: string;
  dedupeKey: string;
}

/** Up to `limit` pending rows that are due, oldest first: what the dispatcher hands to email.send. */
export async function dueEmails(db: Tx, now: Date, limit: number): Promise<DueEmail[]> {
  return db
    .select({ id: emailOutbox.id, dedupeKey: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.sendAfter, now)))
    .orderBy(asc(emailOutbox.sendAfter), asc(emailOutbox.createdAt), asc(emailOutbox.id))
    .limit(limit);
}

/** Marks pending rows queued (rows another process marked, or its job already sent, stay as they are). */
export async function markEmailsQueued(db: Tx, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'queued' })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, 'pending')))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

/** One outbox row as stored: its address still sealed (the sender opens it, outbox.ts). */
export async function emailById(db: Tx, id: string) {
  const [row] = await db
    .select({ id: emailOutbox.id, toAddress: emailOutbox.toAddress, subject: emailOutbox.subject, body: emailOutbox.body, status: emailOutbox.status, attempts: emailOutbox.attempts })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return row ?? null;
}

/** Still to be sent: pending (its job ran before the dispatcher marked it) or queued. */
const unsent = inArray(emailOutbox.status, ['pending', 'queued']);

/** Marks a row sent, once: false when it was no longer waiting to be sent. */
export async function markEmailSent(db: Tx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
    .where(and(eq(emailOutbox.id, id), unsent))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/** Counts a failed attempt; the last one allowed marks the row failed. */
export async function markEmailAttemptFailed(db: Tx, id: string, change: { giveUp: boolean; lastError: string }) {
  await db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: change.lastError, ...(change.giveUp ? { status: 'failed' } : {}) })
    .where(and(eq(emailOutbox.id, id), unsent));
}

/** The e-mails named, addressing only: what a dead-letter job of email.send was about. */
export async function emailSummaries(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: emailOutbox.id, toAddress: emailOutbox.toAddress, subject: emailOutbox.subject, status: emailOutbox.status, attempts: emailOutbox.attempts })
    .from(emailOutbox)
    .where(inArray(emailOutbox.id, ids));
  return rows.map((r) => ({ ...r, toAddress: listedAddress(r.toAddress) }));
}

export async function countPendingEmails(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'pending'));
  return row?.n ?? 0;
}

/** Recent outbox rows for the administrator: addressing and status, never the bodies. */
export async function listOutbox(db: Tx, opts: { status?: string; limit: number }) {
  const rows = await db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      sendAfter: emailOutbox.sendAfter,
      sentAt: emailOutbox.sentAt,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(opts.status ? eq(emailOutbox.status, opts.status) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r, toAddress: listedAddress(r.toAddress) }));
}

export async function outboxCounts(db: Tx): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  const out = { pending: 0, queued: 0, sent: 0, failed: 0 };
  for (const r of rows) if (r.status in out) out[r.status as keyof typeof out] = r.n;
  return out;
}

// ---- the signed-in user's notices ----------------------------------------------------------------

/** Which notices a query covers: the owner's (see notificationScopeOf in the policy). */
export interface NoticeScope {
  userId: string;
}

export async function listNotificationsOf(db: Tx, scope: NoticeScope, limit: number) {
  return db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, scope.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Tx, scope: NoticeScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one notice in the scope read (the first reading time is kept); false when it is not in the scope. */
export async function markRead(db: Tx, scope: NoticeScope, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, scope.userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Tx, scope: NoticeScope): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
