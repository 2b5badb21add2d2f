import { describe, expect, it } from 'vitest';
import {
  cronEnvName,
  DEFAULT_CRON,
  isLastAttempt,
  isRetryableQueue,
  isSweepName,
  JOB_QUEUES,
  jobsEnabled,
  looksLikeCron,
  parsePollSeconds,
  RETRY_POLICIES,
  retryWindowSeconds,
  sweepQueue,
} from './job-rules.js';

describe('job rules', () => {
  it('names a sweep’s queue and its schedule variable from the sweep’s name', () => {
    expect(sweepQueue('review-reminders')).toBe('sweep.review-reminders');
    expect(cronEnvName('review-reminders')).toBe('JOBS_CRON_REVIEW_REMINDERS');
    expect(cronEnvName('report-reminders')).toBe('JOBS_CRON_REPORT_REMINDERS');
    expect(cronEnvName('outbox')).toBe('JOBS_CRON_OUTBOX');
    for (const bad of ['', 'Review', 'review_reminders', 'review--x', '-x', 'x-', '1x', 'sweep.x']) {
      expect(isSweepName(bad), bad).toBe(false);
      expect(() => sweepQueue(bad)).toThrow('lower-case words');
    }
    expect(isSweepName('a1-b2')).toBe(true);
  });

  it('has default schedules of five cron fields, and tells one from other text', () => {
    for (const expr of Object.values(DEFAULT_CRON)) expect(looksLikeCron(expr), expr).toBe(true);
    expect(looksLikeCron(' 0  3 * * 1 ')).toBe(true);
    expect(looksLikeCron('every minute')).toBe(false);
    expect(looksLikeCron('* * * * * *')).toBe(false);
    expect(looksLikeCron('')).toBe(false);
  });

  it('retries as pg-boss does: a fixed delay, or a doubling window with backoff', () => {
    expect(retryWindowSeconds({ retryDelaySeconds: 30, backoff: false }, 0)).toEqual({ min: 30, max: 30 });
    expect(retryWindowSeconds({ retryDelaySeconds: 30, backoff: false }, 5)).toEqual({ min: 30, max: 30 });
    // The e-mail policy: after about 1, 2, 4 and 8 minutes (each up to twice that).
    const email = RETRY_POLICIES.email;
    expect([0, 1, 2, 3].map((n) => retryWindowSeconds(email, n))).toEqual([
      { min: 60, max: 120 },
      { min: 120, max: 240 },
      { min: 240, max: 480 },
      { min: 480, max: 960 },
    ]);
    // A delay of 0 with backoff still waits a second (pg-boss's floor), and the doubling stops at 2^15.
    expect(retryWindowSeconds({ retryDelaySeconds: 0, backoff: true }, 0)).toEqual({ min: 1, max: 2 });
    expect(retryWindowSeconds({ retryDelaySeconds: 1, backoff: true }, 40)).toEqual(retryWindowSeconds({ retryDelaySeconds: 1, backoff: true }, 15));
  });

  it('keeps five attempts for an e-mail and knows the last one', () => {
    expect(RETRY_POLICIES.email.retryLimit + 1).toBe(5);
    expect(isLastAttempt({ retryCount: 0, retryLimit: 4 })).toBe(false);
    expect(isLastAttempt({ retryCount: 3, retryLimit: 4 })).toBe(false);
    expect(isLastAttempt({ retryCount: 4, retryLimit: 4 })).toBe(true);
    expect(isLastAttempt({ retryCount: 0, retryLimit: 0 })).toBe(true);
    for (const p of Object.values(RETRY_POLICIES)) {
      expect(p.retryLimit).toBeGreaterThanOrEqual(1);
      expect(p.expireInSeconds).toBeLessThan(24 * 3600); // pg-boss's ceiling
    }
  });

  it('retries a dead letter only onto a queue the platform runs', () => {
    const known = [JOB_QUEUES.email, JOB_QUEUES.dispatch, 'sweep.review-reminders'];
    expect(isRetryableQueue('email.send', known)).toBe(true);
    expect(isRetryableQueue('sweep.review-reminders', known)).toBe(true);
    expect(isRetryableQueue('sweep.gone', known)).toBe(false);
    expect(isRetryableQueue(undefined, known)).toBe(false);
    expect(isRetryableQueue(42, known)).toBe(false);
  });

  it('reads JOBS and JOBS_POLL_SECONDS', () => {
    for (const on of [undefined, '', 'on', 'true', '1', 'yes']) expect(jobsEnabled(on), String(on)).toBe(true);
    for (const off of ['off', 'OFF', ' false ', '0', 'no']) expect(jobsEnabled(off), off).toBe(false);
    expect(parsePollSeconds(undefined, 10)).toBe(10);
    expect(parsePollSeconds(' ', 10)).toBe(10);
    expect(parsePollSeconds('0.5', 10)).toBe(0.5);
    expect(parsePollSeconds('60', 10)).toBe(60);
    for (const bad of ['0.4', '0', '-1', 'fast', '601']) expect(() => parsePollSeconds(bad, 10), bad).toThrow('JOBS_POLL_SECONDS');
  });
});
