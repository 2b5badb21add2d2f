/**
 * The job runner on pg-boss, on PGlite and PostgreSQL: it sets up its queues and cron schedules on the
 * app's database, runs the sweeps and the e-mail jobs, retries failures with backoff, puts a job whose
 * retries are spent in the dead letters, where the administrator sees it and retries it (the API and
 * its refusals), sends the same reminder once however often it is scheduled and by however many
 * runners (processes), and stops cleanly. Reminders and outbox rules themselves: notifications.test.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { emailOutbox, users } from '../../src/db/schema.js';
import { inJobsTransaction, jobsInstalled, jobsSqlFor } from '../../src/features/notifications/job-store.js';
import { reviewReminderSweep, startJobRunner, startJobsFromEnv, type JobLog, type JobRunner, type JobRunnerOptions } from '../../src/features/notifications/jobs.js';
import type { MailTransport, OutgoingEmail } from '../../src/features/notifications/mail-transport.js';
import { insertEmails, insertNotifications, type NamedSweep } from '../../src/features/notifications/public.js';
import { JOB_QUEUES, JOB_TIME_ZONE, RETRY_POLICIES, retryWindowSeconds } from '../../src/shared/notifications/job-rules.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `cond` holds (checking every 50 ms), failing after 30 s with what it waited for. */
async function until<T>(what: string, cond: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function quietLog(lines: string[] = []): JobLog {
  const push = (...a: unknown[]) => void lines.push(String(a.at(-1)));
  return { info: push, warn: push, error: push } as JobLog;
}

/** A transport whose behaviour the test changes as it goes. */
function switchable() {
  const sent: OutgoingEmail[] = [];
  let failures = 0;
  let failAlways = false;
  const transport: MailTransport = {
    async send(m) {
      if (failAlways || failures > 0) {
        failures = Math.max(0, failures - 1);
        throw new Error('451 try again later');
      }
      sent.push(m);
    },
  };
  return {
    transport,
    sent,
    failNext: (n: number) => void (failures = n),
    setFailAlways: (v: boolean) => void (failAlways = v),
  };
}

describe.each(dbKinds())('jobs on pg-boss on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let admin: Client;
  let adminId: string;
  const runners: JobRunner[] = [];

  const start = async (o: Partial<JobRunnerOptions> & Pick<JobRunnerOptions, 'sweeps'>) => {
    const runner = await startJobRunner({ database: t.database, log: quietLog(), transport: null, pollSeconds: 0.5, schedule: false, sweepAtStart: false, ...o });
    runners.push(runner);
    return runner;
  };
  const stopAll = async () => {
    for (const r of runners.splice(0)) await r.stop();
  };
  const jobsSql = () => jobsSqlFor(t.database);
  const jobRows = async (queue: string) =>
    (await jobsSql().executeSql('select id::text as id, state, data, singleton_key, retry_count, start_after from pgboss.job where name = $1 order by created_on', [queue])).rows as {
      id: string;
      state: string;
      data: Record<string, unknown>;
      singleton_key: string | null;
      retry_count: number;
      start_after: Date;
    }[];
  const deadLetters = async () => {
    const res = await admin.request('GET', '/api/v1/admin/jobs/dead-letter');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { installed: boolean; items: { id: string; queue: string | null; error: string | null; email: { toAddress: string; subject: string; attempts: number } | null; abilities: string[] }[] };
  };

  beforeAll(async () => {
    t = await makeTestApp(kind);
    db = t.database.db;
    await seedAccounts(db);
    admin = await login(t.app, 'admin', PASSWORD);
    adminId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')))[0]!.id;
  });
  afterAll(async () => {
    await stopAll();
    await t?.close();
  });

  it('has no dead letters before any runner has set up its tables', async () => {
    expect(await jobsInstalled(jobsSql())).toBe(false);
    expect(await deadLetters()).toEqual({ installed: false, items: [] });
    const res = await admin.request('POST', '/api/v1/admin/jobs/dead-letter/00000000-0000-4000-8000-000000000000/retry');
    expect(res.statusCode).toBe(404);
  });

  it('sets up the queues and the cron schedules on the database, and sweeps once at start', async () => {
    let runs = 0;
    const counting: NamedSweep = {
      name: 'counting',
      cron: '*/7 * * * *',
      run: async () => {
        runs++;
        return { notifications: 0, emails: 0 };
      },
    };
    const runner = await start({ sweeps: [reviewReminderSweep(), counting], schedule: true, sweepAtStart: true, cron: { outbox: '*/2 * * * *' } });
    expect(await jobsInstalled(jobsSql())).toBe(true);
    expect([...runner.queues].sort()).toEqual(['dead-letter', 'email.send', 'outbox.dispatch', 'sweep.counting', 'sweep.review-reminders']);
    const schedules = (await runner.boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
    expect(schedules.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual([
      ['outbox.dispatch', '*/2 * * * *', JOB_TIME_ZONE],
      ['sweep.counting', '*/7 * * * *', JOB_TIME_ZONE],
      ['sweep.review-reminders', '*/5 * * * *', JOB_TIME_ZONE],
    ]);
    // Each queue carries its retry policy and the dead-letter queue.
    const emailQueue = await runner.boss.getQueue(JOB_QUEUES.email);
    expect(emailQueue).toMatchObject({ policy: 'standard', retryLimit: RETRY_POLICIES.email.retryLimit, retryBackoff: true, deadLetter: 'dead-letter' });
    expect(await runner.boss.getQueue('sweep.counting')).toMatchObject({ policy: 'stately', deadLetter: 'dead-letter' });
    await until('the sweep at start', async () => runs >= 1);
    await until('its job completed', async () => (await jobRows('sweep.counting')).some((j) => j.state === 'completed'));
    // A sweep already waiting is not queued twice (the stately queue keeps one waiting and one running).
    await runner.boss.offWork('sweep.counting');
    await sleep(1200);
    expect(await runner.runSweep('counting')).toEqual(expect.any(String));
    expect(await runner.runSweep('counting')).toBeNull();
    await stopAll();
    expect(runs).toBe(1);
  });

  it('retries a failing sweep with backoff, then puts it in the dead letters; the administrator retries it', async () => {
    let broken = true;
    let failedAt = 0;
    let succeeded = 0;
    const flaky: NamedSweep = {
      name: 'flaky',
      cron: '0 3 * * *',
      run: async () => {
        if (broken) {
          failedAt = Date.now();
          throw new Error('sweep broke');
        }
        succeeded++;
        return { notifications: 0, emails: 0 };
      },
    };
    const policy = { retryLimit: 1, retryDelaySeconds: 1, backoff: true, expireInSeconds: 60 };
    const runner = await start({ sweeps: [flaky], retry: { sweep: policy } });
    const jobId = (await runner.runSweep('flaky'))!;
    // The first failure: back to the queue, not before the backoff's window.
    const retrying = await until('the retry', async () => (await jobRows('sweep.flaky')).find((j) => j.id === jobId && j.state === 'retry'));
    const window = retryWindowSeconds(policy, 0);
    const wait = (new Date(retrying.start_after).getTime() - failedAt) / 1000;
    expect(wait).toBeGreaterThanOrEqual(window.min - 0.5);
    expect(wait).toBeLessThanOrEqual(window.max + 2);
    // The retry fails too: its retries spent, it moves to the dead letters with its data and error.
    await until('the failed job', async () => (await jobRows('sweep.flaky')).find((j) => j.id === jobId && j.state === 'failed' && j.retry_count === 1));
    const dead = await until('the dead letter', async () => (await deadLetters()).items.find((d) => d.queue === 'sweep.flaky'));
    expect(dead).toMatchObject({ queue: 'sweep.flaky', error: 'sweep broke', email: null, abilities: ['retry'] });

    // Only the platform administrator sees and retries them.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs/dead-letter' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/jobs/dead-letter/${dead.id}/retry` })).statusCode).toBe(401);
    for (const username of ['guihuasi', 'expert', 'hangzhou']) {
      const other = await login(t.app, username, PASSWORD);
      const list = await other.request('GET', '/api/v1/admin/jobs/dead-letter');
      expect(list.statusCode).toBe(403);
      expect(list.json().error.code).toBe('FORBIDDEN');
      expect((await other.request('POST', `/api/v1/admin/jobs/dead-letter/${dead.id}/retry`)).statusCode).toBe(403);
    }
    expect((await admin.request('POST', `/api/v1/admin/jobs/dead-letter/${dead.id}/retry`, undefined, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await admin.request('POST', '/api/v1/admin/jobs/dead-letter/not-a-uuid/retry')).statusCode).toBe(422);
    expect((await admin.request('GET', '/api/v1/admin/jobs/dead-letter?limit=0')).statusCode).toBe(422);
    const missing = await admin.request('POST', '/api/v1/admin/jobs/dead-letter/00000000-0000-4000-8000-000000000000/retry');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');

    broken = false;
    const retried = await admin.request('POST', `/api/v1/admin/jobs/dead-letter/${dead.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ jobId: expect.any(String), queue: 'sweep.flaky' });
    await until('the retried sweep', async () => succeeded === 1);
    await until('its job completed', async () => (await jobRows('sweep.flaky')).find((j) => j.id === retried.json().jobId && j.state === 'completed'));
    expect((await deadLetters()).items.filter((d) => d.queue === 'sweep.flaky')).toEqual([]);
    const again = await admin.request('POST', `/api/v1/admin/jobs/dead-letter/${dead.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('JOB_ALREADY_RETRIED');
    await stopAll();
  });

  it('refuses to retry a dead letter of a queue the platform does not run', async () => {
    const runner = await start({ sweeps: [] });
    await runner.boss.send(JOB_QUEUES.deadLetter, { queue: 'somebody-elses-queue' });
    const foreign = (await deadLetters()).items.find((d) => d.queue === 'somebody-elses-queue')!;
    expect(foreign.abilities).toEqual([]);
    const res = await admin.request('POST', `/api/v1/admin/jobs/dead-letter/${foreign.id}/retry`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('JOB_NOT_RETRYABLE');
    // Refused in one transaction: the dead letter is still there.
    expect((await deadLetters()).items.some((d) => d.id === foreign.id)).toBe(true);
    await jobsSql().executeSql(`update pgboss.job set state = 'cancelled' where name = 'dead-letter' and id = $1`, [foreign.id]);
    await stopAll();
  });

  it('sends e-mails as jobs: a failure is retried, the last one lands in the dead letters, an admin retry sends it', async () => {
    const mail = switchable();
    const pending: { key: string; to: string }[] = [];
    const queueMail = (key: string, to: string) => void pending.push({ key, to });
    const writer: NamedSweep = {
      name: 'mail-writer',
      cron: '0 4 * * *',
      run: async (d, now) => {
        const rows = pending.splice(0).map((p) => ({ toAddress: p.to, subject: `提醒 ${p.key}`, body: '您好', dedupeKey: p.key, sendAfter: now }));
        return { notifications: 0, emails: await insertEmails(d, rows) };
      },
    };
    const runner = await start({ sweeps: [writer], transport: mail.transport, retry: { email: { retryLimit: 2, retryDelaySeconds: 0, backoff: false, expireInSeconds: 60 } } });
    const row = async (key: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, key)))[0];

    // Two failures, then through on the third attempt.
    mail.failNext(2);
    queueMail('test:mail:retry', 'retry@example.org');
    await runner.runSweep('mail-writer');
    await until('the e-mail sent on its third attempt', async () => (await row('test:mail:retry'))?.status === 'sent');
    expect(await row('test:mail:retry')).toMatchObject({ attempts: 3, lastError: null });
    expect(mail.sent.map((m) => m.to)).toEqual(['retry@example.org']);
    const [job] = await jobRows(JOB_QUEUES.email);
    expect(job).toMatchObject({ id: (await row('test:mail:retry'))!.id, singleton_key: 'test:mail:retry', state: 'completed', retry_count: 2 });

    // Failing every time: three attempts, then failed, and its job in the dead letters.
    mail.setFailAlways(true);
    queueMail('test:mail:dead', 'dead@example.org');
    await runner.runSweep('mail-writer');
    await until('the e-mail given up', async () => (await row('test:mail:dead'))?.status === 'failed');
    expect(await row('test:mail:dead')).toMatchObject({ attempts: 3, lastError: '451 try again later' });
    const dead = await until('its dead letter', async () => (await deadLetters()).items.find((d) => d.queue === JOB_QUEUES.email));
    expect(dead).toMatchObject({ error: '451 try again later', email: { toAddress: 'dead@example.org', subject: '提醒 test:mail:dead', attempts: 3 }, abilities: ['retry'] });
    // The outbox list shows it failed; the dispatcher leaves it alone.
    await runner.requestDispatch();
    await sleep(1200);
    expect(mail.sent).toHaveLength(1);

    mail.setFailAlways(false);
    const res = await admin.request('POST', `/api/v1/admin/jobs/dead-letter/${dead.id}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().queue).toBe(JOB_QUEUES.email);
    await until('the retried e-mail sent', async () => (await row('test:mail:dead'))?.status === 'sent');
    expect(mail.sent.map((m) => m.to)).toEqual(['retry@example.org', 'dead@example.org']);
    expect(await row('test:mail:dead')).toMatchObject({ attempts: 4, lastError: null });
    const outbox = (await admin.request('GET', '/api/v1/admin/email-outbox')).json();
    expect(outbox.counts).toMatchObject({ sent: 2, failed: 0, queued: 0 });
    await stopAll();
  });

  it('sends the same reminder once, however often it is swept and dispatched, by two runners at once', async () => {
    const mail = switchable();
    const reminder: NamedSweep = {
      name: 'test-reminders',
      cron: '*/5 * * * *',
      // A feature's reminder: a notice and an e-mail under one dedupe key, as every sweep writes them.
      run: async (d, now) => {
        const dedupeKey = 'test:reminder:once';
        const title = { zh: '请于明日前提交', en: 'Please submit by tomorrow' };
        return {
          notifications: await insertNotifications(d, [{ userId: adminId, kind: 'test_reminder', dedupeKey, title, link: '/' }]),
          emails: await insertEmails(d, [{ toAddress: 'once@example.org', subject: title.zh, body: '您好', dedupeKey, sendAfter: now }]),
        };
      },
    };
    // Two runners on one database, as two server processes would be, each sweeping at start.
    const [a, b] = await Promise.all([
      start({ sweeps: [reminder], transport: mail.transport, sweepAtStart: true }),
      start({ sweeps: [reminder], transport: mail.transport, sweepAtStart: true }),
    ]);
    for (let i = 0; i < 3; i++) {
      await Promise.all([a.runSweep('test-reminders'), b.runSweep('test-reminders'), a.requestDispatch(), b.requestDispatch()]);
      await sleep(300);
    }
    const rowOf = async () => (await db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, 'test:reminder:once')))[0];
    await until('the reminder sent', async () => (await rowOf())?.status === 'sent');
    await sleep(1500); // a duplicate from the other runner would have arrived by now
    expect(mail.sent.filter((m) => m.to === 'once@example.org')).toHaveLength(1);
    const row = (await rowOf())!;
    const jobs = (await jobRows(JOB_QUEUES.email)).filter((j) => j.singleton_key === 'test:reminder:once');
    expect(jobs.map((j) => [j.id, j.state])).toEqual([[row.id, 'completed']]);
    // Handing it to the queue again, under its id, adds no job.
    expect(await a.boss.send(JOB_QUEUES.email, { queue: JOB_QUEUES.email, outboxId: row.id }, { id: row.id, singletonKey: 'test:reminder:once' })).toBeNull();
    expect((await jobRows(JOB_QUEUES.email)).filter((j) => j.singleton_key === 'test:reminder:once')).toHaveLength(1);
    const notices = await jobsSql().executeSql(`select count(*)::int as n from notifications where dedupe_key = 'test:reminder:once'`, []);
    expect(notices.rows[0]!.n).toBe(1);
    await stopAll();
  });

  it('stops after the job in hand has finished, and takes no more', async () => {
    let release: () => void = () => undefined;
    let started = 0;
    let finished = 0;
    const slow: NamedSweep = {
      name: 'slow',
      cron: '0 5 * * *',
      run: async () => {
        started++;
        await new Promise<void>((r) => (release = r));
        finished++;
        return { notifications: 0, emails: 0 };
      },
    };
    const runner = await start({ sweeps: [slow] });
    const jobId = (await runner.runSweep('slow'))!;
    await until('the slow sweep running', async () => started === 1);
    const stopping = runner.stop({ timeoutMs: 10_000 });
    await sleep(300);
    release();
    await stopping;
    runners.splice(runners.indexOf(runner), 1);
    expect(finished).toBe(1);
    expect((await jobRows('sweep.slow')).find((j) => j.id === jobId)?.state).toBe('completed');
    // The database stays open for the app, and a runner starts on it again.
    await inJobsTransaction(t.database, (tx) => tx.executeSql('select 1', []));
    const other = await start({ sweeps: [slow] });
    await other.stop();
    expect(started).toBe(1);
  });

  it('is configured by the environment: JOBS=off, cron variables, the poll interval', async () => {
    const lines: string[] = [];
    expect(await startJobsFromEnv(t.database, quietLog(lines), { JOBS: 'off' })).toBeNull();
    expect(lines.at(-1)).toContain('JOBS=off');
    lines.length = 0;
    expect(await startJobsFromEnv(t.database, quietLog(lines), { SCHEDULER: 'off' })).toBeNull();
    expect(lines.join('\n')).toContain('SCHEDULER is the old name of JOBS');
    await expect(startJobsFromEnv(t.database, quietLog(), { JOBS_CRON_OUTBOX: 'every minute' })).rejects.toThrow('JOBS_CRON_OUTBOX');
    await expect(startJobsFromEnv(t.database, quietLog(), { JOBS_CRON_REVIEW_REMINDERS: '99 * * * *' })).rejects.toThrow('JOBS_CRON_REVIEW_REMINDERS');
    await expect(startJobsFromEnv(t.database, quietLog(), { JOBS_POLL_SECONDS: '0.1' })).rejects.toThrow('JOBS_POLL_SECONDS');
    await expect(startJobsFromEnv(t.database, quietLog(), { REMINDER_OFFSETS_HOURS: '1,2' })).rejects.toThrow('REMINDER_OFFSETS_HOURS');

    // Without SMTP_URL: the runner runs, e-mails stay pending, and the log says so.
    lines.length = 0;
    const runner = (await startJobsFromEnv(t.database, quietLog(lines), { JOBS_CRON_REVIEW_REMINDERS: '*/10 * * * *' }))!;
    expect(runner).not.toBeNull();
    const schedules = (await runner.boss.getSchedules()) as unknown as { name: string; cron: string }[];
    expect(schedules.find((s) => s.name === 'sweep.review-reminders')?.cron).toBe('*/10 * * * *');
    await runner.stop();
    expect(lines.some((l) => l.includes('SMTP_URL is not set'))).toBe(true);
  });
});
