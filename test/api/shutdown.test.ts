/**
 * A production process drains on SIGTERM: the compiled server (dist/server, built by
 * scripts/build.mjs) runs on a free port with its own data folder; several sign-ins are held open
 * half-sent, SIGTERM arrives, the port stops accepting, the held requests are then completed and
 * answered, the job runner (pg-boss) stops, and the process closes its database and exits 0 well
 * within 10 s.
 * On PGlite always, and on PostgreSQL (a throw-away database) when TEST_DATABASE_URL is set.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { createPgDatabase, dbKinds } from '../helpers/test-app.js';

const ROOT = process.cwd();
const MAIN = join(ROOT, 'dist', 'server', 'server', 'main.js');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

interface Held {
  finish(): void;
  response: Promise<{ status: number; body: string; connection: string | undefined }>;
}

/** A sign-in whose body is sent only in part until finish(): the server holds it in flight. */
function heldSignIn(port: number, agent: http.Agent, username: string): Held {
  const body = Buffer.from(JSON.stringify({ username, password: DEMO_PASSWORD }));
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/v1/auth/login',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': body.length },
  });
  const response = new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, 10));
  return { finish: () => req.end(body.subarray(10)), response };
}

async function getJson(port: number, path: string, agent?: http.Agent): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      })
      .on('error', reject);
  });
}

beforeAll(() => {
  // Compiles the server unless dist/server is current (a no-op after `npm test`'s own build).
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server'], { cwd: ROOT, stdio: 'pipe' });
});

describe.each(dbKinds())('SIGTERM drains the compiled server on %s', (kind) => {
  let dataDir: string;
  let child: ChildProcess;
  let port: number;
  let output = '';
  let dropDb: (() => Promise<void>) | null = null;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mic-shutdown-'));
    port = await freePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    if (kind === 'postgres') {
      const db = await createPgDatabase();
      dropDb = db.drop;
      env.DATABASE_URL = db.url;
    }
    child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c) => (output += String(c)));
    child.stderr!.on('data', (c) => (output += String(c)));
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
      const ok = await getJson(port, '/api/health').then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`server did not come up:\n${output}`);
      await sleep(200);
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (dropDb) await dropDb();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the requests in flight, refuses new connections, closes the database and exits 0 within 10 s', async () => {
    const health = await getJson(port, '/api/health');
    expect(health.json).toMatchObject({ status: 'ok', database: kind });

    // Keep-alive connections, like a browser's: each first serves a request, then carries a held one.
    const agents = Array.from({ length: 4 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    for (const a of agents) expect((await getJson(port, '/api/health', a)).status).toBe(200);
    // City accounts: they sign in with the password alone (provincial and ministry ones also need a TOTP code).
    const held = ['wuhan', 'huzhou', 'quanzhou', 'suzhou'].map((u, i) => heldSignIn(port, agents[i]!, u));
    await sleep(500); // the server has read their headers and waits for the rest

    const sentAt = Date.now();
    child.kill('SIGTERM');
    await sleep(700);
    expect(child.exitCode, 'still running while requests are open').toBeNull();
    expect(await refused(port), 'the port stops accepting').toBe(true);

    for (const h of held) h.finish();
    const answers = await Promise.all(held.map((h) => h.response));
    for (const a of answers) {
      expect(a.status, a.body).toBe(200);
      expect(JSON.parse(a.body).csrfToken).toEqual(expect.any(String));
    }

    const { code, signal, at } = await exited;
    for (const a of agents) a.destroy();
    expect(signal, output).toBeNull();
    expect(code, output).toBe(0);
    expect(at - sentAt).toBeLessThan(10_000);
    expect(output).toContain('draining');
    // The job runner (pg-boss) ran in the process and stopped within the drain.
    expect(output).toContain('jobs: pg-boss started');
    expect(output).toContain('jobs: stopped');
    expect(output.indexOf('jobs: stopped')).toBeLessThan(output.indexOf('"msg":"drained"'));
    expect(output).toContain('drained');
    // Drained on its own: no connection had to be cut at the end of the grace period.
    expect(output).not.toContain('after the grace period');
    const jobsStopMs = /jobs: stopped in (\d+) ms/.exec(output)?.[1] ?? '?';
    console.log(`RESULT shutdown db=${kind} requests_held=${held.length} exit_ms_after_sigterm=${at - sentAt} jobs_stop_ms=${jobsStopMs}`);
  });
});
