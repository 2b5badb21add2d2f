/**
 * The administrator's failed jobs, through the real UI: an e-mail the SMTP server keeps refusing ends
 * in the dead letters; the administrator opens 失败任务 from the menu, reads the address, subject and
 * error, fixes nothing but the server, retries, and the row leaves the list while the e-mail goes out.
 * The page with a row on it also passes axe-core (WCAG 2.1 AA, serious and critical).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/db/schema.js';
import { startJobRunner, type JobRunner } from '../../src/features/notifications/jobs.js';
import { insertEmails } from '../../src/features/notifications/public.js';
import { PASSWORD } from '../helpers/seed-accounts.js';
import { browserAvailable, SCREENSHOT_DIR, signIn, startBrowserEnv, until, type BrowserEnv } from './browser-harness.js';

const available = browserAvailable();
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

describe.skipIf(!available)('failed jobs page (browser)', () => {
  let env: BrowserEnv;
  let runner: JobRunner;
  let smtpDown = true;
  const sent: string[] = [];

  beforeAll(async () => {
    env = await startBrowserEnv();
    const db = env.t.database.db;
    runner = await startJobRunner({
      database: env.t.database,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined } as never,
      transport: {
        send: async (m) => {
          if (smtpDown) throw new Error('554 relay access denied');
          sent.push(m.to);
        },
      },
      sweeps: [
        {
          name: 'review-reminders',
          cron: '*/5 * * * *',
          run: async (d, now) => ({
            notifications: 0,
            emails: await insertEmails(d, [{ toAddress: 'wang@example.org', subject: '【评审提醒】请于明日前提交评分表', body: '您好', dedupeKey: 'e2e:dead', sendAfter: now }]),
          }),
        },
      ],
      retry: { email: { retryLimit: 1, retryDelaySeconds: 0, backoff: false, expireInSeconds: 60 } },
      pollSeconds: 0.5,
      schedule: false,
    });
    await until(
      'the e-mail in the dead letters',
      async () => (await db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, 'e2e:dead')))[0]?.status === 'failed',
      30_000,
    );
  });
  afterAll(async () => {
    await runner?.stop();
    await env?.close();
  });

  it('shows the failed e-mail to the administrator, who retries it', async () => {
    const { context, page } = await env.newPage();
    try {
      await signIn(page, env.baseUrl, 'admin', PASSWORD);
      await page.getByRole('menuitem', { name: '失败任务' }).click();
      await page.getByTestId('jobs-page').waitFor();
      const table = page.getByTestId('dead-letter-table');
      await table.getByText('【评审提醒】请于明日前提交评分表').waitFor();
      const text = await table.innerText();
      expect(text).toContain('发送邮件');
      expect(text).toContain('收件人 wang@example.org');
      expect(text).toContain('已尝试 2 次');
      expect(text).toContain('554 relay access denied');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-failed-jobs.png'), fullPage: true });

      // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
        const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);

      smtpDown = false;
      await page.getByRole('button', { name: /重试 发送邮件/ }).click();
      await page.getByText('已重新排队：发送邮件').waitFor();
      await table.getByText('没有失败的任务').waitFor();
      await until('the e-mail sent', async () => sent.includes('wang@example.org'), 30_000);
    } finally {
      await context.close();
    }
  });
});
