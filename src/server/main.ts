/**
 * Starts the platform: open the database, migrate, load demo data when empty, listen.
 * In production this runs compiled (dist/server/server/main.js, see scripts/build.mjs); `npm run dev`
 * runs the TypeScript through tsx.
 *
 * SIGTERM or SIGINT drains the process: it stops accepting connections, lets the requests in flight
 * finish (for up to SHUTDOWN_GRACE_MS, then cuts what is left); meanwhile the job runner stops taking
 * jobs and lets the ones in hand finish (for up to 5 s, within the same budget). Then it closes
 * the database (the pg pool, or PGlite) and exits 0. A second signal exits at once.
 *
 * Memory: PGlite's WebAssembly memory grows by copying, and the start-up's initdb runs in an
 * instance of its own; the old buffers (hundreds of MB) stay resident until V8 happens to run a
 * full collection, which an idle server may not do for hours. So the process collects once when
 * it is up, and again whenever its resident size has grown by MEMORY_RECLAIM_MB since the last
 * collection (docs/benchmarks.md, "Memory").
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { migrateDatabase, openDatabase, withStartupLock } from '../db/client.js';
import { configureDataProtection } from '../kernel/field-crypto.js';
import { sealAllFields } from '../kernel/sealed-fields.js';
import { BLOB_SWEEP_GRACE_MS, sweepOrphanBlobs } from '../features/attachments/public.js';
import { startJobsFromEnv, type JobRunner } from '../features/notifications/jobs.js';
import { reportReminderSweep } from '../features/progress-reports/public.js';
import { EVENT_ACTION_SWEEP, EVENT_ACTION_SWEEP_CRON, eventActionReminderSweep } from '../features/events/public.js';
import { DEFAULT_CRON } from '../shared/notifications/job-rules.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { accountsWithDemoPassword, seedDemoData } from './demo/seed-demo.js';

const config = loadConfig();
configureDataProtection(config.dataProtection);
if (config.dataProtection.development) console.warn('数据加密使用开发密钥（非机密）Personal data is sealed with the DEVELOPMENT keys (not secret): set DATA_KEYS, BLIND_INDEX_KEY, INTEGRITY_KEY');
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(database);
// Personal data stored before encryption is sealed now (compare-and-set per value; nothing to do once done).
const sealedAtStart = (await sealAllFields(database.db, { mode: 'plaintext' })).filter((r) => r.sealed > 0);
if (sealedAtStart.length) console.log(`已加密存量个人信息 Sealed plaintext personal data: ${sealedAtStart.map((r) => `${r.field}@${r.table} ${r.sealed}`).join(', ')}`);
if (config.loadDemoData) {
  const seeded = await withStartupLock(database, (db) => seedDemoData(db));
  if (seeded) console.log('已载入演示数据 Demo data loaded (accounts: see README)');
} else {
  const exposed = await accountsWithDemoPassword(database.db);
  if (exposed.length > 0) {
    console.error(
      `拒绝启动:以下账号仍使用演示密码(README 中公开),请先修改密码或停用这些账号(可用 DEMO_DATA=true 在本机启动后修改):${exposed.join('、')}\n` +
        `Refusing to start: these accounts still have the demo password printed in the README; change their passwords or deactivate them first (start with DEMO_DATA=true, which listens on this machine only, to do so): ${exposed.join(', ')}`,
    );
    await database.close();
    process.exit(1);
  }
}
// Files an interrupted upload left without their row (a crash between the two): removed after the grace period.
const blobGraceMs = process.env.BLOB_SWEEP_GRACE_MINUTES ? Number(process.env.BLOB_SWEEP_GRACE_MINUTES) * 60_000 : BLOB_SWEEP_GRACE_MS;
const orphanSweep = async (db: typeof database.db, now: Date) => {
  const r = await sweepOrphanBlobs(db, config.uploadDir, { now, graceMs: blobGraceMs });
  if (r.removed.length || r.temporary.length) console.log(`orphan files swept: ${r.removed.length} unreferenced, ${r.temporary.length} temporary removed, ${r.kept} kept`);
  return { notifications: 0, emails: 0 };
};
await orphanSweep(database.db, new Date());
const app = await buildApp({ database, config, logger: true });
await app.listen({ port: config.port, host: config.host });
console.log(`“中国制造2025”城市试点示范平台 running at http://localhost:${config.port} (database: ${database.kind})`);
// Reminders, overdue sweeps and e-mail as jobs on pg-boss in the same database (ADR 0012); JOBS=off
// keeps this process out of them. Other features hand in their sweeps by name; the runner schedules them.
let jobs: JobRunner | null;
try {
  jobs = await startJobsFromEnv(database, app.log, process.env, [
    { name: 'report-reminders', cron: DEFAULT_CRON.reportReminders, run: reportReminderSweep },
    { name: EVENT_ACTION_SWEEP, cron: EVENT_ACTION_SWEEP_CRON, run: eventActionReminderSweep },
    { name: 'orphan-files', cron: '40 3 * * *', run: orphanSweep },
  ]);
} catch (err) {
  app.log.error({ err }, 'the job runner did not start');
  await app.close();
  await database.close();
  process.exit(1);
}
/** The share of the drain budget the jobs in hand may take to finish. */
const jobsDrainMs = Math.min(config.shutdownGraceMs, 5_000);

const reclaimer = startReclaimer(config.memoryReclaimMb);

/** A full garbage collection, also without --expose-gc. */
function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  gc();
}

/** Collects now, then whenever the resident set has grown by `mb` since the last collection (checked every 30 s). */
function startReclaimer(mb: number): NodeJS.Timeout | null {
  if (!(mb > 0)) return null;
  const before = process.memoryUsage.rss();
  collectGarbage();
  let baseline = process.memoryUsage.rss();
  app.log.info({ rssBeforeMb: Math.round(before / 2 ** 20), rssAfterMb: Math.round(baseline / 2 ** 20) }, 'start-up garbage collected');
  // The freed pages leave the resident set shortly after; settle the baseline on the next check.
  let settled = false;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (!settled || rss < baseline) {
      baseline = Math.min(baseline, rss);
      settled = true;
      return;
    }
    if (rss - baseline < mb * 2 ** 20) return;
    collectGarbage();
    app.log.debug({ rssBeforeMb: Math.round(rss / 2 ** 20) }, 'memory grew: full garbage collection');
    settled = false;
    baseline = process.memoryUsage.rss();
  }, 30_000);
  timer.unref();
  return timer;
}

let draining = false;

async function drain(signal: NodeJS.Signals): Promise<void> {
  if (draining) {
    app.log.warn({ signal }, 'second signal while draining: exiting now');
    process.exit(1);
  }
  draining = true;
  if (reclaimer) clearInterval(reclaimer);
  const started = Date.now();
  app.log.info({ signal }, 'draining: no new connections, finishing the requests in flight');
  // Connections that outlive the grace period are cut; close() then completes on its own.
  const cut = setTimeout(() => {
    app.log.warn({ graceMs: config.shutdownGraceMs }, 'requests still open after the grace period: closing their connections');
    app.server.closeAllConnections();
  }, config.shutdownGraceMs);
  cut.unref();
  // A keep-alive connection whose request finishes while draining turns idle; close it then, not
  // after the keep-alive timeout (Fastify closes the idle ones only once, when close() starts).
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  sweep.unref();
  let code = 0;
  // Stops listening (new requests on open connections get 503) and waits for the rest, while the job
  // runner stops polling and waits for its jobs in hand; the database closes once both are done.
  const stopped = await Promise.allSettled([app.close(), jobs?.stop({ timeoutMs: jobsDrainMs })]);
  for (const s of stopped) {
    if (s.status === 'rejected') {
      app.log.error({ err: s.reason }, 'error while shutting down');
      code = 1;
    }
  }
  try {
    await database.close();
  } catch (err) {
    app.log.error({ err }, 'error while closing the database');
    code = 1;
  }
  clearTimeout(cut);
  clearInterval(sweep);
  app.log.info({ ms: Date.now() - started, code }, 'drained');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void drain(signal));
