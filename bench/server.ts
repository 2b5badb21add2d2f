/**
 * Child process of the HTTP benchmark: serves the real application (buildApp) and, on a separate
 * minimal Fastify instance over the same database, the baselines (a primary-key lookup; on PostgreSQL
 * also the list endpoints' SQL written by hand, bench/sql-baseline.ts), both on 127.0.0.1 with a
 * random port. Runs apart from the load generator so the two do not share one event loop.
 *
 * Started by bench/http-bench.ts with fork(); reports { appUrl, baselineUrl } over IPC and
 * stops on the message 'stop' or when the parent goes away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/client.js';
import { applications } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { registerSqlBaselines } from './sql-baseline.js';

export interface ServerReady {
  type: 'ready';
  appUrl: string;
  baselineUrl: string;
  /** The hand-written SQL routes (/sql/inbox, /sql/city) on the bare instance; PostgreSQL only. */
  sqlUrl: string | null;
}

async function main() {
  const target = process.env.BENCH_TARGET;
  if (!target || !process.send) throw new Error('bench/server.ts is started by bench/http-bench.ts');
  const isPg = /^postgres(ql)?:\/\//.test(target);
  const database = await openDatabase(isPg ? { url: target } : { dataDir: target });
  const dataRoot = mkdtempSync(join(tmpdir(), 'bench-app-'));
  process.on('exit', () => rmSync(dataRoot, { recursive: true, force: true }));
  // The API only: WEB_ROOT points at an empty folder so the built web app is not served.
  const config = {
    ...loadConfig({ DATA_DIR: dataRoot, WEB_ROOT: dataRoot, LOG_LEVEL: 'warn', TOTP_REQUIRED_ROLES: 'none' }),
    databaseUrl: isPg ? target : undefined,
    loadDemoData: false,
  };

  const app = await buildApp({ database, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  // The baseline: one primary-key lookup of a random known application, nothing else.
  const ids = (await database.db.select({ id: applications.id }).from(applications)).map((r) => r.id);
  if (!ids.length) throw new Error('no applications in the database');
  const baseline = Fastify({ logger: false });
  baseline.get('/baseline', async () => {
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const rows = await database.db
      .select({ id: applications.id, refNo: applications.refNo, title: applications.title, status: applications.status })
      .from(applications)
      .where(eq(applications.id, id))
      .limit(1);
    return rows[0] ?? null;
  });
  if (database.pool) registerSqlBaselines(baseline, database.pool);
  await baseline.listen({ host: '127.0.0.1', port: 0 });

  const urlOf = (s: typeof app) => {
    const addr = s.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no TCP address');
    return `http://127.0.0.1:${addr.port}`;
  };

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([app.close(), baseline.close()]);
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());

  const ready: ServerReady = { type: 'ready', appUrl: urlOf(app), baselineUrl: `${urlOf(baseline)}/baseline`, sqlUrl: database.pool ? `${urlOf(baseline)}/sql` : null };
  process.send(ready);
}

main().catch((err: unknown) => {
  console.error('bench server failed:', err);
  process.exit(1);
});
