/**
 * The soak benchmark (issue 8, point 9; a benchmark, not a test): two compiled server processes
 * (dist/server, as in production) on one fresh PostgreSQL database with the demo data, behind a tiny
 * round-robin in this process, under mixed traffic from several roles for --minutes:
 *
 *   city       plan saves on its own draft application; its progress reports: figures saved, submitted,
 *              a correction after confirmation
 *   province   its submitted reports returned with reasons (so they come back) or, one in ten, confirmed
 *   ministry   the application list, the pilots, the attainment overview and a pilot's dashboard
 *   expert     its assignments and the panel's detail, its score sheet where one is open
 *   public     health and reference data, without a session
 *
 * It prints the answers that were not 2xx by kind and status (expect none), the latency percentiles
 * per kind and overall, and each process's resident memory (RSS, sampled every 5 s): the median of the
 * first measured minute against the median of the last one (a single reading swings by tens of MB
 * with V8's collections), and the highest reading.
 *
 *   npx tsx bench/soak.ts [--minutes 10] [--warmup 30] [--clients 2] [--postgres-url postgres://postgres@127.0.0.1:5432/test]
 *
 * --clients is the number of concurrent loops of each reading role (ministry, expert, public). The database is created for the run and
 * dropped after it. Results: docs/benchmarks.md, "Soak".
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { makeCompletePlan } from '../test/fixtures/plans.js';
import { buildServer, call, signIn, sleep, startServer, stopServer, type Answer, type ServerProcess, type Session } from '../test/helpers/server-process.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '30' },
    clients: { type: 'string', default: '2' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const minutes = Number(values.minutes);
const warmupS = Number(values.warmup);
const clients = Number(values.clients);
const baseUrl = values['postgres-url'];
if (!(minutes > 0) || !(warmupS >= 0) || !(clients >= 1)) throw new Error('--minutes and --clients must be positive, --warmup ≥ 0');
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(baseUrl).hostname)) throw new Error('--postgres-url must point at a local server');

/** The demo's running pilots (宁波, 沈阳, 吴忠, 长株潭) report; 武汉 and 湖州 have applications only. */
const CITIES = [
  { username: 'ningbo', code: '330200', name: '宁波市人民政府' },
  { username: 'shenyang', code: '210100', name: '沈阳市人民政府' },
  { username: 'wuzhong', code: '640300', name: '吴忠市人民政府' },
  { username: 'changsha', code: '430100', name: '长沙市人民政府' },
  { username: 'wuhan', code: '420100', name: '武汉市人民政府' },
  { username: 'huzhou', code: '330500', name: '湖州市人民政府' },
];
/** Their provincial authorities (宁波 is a 计划单列市 with its own). */
const PROVINCES = ['ningbo-sj', 'liaoning', 'ningxia', 'hunan', 'zhejiang', 'hubei'];

// ---- measurement ------------------------------------------------------------------------------

let measuring = false;
const samples = new Map<string, number[]>();
const failures = new Map<string, number>();
const failureExamples: string[] = [];

function record(kind: string, a: Answer) {
  if (!measuring) return;
  if (a.status >= 200 && a.status < 300) {
    let list = samples.get(kind);
    if (!list) samples.set(kind, (list = []));
    list.push(a.ms);
    return;
  }
  const key = `${kind} ${a.status}${a.status === 0 ? ` (${a.error})` : ` ${(a.json as { error?: { code?: string } } | null)?.error?.code ?? ''}`}`;
  failures.set(key, (failures.get(key) ?? 0) + 1);
  if (failureExamples.length < 10) failureExamples.push(`${key}: ${a.text.slice(0, 200)}`);
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

// ---- the two processes behind a round-robin ---------------------------------------------------

let servers: ServerProcess[] = [];
let turn = 0;
const next = () => servers[turn++ % servers.length]!.url;
const req = async (kind: string, s: Session | null, method: string, path: string, body?: unknown) => {
  const a = await call(next(), s, method, path, body, { timeoutMs: 30_000 });
  record(kind, a);
  return a;
};

// ---- the roles --------------------------------------------------------------------------------

let running = true;

interface ReportSummary {
  id: string;
  status: string;
  version: number;
  abilities: string[];
}
interface ReportDetail extends ReportSummary {
  values: { targetId: string; actual: number | null }[];
}

async function cityLoop(c: (typeof CITIES)[number], s: Session, appId: string) {
  const plan = makeCompletePlan({ cover: { cityCodes: [c.code], applicant: c.name } });
  let version = (((await req('city.detail', s, 'GET', `/api/v1/applications/${appId}`)).json as { application: { version: number } }).application.version);
  const pilots = (((await req('city.pilots', s, 'GET', '/api/v1/pilots')).json as { items?: { id: string }[] } | null)?.items ?? []).map((p) => p.id);
  while (running) {
    plan.sections['ch1.basis'] = `长稳测试 ${randomBytes(6).toString('hex')}`;
    const saved = await req('city.save-plan', s, 'PUT', `/api/v1/applications/${appId}/plan`, { version, plan });
    if (saved.status === 200) version = (saved.json as { version: number }).version;
    else version = (((await call(next(), s, 'GET', `/api/v1/applications/${appId}`)).json as { application: { version: number } } | null)?.application.version ?? version);
    await req('city.list', s, 'GET', '/api/v1/applications?page=1&pageSize=20');
    await req('city.reports-due', s, 'GET', '/api/v1/reports');
    const items: ReportSummary[] = [];
    for (const id of pilots) {
      const list = await req('city.pilot-reports', s, 'GET', `/api/v1/pilots/${id}/reports`);
      items.push(...((list.json as { items?: ReportSummary[] } | null)?.items ?? []).filter((r) => r.abilities.includes('edit') || r.abilities.includes('correct')));
    }
    const editable = items.filter((x) => x.abilities.includes('edit'));
    const pool = editable.length ? editable : items;
    const r = pool[Math.floor(Math.random() * pool.length)];
    if (r) {
      const detail = (await req('city.report-detail', s, 'GET', `/api/v1/reports/${r.id}`)).json as ReportDetail | null;
      if (detail?.abilities.includes('edit')) {
        const vals = detail.values.map((v, i) => ({ targetId: v.targetId, actual: 10 + i + Math.round(Math.random() * 100) / 10, dataSource: '市统计局', note: '', evidenceFileIds: [] }));
        const put = await req('city.report-save', s, 'PUT', `/api/v1/reports/${r.id}`, { version: detail.version, narrative: `进展 ${Date.now()}`, values: vals });
        if (put.status === 200 && (put.json as ReportSummary).abilities.includes('submit')) {
          await req('city.report-submit', s, 'POST', `/api/v1/reports/${r.id}/submit`, { version: (put.json as ReportSummary).version });
        }
      } else if (detail?.abilities.includes('correct') && detail.values[0] && Math.random() < 0.25) {
        // Corrections pile up on the few confirmed reports (each detail lists them all): one visit in four.
        await req('city.report-correct', s, 'POST', `/api/v1/reports/${r.id}/corrections`, {
          targetId: detail.values[0].targetId,
          actual: Math.round(Math.random() * 1000) / 10,
          dataSource: '市统计局（更正）',
          reason: '统计口径调整',
          version: detail.version,
        });
      }
    }
    await sleep(200);
  }
}

async function provinceLoop(s: Session) {
  let n = 0;
  while (running) {
    const due = await req('province.reports', s, 'GET', '/api/v1/reports');
    const items = ((due.json as { items?: ReportSummary[] } | null)?.items ?? []).filter((r) => r.abilities.includes('confirm'));
    for (const r of items.slice(0, 2)) {
      // Mostly returned, so that the demo's few open reports come back for more rounds; one in ten confirmed.
      if (++n % 10 === 0) await req('province.confirm', s, 'POST', `/api/v1/reports/${r.id}/confirm`, { version: r.version, opinion: '数据核实无误，同意。' });
      else await req('province.return', s, 'POST', `/api/v1/reports/${r.id}/return`, { version: r.version, reasons: '请补充数据来源说明。' });
    }
    await req('province.queue', s, 'GET', '/api/v1/applications?queue=true&page=1&pageSize=20');
    await sleep(300);
  }
}

async function ministryLoop(s: Session) {
  while (running) {
    await req('ministry.applications', s, 'GET', '/api/v1/applications?page=1&pageSize=50');
    const pilots = await req('ministry.pilots', s, 'GET', '/api/v1/pilots');
    await req('ministry.overview', s, 'GET', '/api/v1/attainment/overview?page=1&pageSize=50');
    const list = ((pilots.json as { items?: { id: string }[] } | null)?.items ?? []);
    const p = list[Math.floor(Math.random() * list.length)];
    if (p) await req('ministry.dashboard', s, 'GET', `/api/v1/pilots/${p.id}/attainment`);
    await sleep(200);
  }
}

async function expertLoop(s: Session) {
  while (running) {
    const list = await req('expert.assignments', s, 'GET', '/api/v1/review/assignments');
    for (const a of ((list.json as { items?: { panelId: string }[] } | null)?.items ?? []).slice(0, 3)) {
      const d = (await req('expert.panel', s, 'GET', `/api/v1/review/assignments/${a.panelId}`)).json as {
        abilities: string[];
        seat: { declaredAt: string | null };
        panel: { rubric: { criteria: { key: string; maxScore: number }[] } };
      } | null;
      if (d?.abilities.includes('declare') && !d.seat.declaredAt) await req('expert.declare', s, 'POST', `/api/v1/review/assignments/${a.panelId}/declare`, { noConflict: true });
      else if (d?.abilities.includes('score') && d.seat.declaredAt) {
        const scores = Object.fromEntries(d.panel.rubric.criteria.map((c) => [c.key, Math.round(c.maxScore * 0.8)]));
        await req('expert.score', s, 'POST', `/api/v1/review/assignments/${a.panelId}/scores`, { scores, opinion: 'recommend', comments: '方案可行。' });
      }
    }
    await sleep(300);
  }
}

async function publicLoop() {
  while (running) {
    await req('public.health', null, 'GET', '/api/health');
    await req('public.authorities', null, 'GET', '/api/v1/reference/authorities');
    await sleep(100);
  }
}

// ---- run --------------------------------------------------------------------------------------

async function main() {
  console.log(`soak: ${minutes} min (+${warmupS} s warm-up), ${clients} loop(s) per account, 2 server processes on PostgreSQL; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  buildServer();
  const dbName = `mic_soak_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const dataDirs = [mkdtempSync(join(tmpdir(), 'soak-a-')), mkdtempSync(join(tmpdir(), 'soak-b-'))];
  const cleanup = async () => {
    running = false;
    await Promise.all(servers.map((s) => stopServer(s)));
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    // Both processes share one upload folder, as behind one load balancer on one host.
    const env = (dir: string) => ({ DATABASE_URL: u.toString(), DEMO_DATA: 'true', DATA_DIR: dir, UPLOAD_DIR: join(dataDirs[0]!, 'uploads'), NODE_ENV: 'production', SECURE_COOKIES: 'false', HSTS: 'false', LOG_LEVEL: 'warn' });
    servers = await Promise.all(dataDirs.map((d) => startServer(env(d), { timeoutMs: 300_000 })));
    const base = servers[0]!.url;
    const cities = await Promise.all(CITIES.map(async (c) => ({ c, s: await signIn(base, c.username) })));
    const provinces = await Promise.all(PROVINCES.map((p) => signIn(servers[1]!.url, p)));
    const ministry = await signIn(base, 'guihuasi');
    const expert = await signIn(servers[1]!.url, 'expert');
    const apps = await Promise.all(
      cities.map(async ({ c, s }) => {
        const plan = makeCompletePlan({ cover: { cityCodes: [c.code], applicant: c.name } });
        const r = await call(base, s, 'POST', '/api/v1/applications', { title: `长稳测试 ${c.username}`, applicationYear: 2016, plan });
        if (r.status !== 201) throw new Error(`create for ${c.username}: ${r.status} ${r.text}`);
        return (r.json as { id: string }).id;
      }),
    );
    const loops: Promise<void>[] = [];
    // One loop per city, each on its own application (two on one would race for its version and
    // report); the reading roles run --clients loops each.
    loops.push(...cities.map(({ c, s }, i) => cityLoop(c, s, apps[i]!)));
    loops.push(...provinces.map((s) => provinceLoop(s)));
    for (let k = 0; k < clients; k++) loops.push(ministryLoop(ministry), expertLoop(expert), publicLoop());
    await sleep(warmupS * 1000);
    measuring = true;
    const t0 = Date.now();
    const loadStart = loadavg()[0]!;
    const rssSamples: { at: number; mb: number[] }[] = [];
    let lastReport = t0;
    while (Date.now() - t0 < minutes * 60_000) {
      await sleep(5_000);
      rssSamples.push({ at: Date.now() - t0, mb: servers.map((s) => rssMb(s.child.pid!)) });
      if (Date.now() - lastReport >= 60_000) {
        lastReport = Date.now();
        const n = [...samples.values()].reduce((a, l) => a + l.length, 0);
        console.log(`  ${((Date.now() - t0) / 60_000).toFixed(1)} min: ${n} ok, ${[...failures.values()].reduce((a, b) => a + b, 0)} not ok; RSS ${servers.map((s) => `${rssMb(s.child.pid!).toFixed(0)} MB`).join(', ')}; load ${loadavg()[0]!.toFixed(2)}`);
      }
    }
    measuring = false;
    const seconds = (Date.now() - t0) / 1000;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const window = Math.min(60_000, (seconds * 1000) / 3);
    const rssStart = servers.map((_, i) => median(rssSamples.filter((r) => r.at <= window).map((r) => r.mb[i]!)));
    const rssEnd = servers.map((_, i) => median(rssSamples.filter((r) => r.at >= seconds * 1000 - window).map((r) => r.mb[i]!)));
    const rssMax = servers.map((_, i) => Math.max(...rssSamples.map((r) => r.mb[i]!)));
    running = false;
    await Promise.all(loops);

    const all = [...samples.values()].flat().sort((a, b) => a - b);
    const fails = [...failures.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${all.length + fails} requests in ${seconds.toFixed(0)} s (${((all.length + fails) / seconds).toFixed(1)}/s), load average ${loadStart.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
    console.log(`not 2xx: ${fails === 0 ? 'none' : ''}`);
    for (const [k, n] of [...failures].sort()) console.log(`  ${k}: ${n}`);
    for (const e of failureExamples) console.log(`    e.g. ${e}`);
    console.log('\n| kind | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|');
    const row = (k: string, l: number[]) => `| ${k} | ${l.length} | ${pct(l, 50).toFixed(1)} | ${pct(l, 95).toFixed(1)} | ${pct(l, 99).toFixed(1)} | ${(l[l.length - 1] ?? NaN).toFixed(1)} |`;
    for (const [k, l] of [...samples].sort(([a], [b]) => a.localeCompare(b))) console.log(row(k, l.sort((a, b) => a - b)));
    console.log(row('**all**', all));
    console.log('\n| process | RSS, first minute (median) | RSS, last minute (median) | growth | highest |\n|---|---:|---:|---:|---:|');
    servers.forEach((s, i) =>
      console.log(`| ${i === 0 ? 'A' : 'B'} (pid ${s.child.pid}) | ${rssStart[i]!.toFixed(0)} MB | ${rssEnd[i]!.toFixed(0)} MB | ${(((rssEnd[i]! - rssStart[i]!) / rssStart[i]!) * 100).toFixed(1)} % | ${rssMax[i]!.toFixed(0)} MB |`),
    );
    console.log(`RSS every minute: ${rssSamples.filter((_, k) => k % 12 === 11).map((r) => r.mb.map((m) => m.toFixed(0)).join('/')).join(', ')} MB`);
    console.log(`RESULT soak minutes=${minutes} requests=${all.length + fails} errors=${fails} p50=${pct(all, 50).toFixed(1)} p95=${pct(all, 95).toFixed(1)} p99=${pct(all, 99).toFixed(1)} rss_growth=${servers.map((_, i) => (((rssEnd[i]! - rssStart[i]!) / rssStart[i]!) * 100).toFixed(1)).join(',')}`);
    process.exitCode = fails === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

await main();
