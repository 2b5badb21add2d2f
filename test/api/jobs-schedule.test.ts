/**
 * The default schedule holds every sweep the platform runs, the events feature's action-item
 * reminders among them: DEFAULT_CRON names it, the events feature hands its sweep in with that
 * schedule, and the job runner (on PGlite and PostgreSQL) puts it on the database's cron schedule in
 * China time, next to the review's and the progress reports' sweeps, overridable like them by
 * JOBS_CRON_EVENT_ACTION_REMINDERS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_ACTION_SWEEP, EVENT_ACTION_SWEEP_CRON, eventActionReminderSweep } from '../../src/features/events/public.js';
import { startJobsFromEnv, type JobLog, type JobRunner } from '../../src/features/notifications/jobs.js';
import { reportReminderSweep } from '../../src/features/progress-reports/public.js';
import { cronEnvName, DEFAULT_CRON, JOB_TIME_ZONE, looksLikeCron } from '../../src/shared/notifications/job-rules.js';
import { dbKinds, makeTestApp, type TestApp } from '../helpers/test-app.js';

const quietLog = (): JobLog => ({ info: () => undefined, warn: () => undefined, error: () => undefined }) as unknown as JobLog;

it('has a default schedule for the events feature’s action-item reminders, the one its sweep is handed in with', () => {
  expect(looksLikeCron(DEFAULT_CRON.eventActionReminders)).toBe(true);
  expect(EVENT_ACTION_SWEEP_CRON).toBe(DEFAULT_CRON.eventActionReminders);
  expect(cronEnvName(EVENT_ACTION_SWEEP)).toBe('JOBS_CRON_EVENT_ACTION_REMINDERS');
});

describe.each(dbKinds())('the default job schedule on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner | null = null;

  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  it('schedules the action-item reminders with the other sweeps, in China time, and lets the environment move it', async () => {
    // The sweeps as the server hands them in (src/server/main.ts), with their default schedules.
    const sweeps = [
      { name: 'report-reminders', cron: DEFAULT_CRON.reportReminders, run: reportReminderSweep },
      { name: EVENT_ACTION_SWEEP, cron: DEFAULT_CRON.eventActionReminders, run: eventActionReminderSweep },
    ];
    runner = await startJobsFromEnv(t.database, quietLog(), { JOBS: 'on', JOBS_POLL_SECONDS: '1' }, sweeps);
    const schedules = (await runner!.boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
    expect(schedules.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual([
      ['outbox.dispatch', DEFAULT_CRON.outbox, JOB_TIME_ZONE],
      ['sweep.event-action-reminders', DEFAULT_CRON.eventActionReminders, JOB_TIME_ZONE],
      ['sweep.report-reminders', DEFAULT_CRON.reportReminders, JOB_TIME_ZONE],
      ['sweep.review-reminders', DEFAULT_CRON.reviewReminders, JOB_TIME_ZONE],
    ]);
    await runner!.stop();
    runner = await startJobsFromEnv(t.database, quietLog(), { JOBS: 'on', JOBS_POLL_SECONDS: '1', [cronEnvName(EVENT_ACTION_SWEEP)]: '5 8 * * *' }, sweeps);
    const moved = (await runner!.boss.getSchedules()) as unknown as { name: string; cron: string }[];
    expect(moved.find((s) => s.name === 'sweep.event-action-reminders')?.cron).toBe('5 8 * * *');
  });
});
