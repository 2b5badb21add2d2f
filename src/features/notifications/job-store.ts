/**
 * pg-boss on the app's own database, either driver. pg-boss talks to the database through one
 * method, `executeSql(text, values)`; this file gives it that method:
 *
 * - PostgreSQL: the app's pg pool (`pool.query`), so the jobs use the same connections and settings.
 * - PGlite: `query` for a statement with parameters, `exec` for parameterless SQL, which may hold
 *   several statements (pg-boss creates its schema and runs its maintenance as one BEGIN … COMMIT
 *   script). PGlite runs one statement at a time, so the app's requests and the job polling take
 *   turns (ADR 0012, "PGlite"; bench/jobs-polling.ts).
 *
 * pg-boss keeps its tables in the schema `pgboss`, created the first time a runner starts on a
 * database; the app's migrations do not know about it.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../db/client.js';

export const JOBS_SCHEMA = 'pgboss';

export interface SqlResult {
  rows: Record<string, unknown>[];
}

/** What pg-boss needs of a database (its `db` option). */
export interface JobsSql {
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
}

interface PgliteRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}

function overPglite(client: PgliteRunner): JobsSql {
  return {
    async executeSql(text, values) {
      if (values === undefined) {
        // A script: its last statement's rows (pg-boss reads rows only of single statements).
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as SqlResult['rows'] };
      }
      const r = await client.query(text, values);
      return { rows: r.rows as SqlResult['rows'] };
    },
  };
}

function pgliteOf(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

export function jobsSqlFor(database: Database): JobsSql {
  if (database.pool) {
    const pool = database.pool;
    return { executeSql: async (text, values) => pool.query(text, values) as Promise<SqlResult> };
  }
  return overPglite(pgliteOf(database));
}

/** Runs `fn` in one transaction, its statements through the `JobsSql` it is given. */
export async function inJobsTransaction<T>(database: Database, fn: (sql: JobsSql) => Promise<T>): Promise<T> {
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      const result = await fn({ executeSql: async (text, values) => client.query(text, values) as Promise<SqlResult> });
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return pgliteOf(database).transaction((tx) => fn(overPglite(tx)));
}

/** Whether pg-boss's tables exist in this database (a runner has started on it once). */
export async function jobsInstalled(sql: JobsSql): Promise<boolean> {
  const { rows } = await sql.executeSql(`select to_regclass('${JOBS_SCHEMA}.job') is not null as installed`, []);
  return rows[0]?.installed === true;
}

/**
 * The runner's connection to the database: open until `close()`, which waits for the statements in
 * flight and answers every later one with nothing (no rows; a count of 0 for pg-boss's commands that
 * report one). A worker whose last poll returns while the runner stops thus neither fails on a
 * closed database nor reports anything back.
 */
export function gatedJobsSql(inner: JobsSql): { sql: JobsSql; close(): Promise<void> } {
  let open = true;
  const inFlight = new Set<Promise<unknown>>();
  return {
    sql: {
      executeSql(text, values) {
        if (!open) return Promise.resolve({ rows: /select count\(\*\)/i.test(text) ? [{ count: '0' }] : [] });
        const p = inner.executeSql(text, values);
        inFlight.add(p);
        void p.then(
          () => inFlight.delete(p),
          () => inFlight.delete(p),
        );
        return p;
      },
    },
    async close() {
      open = false;
      await Promise.allSettled([...inFlight]);
    },
  };
}
