/**
 * The compiled server (dist/server, built by scripts/build.mjs) as a child process, for the fault
 * drills (test/api/crash-recovery.test.ts, test/api/postgres-restart.test.ts): a free port, start and
 * wait until /api/health answers, sign in over HTTP (with the demo second factor where the role needs
 * it), and a small fetch wrapper that never throws.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { DEMO_TOTP_SECRET } from '../../src/shared/identity/demo.js';
import { TOTP_STEP_SECONDS, totpCode } from '../../src/shared/identity/totp.js';

export const ROOT = process.cwd();
export const SERVER_MAIN = join(ROOT, 'dist', 'server', 'server', 'main.js');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Compiles the server unless dist/server is current. */
export function buildServer(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server'], { cwd: ROOT, stdio: 'pipe' });
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the compiled server with `env` on top of this process's (DATABASE_URL removed unless given) and waits for health. */
export async function startServer(env: Record<string, string>, opts: { port?: number; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const full: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += String(c)));
  child.stderr!.on('data', (c) => (output += String(c)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await sleep(200);
  }
  return { child, url, port, output: () => output, exited };
}

/** SIGTERM (drain) and wait; SIGKILL after 15 s. */
export async function stopServer(s: ServerProcess | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  await s.exited;
  clearTimeout(timer);
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs a demo account in; provincial and ministry accounts give the demo TOTP code (waiting out a replayed step). */
export async function signIn(base: string, username: string): Promise<Session> {
  const post = (code?: string) =>
    fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD, ...(code ? { code } : {}) }),
    });
  let res = await post();
  for (let attempt = 0; res.status === 401 && attempt < 3; attempt++) {
    const code = ((await res.clone().json()) as { error?: { code?: string } }).error?.code;
    if (code === 'TOTP_CODE_REPLAYED') await sleep((TOTP_STEP_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_STEP_SECONDS) + 1) * 1000);
    else if (code !== 'TOTP_CODE_REQUIRED') break;
    res = await post(totpCode(DEMO_TOTP_SECRET, new Date()));
  }
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export interface Answer {
  /** 0 when no answer came (connection refused or cut). */
  status: number;
  json: unknown;
  text: string;
  ms: number;
  error?: string;
}

/** One request; never throws: a cut connection is status 0. */
export async function call(base: string, s: Session | null, method: string, path: string, body?: unknown, opts: { timeoutMs?: number; raw?: { body: Buffer; contentType: string } } = {}): Promise<Answer> {
  const t0 = performance.now();
  const headers: Record<string, string> = {};
  if (s) {
    headers.cookie = s.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
  }
  let payload: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.contentType;
    payload = new Uint8Array(opts.raw.body);
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    const res = await fetch(`${base}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, ms: performance.now() - t0 };
  } catch (e) {
    return { status: 0, json: null, text: '', ms: performance.now() - t0, error: (e as Error).message };
  }
}

/** A multipart body with one file field. */
export function multipartFile(filename: string, content: Buffer, contentType = 'application/pdf'): { body: Buffer; contentType: string } {
  const boundary = `----mic2025drill${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
