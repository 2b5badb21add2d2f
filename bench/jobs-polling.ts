/**
 * Does pg-boss's polling starve the app on PGlite? PGlite runs one statement at a time, so every poll
 * of a job worker queues in front of (or behind) the app's queries. This measures, on an in-memory
 * PGlite with the test accounts, an authenticated API endpoint (GET /api/v1/notifications: the session
 * lookup and two queries) under load with the job runner off, on with the default intervals, and on
 * with every worker polling at pg-boss's floor of 0.5 s; how many statements pg-boss sent while the
 * load ran, and the share of PGlite's time they took (load_jobs_db_share_est: their number times the
 * idle statement's cost — the figure that depends least on how busy the machine is); and, with no
 * load, how many statements the idle runner sends per minute and how long they take.
 *
 *   npx tsx bench/jobs-polling.ts [--duration 10] [--connections 20] [--idle 30] [--rounds 1]
 *
 * Each mode runs in a fresh child process (the server), apart from the load generator (this
 * process); with --rounds n the three modes take turns n times, so that a busy machine disturbs
 * them alike. Prints one line per run: RESULT jobs-polling db=pglite mode=… req_s=… p95_ms=… …
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

type Mode = 'off' | 'default' | 'fast';

interface Ready {
  type: 'ready';
  url: string;
}
interface Idle {
  type: 'idle';
  statements: number;
  meanMs: number;
  maxMs: number;
  seconds: number;
}

interface Load {
  type: 'load';
  /** pg-boss's statements while the load ran, and their time inside PGlite. */
  statements: number;
  ms: number;
}

const self = fileURLToPath(import.meta.url);

// ---- the server (child) ------------------------------------------------------------------------

async function serve(mode: Mode, idleSeconds: number): Promise<void> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { migrateDatabase, openDatabase } = await import('../src/db/client.js');
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config.js');
  const { seedAccounts } = await import('../test/helpers/seed-accounts.js');
  const { startJobRunner, reviewReminderSweep } = await import('../src/features/notifications/jobs.js');
  const { reportReminderSweep } = await import('../src/features/progress-reports/public.js');
  const { DEFAULT_CRON } = await import('../src/shared/notifications/job-rules.js');
  type PGliteLike = { query: (...a: unknown[]) => Promise<unknown>; exec: (...a: unknown[]) => Promise<unknown> };

  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  await seedAccounts(database.db);
  const dir = mkdtempSync(join(tmpdir(), 'bench-jobs-'));
  const app = await buildApp({ database, config: { ...loadConfig({ DATA_DIR: dir, WEB_ROOT: dir, LOG_LEVEL: 'warn' }), loadDemoData: false }, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  // Count and time every statement PGlite runs; those that name pg-boss's schema are the job runner's.
  const client = (database.db as unknown as { $client: PGliteLike }).$client;
  let counting = false;
  const times: number[] = [];
  const jobsUnderLoad = { statements: 0, ms: 0 };
  for (const method of ['query', 'exec'] as const) {
    const original = client[method].bind(client);
    client[method] = async (...args: unknown[]) => {
      const t0 = performance.now();
      try {
        return await original(...args);
      } finally {
        const ms = performance.now() - t0;
        if (counting) times.push(ms);
        if (typeof args[0] === 'string' && args[0].includes('pgboss.')) {
          jobsUnderLoad.statements++;
          jobsUnderLoad.ms += ms;
        }
      }
    };
  }

  const log = { info: () => undefined, warn: () => undefined, error: (...a: unknown[]) => console.error(...a) };
  const transport = { send: async () => undefined };
  const runner =
    mode === 'off'
      ? null
      : await startJobRunner({
          database,
          log: log as never,
          transport,
          sweeps: [reviewReminderSweep(), { name: 'report-reminders', cron: DEFAULT_CRON.reportReminders, run: reportReminderSweep }],
          pollSeconds: mode === 'fast' ? 0.5 : undefined,
        });

  if (runner) {
    // Let the sweeps at start and their e-mails go through, then count an idle stretch.
    await new Promise((r) => setTimeout(r, 3000));
    counting = true;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    counting = false;
    const sum = times.reduce((a, b) => a + b, 0);
    process.send!({ type: 'idle', statements: times.length, meanMs: times.length ? sum / times.length : 0, maxMs: Math.max(0, ...times), seconds: idleSeconds } satisfies Idle);
  }
  process.send!({ type: 'ready', url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` } satisfies Ready);
  process.on('message', async (m) => {
    if (m === 'load-start') {
      jobsUnderLoad.statements = 0;
      jobsUnderLoad.ms = 0;
      return;
    }
    if (m === 'load-end') {
      process.send!({ type: 'load', ...jobsUnderLoad } satisfies Load);
      return;
    }
    if (m !== 'stop') return;
    await runner?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  });
}

// ---- the load generator (parent) ---------------------------------------------------------------

async function measure(mode: Mode, opts: { duration: number; connections: number; idle: number }): Promise<string> {
  const child: ChildProcess = fork(self, ['--serve', mode, '--idle', String(opts.idle)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let idle: Idle | null = null;
  let load: ((m: Load) => void) | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (m: Ready | Idle | Load) => {
      if (m.type === 'idle') idle = m;
      if (m.type === 'load') load?.(m);
      if (m.type === 'ready') resolve(m.url);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'guihuasi', password: (await import('../test/helpers/seed-accounts.js')).PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in: HTTP ${login.status}`);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('mic_sid='))!.split(';')[0]!;
  const target = { url: `${url}/api/v1/notifications`, connections: opts.connections, headers: { cookie }, timeout: 30 };
  await autocannon({ ...target, duration: 2 }); // warm-up
  const latencies: number[] = [];
  child.send('load-start');
  const instance = autocannon({ ...target, duration: opts.duration });
  instance.on('response', (_c: unknown, _s: number, _b: number, ms: number) => void latencies.push(ms));
  const result = await instance;
  const jobs = await new Promise<Load>((resolve) => {
    load = resolve;
    child.send('load-end');
  });
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? 0;
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const i = idle as Idle | null;
  const idlePart = i ? ` idle_statements_per_min=${((i.statements * 60) / i.seconds).toFixed(1)} idle_statement_mean_ms=${i.meanMs.toFixed(2)} idle_statement_max_ms=${i.maxMs.toFixed(1)}` : '';
  // Under load a statement's time includes its wait for PGlite; its own cost is what it takes when idle.
  const share = i ? (100 * jobs.statements * i.meanMs) / (opts.duration * 1000) : 0;
  return (
    `RESULT jobs-polling db=pglite mode=${mode} req_s=${result.requests.average.toFixed(0)} p95_ms=${p95.toFixed(1)} non2xx=${result.non2xx} ` +
    `load_jobs_statements=${jobs.statements} load_jobs_wait_ms=${jobs.ms.toFixed(0)} load_jobs_db_share_est=${share.toFixed(2)}%${idlePart}`
  );
}

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    idle: { type: 'string', default: '30' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '1' },
  },
});

if (values.serve) {
  await serve(values.serve as Mode, Number(values.idle));
} else {
  const opts = { duration: Number(values.duration), connections: Number(values.connections), idle: Number(values.idle) };
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const mode of ['off', 'default', 'fast'] as const) console.log(await measure(mode, opts));
  }
}
