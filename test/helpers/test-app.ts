/**
 * A freshly migrated database and app for API tests, on PGlite and — when TEST_DATABASE_URL is
 * set — on PostgreSQL (a throw-away database per test file). In CI PostgreSQL is required.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database, type DbKind } from '../../src/db/client.js';
import type { Clock } from '../../src/kernel/clock.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { users } from '../../src/db/schema.js';
import { totpCode } from '../../src/shared/identity/totp.js';
import { eq } from 'drizzle-orm';
import { TEST_TOTP_SECRET } from './seed-accounts.js';

export function dbKinds(): DbKind[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the API tests must run on PostgreSQL too.');
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  uploadDir: string;
  close(): Promise<void>;
}

export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `mic_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // Let the closed pool's backends exit first: forcing the drop would kill connections that are
      // still saying goodbye, and their clients report that as an unhandled error.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(attempt < 50 ? `drop database if exists ${name}` : `drop database if exists ${name} with (force)`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

/** Each test app's database, so the login helper can sign an account in many times a second (see login). */
const databases = new WeakMap<FastifyInstance, Database>();

export async function makeTestApp(kind: DbKind, env: Record<string, string> = {}, opts: { clock?: Clock; sessionClock?: Clock } = {}): Promise<TestApp> {
  const uploadDir = mkdtempSync(join(tmpdir(), 'mic-uploads-'));
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  if (kind === 'postgres') {
    const created = await createPgDatabase();
    drop = created.drop;
    database = await openDatabase({ url: created.url, poolSize: 4 });
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  await migrateDatabase(database);
  const config = { ...loadConfig({ ...env, DATA_DIR: uploadDir }), uploadDir, maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 1024 * 1024) };
  const app = await buildApp({ database, config, clock: opts.clock, sessionClock: opts.sessionClock });
  await app.ready();
  databases.set(app, database);
  return {
    app,
    database,
    uploadDir,
    close: async () => {
      await app.close();
      await database.close();
      if (drop) await drop();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in client: carries the session cookie and the CSRF token like the browser does. */
export interface Client {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/**
 * The current TOTP code of an account for the helpers, from the secret it is enrolled with (the
 * test accounts' TEST_TOTP_SECRET, the demo accounts' DEMO_TOTP_SECRET, or one a test enrolled).
 * Tests sign the same account in many times within one 30-second step, which the platform rightly
 * refuses as a replay; so the helper first forgets the account's last used step in the database.
 * The replay rule itself is tested on its own (test/api/identity.test.ts), without this helper.
 */
export async function freshTotpCode(app: FastifyInstance, username: string, secret?: string): Promise<string> {
  const database = databases.get(app);
  let enrolled = secret;
  if (database) {
    const rows = await database.db.update(users).set({ totpLastStep: null }).where(eq(users.username, username)).returning({ secret: users.totpSecret });
    enrolled ??= rows[0]?.secret ?? undefined;
  }
  return totpCode(enrolled ?? TEST_TOTP_SECRET, app.identity.clock());
}

export async function login(app: FastifyInstance, username: string, password: string, opts: { totpSecret?: string } = {}): Promise<Client> {
  let res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  // Provincial and ministry accounts sign in with a second factor: the code comes from the test secret.
  if (res.statusCode === 401 && res.json().error?.code === 'TOTP_CODE_REQUIRED') {
    const code = await freshTotpCode(app, username, opts.totpSecret);
    res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, code } });
  }
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  const cookie = raw.split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
      }),
  };
}
