/**
 * Reminders, the e-mail outbox and the notification API, on PGlite and PostgreSQL: the sweep writes each
 * due reminder once (dedupe keys), the dispatcher hands each due row over once under the row's id, the
 * sender sends a row once and counts failed attempts, a real SMTP conversation carries a Chinese subject,
 * and users see only their own notices. The jobs that run these on pg-boss: jobs.test.ts.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq, like } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { applications, emailOutbox, experts, notifications, organisations, panelMembers, panels, scoreSheets, users } from '../../src/db/schema.js';
import { createUser } from '../../src/features/accounts/accounts.queries.js';
import { createSmtpTransport, type MailTransport, type OutgoingEmail } from '../../src/features/notifications/mail-transport.js';
import { emailFor, reminderTitle } from '../../src/shared/notifications/reminder-rules.js';
import { openField } from '../../src/kernel/field-crypto.js';
import type { DueEmail } from '../../src/features/notifications/notifications.queries.js';
import { dispatchOutbox, sendOutboxEmail } from '../../src/features/notifications/outbox.js';
import { runReminderSweep } from '../../src/features/notifications/reminders.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const H = 3600_000;
// 2016-09-30 18:00 Beijing time.
const DEADLINE = new Date('2016-09-30T10:00:00Z');
const at = (hours: number) => new Date(DEADLINE.getTime() + hours * H);
const TITLE = '杭州市“中国制造2025”试点示范城市实施方案';

async function userId(db: Db, username: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

interface World {
  panelId: string;
  applicationId: string;
  /** e1: account + e-mail; e2: e-mail only; e3: submitted; e4: recused; e5: backup; e6: account only, sheet of an old round. */
  e: Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6', string>;
  expertUser: string;
  expert2User: string;
  planner: string;
}

async function buildWorld(db: Db): Promise<World> {
  await seedAccounts(db);
  const hangzhou = await userId(db, 'hangzhou');
  const planner = await userId(db, 'guihuasi');
  const expertUser = await userId(db, 'expert');
  const [committee] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, '专家咨询委'));
  const [hz] = await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, hangzhou));
  const [pw] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, hangzhou));
  const expert2User = await createUser(db, { username: 'expert2', passwordHash: pw!.hash, displayName: '李专家', role: 'expert', organisationId: committee!.id });

  const newApplication = async (refNo: string, title: string) => {
    const [a] = await db
      .insert(applications)
      .values({ refNo, title, applicantOrgId: hz!.organisationId, applicationYear: 2016, status: 'under_review', plan: makeCompletePlan(), createdBy: hangzhou })
      .returning({ id: applications.id });
    return a!.id;
  };
  const applicationId = await newApplication('T-2016-001', TITLE);
  const closedApp = await newApplication('T-2016-002', '已结束的申报');
  const laterApp = await newApplication('T-2016-003', '截止尚远的申报');

  const expert = async (name: string, opts: { userId?: string; email?: string } = {}) => {
    const [x] = await db
      .insert(experts)
      .values({ name, organisation: '中国工程院', provinceCode: '110000', userId: opts.userId ?? null, email: opts.email ?? null })
      .returning({ id: experts.id });
    return x!.id;
  };
  const e = {
    e1: await expert('王专家', { userId: expertUser, email: 'wang@example.org' }),
    e2: await expert('赵专家', { email: 'zhao@example.org' }),
    e3: await expert('钱专家', { email: 'qian@example.org' }),
    e4: await expert('孙专家', { email: 'sun@example.org' }),
    e5: await expert('周专家', { email: 'zhou@example.org' }),
    e6: await expert('李专家', { userId: expert2User }),
  };

  const panel = async (appId: string, deadline: Date, status = 'open', scoreRound = 2) => {
    const [p] = await db.insert(panels).values({ applicationId: appId, panelSize: 5, deadline, rubric: {}, status, scoreRound, createdBy: planner }).returning({ id: panels.id });
    return p!.id;
  };
  const panelId = await panel(applicationId, DEADLINE);
  await db.insert(panelMembers).values([
    { panelId, expertId: e.e1, role: 'member' },
    { panelId, expertId: e.e2, role: 'member' },
    { panelId, expertId: e.e3, role: 'member' },
    { panelId, expertId: e.e4, role: 'member', recusedAt: at(-100), recusalReason: '与申报城市存在利益关联' },
    { panelId, expertId: e.e5, role: 'backup' },
    { panelId, expertId: e.e6, role: 'member' },
  ]);
  const sheet = { scores: { a: 80 }, opinion: '同意', comments: '无', total: 8000 };
  await db.insert(scoreSheets).values([
    { panelId, expertId: e.e3, round: 2, ...sheet },
    { panelId, expertId: e.e6, round: 1, ...sheet },
  ]);
  // A closed panel and one whose deadline is far away: no reminders for either.
  const closed = await panel(closedApp, DEADLINE, 'closed');
  const later = await panel(laterApp, at(24 * 10));
  await db.insert(panelMembers).values([
    { panelId: closed, expertId: e.e1, role: 'member' },
    { panelId: later, expertId: e.e1, role: 'member' },
  ]);
  return { panelId, applicationId, e, expertUser, expert2User, planner };
}

/** Decodes RFC 2047 encoded words (joining adjacent ones, whose bytes may split a character). */
function decodeHeader(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const parts = [...run.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)].map(([, , enc, text]) =>
      enc!.toUpperCase() === 'B'
        ? Buffer.from(text!, 'base64')
        : Buffer.from(text!.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'),
    );
    return Buffer.concat(parts).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}

function header(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeHeader(line.slice(name.length + 1).trim()) : '';
}

describe.each(dbKinds())('reminders, e-mail and notifications on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let w: World;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    db = t.database.db;
    w = await buildWorld(db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const noticeKeys = async () => (await db.select({ k: notifications.dedupeKey }).from(notifications)).map((r) => r.k).sort();
  const emailRows = async () => db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, 'reminder:%'));

  it('sweeps two days before the deadline: one 3-day reminder per unsubmitted seated member, once', async () => {
    expect(await runReminderSweep(db, at(-24 * 8))).toEqual({ notifications: 0, emails: 0 });

    const first = await runReminderSweep(db, at(-48));
    const key = (e: string) => `reminder:${w.panelId}:${e}:2:due_in_3_days`;
    // Notices for experts with an account (e1, e6), e-mails for those with an address (e1, e2);
    // nothing for e3 (submitted round 2), e4 (recused), e5 (backup), the closed panel or the later one.
    expect(first).toEqual({ notifications: 2, emails: 2 });
    expect(await noticeKeys()).toEqual([key(w.e.e1), key(w.e.e6)].sort());
    const mails = await emailRows();
    // Stored sealed (SM4), opened only to send.
    expect(mails.every((m) => m.toAddress.startsWith('sm4:v1:'))).toBe(true);
    expect(mails.map((m) => openField(m.toAddress, 'email_outbox.to_address')).sort()).toEqual(['wang@example.org', 'zhao@example.org']);
    expect(mails.every((m) => m.status === 'pending' && m.dedupeKey.endsWith(':due_in_3_days'))).toBe(true);

    const [n] = await db.select().from(notifications).where(eq(notifications.dedupeKey, key(w.e.e1)));
    expect(n).toMatchObject({ userId: w.expertUser, kind: 'due_in_3_days', link: `/applications/${w.applicationId}`, readAt: null });
    expect(n!.title.zh).toContain(`《${TITLE}》`);
    expect(n!.title.zh).toContain('2016年9月30日 18:00');

    // Sweeping again — later the same day, or in another process — adds nothing.
    expect(await runReminderSweep(db, at(-48))).toEqual({ notifications: 0, emails: 0 });
    expect(await runReminderSweep(db, at(-30))).toEqual({ notifications: 0, emails: 0 });
    await Promise.all([runReminderSweep(db, at(-29)), runReminderSweep(db, at(-29))]);
    expect(await noticeKeys()).toHaveLength(2);
    expect(await emailRows()).toHaveLength(2);
  });

  it('sweeps on the last day: the 1-day reminder, also once', async () => {
    expect(await runReminderSweep(db, at(-12))).toEqual({ notifications: 2, emails: 2 });
    expect(await runReminderSweep(db, at(-1))).toEqual({ notifications: 0, emails: 0 });
    expect((await noticeKeys()).filter((k) => k.endsWith(':due_in_1_day'))).toHaveLength(2);
  });

  it('sweeps after the deadline: overdue notices for the members and one for the ministry', async () => {
    const r = await runReminderSweep(db, at(1));
    expect(r).toEqual({ notifications: 3, emails: 2 });
    expect(await runReminderSweep(db, at(30))).toEqual({ notifications: 0, emails: 0 });

    const overdue = await db.select().from(notifications).where(like(notifications.dedupeKey, 'reminder:%:overdue'));
    expect(overdue.map((n) => n.userId).sort()).toEqual([w.expertUser, w.expert2User].sort());
    const ministry = await db.select().from(notifications).where(like(notifications.dedupeKey, `overdue:${w.panelId}:2:%`));
    expect(ministry).toHaveLength(1);
    expect(ministry[0]).toMatchObject({ userId: w.planner, kind: 'panel_overdue', link: `/applications/${w.applicationId}` });
    expect(ministry[0]!.title.zh).toContain('尚有3位专家未提交评分表');

    // Once the last sheets are in, nothing more is due for the round.
    const sheet = { scores: { a: 70 }, opinion: '同意', comments: '无', total: 7000 };
    await db.insert(scoreSheets).values([w.e.e1, w.e.e2, w.e.e6].map((expertId) => ({ panelId: w.panelId, expertId, round: 2, ...sheet })));
    expect(await runReminderSweep(db, at(48))).toEqual({ notifications: 0, emails: 0 });
  });

  describe('the notification API', () => {
    let expert: Client;
    let planner: Client;

    beforeAll(async () => {
      expert = await login(t.app, 'expert', PASSWORD);
      planner = await login(t.app, 'guihuasi', PASSWORD);
    });

    it('refuses without a session', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
      const someId = (await db.select({ id: notifications.id }).from(notifications).limit(1))[0]!.id;
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${someId}/read` })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/email-outbox' })).statusCode).toBe(401);
    });

    it('lists the own notices, newest first, with the unread count', async () => {
      const res = await expert.request('GET', '/api/v1/notifications');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { kind: string; createdAt: string; title: { zh: string; en: string } }[]; unread: number };
      expect(body.unread).toBe(3);
      expect(body.items.map((i) => i.kind)).toEqual(['overdue', 'due_in_1_day', 'due_in_3_days']);
      const times = body.items.map((i) => Date.parse(i.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(body.items[0]!.title.en).toContain('Overdue');

      const mine = (await planner.request('GET', '/api/v1/notifications')).json();
      expect(mine.items.map((i: { kind: string }) => i.kind)).toEqual(['panel_overdue']);
      // Each unread notice tells its owner it may be marked read (expert and planner alike).
      for (const list of [res.json(), mine] as { items: { readAt: string | null; abilities: string[] }[] }[]) {
        expect(list.items.every((i) => i.readAt === null && i.abilities.join() === 'markRead')).toBe(true);
      }
    });

    it('marks one notice read, only the own one', async () => {
      const items = (await expert.request('GET', '/api/v1/notifications')).json().items as { id: string; readAt: string | null }[];
      const target = items[1]!;
      // Another user's notice is not found, and stays unread.
      const foreign = await planner.request('POST', `/api/v1/notifications/${target.id}/read`);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe('NOT_FOUND');
      expect((await planner.request('POST', '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
      // Unsafe requests need the CSRF header like everywhere else.
      expect((await expert.request('POST', `/api/v1/notifications/${target.id}/read`, undefined, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);

      const ok = await expert.request('POST', `/api/v1/notifications/${target.id}/read`);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ ok: true, unread: 2 });
      const again = await expert.request('POST', `/api/v1/notifications/${target.id}/read`);
      expect(again.json()).toEqual({ ok: true, unread: 2 });
      const after = (await expert.request('GET', '/api/v1/notifications')).json();
      expect(after.items[1].readAt).not.toBeNull();
      expect(after.items[1].abilities).toEqual([]);
      expect(after.items[0].readAt).toBeNull();
      expect(after.items[0].abilities).toEqual(['markRead']);
    });

    it('marks all read', async () => {
      const res = await expert.request('POST', '/api/v1/notifications/read-all');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ updated: 2, unread: 0 });
      expect((await expert.request('GET', '/api/v1/notifications')).json().unread).toBe(0);
      // The planner's notice is untouched.
      expect((await planner.request('GET', '/api/v1/notifications')).json().unread).toBe(1);
    });

    it('shows the outbox to the platform administrator only, without bodies', async () => {
      expect((await expert.request('GET', '/api/v1/admin/email-outbox')).statusCode).toBe(403);
      expect((await planner.request('GET', '/api/v1/admin/email-outbox')).statusCode).toBe(403);
      const admin = await login(t.app, 'admin', PASSWORD);
      const res = await admin.request('GET', '/api/v1/admin/email-outbox');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.counts).toEqual({ pending: 6, queued: 0, sent: 0, failed: 0 });
      expect(body.items).toHaveLength(6);
      expect(body.items[0]).toMatchObject({ status: 'pending', attempts: 0 });
      expect(body.items[0]).not.toHaveProperty('body');
      expect(res.body).not.toContain('您好');
      // The addresses sealed at rest are shown opened to the administrator.
      expect(body.items.map((i: { toAddress: string }) => i.toAddress)).toContain('wang@example.org');
      expect(res.body).not.toContain('sm4:');
      expect((await admin.request('GET', '/api/v1/admin/email-outbox?status=sent')).json().items).toHaveLength(0);
    });
  });

  /** Dispatches into a list instead of pg-boss: what would become one email.send job per row. */
  const dispatchInto = (handed: DueEmail[][], now: Date, batch?: number) =>
    dispatchOutbox(
      db,
      async (rows) => {
        handed.push(rows);
      },
      { now, batch },
    );

  it('hands each due e-mail over once, marks it queued, and sends it once', async () => {
    const handed: DueEmail[][] = [];
    // Queued at the sweeps' times: none is due before the first sweep.
    expect(await dispatchInto(handed, at(-49))).toBe(0);
    expect(handed).toEqual([]);
    expect(await dispatchInto(handed, at(2), 4)).toBe(6);
    expect(handed.map((b) => b.length)).toEqual([4, 2]);
    const rows = await emailRows();
    expect(rows.every((m) => m.status === 'queued')).toBe(true);
    // Each row is handed over under its own id and dedupe key (the job's id and singleton key).
    expect(handed.flat().map((h) => h.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(handed.flat().map((h) => h.dedupeKey).sort()).toEqual(rows.map((r) => r.dedupeKey).sort());
    // Queued rows are not handed over again.
    expect(await dispatchInto(handed, at(100))).toBe(0);
    expect(handed).toHaveLength(2);

    const sent: OutgoingEmail[] = [];
    const transport: MailTransport = { send: async (m) => void sent.push(m) };
    // In the order handed over (oldest first), as the jobs would mostly run.
    for (const r of handed.flat()) expect(await sendOutboxEmail(db, transport, r.id, { now: at(2), lastAttempt: false })).toBe('sent');
    expect(sent).toHaveLength(6);
    expect(sent.filter((m) => m.to === 'wang@example.org')).toHaveLength(3);
    const toWang = sent.find((m) => m.to === 'wang@example.org')!;
    expect(toWang.subject).toContain('【评审提醒】');
    expect(toWang.text).toContain('王专家：');
    expect((await emailRows()).every((m) => m.status === 'sent' && m.sentAt !== null && m.attempts === 1)).toBe(true);
    // A job run again (a retry after its process died, say) sends nothing twice.
    for (const r of rows) expect(await sendOutboxEmail(db, transport, r.id, { now: at(3), lastAttempt: false })).toBe('skipped');
    expect(sent).toHaveLength(6);
    expect(await sendOutboxEmail(db, transport, '00000000-0000-4000-8000-000000000000', { now: at(3), lastAttempt: false })).toBe('skipped');
  });

  it('counts failed attempts, and the last one allowed marks the e-mail failed', async () => {
    const t0 = new Date('2016-10-01T00:00:00Z');
    const [row] = await db
      .insert(emailOutbox)
      .values({ toAddress: 'down@example.org', subject: '测试', body: '测试', dedupeKey: 'test:fail', sendAfter: t0 })
      .returning({ id: emailOutbox.id });
    const failing: MailTransport = {
      send: async () => {
        throw new Error('421 service not available');
      },
    };
    const get = async () => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id)))[0]!;
    // Its job ran before the dispatcher marked the row: still pending, still sendable.
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(sendOutboxEmail(db, failing, row!.id, { now: t0, lastAttempt: false })).rejects.toThrow('421 service not available');
      expect(await get()).toMatchObject({ status: 'pending', attempts: attempt, lastError: '421 service not available', sentAt: null });
    }
    await expect(sendOutboxEmail(db, failing, row!.id, { now: t0, lastAttempt: true })).rejects.toThrow('421');
    expect(await get()).toMatchObject({ status: 'failed', attempts: 5 });
    // Failed for good: neither dispatched again nor sent (until the administrator retries its job).
    const handed: DueEmail[][] = [];
    expect(await dispatchInto(handed, new Date(t0.getTime() + 24 * H))).toBe(0);
    const sent: string[] = [];
    expect(await sendOutboxEmail(db, { send: async (m) => void sent.push(m.to) }, row!.id, { now: t0, lastAttempt: false })).toBe('skipped');
    expect(sent).toEqual([]);
  });

  it(`two dispatchers at once hand each row over under its own id (${kind === 'postgres' ? 'concurrently' : 'serially'})`, async () => {
    const t0 = new Date('2016-10-02T00:00:00Z');
    await db.insert(emailOutbox).values(
      Array.from({ length: 10 }, (_, i) => ({ toAddress: `r${i}@example.org`, subject: `第${i}封`, body: '测试', dedupeKey: `test:concurrent:${i}`, sendAfter: t0 })),
    );
    const a: DueEmail[][] = [];
    const b: DueEmail[][] = [];
    const [na, nb] = await Promise.all([dispatchInto(a, t0, 6), dispatchInto(b, t0, 6)]);
    // Together they mark each row queued once; a row both handed over has the same id (one job in pg-boss).
    expect(na + nb).toBe(10);
    const ids = new Set([...a.flat(), ...b.flat()].map((r) => r.id));
    const rows = await db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, 'test:concurrent:%'));
    expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
    expect(rows.every((r) => r.status === 'queued' && r.attempts === 0)).toBe(true);
  });

  it('sends a reminder over real SMTP with a Chinese subject', async () => {
    const received: { from: string; to: string[]; raw: string; user?: string }[] = [];
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === 'mailer' && auth.password === 's3cret') cb(null, { user: auth.username });
        else cb(new Error('bad credentials'));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            user: session.user as string | undefined,
          });
          cb();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    const transport = createSmtpTransport(`smtp://mailer:s3cret@127.0.0.1:${port}`);
    try {
      // A new score round: the members are due their reminders again.
      await db.update(panels).set({ scoreRound: 3 }).where(eq(panels.id, w.panelId));
      const sweep = await runReminderSweep(db, at(-48), { publicUrl: 'https://pilot.example.gov.cn/' });
      // E-mails to e1, e2 and e3, whose round-2 sheet no longer counts; e6 has no address.
      expect(sweep).toEqual({ notifications: 2, emails: 3 });
      const handed: DueEmail[][] = [];
      expect(await dispatchInto(handed, at(-48))).toBe(3);
      for (const { id } of handed.flat()) expect(await sendOutboxEmail(db, transport, id, { now: at(-48), lastAttempt: false })).toBe('sent');
    } finally {
      transport.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const toWang = received.find((m) => m.to.includes('wang@example.org'));
    expect(toWang, JSON.stringify(received.map((m) => m.to))).toBeDefined();
    expect(toWang!.user).toBe('mailer');
    expect(toWang!.from).toBe('noreply@localhost');
    const expected = emailFor('王专家', reminderTitle({ kind: 'due_in_3_days', applicationTitle: TITLE, deadline: DEADLINE }), null).subject;
    expect(header(toWang!.raw, 'Subject')).toBe(expected);
    expect(header(toWang!.raw, 'Subject')).toContain('【评审提醒】《杭州市“中国制造2025”试点示范城市实施方案》');
    expect(header(toWang!.raw, 'From')).toContain('“中国制造2025”城市试点示范工作平台');
    expect(toWang!.raw).toMatch(/charset=utf-8/i);
  });
});
