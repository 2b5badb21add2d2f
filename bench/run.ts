/**
 * Entry of `npm run bench`:
 *   npm run bench -- --scale 1 --duration 10 [--connections 50] [--warmup 2]
 *                    [--db postgres,pglite] [--postgres-url postgres://postgres@127.0.0.1:5432/test] [--explain]
 *                    [--wait-idle SECONDS]  (before each measurement, wait for other processes to go quiet)
 *                    [--reuse postgres://…/bench_x]  (measure a database bench/generate.ts filled earlier; kept)
 * See docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { DbKind } from '../src/db/client.js';
import { formatTable, resultLine, runBench, runCleanups, type BenchOptions } from './http-bench.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    db: { type: 'string', default: 'postgres,pglite' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    explain: { type: 'boolean', default: false },
    'wait-idle': { type: 'string', default: '0' },
    reuse: { type: 'string' },
  },
});

const databases = values.db.split(',').map((s) => s.trim()) as DbKind[];
for (const d of databases) if (d !== 'postgres' && d !== 'pglite') throw new Error(`--db: unknown database ${d}`);
const options: BenchOptions = {
  scale: Number(values.scale),
  duration: Number(values.duration),
  warmup: Number(values.warmup),
  connections: Number(values.connections),
  databases,
  postgresUrl: values['postgres-url'],
  explain: values.explain,
  waitIdle: Number(values['wait-idle']),
  reuseUrl: values.reuse,
  log: (m) => console.log(m),
};
if (!(options.scale > 0) || !(options.duration > 0) || !(options.warmup >= 0) || !(options.connections >= 1) || !(options.waitIdle >= 0)) {
  throw new Error('--scale, --duration and --connections must be positive numbers, --warmup and --wait-idle ≥ 0');
}
const host = new URL(options.postgresUrl).hostname;
if (databases.includes('postgres') && !['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
  throw new Error(`--postgres-url must point at a local server (got ${host})`);
}

// The run must end by itself: a deadline well above the expected time, then clean up and exit.
const deadlineMs =
  (10 + 6 * options.scale) * 60_000 + databases.length * 3 * (options.duration + options.warmup + options.waitIdle + 15) * 1000;
let finished = false;
const abort = (why: string, code: number) => {
  if (finished) return;
  finished = true;
  console.error(`\nbenchmark stopped: ${why}`);
  void runCleanups().finally(() => process.exit(code));
};
const deadline = setTimeout(() => abort(`deadline of ${Math.round(deadlineMs / 60_000)} min reached`, 2), deadlineMs);
deadline.unref();
process.once('SIGINT', () => abort('interrupted', 130));
process.once('SIGTERM', () => abort('terminated', 143));

const started = Date.now();
console.log(
  `benchmark: scale ${options.scale}, ${options.duration} s per endpoint (+${options.warmup} s warm-up), ${options.connections} connections, ` +
    `databases ${databases.join(', ')}; ${cpus().length} CPUs, Node ${process.versions.node}`,
);
try {
  const runs = await runBench(options);
  finished = true;
  console.log('\nData set');
  for (const r of runs) {
    const c = r.generation.counts;
    console.log(
      `  ${r.database}: ${c.applications} applications (forwarded ${c.byStatus.forwarded}), ${c.planVersions} plan versions, ` +
        `${c.applicationEvents} events, ${c.provincialReviews} provincial reviews, ${c.users} users; ` +
        `years ${r.generation.years[0]}–${r.generation.years.at(-1)}; generated in ${(r.generation.ms / 1000).toFixed(1)} s; ` +
        `inbox total ${r.totals.inbox ?? 'error'}, city list total ${r.totals.city ?? 'error'} (${r.generation.busiestCity.username})`,
    );
  }
  console.log(`\nResults (${options.connections} connections, ${options.duration} s each; non-2xx includes socket errors/timeouts)`);
  console.log(formatTable(runs));
  console.log('');
  for (const r of runs) for (const e of r.endpoints) console.log(resultLine(e));
  console.log('Latencies cover every response, failed ones included; other CPU = cores used meanwhile by processes other than the benchmark, its server and PostgreSQL.');
  console.log('\nPGlite serves one query at a time (single connection, in-process WASM), so it is expected to be slower under concurrency.');
  for (const r of runs) if (r.explain) console.log(`\nEXPLAIN ANALYZE (${r.database})\n${r.explain}`);
  console.log(`\ntotal time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  clearTimeout(deadline);
} catch (err) {
  finished = true;
  console.error(err);
  await runCleanups();
  process.exitCode = 1;
}
