/**
 * HTTP benchmark of the two busiest lists, on PostgreSQL and on PGlite:
 *   (a) the ministry inbox   GET /api/v1/applications?queue=true&pageSize=20 (ministry_planning)
 *   (b) a city's list        GET /api/v1/applications?pageSize=20            (city_applicant)
 *   (c) the baseline: a bare Fastify route on the same database doing one primary-key lookup;
 *   (d) on PostgreSQL, the second baseline: the SQL that (a) and (b) run — session lookup included —
 *       written by hand with pg in the same bare route (bench/sql-baseline.ts).
 * Each measurement prints one line for scripts, e.g.
 *   RESULT endpoint=inbox db=postgres req_s=… p50_ms=… p95_ms=… p99_ms=… errors=0 vs_pk=…% vs_sql=…%
 * For each database: a fresh database (bench_<random> on PostgreSQL, a temp folder for PGlite),
 * migrate, generate the national data set, start the real app (buildApp) in a child process on
 * 127.0.0.1, sign in twice (ministry, city), then autocannon each endpoint for a fixed duration.
 * Everything is torn down at the end, also on failure, Ctrl-C or the overall deadline.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database, type DbKind } from '../src/db/client.js';
import { explainLists, formatExplained } from './explain.js';
import { BENCH_PASSWORD, formatCounts, generate, MINISTRY_USERNAME, type GenerateResult } from './generate.js';
import { forkBenchServer, stopBenchServer } from './bench-server-kit.js';
import type { ServerReady } from './server.js';

export interface BenchOptions {
  scale: number;
  /** Seconds per measured endpoint. */
  duration: number;
  /** Seconds of unmeasured warm-up per endpoint. */
  warmup: number;
  connections: number;
  databases: DbKind[];
  /** Maintenance connection of the PostgreSQL server; bench_* databases are created beside it. */
  postgresUrl: string;
  /** Print EXPLAIN ANALYZE of the list queries after the run. */
  explain: boolean;
  /** Before each measurement wait up to this many seconds for other processes to go quiet. */
  waitIdle: number;
  /** PostgreSQL only: an already generated bench database (bench/generate.ts) to measure as it is, kept afterwards. */
  reuseUrl?: string;
  log: (message: string) => void;
}

export interface EndpointResult {
  database: DbKind;
  /** Stable name for RESULT lines: pk, inbox, city, sql-inbox, sql-city. */
  key: string;
  endpoint: string;
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** This endpoint's req/s divided by the primary-key baseline's in the same run. */
  ratio: number;
  /** This endpoint's req/s divided by its hand-written SQL twin's (NaN where there is none). */
  vsSql: number;
  /**
   * CPU cores kept busy during the measurement by processes other than this benchmark, its server
   * and PostgreSQL (Linux /proc only; NaN elsewhere). Other work on the machine skews the figures.
   */
  otherCpu: number;
  /**
   * CPU time per successful request, in µs, of the server process, of all PostgreSQL processes and of
   * this process (the load generator) (Linux /proc only; NaN elsewhere): where a request's cost goes.
   */
  cpuPerRequest: { server: number; postgres: number; load: number };
}

export interface DatabaseRun {
  database: DbKind;
  generation: GenerateResult;
  endpoints: EndpointResult[];
  /** Totals the two lists reported before the load started. */
  totals: { inbox: number | null; city: number | null };
  explain?: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** CPU ticks (utime + stime) of every process except ours and PostgreSQL's, by pid. */
const commOf = new Map<number, string>();
function foreignTicks(exclude: Set<number>): Map<number, number> | null {
  if (!existsSync('/proc/self/stat')) return null;
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || exclude.has(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm === 'postgres') continue;
      commOf.set(pid, comm);
      const fields = stat.slice(close + 2).split(' ');
      out.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** The foreign processes that used the most CPU between two snapshots, for the warning. */
function topForeign(before: Map<number, number> | null, after: Map<number, number> | null): string {
  if (!before || !after) return '';
  return [...after]
    .map(([pid, t]) => [pid, t - (before.get(pid) ?? 0)] as const)
    .filter(([, d]) => d > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([pid, d]) => `${commOf.get(pid) ?? '?'} (pid ${pid}) ${(d / 100).toFixed(1)} s`)
    .join(', ');
}

/** CPU ticks (user + system) of the server child and of all PostgreSQL processes. */
function ownTicks(serverPid: number): { server: number; postgres: number } | null {
  if (!existsSync('/proc/self/stat')) return null;
  let server = 0;
  let postgres = 0;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (pid !== serverPid && comm !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      const t = Number(fields[11]) + Number(fields[12]);
      if (pid === serverPid) server += t;
      else postgres += t;
    } catch {
      // The process ended meanwhile.
    }
  }
  return { server, postgres };
}

/** Cores used by foreign processes between two snapshots (USER_HZ is 100 on Linux). */
function foreignCores(before: Map<number, number> | null, after: Map<number, number> | null, seconds: number): number {
  if (!before || !after) return NaN;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / 100 / seconds;
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Waits (at most `seconds`) until other processes use under 0.15 cores over a 2-second window. */
async function waitIdle(ours: Set<number>, seconds: number, log: (m: string) => void): Promise<void> {
  const until = Date.now() + seconds * 1000;
  let busy = NaN;
  while (Date.now() < until) {
    const before = foreignTicks(ours);
    await new Promise((r) => setTimeout(r, 2000));
    busy = foreignCores(before, foreignTicks(ours), 2);
    if (!(busy >= 0.15)) return;
  }
  log(`other processes still use ${busy.toFixed(2)} cores after waiting ${seconds} s; measuring anyway`);
}

async function measure(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<{ result: Result; p50: number; p95: number; p99: number }> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  return { result, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

async function login(appUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mic_sid='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0]!;
}

async function listTotal(url: string, cookie: string): Promise<{ status: number; total: number | null; body: string }> {
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) return { status: res.status, total: null, body: body.slice(0, 300) };
  return { status: res.status, total: (JSON.parse(body) as { total: number }).total, body: '' };
}

function startServer(target: string) {
  return forkBenchServer<ServerReady>(join(here, 'server.ts'), target);
}

const stopServer = stopBenchServer;

async function adminQuery(postgresUrl: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: postgresUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Cleanup steps still to run, newest first; run on success, failure, signal or deadline. */
const cleanups: (() => Promise<void>)[] = [];
export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop()!;
    await step().catch((err: unknown) => console.error('cleanup:', err instanceof Error ? err.message : err));
  }
}

/** What the generator reported, read back from a database it filled earlier (--reuse). */
async function describeGenerated(url: string, database: Database): Promise<GenerateResult> {
  // As the generator ends: statistics, and the visibility map set again after what a migration rewrote.
  await database.db.execute(sql`vacuum analyze`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const busiest = await client.query<{ username: string; code: string; n: string }>(
      `select u.username, o.division_code as code, count(*) as n
         from application_cities c join organisations o on o.division_code = c.city_code and o.kind = 'city'
         join users u on u.organisation_id = o.id and u.role = 'city_applicant'
        group by 1, 2 order by 3 desc, 2 limit 1`,
    );
    const counts = await client.query<Record<string, string>>(
      `select (select count(*) from applications) as applications, (select count(*) from application_cities) as cities,
              (select count(*) from plan_versions) as versions, (select count(*) from provincial_reviews) as reviews,
              (select count(*) from application_events) as events, (select count(*) from ministry_intakes) as intakes,
              (select count(*) from organisations) as organisations, (select count(*) from users) as users`,
    );
    const byStatus = await client.query<{ status: string; n: string }>(`select status, count(*) as n from applications group by 1`);
    const years = await client.query<{ y: number }>(`select distinct application_year as y from applications order by 1`);
    const b = busiest.rows[0];
    const c = counts.rows[0];
    if (!b || !c || Number(c.applications) === 0) throw new Error(`--reuse: ${url} holds no generated data (run bench/generate.ts first)`);
    return {
      counts: {
        organisations: Number(c.organisations),
        users: Number(c.users),
        applications: Number(c.applications),
        applicationCities: Number(c.cities),
        planVersions: Number(c.versions),
        provincialReviews: Number(c.reviews),
        applicationEvents: Number(c.events),
        ministryIntakes: Number(c.intakes),
        byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)])) as GenerateResult['counts']['byStatus'],
      },
      ms: 0,
      years: years.rows.map((r) => r.y),
      password: BENCH_PASSWORD,
      ministryUsername: MINISTRY_USERNAME,
      busiestCity: { username: b.username, divisionCode: b.code, applications: Number(b.n) },
      sampleApplicationIds: [],
    };
  } finally {
    await client.end();
  }
}

async function benchDatabase(kind: DbKind, o: BenchOptions): Promise<DatabaseRun> {
  let target: string;
  if (kind === 'postgres' && o.reuseUrl) {
    target = o.reuseUrl;
    o.log(`[postgres] reusing ${new URL(target).pathname.slice(1)} as generated earlier (kept afterwards)`);
  } else if (kind === 'postgres') {
    const name = `bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(o.postgresUrl, `create database ${name}`);
    cleanups.push(() => adminQuery(o.postgresUrl, `drop database if exists ${name} with (force)`));
    const u = new URL(o.postgresUrl);
    u.pathname = `/${name}`;
    target = u.toString();
    o.log(`[postgres] created database ${name}`);
  } else {
    target = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
    cleanups.push(async () => rmSync(target, { recursive: true, force: true }));
    o.log(`[pglite] data folder ${target}`);
  }

  // Migrate and generate in this process, then hand the database over to the server process.
  const database = await openDatabase(kind === 'postgres' ? { url: target, poolSize: 4 } : { dataDir: target });
  let generation: GenerateResult;
  try {
    await migrateDatabase(database);
    generation =
      kind === 'postgres' && o.reuseUrl
        ? await describeGenerated(target, database)
        : await generate(database.db, { scale: o.scale, log: (m) => o.log(`[${kind}]   ${m}`) });
  } finally {
    await database.close();
  }
  o.log(`[${kind}] generated in ${(generation.ms / 1000).toFixed(1)} s\n${formatCounts(generation.counts).replace(/^/gm, `[${kind}]   `)}`);

  const { child, ready } = await startServer(target);
  cleanups.push(() => stopServer(child));
  const run: DatabaseRun = { database: kind, generation, endpoints: [], totals: { inbox: null, city: null } };
  try {
    const ministryCookie = await login(ready.appUrl, generation.ministryUsername, generation.password);
    const cityCookie = await login(ready.appUrl, generation.busiestCity.username, generation.password);
    const inboxUrl = `${ready.appUrl}/api/v1/applications?queue=true&pageSize=20`;
    const cityUrl = `${ready.appUrl}/api/v1/applications?pageSize=20`;
    const inbox = await listTotal(inboxUrl, ministryCookie);
    const city = await listTotal(cityUrl, cityCookie);
    run.totals = { inbox: inbox.total, city: city.total };
    o.log(`[${kind}] inbox: HTTP ${inbox.status}, total ${inbox.total}${inbox.body ? ` ${inbox.body}` : ''}`);
    o.log(`[${kind}] city list (${generation.busiestCity.username}): HTTP ${city.status}, total ${city.total}${city.body ? ` ${city.body}` : ''}`);

    const endpoints: { key: string; endpoint: string; url: string; headers: Record<string, string> }[] = [
      { key: 'pk', endpoint: 'baseline: pk lookup (bare Fastify)', url: ready.baselineUrl, headers: {} },
      ...(ready.sqlUrl
        ? [
            { key: 'sql-inbox', endpoint: 'baseline: inbox SQL by hand (bare Fastify + pg)', url: `${ready.sqlUrl}/inbox`, headers: { cookie: ministryCookie } },
            { key: 'sql-city', endpoint: 'baseline: city list SQL by hand (bare Fastify + pg)', url: `${ready.sqlUrl}/city`, headers: { cookie: cityCookie } },
          ]
        : []),
      { key: 'inbox', endpoint: 'ministry inbox ?queue=true&pageSize=20', url: inboxUrl, headers: { cookie: ministryCookie } },
      { key: 'city', endpoint: `city list ?pageSize=20 (${generation.busiestCity.applications} apps)`, url: cityUrl, headers: { cookie: cityCookie } },
    ];
    if (ready.sqlUrl) {
      // The hand-written twins must answer what the endpoints answer, with as many queries per
      // request, or the comparison means nothing. One request at a time, counted by the server.
      const queriesUrl = `${new URL(ready.sqlUrl).origin}/queries`;
      const queriesOf = async (url: string, cookie: string) => {
        await fetch(queriesUrl);
        const r = await listTotal(url, cookie);
        const { queries } = (await (await fetch(queriesUrl)).json()) as { queries: number };
        return { ...r, queries };
      };
      for (const [name, twin, real, cookie] of [['inbox', `${ready.sqlUrl}/inbox`, inboxUrl, ministryCookie], ['city', `${ready.sqlUrl}/city`, cityUrl, cityCookie]] as const) {
        const a = await queriesOf(twin, cookie);
        const b = await queriesOf(real, cookie);
        if (a.status !== 200 || a.total !== b.total) throw new Error(`hand-written ${twin} answers ${a.status}/${a.total}, the endpoint ${b.status}/${b.total}`);
        if (a.queries !== b.queries) throw new Error(`hand-written ${twin} sends ${a.queries} queries per request, the endpoint ${b.queries}`);
        o.log(`[${kind}] ${name}: ${b.queries} queries per request, endpoint and hand-written twin alike`);
      }
    }
    let baselineRps = NaN;
    for (const e of endpoints) {
      const ours = new Set([process.pid, child.pid ?? -1]);
      if (o.waitIdle > 0) await waitIdle(ours, o.waitIdle, (m) => o.log(`[${kind}] ${m}`));
      if (o.warmup > 0) await measure(e.url, e.headers, o.warmup, o.connections);
      const before = foreignTicks(ours);
      const ownBefore = ownTicks(child.pid ?? -1);
      const loadBefore = process.cpuUsage();
      const startedAt = performance.now();
      const m = await measure(e.url, e.headers, o.duration, o.connections);
      const load = process.cpuUsage(loadBefore);
      const ownAfter = ownTicks(child.pid ?? -1);
      const after = foreignTicks(ours);
      const otherCpu = foreignCores(before, after, (performance.now() - startedAt) / 1000);
      if (otherCpu > 0.1) {
        o.log(`[${kind}] warning: other processes used ${otherCpu.toFixed(2)} CPU cores during this measurement (most: ${topForeign(before, after)})`);
      }
      // Successful responses per second; failing requests are counted in non-2xx.
      const rps = m.result['2xx'] / m.result.duration;
      if (Number.isNaN(baselineRps)) baselineRps = rps;
      const r: EndpointResult = {
        database: kind,
        key: e.key,
        endpoint: e.endpoint,
        otherCpu,
        requestsPerSec: rps,
        p50: m.p50,
        p95: m.p95,
        p99: m.p99,
        requests: m.result['2xx'] + m.result.non2xx,
        non2xx: m.result.non2xx,
        errors: m.result.errors + m.result.timeouts,
        ratio: rps / baselineRps,
        vsSql: rps / (run.endpoints.find((x) => x.key === `sql-${e.key}`)?.requestsPerSec ?? NaN),
        cpuPerRequest: {
          // Ticks are 10 ms (USER_HZ 100).
          server: ownBefore && ownAfter ? ((ownAfter.server - ownBefore.server) * 10_000) / m.result['2xx'] : NaN,
          postgres: ownBefore && ownAfter ? ((ownAfter.postgres - ownBefore.postgres) * 10_000) / m.result['2xx'] : NaN,
          load: (load.user + load.system) / m.result['2xx'],
        },
      };
      run.endpoints.push(r);
      o.log(`[${kind}] ${e.endpoint}: ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, non-2xx ${r.non2xx}`);
      o.log(resultLine(r));
    }
  } finally {
    await stopServer(child);
  }

  if (o.explain) {
    const again = await openDatabase(kind === 'postgres' ? { url: target, poolSize: 2 } : { dataDir: target });
    try {
      run.explain = formatExplained(await explainLists(again, generation.busiestCity.username));
    } finally {
      await again.close();
    }
  }
  await runCleanups();
  return run;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');

/** One stable line per measurement for scripts: RESULT endpoint=… db=… req_s=… p50_ms=… p95_ms=… vs_pk=… vs_sql=… */
const us = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');

export function resultLine(r: EndpointResult): string {
  return (
    `RESULT endpoint=${r.key} db=${r.database} req_s=${r.requestsPerSec.toFixed(0)} p50_ms=${r.p50.toFixed(1)} p95_ms=${r.p95.toFixed(1)} ` +
    `p99_ms=${r.p99.toFixed(1)} errors=${r.non2xx + r.errors} vs_pk=${pct(r.ratio)} vs_sql=${pct(r.vsSql)} ` +
    `cpu_us_server=${us(r.cpuPerRequest.server)} cpu_us_postgres=${us(r.cpuPerRequest.postgres)} cpu_us_load=${us(r.cpuPerRequest.load)}`
  );
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padL = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function formatTable(runs: DatabaseRun[]): string {
  const header = ['database', 'endpoint', 'req/s (2xx)', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'vs pk', 'vs SQL', 'other CPU'];
  const rows = runs.flatMap((r) =>
    r.endpoints.map((e) => [
      e.database,
      e.endpoint,
      e.requestsPerSec.toFixed(0),
      e.p50.toFixed(1),
      e.p95.toFixed(1),
      e.p99.toFixed(1),
      String(e.non2xx + e.errors),
      pct(e.ratio),
      pct(e.vsSql),
      Number.isNaN(e.otherCpu) ? 'n/a' : e.otherCpu.toFixed(2),
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? pad(c, widths[i]!) : padL(c, widths[i]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export async function runBench(o: BenchOptions): Promise<DatabaseRun[]> {
  const runs: DatabaseRun[] = [];
  try {
    for (const kind of o.databases) runs.push(await benchDatabase(kind, o));
  } finally {
    await runCleanups();
  }
  return runs;
}
