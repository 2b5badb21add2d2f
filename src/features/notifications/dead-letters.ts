/**
 * The dead-letter jobs for the administrator: the jobs whose retries are spent (pg-boss moved them to
 * the queue dead-letter with their data and last error), and retrying one.
 *
 * A retry, in one transaction: the dead-letter job is claimed (compare-and-set from created to
 * completed, with who retried it and the new job's id in its output), an e-mail's outbox row goes
 * back to queued, and a new job with the same data is sent to the queue it failed on. Two
 * administrators retrying the same job at once: one retries, the other is told it already was.
 *
 * These read pg-boss's tables directly (pg-boss has no listing of its own); on a database where no
 * job runner has started yet there are no tables and no dead letters.
 */
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { isRetryableQueue, JOB_QUEUES, SWEEP_PREFIX } from '../../shared/notifications/job-rules.js';
import { inJobsTransaction, JOBS_SCHEMA, jobsInstalled, jobsSqlFor, type JobsSql } from './job-store.js';
import { emailSummaries } from './notifications.queries.js';

export interface DeadLetter {
  id: string;
  /** The queue the job failed on (from its data), or null when its data does not say. */
  queue: string | null;
  data: Record<string, unknown>;
  /** The last attempt's error message. */
  error: string | null;
  failedAt: Date;
  /** Whether it names a queue this platform runs, which a retry sends it back to. */
  retryable: boolean;
  /** For an e-mail: its address, subject and attempts so far. */
  email: { toAddress: string; subject: string; attempts: number } | null;
}

function errorMessage(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  const m = typeof o.message === 'string' ? o.message : typeof o.value?.message === 'string' ? o.value.message : null;
  return m === null ? null : m.slice(0, 500);
}

/** The queues a dead-letter job may go back to: this platform's, as pg-boss lists them. */
async function retryableQueues(sql: JobsSql): Promise<string[]> {
  const { rows } = await sql.executeSql(`select name from ${JOBS_SCHEMA}.queue`, []);
  return rows.map((r) => String(r.name)).filter((n) => n === JOB_QUEUES.email || n === JOB_QUEUES.dispatch || n.startsWith(SWEEP_PREFIX));
}

/** The dead-letter jobs not yet retried, newest first. */
export async function listDeadLetters(database: Database, limit: number): Promise<{ installed: boolean; items: DeadLetter[] }> {
  const sql = jobsSqlFor(database);
  if (!(await jobsInstalled(sql))) return { installed: false, items: [] };
  const { rows } = await sql.executeSql(
    `select id::text as id, data, output, created_on from ${JOBS_SCHEMA}.job
      where name = $1 and state = 'created'
      order by created_on desc, id desc
      limit $2`,
    [JOB_QUEUES.deadLetter, limit],
  );
  const known = await retryableQueues(sql);
  const emailIds = rows
    .map((r) => (r.data as { queue?: unknown; outboxId?: unknown } | null) ?? {})
    .filter((d) => d.queue === JOB_QUEUES.email && typeof d.outboxId === 'string' && /^[0-9a-f-]{36}$/i.test(d.outboxId))
    .map((d) => d.outboxId as string);
  const emails = new Map((await emailSummaries(database.db, emailIds)).map((e) => [e.id, e]));
  return {
    installed: true,
    items: rows.map((r) => {
      const data = (r.data && typeof r.data === 'object' ? r.data : {}) as Record<string, unknown>;
      const queue = typeof data.queue === 'string' ? data.queue : null;
      const email = queue === JOB_QUEUES.email && typeof data.outboxId === 'string' ? emails.get(data.outboxId) : undefined;
      return {
        id: String(r.id),
        queue,
        data,
        error: errorMessage(r.output),
        failedAt: new Date(r.created_on as string | Date),
        retryable: isRetryableQueue(queue, known),
        email: email ? { toAddress: email.toAddress, subject: email.subject, attempts: email.attempts } : null,
      };
    }),
  };
}

const senders = new WeakMap<Database, PgBoss>();

/** A pg-boss handle that only sends (never started: no workers, no cron, no maintenance). */
function senderFor(database: Database): PgBoss {
  let boss = senders.get(database);
  if (!boss) {
    boss = new PgBoss({ db: jobsSqlFor(database), schema: JOBS_SCHEMA, migrate: false, schedule: false, supervise: false });
    senders.set(database, boss);
  }
  return boss;
}

/** Retries one dead-letter job (see above); returns the new job's id and queue. */
export async function retryDeadLetter(database: Database, id: string, by: { userId: string }): Promise<{ jobId: string; queue: string }> {
  if (!(await jobsInstalled(jobsSqlFor(database)))) throw new AppError('NOT_FOUND');
  const boss = senderFor(database);
  return inJobsTransaction(database, async (tx) => {
    const { rows } = await tx.executeSql(`select data, state from ${JOBS_SCHEMA}.job where name = $1 and id = $2 for update`, [JOB_QUEUES.deadLetter, id]);
    const job = rows[0];
    if (!job) throw new AppError('NOT_FOUND');
    if (job.state !== 'created') throw new AppError('JOB_ALREADY_RETRIED');
    const data = (job.data && typeof job.data === 'object' ? job.data : {}) as Record<string, unknown>;
    const queue = data.queue;
    if (!isRetryableQueue(queue, await retryableQueues(tx))) throw new AppError('JOB_NOT_RETRYABLE');
    if (queue === JOB_QUEUES.email && typeof data.outboxId === 'string') {
      // Back to waiting for its job (a failed row, or one whose process died on the last attempt).
      await tx.executeSql(`update email_outbox set status = 'queued' where id = $1 and status in ('failed', 'queued')`, [data.outboxId]);
    }
    const jobId = randomUUID();
    const sent = await boss.send(queue, data, { id: jobId, db: tx });
    if (sent === null) throw new AppError('JOB_NOT_RETRYABLE');
    await tx.executeSql(
      `update ${JOBS_SCHEMA}.job
          set state = 'completed', completed_on = now(),
              output = jsonb_build_object('retriedAs', $3::text, 'retriedBy', $4::text, 'error', output)
        where name = $1 and id = $2`,
      [JOB_QUEUES.deadLetter, id, jobId, by.userId],
    );
    return { jobId, queue };
  });
}
