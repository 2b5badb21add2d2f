/**
 * Monitoring at national scale (issue 7's benchmark), on PostgreSQL:
 *   300 pilots × 40 indicators × three years of quarterly reports, all confirmed (bench/monitoring-generate.ts).
 * Measures, with autocannon at 50 connections:
 *   attainment-overview      GET /api/v1/attainment/overview as the ministry (the first page of 50, totals over all 300)
 *   attainment-overview-all  the same with ?pageSize=300 (every pilot in one answer)
 *   attainment-dashboard   GET /api/v1/pilots/:id/attainment as the ministry (40 indicators, an amended contract)
 *   dashboard              GET /api/v1/dashboard as the ministry (统计看板 over every pilot; no SQL twin)
 * each beside the same SQL written by hand in a bare Fastify route with pg (bench/monitoring-server.ts),
 * and the overview's first request after the data arrived, which computes and stores every pilot's
 * summary (what computing on every request would cost). Prints one line per measurement:
 *   RESULT endpoint=attainment-overview db=postgres req_s=… p50_ms=… p95_ms=… vs_sql=…%
 * Figures are printed, not asserted. A fresh database bench_<random> is created beside
 * --postgres-url and dropped at the end, also on failure or Ctrl-C.
 *
 *   npx tsx bench/monitoring.ts [--duration 10] [--warmup 2] [--connections 50] [--pilots 300] [--indicators 40]
 *                               [--postgres-url postgres://postgres@127.0.0.1:5432/test]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { generateMonitoring } from './monitoring-generate.js';
import { forkBenchServer, stopBenchServer } from './bench-server-kit.js';
import type { MonitoringServerReady } from './monitoring-server.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    pilots: { type: 'string', default: '300' },
    indicators: { type: 'string', default: '40' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const postgresUrl = values['postgres-url'];
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(postgresUrl).hostname)) throw new Error('--postgres-url must point at a local server');

const here = dirname(fileURLToPath(import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()!().catch((e: unknown) => console.error('cleanup:', e instanceof Error ? e.message : e));
}
let finished = false;
const abort = (why: string, code: number) => {
  if (finished) return;
  finished = true;
  console.error(`\nbenchmark stopped: ${why}`);
  void cleanup().finally(() => process.exit(code));
};
const deadline = setTimeout(() => abort('deadline of 20 min reached', 2), 20 * 60_000);
deadline.unref();
process.once('SIGINT', () => abort('interrupted', 130));
process.once('SIGTERM', () => abort('terminated', 143));

async function admin(text: string) {
  const c = new pg.Client({ connectionString: postgresUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function measure(url: string, cookie: string, seconds: number) {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers: { cookie }, timeout: 30 });
  instance.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  return { rps: result['2xx'] / result.duration, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), non2xx: result.non2xx + result.errors + result.timeouts };
}

async function login(appUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().find((c) => c.startsWith('mic_sid='))!.split(';')[0]!;
}

function startServer(target: string) {
  return forkBenchServer<MonitoringServerReady>(join(here, 'monitoring-server.ts'), target);
}

const stopServer = stopBenchServer;

async function timed(url: string, cookie: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

async function main() {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await admin(`create database ${name}`);
  cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
  const u = new URL(postgresUrl);
  u.pathname = `/${name}`;
  const target = u.toString();
  console.log(`[postgres] created database ${name}`);

  const database = await openDatabase({ url: target, poolSize: 4 });
  let data;
  try {
    await migrateDatabase(database);
    data = await generateMonitoring(database.db, { pilots: Number(values.pilots), indicators: Number(values.indicators), log: (m) => console.log(`[postgres]   ${m}`) });
  } finally {
    await database.close();
  }
  console.log(`[postgres] generated in ${(data.ms / 1000).toFixed(1)} s: ${data.pilots} pilots × ${data.indicators} indicators, ${data.reports} reports, ${data.values} figures`);

  const { child, ready } = await startServer(target);
  cleanups.push(() => stopServer(child));
  const cookie = await login(ready.appUrl, data.ministryUsername, data.password);
  const endpoints = [
    { name: 'attainment-overview', app: `${ready.appUrl}/api/v1/attainment/overview`, sql: `${ready.sqlUrl}/attainment/overview` },
    {
      name: 'attainment-overview-all',
      app: `${ready.appUrl}/api/v1/attainment/overview?pageSize=${data.pilots}`,
      sql: `${ready.sqlUrl}/attainment/overview?pageSize=${data.pilots}`,
    },
    { name: 'attainment-dashboard', app: `${ready.appUrl}/api/v1/pilots/${data.dashboardPilotId}/attainment`, sql: `${ready.sqlUrl}/pilots/${data.dashboardPilotId}/attainment` },
  ];

  // The first overview after the data arrived computes and stores every pilot's summary.
  const cold = await timed(endpoints[0]!.app, cookie);
  const warm = await timed(endpoints[0]!.app, cookie);
  console.log(`[postgres] overview, first request (computes ${data.pilots} summaries): HTTP ${cold.status}, ${cold.ms.toFixed(0)} ms; second: ${warm.ms.toFixed(1)} ms, ${(warm.bytes / 1024).toFixed(0)} KB`);
  console.log(`RESULT endpoint=attainment-overview-first-request db=postgres ms=${cold.ms.toFixed(0)} pilots=${data.pilots}`);
  for (const e of endpoints) {
    for (const url of [e.app, e.sql]) {
      const probe = await timed(url, cookie);
      if (probe.status !== 200) throw new Error(`${url}: HTTP ${probe.status} ${(await (await fetch(url, { headers: { cookie } })).text()).slice(0, 300)}`);
      console.log(`[postgres] ${url.replace(/^http:\/\/[^/]+/, '')}: ${(probe.bytes / 1024).toFixed(1)} KB`);
    }
  }

  const lines: string[] = [];
  for (const e of endpoints) {
    const figures: Record<'app' | 'sql', Awaited<ReturnType<typeof measure>>> = {} as never;
    for (const which of ['sql', 'app'] as const) {
      if (warmup > 0) await measure(e[which], cookie, warmup);
      const load = loadavg()[0]!;
      figures[which] = await measure(e[which], cookie, duration);
      const f = figures[which];
      console.log(`[postgres] ${e.name} (${which}): ${f.rps.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, non-2xx ${f.non2xx}, load before ${load.toFixed(2)}`);
    }
    const { app, sql } = figures;
    lines.push(`RESULT endpoint=${e.name} db=postgres req_s=${app.rps.toFixed(0)} p50_ms=${app.p50.toFixed(1)} p95_ms=${app.p95.toFixed(1)} vs_sql=${((app.rps / sql.rps) * 100).toFixed(1)}%`);
    lines.push(`RESULT endpoint=${e.name}-sql db=postgres req_s=${sql.rps.toFixed(0)} p50_ms=${sql.p50.toFixed(1)} p95_ms=${sql.p95.toFixed(1)}`);
  }
  // The dashboard 统计看板 (issue 10) over every pilot: the app only (it has no hand-written SQL twin).
  const dashboardUrl = `${ready.appUrl}/api/v1/dashboard`;
  const dashboardProbe = await timed(dashboardUrl, cookie);
  if (dashboardProbe.status !== 200) throw new Error(`${dashboardUrl}: HTTP ${dashboardProbe.status}`);
  if (warmup > 0) await measure(dashboardUrl, cookie, warmup);
  const dash = await measure(dashboardUrl, cookie, duration);
  console.log(`[postgres] dashboard: ${(dashboardProbe.bytes / 1024).toFixed(1)} KB, one request alone ${dashboardProbe.ms.toFixed(0)} ms, ${dash.rps.toFixed(0)} req/s, p50 ${dash.p50.toFixed(1)} ms, p95 ${dash.p95.toFixed(1)} ms, non-2xx ${dash.non2xx}`);
  lines.push(`RESULT endpoint=dashboard db=postgres req_s=${dash.rps.toFixed(0)} p50_ms=${dash.p50.toFixed(1)} p95_ms=${dash.p95.toFixed(1)}`);
  for (const l of lines) console.log(l);
}

main()
  .then(async () => {
    finished = true;
    await cleanup();
    process.exit(0);
  })
  .catch(async (err: unknown) => {
    console.error(err);
    finished = true;
    await cleanup();
    process.exit(1);
  });
