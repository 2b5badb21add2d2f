/**
 * No change acknowledged without its audit record (issue 8): when the database refuses the audit
 * append after the handler's transaction committed, the client gets 503 AUDIT_UNAVAILABLE instead
 * of its success (no session cookie for a sign-in), the record waits in the spool under the data
 * folder, and the next append that succeeds — or the next start of the server — puts it into the
 * SM3 chain, which still verifies. The failure is made real: a trigger on audit_log that raises, on
 * PGlite and on PostgreSQL, while every other table takes its writes.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { verifyAuditChain } from '../../src/features/audit/public.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedAdministrators } from '../helpers/seed-administrators.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

interface Row {
  seq: number;
  username: string | null;
  method: string;
  route: string;
  action: string;
  outcome: string;
  status: number;
  object_id: string | null;
  details: Record<string, unknown>;
}

async function rows(db: Db, where = sql`true`): Promise<Row[]> {
  const res = await db.execute(sql`select seq::int as seq, username, method, route, action, outcome, status, object_id, details from audit_log where ${where} order by seq`);
  return (res as unknown as { rows: Row[] }).rows;
}

/** Makes every insert into audit_log fail (as a full or broken audit table would), or stops doing so. */
async function refuseAuditAppends(db: Db, refuse: boolean) {
  if (refuse) {
    await db.execute(sql.raw(`create or replace function audit_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'audit table out of order (test)'; end $$`));
    await db.execute(sql.raw(`create trigger audit_test_refuse before insert on audit_log for each row execute function audit_test_refuse()`));
  } else await db.execute(sql.raw(`drop trigger audit_test_refuse on audit_log`));
}

async function activeOf(db: Db, username: string): Promise<boolean> {
  const res = await db.execute(sql`select active from users where username = ${username}`);
  return (res as unknown as { rows: { active: boolean }[] }).rows[0]!.active;
}

describe.each(dbKinds())('an audit record the database refuses, on %s', (kind) => {
  const spool = mkdtempSync(join(tmpdir(), 'mic-audit-spool-'));
  const spooled = () => readdirSync(spool).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  let t: TestApp;
  const c: Record<string, Client> = {};
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    // The spool folder comes from the configuration (AUDIT_SPOOL_DIR; by default under DATA_DIR).
    t = await makeTestApp(kind, { AUDIT_SPOOL_DIR: spool });
    await seedAccounts(t.database.db);
    await seedAdministrators(t.database.db);
    for (const u of ['admin', 'hangzhou', 'shenji']) c[u] = await login(t.app, u, PASSWORD);
    for (const u of (await c.admin!.request('GET', '/api/v1/admin/users')).json().items as { id: string; username: string }[]) idOf[u.username] = u.id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(spool, { recursive: true, force: true });
  });

  it('answers 503 instead of a success, keeps the record in the spool, and chains it with the next append', async () => {
    const db = t.database.db;
    const before = (await rows(db)).length;
    await refuseAuditAppends(db, true);

    // A change: committed by its handler, but not acknowledged, since its record could not be written.
    const change = await c.admin!.request('PATCH', `/api/v1/admin/users/${idOf.zhuangbeisi}`, { active: false });
    expect(change.statusCode).toBe(503);
    expect(change.json().error).toMatchObject({ code: 'AUDIT_UNAVAILABLE', message: { 'zh-CN': expect.any(String), 'en-US': expect.any(String) } });
    expect(await activeOf(db, 'zhuangbeisi')).toBe(false);
    // A sign-in: no session cookie goes out with the 503.
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hangzhou', password: PASSWORD } });
    expect(signIn.statusCode).toBe(503);
    expect(signIn.headers['set-cookie']).toBeUndefined();
    // A refused read keeps its refusal (it claims nothing); its record is spooled all the same.
    expect((await c.hangzhou!.request('GET', '/api/v1/audit')).statusCode).toBe(403);
    expect(await rows(db)).toHaveLength(before);
    expect(spooled()).toHaveLength(3);

    await refuseAuditAppends(db, false);
    // A record another database spooled into the same folder is not this chain's to take.
    const foreign = spooled()[0]!.replace(/^(\d{15}-\d{9}-)[0-9a-f]{16}-/, '$1ffffffffffffffff-');
    copyFileSync(join(spool, spooled()[0]!), join(spool, foreign));
    // The next recorded request appends the spooled records first, then its own.
    expect((await c.hangzhou!.request('GET', '/api/v1/audit/verify')).statusCode).toBe(403);
    expect(spooled()).toEqual([foreign]);
    rmSync(join(spool, foreign));
    const added = (await rows(db)).slice(before);
    expect(added.map((r) => [r.username, r.method, r.route, r.status])).toEqual([
      ['admin', 'PATCH', '/api/v1/admin/users/:id', 200],
      ['hangzhou', 'POST', '/api/v1/auth/login', 200],
      ['hangzhou', 'GET', '/api/v1/audit', 403],
      ['hangzhou', 'GET', '/api/v1/audit/verify', 403],
    ]);
    expect(added[0]).toMatchObject({ action: 'write', outcome: 'success', object_id: idOf.zhuangbeisi });
    expect(added[0]!.details).toMatchObject({ before: { active: true }, after: { active: false }, answered: { status: 503, error: 'AUDIT_UNAVAILABLE' }, spooled: { reason: expect.stringContaining('audit table out of order') } });
    expect(added[1]).toMatchObject({ action: 'sign_in', outcome: 'success' });
    expect(added[2]!.details.answered).toBeUndefined();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('withholds an export while its record cannot be written', async () => {
    const db = t.database.db;
    await refuseAuditAppends(db, true);
    const res = await c.shenji!.request('GET', '/api/v1/audit/export.csv');
    await refuseAuditAppends(db, false);
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json().error.code).toBe('AUDIT_UNAVAILABLE');
    expect(spooled()).toHaveLength(1);
    expect((await c.hangzhou!.request('GET', '/api/v1/audit')).statusCode).toBe(403);
    expect(spooled()).toEqual([]);
    expect((await rows(db)).slice(-2).map((r) => [r.username, r.action, r.status, r.details.answered])).toEqual([
      ['shenji', 'export', 200, { status: 503, error: 'AUDIT_UNAVAILABLE' }],
      ['hangzhou', 'audit', 403, undefined],
    ]);
  });

  it('appends what the spool holds when the server starts', async () => {
    const db = t.database.db;
    await refuseAuditAppends(db, true);
    expect((await c.admin!.request('PATCH', `/api/v1/admin/users/${idOf.zhuangbeisi}`, { active: true })).statusCode).toBe(503);
    expect(spooled()).toHaveLength(1);
    await refuseAuditAppends(db, false);

    // Another server process on the same database and data folder, started before anything else is recorded.
    const dir = mkdtempSync(join(tmpdir(), 'mic-audit-restart-'));
    const app = await buildApp({ database: t.database, config: { ...loadConfig({ DATA_DIR: dir, AUDIT_SPOOL_DIR: spool }), uploadDir: dir } });
    try {
      await app.ready();
      expect(spooled()).toEqual([]);
      const last = (await rows(db)).at(-1)!;
      expect(last).toMatchObject({ username: 'admin', method: 'PATCH', status: 200, object_id: idOf.zhuangbeisi });
      expect(last.details).toMatchObject({ after: { active: true }, answered: { status: 503 } });
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
