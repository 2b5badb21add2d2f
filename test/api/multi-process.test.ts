/**
 * Production runs several server processes on one PostgreSQL database (README): nothing another
 * process needs may live in one process's memory. Two compiled servers on one throw-away database
 * prove it: a session made on one works on the other, a transition raced on both is won exactly
 * once, and a reminder that falls due while both run is sent exactly once — by the job runner on
 * pg-boss that each process starts (ADR 0012), sharing its queues in the one database.
 * Needs PostgreSQL (TEST_DATABASE_URL); CI always sets it, so this never skips there.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { DEMO_TOTP_SECRET } from '../../src/shared/identity/demo.js';
import { TOTP_STEP_SECONDS, totpCode } from '../../src/shared/identity/totp.js';
import { createPgDatabase } from '../helpers/test-app.js';

const ROOT = process.cwd();
const MAIN = join(ROOT, 'dist', 'server', 'server', 'main.js');
const BASE_URL = process.env.TEST_DATABASE_URL;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  dataDir: string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mic-multi-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += String(c)));
  child.stderr!.on('data', (c) => (output += String(c)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await sleep(200);
  }
  return { child, url, output: () => output, exited, dataDir };
}

async function signIn(base: string, username: string) {
  const post = (code?: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD, ...(code ? { code } : {}) }),
    });
  let res = await post();
  // Ministry accounts give their second factor: demo accounts are enrolled with the published demo secret.
  // A code is good once per 30-second step, so a second sign-in within the same step waits for the next.
  for (let attempt = 0; res.status === 401 && attempt < 3; attempt++) {
    const code = ((await res.clone().json()) as { error?: { code?: string } }).error?.code;
    if (code === 'TOTP_CODE_REPLAYED') await new Promise((r) => setTimeout(r, (TOTP_STEP_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_STEP_SECONDS) + 1) * 1000));
    else if (code !== 'TOTP_CODE_REQUIRED') break;
    res = await post(totpCode(DEMO_TOTP_SECRET, new Date()));
  }
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

describe.skipIf(!BASE_URL)('two server processes on one PostgreSQL database', () => {
  let dbUrl: string;
  let dropDb: () => Promise<void> = async () => undefined;
  let a: Server;
  let b: Server;
  let smtp: SMTPServer;
  const mails: { to: string; subject: string }[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server'], { cwd: ROOT, stdio: 'pipe' });
    const created = await createPgDatabase();
    dbUrl = created.url;
    dropDb = created.drop;

    const smtpPort = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          const subject = /^Subject: (.*)$/im.exec(raw)?.[1] ?? '';
          for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, subject });
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));

    // Both processes load the demo data into the one database (the start-up lock lets one of them do
    // it) and start their job runners, each sweeping at once. Reminders 400 h before a deadline: the
    // demo panel's deadline is ten days out, so its outstanding seats are due a reminder as soon as
    // the processes are up.
    const env = { DATABASE_URL: dbUrl, DEMO_DATA: 'true', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, REMINDER_OFFSETS_HOURS: '400,1' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  afterAll(async () => {
    for (const s of [a, b]) {
      if (s && s.child.exitCode === null) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
      if (s) rmSync(s.dataDir, { recursive: true, force: true });
    }
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    await dropDb();
  });

  it('accepts on one process a session made on the other', async () => {
    const s = await signIn(a.url, 'guihuasi');
    const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie: s.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('guihuasi');
    const out = await fetch(`${b.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBe(204);
    expect((await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('lets exactly one of two processes win the same transition', async () => {
    const s = await signIn(a.url, 'guihuasi');
    const list = await fetch(`${a.url}/api/v1/applications?queue=true&page=1&pageSize=50`, { headers: { cookie: s.cookie } });
    const { items } = (await list.json()) as { items: { id: string; status: string; version: number }[] };
    const inbox = items.find((i) => i.status === 'forwarded');
    expect(inbox).toBeDefined();
    const receive = (base: string) =>
      fetch(`${base}/api/v1/applications/${inbox!.id}/receive`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ version: inbox!.version, printedCopies: 'received', discs: 'received', formalCheckPassed: true }),
      });
    const answers = await Promise.all([receive(a.url), receive(b.url)].map((p) => p.then(async (r) => ({ status: r.status, body: await r.text() }))));
    expect(answers.map((r) => r.status).sort(), JSON.stringify(answers)).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    // Read before the winner committed: a stale version; read after: no longer in the inbox.
    expect(['VERSION_CONFLICT', 'INVALID_TRANSITION']).toContain((JSON.parse(loser.body) as { error: { code: string } }).error.code);
    const history = await fetch(`${b.url}/api/v1/applications/${inbox!.id}/history`, { headers: { cookie: s.cookie } });
    const events = ((await history.json()) as { items: { action: string }[] }).items.filter((e) => e.action === 'receive');
    expect(events).toHaveLength(1);
  });

  it('sends a reminder that falls due while both run exactly once', async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      // Wait until both runners have swept and the outbox is delivered.
      const deadline = Date.now() + 60_000;
      let rows: { dedupe_key: string; to_address: string; status: string }[] = [];
      for (;;) {
        ({ rows } = await c.query<{ dedupe_key: string; to_address: string; status: string }>('select dedupe_key, to_address, status from email_outbox'));
        if (rows.length > 0 && rows.every((r) => r.status === 'sent') && mails.length >= rows.length) break;
        if (Date.now() > deadline) throw new Error(`outbox not delivered: ${JSON.stringify(rows)}\n${a.output()}\n${b.output()}`);
        await sleep(300);
      }
      await sleep(2_000); // a late duplicate from the slower process would arrive by now
      expect(rows.length).toBeGreaterThan(0);
      expect(mails.length).toBe(rows.length);
      const sent = mails.map((m) => `${m.to}|${m.subject}`);
      expect(new Set(sent).size).toBe(sent.length);
      // The in-app reminder too: one per seat and kind (林国栋 has yet to score on the demo panel).
      const notices = await c.query<{ n: string }>("select count(*) as n from notifications where kind = 'due_in_3_days'");
      expect(Number(notices.rows[0]!.n)).toBeGreaterThanOrEqual(1);
      // Sent by pg-boss: one email.send job per outbox row (the row's id is the job's), each completed once.
      const outbox = await c.query<{ id: string; dedupe_key: string }>('select id::text as id, dedupe_key from email_outbox');
      const jobs = await c.query<{ id: string; state: string; singleton_key: string }>("select id::text as id, state, singleton_key from pgboss.job where name = 'email.send'");
      expect(jobs.rows.map((j) => [j.id, j.singleton_key, j.state]).sort()).toEqual(outbox.rows.map((r) => [r.id, r.dedupe_key, 'completed']).sort());
      // The review's sweep ran as pg-boss jobs, and no job of either process ended in the dead letters.
      const sweeps = await c.query<{ state: string }>("select state from pgboss.job where name = 'sweep.review-reminders'");
      expect(sweeps.rows.length).toBeGreaterThanOrEqual(1);
      expect(sweeps.rows.every((j) => j.state === 'completed' || j.state === 'created')).toBe(true);
      const dead = await c.query<{ n: string }>("select count(*) as n from pgboss.job where name = 'dead-letter'");
      expect(Number(dead.rows[0]!.n)).toBe(0);
    } finally {
      await c.end();
    }
  });
});
