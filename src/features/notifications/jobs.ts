/**
 * The job runner (ADR 0012): pg-boss on the app's database, on PostgreSQL and on PGlite alike
 * (job-store.ts). Every server process runs one, unless JOBS=off; they share the queues in the
 * database, so any of them may take a job and none takes one twice.
 *
 * - Each named sweep (the review's reminders, and the sweeps other features hand in, e.g. progress
 *   reports) has a queue sweep.<name>, a cron schedule and a worker. The queue is "stately": at most
 *   one run waits and one runs at a time, whichever process and however often the cron fires. Every
 *   reminder a sweep writes carries a unique dedupe key, so a repeated run adds nothing.
 * - outbox.dispatch hands due outbox rows to email.send, one job per row whose id is the row's id
 *   and whose singleton key is the reminder's dedupe key: the same e-mail queued twice is one job.
 * - email.send sends the message (outbox.ts). pg-boss retries a failure with backoff; after the last
 *   attempt the job moves to the queue dead-letter, where the administrator sees and retries it.
 *
 * Cron schedules are in China time and may be changed per job (JOBS_CRON_<NAME>, see README).
 */
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import { withStartupLock, type Database } from '../../db/client.js';
import {
  cronEnvName,
  DEFAULT_CRON,
  isLastAttempt,
  JOB_QUEUES,
  JOB_TIME_ZONE,
  jobsEnabled,
  looksLikeCron,
  parsePollSeconds,
  RETRY_POLICIES,
  sweepQueue,
  type RetryPolicy,
} from '../../shared/notifications/job-rules.js';
import { parseReminderOffsets, type ReminderOffsets } from '../../shared/notifications/reminder-rules.js';
import { gatedJobsSql, JOBS_SCHEMA, jobsSqlFor } from './job-store.js';
import { createSmtpTransport, DEFAULT_MAIL_FROM, describeSmtpUrl, type MailTransport } from './mail-transport.js';
import { countPendingEmails } from './notifications.queries.js';
import { dispatchOutbox, errorText, sendOutboxEmail } from './outbox.js';
import { runReminderSweep, type NamedSweep, type SweepResult } from './reminders.js';

export type JobLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/** How often each kind of worker asks for work when idle, in seconds (jobs queued by this process wake its worker at once). */
export const DEFAULT_POLL_SECONDS = { sweep: 30, dispatch: 15, email: 10 } as const;

/** E-mails sent per fetch; a full batch fetches again at once. */
const EMAIL_BATCH = 10;

export interface JobData {
  /** The queue the job was sent to: a dead-letter job keeps its data, and with it where to retry. */
  queue: string;
}

export interface EmailJobData extends JobData {
  outboxId: string;
}

export interface JobRunnerOptions {
  database: Database;
  log: JobLog;
  /** null: e-mails are queued in the outbox but not sent by this process (no SMTP_URL). */
  transport: MailTransport | null;
  /** Every sweep to schedule and work, the review's reminders (reviewReminderSweep) among them. */
  sweeps: readonly NamedSweep[];
  publicUrl?: string;
  clock?: () => Date;
  /** Schedules by sweep name, and `outbox` for the dispatch, overriding the defaults. */
  cron?: Readonly<Record<string, string>>;
  /** One polling interval for every worker, overriding DEFAULT_POLL_SECONDS. */
  pollSeconds?: number;
  retry?: Partial<Record<keyof typeof RETRY_POLICIES, RetryPolicy>>;
  /** Whether this process runs pg-boss's cron (default true). Tests that send jobs by hand turn it off. */
  schedule?: boolean;
  /** Queue each sweep once at start, as the old loop ran at once (default true). */
  sweepAtStart?: boolean;
}

export interface JobRunner {
  readonly boss: PgBoss;
  /** Every queue this runner created, the dead-letter queue included. */
  readonly queues: readonly string[];
  /** Queues a run of the named sweep now; null when one is already waiting. */
  runSweep(name: string): Promise<string | null>;
  /** Queues a dispatch of the outbox now; null when one is already waiting. */
  requestDispatch(): Promise<string | null>;
  /**
   * Stops taking jobs, lets the jobs in hand finish for up to `timeoutMs` (default 5 s), then
   * closes its connection to the database (the database itself stays open). A job still running
   * then is marked failed by pg-boss, and so retried later, here or by another process.
   */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

function queueOptions(policy: RetryPolicy, stately: boolean): PgBoss.Queue {
  return {
    name: '',
    policy: stately ? 'stately' : 'standard',
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: policy.backoff,
    expireInSeconds: policy.expireInSeconds,
    deadLetter: JOB_QUEUES.deadLetter,
  };
}

function resultLine(name: string, r: SweepResult): string {
  return `reminders (${name}): ${r.notifications} notification(s), ${r.emails} e-mail(s) queued`;
}

/** Starts pg-boss on the app's database (creating its schema the first time), the queues, schedules and workers. */
export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const { database, log, transport } = opts;
  const db = database.db;
  const clock = opts.clock ?? (() => new Date());
  const retry = { ...RETRY_POLICIES, ...opts.retry };
  const poll = (kind: keyof typeof DEFAULT_POLL_SECONDS) => opts.pollSeconds ?? DEFAULT_POLL_SECONDS[kind];
  const scheduling = opts.schedule ?? true;
  const names = new Set<string>();
  for (const s of opts.sweeps) {
    if (names.has(s.name)) throw new Error(`two sweeps are named "${s.name}"`);
    names.add(s.name);
    sweepQueue(s.name);
  }
  const cronOf = (name: string, fallback: string) => {
    const expr = (opts.cron?.[name] ?? fallback).trim();
    if (!looksLikeCron(expr)) throw new Error(`${cronEnvName(name)}: "${expr}" is not a cron expression of five fields (minute hour day month weekday)`);
    return expr;
  };
  const schedules = [
    ...opts.sweeps.map((s) => ({ queue: sweepQueue(s.name), key: s.name, cron: cronOf(s.name, s.cron) })),
    { queue: JOB_QUEUES.dispatch, key: 'outbox', cron: cronOf('outbox', DEFAULT_CRON.outbox) },
  ];

  const gate = gatedJobsSql(jobsSqlFor(database));
  const boss = new PgBoss({
    db: gate.sql,
    schema: JOBS_SCHEMA,
    schedule: scheduling,
    supervise: true,
    migrate: true,
    // pg-boss's own cron queue: polled every 15 s instead of 5 (cron fires at most once a minute anyway).
    cronWorkerIntervalSeconds: 15,
  });
  boss.on('error', (err) => log.error({ err }, 'jobs: pg-boss reported an error'));

  let stopping = false;
  let closed = false;
  /**
   * A handler, refused once the runner's connection is closed: a job fetched by a poll that returned
   * only then is left active (pg-boss's expiry hands it to another process), and nothing touches the
   * database the app is about to close. While the runner stops gracefully, jobs still run.
   */
  const guarded =
    <T extends unknown[]>(fn: (jobs: T) => Promise<unknown>) =>
    (jobs: T): Promise<unknown> =>
      closed ? Promise.reject(new Error('the job runner has stopped')) : fn(jobs);
  const workers = new Map<string, string>();
  const wake = (queue: string) => {
    const id = workers.get(queue);
    if (id) boss.notifyWorker(id);
  };

  const requestDispatch = async () => {
    const id = await boss.send(JOB_QUEUES.dispatch, { queue: JOB_QUEUES.dispatch } satisfies JobData, { singletonKey: 'outbox' });
    wake(JOB_QUEUES.dispatch);
    return id;
  };

  const runSweep = async (name: string) => {
    const id = await boss.send(sweepQueue(name), { queue: sweepQueue(name) } satisfies JobData, { singletonKey: name });
    wake(sweepQueue(name));
    return id;
  };

  try {
    const queues: string[] = [];
    // Processes starting together on one PostgreSQL database set up one after the other: pg-boss
    // creating the same new queue in two sessions at once deadlocks (each waits on the other's lock
    // on its queue table).
    await withStartupLock(database, async () => {
      await boss.start();
      const ensureQueue = async (name: string, options: PgBoss.Queue | null) => {
        await boss.createQueue(name, { ...(options ?? {}), name });
        // An existing queue keeps its options until told: apply this version's.
        if (options) await boss.updateQueue(name, { ...options, name });
        queues.push(name);
      };
      await ensureQueue(JOB_QUEUES.deadLetter, null);
      for (const s of opts.sweeps) await ensureQueue(sweepQueue(s.name), queueOptions(retry.sweep, true));
      await ensureQueue(JOB_QUEUES.dispatch, queueOptions(retry.dispatch, true));
      await ensureQueue(JOB_QUEUES.email, queueOptions(retry.email, false));

      if (scheduling) {
        for (const s of schedules) {
          try {
            await boss.schedule(s.queue, s.cron, { queue: s.queue } satisfies JobData, { tz: JOB_TIME_ZONE, singletonKey: s.key });
          } catch (err) {
            throw new Error(`${cronEnvName(s.key)}: invalid cron expression "${s.cron}": ${errorText(err)}`, { cause: err });
          }
        }
      }
    });

    for (const sweep of opts.sweeps) {
      const queue = sweepQueue(sweep.name);
      const id = await boss.work<JobData>(
        queue,
        { pollingIntervalSeconds: poll('sweep'), batchSize: 1 },
        guarded(async () => {
          const r = await sweep.run(db, clock(), { publicUrl: opts.publicUrl });
          if (r.notifications || r.emails) log.info(resultLine(sweep.name, r));
          if (r.emails) {
            // Any process with SMTP_URL sends them; without one anywhere they stay pending.
            await requestDispatch();
            if (!transport) log.warn(`SMTP_URL is not set in this process: ${r.emails} new e-mail(s) wait in email_outbox for a process that has it`);
          }
          return r;
        }),
      );
      workers.set(queue, id);
    }

    if (transport) {
      workers.set(
        JOB_QUEUES.dispatch,
        await boss.work<JobData>(
          JOB_QUEUES.dispatch,
          { pollingIntervalSeconds: poll('dispatch'), batchSize: 1 },
          guarded(async () => {
            const queued = await dispatchOutbox(
              db,
              async (rows) => {
                await boss.insert(
                  rows.map((r) => ({ id: r.id, name: JOB_QUEUES.email, singletonKey: r.dedupeKey, data: { queue: JOB_QUEUES.email, outboxId: r.id } satisfies EmailJobData })),
                );
              },
              { now: clock() },
            );
            if (queued) wake(JOB_QUEUES.email);
            return { queued };
          }),
        ),
      );
      const emailWorker = await boss.work<EmailJobData>(
        JOB_QUEUES.email,
        { pollingIntervalSeconds: poll('email'), batchSize: EMAIL_BATCH, includeMetadata: true },
        guarded(async (jobs: PgBoss.JobWithMetadata<EmailJobData>[]) => {
          // Each job of the batch succeeds or fails on its own; pg-boss's completion of the batch
          // afterwards touches only jobs still active, i.e. none.
          let sent = 0;
          for (const job of jobs) {
            const last = isLastAttempt(job);
            try {
              const outcome = await sendOutboxEmail(db, transport, job.data.outboxId, { now: clock(), lastAttempt: last });
              if (outcome === 'sent') sent++;
              await boss.complete(JOB_QUEUES.email, job.id, { outcome });
            } catch (err) {
              log.warn(`e-mail ${job.data.outboxId}: attempt ${job.retryCount + 1} of ${job.retryLimit + 1} failed (${errorText(err)})${last ? '; given up, see the dead-letter jobs' : ''}`);
              // The job's output keeps the message without the recipient's address (errorText), as the row does.
              await boss.fail(JOB_QUEUES.email, job.id, new Error(errorText(err)));
            }
          }
          if (sent) log.info(`e-mail: ${sent} sent`);
          if (jobs.length === EMAIL_BATCH) wake(JOB_QUEUES.email);
        }),
      );
      workers.set(JOB_QUEUES.email, emailWorker);
    }

    if (opts.sweepAtStart ?? true) for (const s of opts.sweeps) await runSweep(s.name);
    if (transport) await requestDispatch();

    log.info(`jobs: pg-boss started (${database.kind}; ${queues.length} queues${scheduling ? '' : ', cron off'})`);
    return {
      boss,
      queues,
      runSweep,
      requestDispatch,
      async stop({ timeoutMs = 5_000 } = {}) {
        if (stopping) return;
        stopping = true;
        const started = Date.now();
        await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
        closed = true;
        await gate.close();
        log.info(`jobs: stopped in ${Date.now() - started} ms`);
      },
    };
  } catch (err) {
    stopping = true;
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    closed = true;
    await gate.close();
    throw err;
  }
}

/** The review's scoring reminders and overdue notices as a named sweep. */
export function reviewReminderSweep(offsetsHours?: ReminderOffsets): NamedSweep {
  return {
    name: 'review-reminders',
    cron: DEFAULT_CRON.reviewReminders,
    run: (db, now, o) => runReminderSweep(db, now, { ...o, offsetsHours }),
  };
}

/**
 * The job runner as the environment configures it, with the review's reminders and the sweeps
 * handed in, or null with JOBS=off. SMTP_URL, MAIL_FROM, REMINDER_OFFSETS_HOURS, PUBLIC_URL,
 * JOBS_CRON_<NAME>, JOBS_POLL_SECONDS (README).
 */
export async function startJobsFromEnv(database: Database, log: JobLog, env: NodeJS.ProcessEnv = process.env, sweeps: readonly NamedSweep[] = []): Promise<JobRunner | null> {
  if (env.SCHEDULER !== undefined && env.JOBS === undefined) log.warn('SCHEDULER is the old name of JOBS: read as JOBS');
  if (!jobsEnabled(env.JOBS ?? env.SCHEDULER)) {
    log.info('JOBS=off: this process neither runs nor schedules jobs (reminders, e-mail); other processes may');
    return null;
  }
  const all = [reviewReminderSweep(parseReminderOffsets(env.REMINDER_OFFSETS_HOURS)), ...sweeps];
  const cron: Record<string, string> = {};
  for (const name of [...all.map((s) => s.name), 'outbox']) {
    const value = env[cronEnvName(name)]?.trim();
    if (value) cron[name] = value;
  }
  const pollSeconds = env.JOBS_POLL_SECONDS?.trim() ? parsePollSeconds(env.JOBS_POLL_SECONDS, 0) : undefined;
  const smtpUrl = env.SMTP_URL?.trim();
  const transport = smtpUrl ? createSmtpTransport(smtpUrl, env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM) : null;
  if (transport) log.info(`e-mail via ${describeSmtpUrl(smtpUrl!)}`);
  else log.warn('SMTP_URL is not set: reminder e-mails are queued in email_outbox and stay pending until it is');
  let runner: JobRunner;
  try {
    runner = await startJobRunner({ database, log, transport, sweeps: all, cron, pollSeconds, publicUrl: env.PUBLIC_URL?.trim() || undefined });
  } catch (err) {
    transport?.close?.();
    throw err;
  }
  if (!transport) {
    void countPendingEmails(database.db).then(
      (n) => n > 0 && log.warn(`${n} e-mail(s) pending in email_outbox`),
      () => undefined,
    );
  }
  return {
    ...runner,
    async stop(o) {
      await runner.stop(o);
      transport?.close?.();
    },
  };
}
