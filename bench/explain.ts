/**
 * EXPLAIN ANALYZE of the exact SQL the application runs for the two benchmarked lists: the
 * ministry inbox (ministry_planning, queue=true) and a city's list (city_applicant). The SQL is
 * captured from listApplications itself through a Drizzle logger, then explained with its
 * parameters on the same database.
 *
 *   npx tsx bench/explain.ts --database-url postgres://…/bench_x [--city city-130900]
 *   npx tsx bench/explain.ts --pglite-dir DIR
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import * as schema from '../src/db/schema.js';
import { listApplications, type ListFilter } from '../src/features/applications/applications.queries.js';
import type { Actor, Role } from '../src/shared/roles/roles.js';
import { MINISTRY_USERNAME } from './generate.js';

interface Captured {
  sql: string;
  params: unknown[];
}

type Runner = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

function capturing(database: Database): { db: Db; captured: Captured[]; run: Runner } {
  const captured: Captured[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ sql: query, params }) };
  if (database.pool) {
    const pool: pg.Pool = database.pool;
    return {
      db: drizzlePg(pool, { schema, logger }) as unknown as Db,
      captured,
      run: async (text, params) => pool.query(text, params),
    };
  }
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    captured,
    run: async (text, params) => client.query<Record<string, unknown>>(text, params),
  };
}

export async function actorByUsername(db: Db, username: string): Promise<Actor> {
  const rows = await db
    .select({
      id: schema.users.id,
      role: schema.users.role,
      organisationId: schema.organisations.id,
      divisionCode: schema.organisations.divisionCode,
      authorityId: schema.organisations.authorityId,
    })
    .from(schema.users)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.users.organisationId))
    .where(eq(schema.users.username, username))
    .limit(1);
  const r = rows[0];
  if (!r) throw new Error(`no user ${username}`);
  return { ...r, role: r.role as Role };
}

export interface ExplainedList {
  name: string;
  total: number | null;
  /** Set when the application's own query failed; the failing SQL is in queries, without a plan. */
  error?: string;
  queries: { sql: string; params: unknown[]; plan: string }[];
}

/** Runs listApplications once (warm-up), then EXPLAIN (ANALYZE, BUFFERS) on each query it issued. */
export async function explainLists(database: Database, cityUsername: string): Promise<ExplainedList[]> {
  const { db, captured, run } = capturing(database);
  const lists: { name: string; username: string; filter: ListFilter }[] = [
    { name: 'ministry inbox (queue=true, pageSize=20)', username: MINISTRY_USERNAME, filter: { queue: true, page: 1, pageSize: 20 } },
    { name: `city list ${cityUsername} (pageSize=20)`, username: cityUsername, filter: { page: 1, pageSize: 20 } },
  ];
  const out: ExplainedList[] = [];
  for (const l of lists) {
    const actor = await actorByUsername(database.db, l.username);
    captured.length = 0;
    try {
      await listApplications(db, actor, l.filter);
      captured.length = 0;
      const result = await listApplications(db, actor, l.filter);
      const queries = [];
      for (const q of captured.splice(0)) {
        const res = await run(`explain (analyze, buffers) ${q.sql}`, q.params);
        const plan = res.rows.map((r) => String(Object.values(r)[0])).join('\n');
        queries.push({ ...q, plan });
      }
      out.push({ name: l.name, total: result.total, queries });
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      out.push({ name: l.name, total: null, error: `${message}${cause}`, queries: captured.splice(0).map((q) => ({ ...q, plan: '' })) });
    }
  }
  return out;
}

export function formatExplained(lists: ExplainedList[]): string {
  return lists
    .map((l) =>
      [
        l.error ? `=== ${l.name}: FAILED — ${l.error}` : `=== ${l.name}: total ${l.total}`,
        ...l.queries.map((q) => `--- SQL: ${q.sql}\n--- params: ${JSON.stringify(q.params)}${q.plan ? `\n${q.plan}` : ''}`),
      ].join('\n'),
    )
    .join('\n\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      'pglite-dir': { type: 'string' },
      city: { type: 'string', default: 'city-130900' },
    },
  });
  const url = values['database-url'];
  const dir = values['pglite-dir'];
  if (!url === !dir) throw new Error('give exactly one of --database-url postgres://… or --pglite-dir DIR');
  const database = await openDatabase(url ? { url } : { dataDir: dir });
  try {
    console.log(formatExplained(await explainLists(database, values.city!)));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
