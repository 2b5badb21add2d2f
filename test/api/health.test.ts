/**
 * The health route a load balancer polls: 200 while the database answers, 503 while it does not,
 * and 200 again once it is back, without restarting the process (PostgreSQL). On PGlite a closed
 * database answers 503 too.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dbKinds, makeTestApp } from '../helpers/test-app.js';

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

describe.each(dbKinds().filter((k) => k === 'postgres'))('health on %s', () => {
  it('answers 503 while the database refuses connections and recovers by itself', async () => {
    const t = await makeTestApp('postgres');
    const name = new URL(t.database.pool!.options.connectionString!).pathname.slice(1);
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await admin(`alter database ${name} with allow_connections false`);
      await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
      const down = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', database: 'postgres' });
      // Any request that needs the database is refused cleanly with a code, not a 500.
      const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
      expect(signIn.statusCode, signIn.body).toBe(503);
      expect(signIn.json().error.code).toBe('DATABASE_UNAVAILABLE');
      expect(signIn.headers['retry-after']).toBe('5');
      await admin(`alter database ${name} with allow_connections true`);
      const up = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(up.statusCode).toBe(200);
    } finally {
      await admin(`alter database ${name} with allow_connections true`).catch(() => undefined);
      await t.close();
    }
  });
});

describe.each(dbKinds().filter((k) => k === 'pglite'))('health on %s', () => {
  it('answers 503 once the embedded database is closed', async () => {
    const t = await makeTestApp('pglite');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await t.database.close();
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    await t.app.close();
  });
});
