/**
 * The e-mail outbox's way out, in two steps that the job runner (jobs.ts) runs as jobs:
 *
 * 1. dispatchOutbox (job outbox.dispatch): hands each due pending row to `enqueue` — one email.send
 *    job per row, whose job id is the row's id, so a row handed over twice (two processes, or a
 *    dispatch repeated after a crash) still has one job — and then marks the rows queued.
 * 2. sendOutboxEmail (job email.send): sends the row's message and marks it sent. A row that is no
 *    longer waiting (sent, or failed for good) is skipped, so a repeated job sends nothing twice.
 *    A failure counts the attempt and is thrown back to pg-boss, which retries with backoff; the
 *    last attempt's failure also marks the row failed, and pg-boss moves the job to the dead letters.
 *
 * The row's address is sealed at rest (SM4, notifications.queries.ts): it is opened here, just before
 * the message goes out, and nowhere else on the way. An address that does not open (its key removed
 * too early, or the value altered) fails the row for good at once: no retry would open it.
 *
 * Delivery stays at least once: if a process dies after the SMTP server accepted a message but
 * before the row is marked, the job expires and is retried, and the message goes out again.
 */
import type { Db } from '../../db/client.js';
import { FieldCryptoError, openField } from '../../kernel/field-crypto.js';
import type { MailTransport } from './mail-transport.js';
import { dueEmails, emailById, markEmailAttemptFailed, markEmailSent, markEmailsQueued, OUTBOX_ADDRESS_CONTEXT, type DueEmail } from './notifications.queries.js';

export const DISPATCH_BATCH = 500;

/** Anything in an error that reads as an e-mail address (an SMTP server's "550 <x@y> rejected"). */
const ADDRESS_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * An error as the outbox row (last_error) and the log keep it: at most 500 characters, and without the
 * recipient's address, which is sealed in the row and must not come back in clear beside it.
 */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(ADDRESS_IN_TEXT, '<地址已隐去 address withheld>').slice(0, 500);
}

/** Hands every due pending e-mail to `enqueue`, a batch at a time; returns how many rows it marked queued. */
export async function dispatchOutbox(db: Db, enqueue: (rows: DueEmail[]) => Promise<void>, opts: { now: Date; batch?: number }): Promise<number> {
  const batch = opts.batch ?? DISPATCH_BATCH;
  let queued = 0;
  for (;;) {
    const rows = await dueEmails(db, opts.now, batch);
    if (rows.length === 0) break;
    // The jobs first: a crash between the two steps leaves the rows pending, and the next dispatch
    // hands them over again under the same job ids, which adds nothing.
    await enqueue(rows);
    const marked = await markEmailsQueued(
      db,
      rows.map((r) => r.id),
    );
    queued += marked;
    if (rows.length < batch || marked === 0) break;
  }
  return queued;
}

export type SendOutcome = 'sent' | 'skipped';

/** Sends one outbox row (see above). `lastAttempt`: the job has no retry left. */
export async function sendOutboxEmail(db: Db, transport: MailTransport, outboxId: string, opts: { now: Date; lastAttempt: boolean }): Promise<SendOutcome> {
  const row = await emailById(db, outboxId);
  if (!row || (row.status !== 'pending' && row.status !== 'queued')) return 'skipped';
  let to: string;
  try {
    to = openField(row.toAddress, OUTBOX_ADDRESS_CONTEXT);
  } catch (err) {
    if (err instanceof FieldCryptoError) await markEmailAttemptFailed(db, outboxId, { giveUp: true, lastError: errorText(err) });
    throw err;
  }
  try {
    await transport.send({ to, subject: row.subject, text: row.body });
  } catch (err) {
    await markEmailAttemptFailed(db, outboxId, { giveUp: opts.lastAttempt, lastError: errorText(err) });
    throw err;
  }
  return (await markEmailSent(db, outboxId, opts.now)) ? 'sent' : 'skipped';
}
