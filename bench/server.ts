/**
 * Child process of the HTTP benchmark: serves the real application (buildApp) and, on a separate
 * minimal Fastify instance over the same database, the baselines (a primary-key lookup; on PostgreSQL
 * also the list endpoints' SQL written by hand, bench/sql-baseline.ts), both on 127.0.0.1 with a
 * random port. Runs apart from the load generator so the two do not share one event loop.
 *
 * On PostgreSQL, GET /queries on the bare instance answers (and resets) how many queries went through
 * the pool since the last call.
 *
 * Started by bench/http-bench.ts with fork(); reports { appUrl, baselineUrl } over IPC and
 * stops on the message 'stop' or when the parent goes away.
 */
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { applications } from '../src/db/schema.js';
import { runBenchChild, serveUntilStopped, startBenchApp, urlOf } from './bench-server-kit.js';
import { registerSqlBaselines } from './sql-baseline.js';

export interface ServerReady {
  type: 'ready';
  appUrl: string;
  baselineUrl: string;
  /** The hand-written SQL routes (/sql/inbox, /sql/city) on the bare instance; PostgreSQL only. */
  sqlUrl: string | null;
}

async function main() {
  const { database, app, appUrl } = await startBenchApp('bench/server.ts', 'bench/http-bench.ts');

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
  if (database.pool) {
    registerSqlBaselines(baseline, database.pool);
    // Queries sent through the pool (the app's and the twins' alike), read and reset by the parent
    // around one request at a time before the load, to check that a twin sends what its endpoint sends.
    const pool = database.pool;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    let sent = 0;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      sent++;
      return query(...args);
    };
    baseline.get('/queries', async () => {
      const n = sent;
      sent = 0;
      return { queries: n };
    });
  }
  await baseline.listen({ host: '127.0.0.1', port: 0 });

  const ready: ServerReady = { type: 'ready', appUrl, baselineUrl: `${urlOf(baseline)}/baseline`, sqlUrl: database.pool ? `${urlOf(baseline)}/sql` : null };
  serveUntilStopped(database, [app, baseline], ready);
}

runBenchChild('bench server', main);
