/**
 * The background jobs' names, schedules and retry rules (ADR 0012) — pure, no I/O. The server's job
 * runner (src/features/notifications/jobs.ts) puts them on pg-boss; the web labels the queues.
 *
 * Queues:
 *   sweep.<name>      one per reminder sweep (e.g. sweep.review-reminders), run by cron, one at a time
 *   outbox.dispatch   hands due outbox e-mails to email.send, by cron and after a sweep queued some
 *   email.send        one job per outbox e-mail (job id = outbox row id, singleton key = its dedupe key)
 *   dead-letter       where a job lands once its retries are spent; the administrator retries from there
 */

export const JOB_QUEUES = {
  dispatch: 'outbox.dispatch',
  email: 'email.send',
  deadLetter: 'dead-letter',
} as const;

export const SWEEP_PREFIX = 'sweep.';

/** A sweep's name: lower-case words joined by hyphens ("review-reminders"). */
const SWEEP_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function isSweepName(name: string): boolean {
  return SWEEP_NAME.test(name);
}

/** The queue of a named sweep: "review-reminders" → "sweep.review-reminders". */
export function sweepQueue(name: string): string {
  if (!isSweepName(name)) throw new Error(`a sweep's name is lower-case words joined by hyphens, e.g. "review-reminders"; got "${name}"`);
  return SWEEP_PREFIX + name;
}

/**
 * The environment variable that overrides a schedule: JOBS_CRON_ and the sweep's name in capitals
 * ("review-reminders" → JOBS_CRON_REVIEW_REMINDERS); the outbox's is JOBS_CRON_OUTBOX.
 */
export function cronEnvName(name: string): string {
  return `JOBS_CRON_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** Default schedules, as cron expressions in China time (Asia/Shanghai). */
export const DEFAULT_CRON = {
  /** The review's scoring reminders and overdue notices: deadlines are hours apart, every 5 minutes is soon enough. */
  reviewReminders: '*/5 * * * *',
  /** Progress-report reminders and overdue flags go by calendar day: hourly. */
  reportReminders: '15 * * * *',
  /** Action items' reminders and overdue notices (the events feature's sweep) go by calendar day: hourly. */
  eventActionReminders: '20 * * * *',
  /** Hand due e-mails to the sender every minute (a sweep that queued e-mails also asks at once). */
  outbox: '* * * * *',
} as const;

export const JOB_TIME_ZONE = 'Asia/Shanghai';

/** A five-field cron expression (minute hour day month weekday); the runner validates it further. */
export function looksLikeCron(expr: string): boolean {
  return expr.trim().split(/\s+/).length === 5;
}

/**
 * How a queue retries a failing job: `retryLimit` retries after the first attempt, the first after
 * about `retryDelaySeconds`, doubling with `backoff`; a job running longer than `expireInSeconds` is
 * taken for dead (its process died) and retried.
 */
export interface RetryPolicy {
  retryLimit: number;
  retryDelaySeconds: number;
  backoff: boolean;
  expireInSeconds: number;
}

export const RETRY_POLICIES = {
  /** Sweeps are idempotent and rerun by cron anyway: two retries, after 1–2 then 2–4 minutes. */
  sweep: { retryLimit: 2, retryDelaySeconds: 60, backoff: true, expireInSeconds: 15 * 60 },
  /** The next minute's dispatch repeats this one: one retry. */
  dispatch: { retryLimit: 1, retryDelaySeconds: 30, backoff: false, expireInSeconds: 5 * 60 },
  /** Five attempts in all, as before: retries after 1–2, 2–4, 4–8 and 8–16 minutes. */
  email: { retryLimit: 4, retryDelaySeconds: 60, backoff: true, expireInSeconds: 2 * 60 },
} as const satisfies Record<string, RetryPolicy>;

/**
 * When the retry after the `retryCount`-th retry (0 for the first failure) may start, in seconds
 * after the failure — pg-boss's rule: without backoff exactly the delay; with backoff a random point
 * in [delay·2^n, delay·2^(n+1)] (n capped at 15), which spreads retries of many failed jobs.
 */
export function retryWindowSeconds(policy: Pick<RetryPolicy, 'retryDelaySeconds' | 'backoff'>, retryCount: number): { min: number; max: number } {
  if (!policy.backoff) return { min: policy.retryDelaySeconds, max: policy.retryDelaySeconds };
  const delay = Math.max(1, policy.retryDelaySeconds);
  const base = delay * 2 ** Math.min(16, retryCount + 1) / 2;
  return { min: base, max: 2 * base };
}

/** Whether this attempt is the last one the policy allows (its failure goes to the dead-letter queue). */
export function isLastAttempt(job: { retryCount: number; retryLimit: number }): boolean {
  return job.retryCount >= job.retryLimit;
}

/** A dead-letter job can be retried when it names a queue this platform runs. */
export function isRetryableQueue(queue: unknown, known: readonly string[]): queue is string {
  return typeof queue === 'string' && known.includes(queue);
}

/** JOBS=off (also false, 0, no) keeps this process from working and scheduling jobs. */
export function jobsEnabled(value: string | undefined): boolean {
  return !['off', 'false', '0', 'no'].includes((value ?? '').trim().toLowerCase());
}

/** Worker polling in seconds: JOBS_POLL_SECONDS, at least 0.5 (pg-boss's floor); unset gives `fallback`. */
export function parsePollSeconds(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.5 || n > 600) throw new Error(`JOBS_POLL_SECONDS must be a number of seconds from 0.5 to 600; got "${value}"`);
  return n;
}
