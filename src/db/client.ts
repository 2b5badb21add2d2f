/**
 * Opens the database: PostgreSQL when a postgres:// URL is given, otherwise the embedded PGlite
 * (data in a local folder, or in memory for tests). Both are driven through the same Drizzle schema.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** Any Drizzle handle: the database or a transaction on it. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** The pg pool, on PostgreSQL only. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

const STARTUP_LOCK_KEY = 20250518;
const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** postgres://… for PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; 'memory://' for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url && /^postgres(ql)?:\/\//.test(opts.url)) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    let closing = false;
    // An idle connection dropped by the server (restart, failover, a dropped test database) must not
    // crash the process: the pool replaces it on the next checkout.
    pool.on('error', (err) => {
      if (!closing) console.warn(`[db] idle PostgreSQL connection lost: ${err.message}`);
    });
    // Nor one lost while checked out between two queries (a transaction awaiting its next step when the
    // server restarts): without a listener the client's 'error' event would end the process. The
    // request's next query on it then fails, and the error handler answers 503 (found by
    // test/api/postgres-restart.test.ts).
    pool.on('connect', (client) => {
      client.on('error', (err) => {
        if (!closing) console.warn(`[db] PostgreSQL connection lost while in use: ${err.message}`);
      });
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // pg_trgm for the case library's one-character and fuzzy searches (the migration creates the extension).
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * Runs `fn` while holding the start-up lock, so that server processes starting together on one
 * PostgreSQL database migrate and seed one after the other. PGlite has a single process anyway.
 */
export async function withStartupLock<T>(database: Database, fn: (lockedDb: Db) => Promise<T>): Promise<T> {
  if (!database.pool) return fn(database.db);
  // Lock and unlock must run on the same connection, so take one out of the pool.
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await fn(database.db);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** Applies the migrations, under the start-up lock. */
export async function migrateDatabase(database: Database): Promise<void> {
  await withStartupLock(database, async (db) => {
    if (database.kind === 'postgres') await migratePg(db as never, { migrationsFolder });
    else await migratePglite(db as never, { migrationsFolder });
  });
}
