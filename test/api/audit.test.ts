/**
 * 三权分立 and the audit log: the system, security and audit administrators cannot do each other's
 * work; the log records a failed sign-in, a refusal, a change with old and new values and a download,
 * each with who, where from and the outcome; the SM3 chain names an edited, a deleted and a reordered
 * record (tampered with in SQL, as a database administrator could), through the API, the verify
 * function and the command line; pruning past the retention period keeps the chain verifiable.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateDatabase, type Database, type Db, type DbKind } from '../../src/db/client.js';
import { appendAuditRecord, pruneAuditLog, verifyAuditChain } from '../../src/features/audit/public.js';
import { runCli } from '../../src/cli/main.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedAdministrators } from '../helpers/seed-administrators.js';
import { createPgDatabase, dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

interface Row {
  id: string;
  seq: number;
  username: string | null;
  role: string | null;
  ip: string | null;
  method: string;
  route: string;
  action: string;
  outcome: string;
  status: number;
  object_type: string | null;
  object_id: string | null;
  details: Record<string, unknown>;
}

async function rows(db: Db, where = sql`true`): Promise<Row[]> {
  const res = await db.execute(sql`select id, seq::int as seq, username, role, ip, method, route, action, outcome, status, object_type, object_id, details from audit_log where ${where} order by seq`);
  return (res as unknown as { rows: Row[] }).rows;
}

/** Runs SQL as a database administrator could: with the append-only trigger switched off. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
  });
}

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
function multipart(filename: string, content: Buffer) {
  const boundary = '----mic2025audit';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dbKinds())('separation of duties and the audit log on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    await seedAdministrators(t.database.db);
    for (const u of ['admin', 'anquan', 'shenji', 'hangzhou', 'guihuasi', 'zhejiang', 'expert', 'lingdao']) c[u] = await login(t.app, u, PASSWORD);
    const users = (await c.admin!.request('GET', '/api/v1/admin/users')).json().items as { id: string; username: string }[];
    for (const u of users) idOf[u.username] = u.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('only the audit administrator reads, verifies and exports the audit log; anonymous callers get 401', async () => {
    for (const url of ['/api/v1/audit', '/api/v1/audit/verify', '/api/v1/audit/export.csv', '/api/v1/audit/export.xlsx']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      for (const u of ['admin', 'anquan', 'hangzhou', 'guihuasi', 'zhejiang', 'expert', 'lingdao']) {
        const res = await c[u]!.request('GET', url);
        expect(res.statusCode, `${u} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      expect((await c.shenji!.request('GET', url)).statusCode, `shenji ${url}`).toBe(200);
    }
  });

  it('nobody can change or delete an audit record through the app: there is no such route', async () => {
    const [first] = await rows(t.database.db);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const who of ['shenji', 'admin']) {
        const res = await c[who]!.request(method, `/api/v1/audit/${first!.id}`, method === 'DELETE' ? undefined : { status: 200 });
        expect(res.statusCode, `${who} ${method}`).toBe(404);
        expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
      }
    }
    // And the database itself refuses a change to the log, whoever sends it.
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(t.database.db.execute(sql`update audit_log set status = 200 where id = ${first!.id}`))).toMatch(/append-only \(UPDATE\)/);
    expect(await refusal(t.database.db.execute(sql`delete from audit_log where id = ${first!.id}`))).toMatch(/append-only \(DELETE\)/);
    expect(await refusal(t.database.db.execute(sql`truncate audit_log`))).toMatch(/append-only \(TRUNCATE\)/);
  });

  it('the audit administrator creates no account and touches none', async () => {
    const s = c.shenji!;
    expect((await s.request('GET', '/api/v1/admin/users')).statusCode).toBe(403);
    expect((await s.request('POST', '/api/v1/admin/organisations', { name: '某市', kind: 'city', divisionCode: '330300' })).statusCode).toBe(403);
    const orgId = (await c.admin!.request('GET', '/api/v1/admin/organisations')).json().items[0].id as string;
    expect((await s.request('POST', '/api/v1/admin/users', { username: 'sneaky', password: 'Sneaky-2026-pw', displayName: 'x', organisationId: orgId })).statusCode).toBe(403);
    expect((await s.request('PATCH', `/api/v1/admin/users/${idOf.hangzhou}`, { active: false })).statusCode).toBe(403);
    expect((await s.request('DELETE', `/api/v1/admin/users/${idOf.hangzhou}/sessions`)).statusCode).toBe(403);
  });

  it('the security administrator unlocks and ends sessions but creates, deactivates and resets nothing', async () => {
    const sec = c.anquan!;
    const users = (await sec.request('GET', '/api/v1/admin/users')).json().items as { username: string; abilities: string[] }[];
    expect(users.find((u) => u.username === 'hangzhou')!.abilities).toEqual(['revokeSessions']);
    expect((await sec.request('POST', '/api/v1/admin/organisations', { name: '某市', kind: 'city', divisionCode: '330300' })).statusCode).toBe(403);
    const orgId = (await sec.request('GET', '/api/v1/admin/organisations')).json().items[0].id as string;
    expect((await sec.request('POST', '/api/v1/admin/users', { username: 'sneaky', password: 'Sneaky-2026-pw', displayName: 'x', organisationId: orgId })).statusCode).toBe(403);
    expect((await sec.request('PATCH', `/api/v1/admin/users/${idOf.hangzhou}`, { active: false })).statusCode).toBe(403);
    expect((await sec.request('PATCH', `/api/v1/admin/users/${idOf.hangzhou}`, { password: 'Another-2026-pw' })).statusCode).toBe(403);

    // Five wrong passwords lock 湖州; the system administrator may not unlock it, the security administrator may.
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huzhou', password: 'wrong-password-1' } });
    expect((await c.admin!.request('PATCH', `/api/v1/admin/users/${idOf.huzhou}`, { unlock: true })).statusCode).toBe(403);
    const locked = ((await sec.request('GET', '/api/v1/admin/users')).json().items as { username: string; abilities: string[]; locked: boolean }[]).find((u) => u.username === 'huzhou')!;
    expect(locked.locked).toBe(true);
    expect(locked.abilities).toContain('unlock');
    expect((await sec.request('PATCH', `/api/v1/admin/users/${idOf.huzhou}`, { unlock: true })).statusCode).toBe(200);
    await login(t.app, 'huzhou', PASSWORD);

    // Ending 杭州's sessions signs its client out; one's own sessions are ended by signing out.
    const hz = await login(t.app, 'hangzhou', PASSWORD);
    const ended = await sec.request('DELETE', `/api/v1/admin/users/${idOf.hangzhou}/sessions`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().ended).toBeGreaterThanOrEqual(2);
    expect((await hz.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await sec.request('DELETE', `/api/v1/admin/users/${idOf.anquan}/sessions`)).json().error.code).toBe('CANNOT_REVOKE_OWN_SESSIONS');
    expect((await sec.request('DELETE', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/sessions')).statusCode).toBe(404);
    c.hangzhou = await login(t.app, 'hangzhou', PASSWORD);
  });

  it('the system administrator cannot read the log, unlock, end sessions, or take over another administrator’s account', async () => {
    const a = c.admin!;
    expect((await a.request('DELETE', `/api/v1/admin/users/${idOf.hangzhou}/sessions`)).statusCode).toBe(403);
    const users = (await a.request('GET', '/api/v1/admin/users')).json().items as { username: string; abilities: string[] }[];
    expect(users.find((u) => u.username === 'shenji')!.abilities).toEqual([]);
    expect(users.find((u) => u.username === 'anquan')!.abilities).toEqual([]);
    for (const [who, change] of [
      ['shenji', { password: 'Takeover-2026-pw' }],
      ['shenji', { active: false }],
      ['anquan', { password: 'Takeover-2026-pw' }],
    ] as const) {
      const res = await a.request('PATCH', `/api/v1/admin/users/${idOf[who]}`, change);
      expect(res.statusCode, `${who} ${JSON.stringify(change)}`).toBe(403);
      expect(res.json().error.code).toBe('ADMIN_ACCOUNT_PROTECTED');
    }
    await login(t.app, 'shenji', PASSWORD);
  });

  it('records a failed sign-in with the account named, the address and the outcome', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guihuasi', password: 'not-the-password' }, remoteAddress: '203.0.113.7' });
    expect(res.statusCode).toBe(401);
    const [rec] = (await rows(t.database.db, sql`action = 'sign_in' and ip = '203.0.113.7'`)).slice(-1);
    expect(rec).toMatchObject({ username: 'guihuasi', ip: '203.0.113.7', outcome: 'failure', status: 401, method: 'POST', route: '/api/v1/auth/login' });
    expect(rec!.details.answer).toEqual({ error: 'LOGIN_FAILED' });
    expect(JSON.stringify(rec!.details)).not.toContain('not-the-password');
    expect((rec!.details.body as { password: string }).password).toBe('[redacted]');
    // An unknown account is recorded under the name it was tried with.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'x' }, remoteAddress: '203.0.113.8' });
    expect((await rows(t.database.db, sql`ip = '203.0.113.8'`)).at(-1)).toMatchObject({ username: 'nobody-here', outcome: 'failure' });
    // A successful one under the user, with the role.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lingdao', password: PASSWORD }, remoteAddress: '203.0.113.9' });
    expect((await rows(t.database.db, sql`ip = '203.0.113.9'`)).at(-1)).toMatchObject({ username: 'lingdao', role: 'leading_group_observer', outcome: 'success', status: 200, action: 'sign_in' });
  });

  it('records a 403 with the route pattern, the object, the user and the address', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/admin/users`, headers: { cookie: c.hangzhou!.cookie }, remoteAddress: '198.51.100.23' });
    expect(res.statusCode).toBe(403);
    const rec = (await rows(t.database.db, sql`ip = '198.51.100.23'`)).at(-1)!;
    expect(rec).toMatchObject({ username: 'hangzhou', role: 'city_applicant', action: 'read', outcome: 'failure', status: 403, route: '/api/v1/admin/users', object_type: 'admin/users' });
    expect(rec.details.answer).toEqual({ error: 'FORBIDDEN' });
  });

  it('records a change with the old and new values, and a transition linked to the version it made', async () => {
    const res = await c.admin!.request('PATCH', `/api/v1/admin/users/${idOf.zhuangbeisi}`, { active: false });
    expect(res.statusCode).toBe(200);
    const rec = (await rows(t.database.db, sql`username = 'admin' and method = 'PATCH'`)).at(-1)!;
    expect(rec).toMatchObject({ action: 'write', outcome: 'success', route: '/api/v1/admin/users/:id', object_type: 'user', object_id: idOf.zhuangbeisi });
    expect(rec.details.before).toEqual({ username: 'zhuangbeisi', active: true });
    expect(rec.details.after).toEqual({ active: false });

    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const created = await c.hangzhou!.request('POST', '/api/v1/applications', { title: '审计测试', applicationYear: 2016, plan });
    const appId = created.json().id as string;
    expect((await c.hangzhou!.request('POST', `/api/v1/applications/${appId}/submit`, { version: 1 })).statusCode).toBe(200);
    const submit = (await rows(t.database.db, sql`route = '/api/v1/applications/:id/submit'`)).at(-1)!;
    expect(submit).toMatchObject({ username: 'hangzhou', action: 'write', outcome: 'success', object_type: 'applications', object_id: appId });
    expect(submit.details.answer).toMatchObject({ status: 'submitted', version: 2 });
    // A refused transition is recorded too, with its code.
    await c.hangzhou!.request('POST', `/api/v1/applications/${appId}/submit`, { version: 1 });
    expect((await rows(t.database.db, sql`route = '/api/v1/applications/:id/submit'`)).at(-1)).toMatchObject({ outcome: 'failure', status: 409 });
  });

  it('records a download of a stored file and an export, with the file, the address and the outcome', async () => {
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const appId = (await c.hangzhou!.request('POST', '/api/v1/applications', { title: '审计下载测试', applicationYear: 2016, plan })).json().id as string;
    const m = multipart('附件 统计数据.pdf', pdf);
    const up = await c.hangzhou!.request('POST', `/api/v1/applications/${appId}/attachments`, m.body, m.headers);
    expect(up.statusCode, up.body).toBe(201);
    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${up.json().id}`, headers: { cookie: c.hangzhou!.cookie }, remoteAddress: '192.0.2.44' });
    expect(dl.statusCode).toBe(200);
    const rec = (await rows(t.database.db, sql`ip = '192.0.2.44'`)).at(-1)!;
    expect(rec).toMatchObject({ username: 'hangzhou', action: 'download', outcome: 'success', status: 200, object_type: 'attachments', object_id: up.json().id });
    expect(rec.details.file).toMatchObject({ name: '附件 统计数据.pdf', sha256: up.json().sha256, size: pdf.length });

    expect((await c.hangzhou!.request('GET', `/api/v1/applications/${appId}/export.docx`)).statusCode).toBe(200);
    expect((await rows(t.database.db, sql`route = '/api/v1/applications/:id/export.docx'`)).at(-1)).toMatchObject({ username: 'hangzhou', action: 'export', outcome: 'success' });
    // A successful read is not recorded.
    const before = (await rows(t.database.db)).length;
    expect((await c.hangzhou!.request('GET', `/api/v1/applications/${appId}`)).statusCode).toBe(200);
    expect((await rows(t.database.db)).length).toBe(before);
  });

  it('does not record the public portal’s pages, their 404s included, but records a refusal of its publishing API', async () => {
    const before = (await rows(t.database.db)).length;
    for (const url of ['/portal/no/such/page', '/portal/pilots/00000000-0000-4000-8000-000000000000', '/portal/cases?q=x']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
    }
    expect((await t.app.inject({ method: 'GET', url: '/portal/no/such/page' })).statusCode).toBe(404);
    expect(await rows(t.database.db)).toHaveLength(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal/publishing' })).statusCode).toBe(401);
    expect((await rows(t.database.db)).slice(before)).toMatchObject([{ route: '/api/v1/portal/publishing', action: 'read', outcome: 'failure', status: 401 }]);
  });

  it('lists with filters for the audit administrator, newest first, and records that it was read', async () => {
    const s = c.shenji!;
    const failed = await s.request('GET', '/api/v1/audit?action=sign_in&outcome=failure&pageSize=200');
    expect(failed.statusCode).toBe(200);
    const items = failed.json().items as { action: string; outcome: string; seq: number; username: string }[];
    expect(items.length).toBeGreaterThanOrEqual(7);
    expect(items.every((i) => i.action === 'sign_in' && i.outcome === 'failure')).toBe(true);
    expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => b - a));
    const byUser = (await s.request('GET', '/api/v1/audit?username=guihuasi&action=sign_in')).json();
    expect(byUser.items.every((i: { username: string }) => i.username === 'guihuasi')).toBe(true);
    const future = (await s.request('GET', `/api/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 86400_000).toISOString())}`)).json();
    expect(future.total).toBe(0);
    expect((await s.request('GET', '/api/v1/audit?action=nonsense')).statusCode).toBe(422);
    expect((await rows(t.database.db, sql`username = 'shenji' and route = '/api/v1/audit'`)).length).toBeGreaterThanOrEqual(4);
  });

  it('exports to CSV and Excel, and records the export', async () => {
    const csv = await c.shenji!.request('GET', '/api/v1/audit/export.csv?action=sign_in');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment;/);
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(csv.body).toContain('203.0.113.7');
    expect(csv.body.split('\r\n').slice(1).filter(Boolean).every((line) => line.includes('登录'))).toBe(true);
    const xlsx = await c.shenji!.request('GET', '/api/v1/audit/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const exports = await rows(t.database.db, sql`username = 'shenji' and action = 'export'`);
    expect(exports.slice(-2).map((r) => r.route)).toEqual(['/api/v1/audit/export.csv', '/api/v1/audit/export.xlsx']);
    expect(exports.at(-2)!.details).toMatchObject({ format: 'csv', filters: { action: 'sign_in' } });
  });

  it('detects an edited, a deleted and a reordered record, through the API and the verify function', async () => {
    const db = t.database.db;
    const verify = async () => (await c.shenji!.request('GET', '/api/v1/audit/verify')).json();
    const ok = await verify();
    expect(ok).toMatchObject({ ok: true, broken: null, startSeq: 1 });
    expect(ok.checked).toBeGreaterThan(20);
    expect(ok.headHash).toMatch(/^[0-9a-f]{64}$/);

    const target = (await rows(db, sql`route = '/api/v1/admin/users/:id' and method = 'PATCH'`)).at(-1)!;
    // Edited: the system administrator's change made to look refused.
    await tamper(db, sql`update audit_log set outcome = 'failure', status = 403 where id = ${target.id}`);
    expect((await verify()).broken).toEqual({ reason: 'altered', seq: target.seq, id: target.id });
    expect((await verifyAuditChain(db)).broken).toEqual({ reason: 'altered', seq: target.seq, id: target.id });
    await tamper(db, sql`update audit_log set outcome = 'success', status = 200 where id = ${target.id}`);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Deleted: a failed sign-in removed.
    const signIn = (await rows(db, sql`ip = '203.0.113.7'`))[0]!;
    await db.execute(sql`create table audit_kept as select * from audit_log where id = ${signIn.id}`);
    await tamper(db, sql`delete from audit_log where id = ${signIn.id}`);
    expect((await verify()).broken).toEqual({ reason: 'missing', seq: signIn.seq, id: null });
    await db.execute(sql`insert into audit_log select * from audit_kept`);
    await db.execute(sql`drop table audit_kept`);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Reordered: two records swap places.
    const [a, b] = [target.seq - 1, target.seq];
    await tamper(db, sql`update audit_log set seq = -1 where seq = ${a}`);
    await tamper(db, sql`update audit_log set seq = ${a} where seq = ${b}`);
    await tamper(db, sql`update audit_log set seq = ${b} where seq = -1`);
    expect((await verify()).broken).toEqual({ reason: 'out_of_order', seq: a, id: target.id });
    await tamper(db, sql`update audit_log set seq = -1 where seq = ${a}`);
    await tamper(db, sql`update audit_log set seq = ${a} where seq = ${b}`);
    await tamper(db, sql`update audit_log set seq = ${b} where seq = -1`);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // The last records removed: the head still names them.
    const last = (await rows(db)).at(-1)!;
    await tamper(db, sql`delete from audit_log where id = ${last.id}`);
    expect((await verifyAuditChain(db)).broken).toMatchObject({ reason: 'tail_missing', seq: last.seq });
  });
});

/** The command line on a database of its own (PGlite in a folder, or a PostgreSQL database). */
describe.each(dbKinds())('audit-verify and audit-prune on the command line, on %s', (kind: DbKind) => {
  let env: Record<string, string>;
  let dir: string;
  let drop: (() => Promise<void>) | null = null;
  const open = (): Promise<Database> => openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.PGLITE_DIR! });
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const record = (at: Date, n: number) => ({
    at,
    actorId: null,
    username: `user${n}`,
    role: 'city_applicant',
    ip: '10.1.2.3',
    method: 'POST',
    route: '/api/v1/applications/:id/submit',
    action: 'write',
    outcome: 'success',
    status: 200,
    objectType: 'applications',
    objectId: String(n),
    details: { n },
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mic-audit-cli-'));
    if (kind === 'postgres') {
      const created = await createPgDatabase();
      drop = created.drop;
      env = { DATABASE_URL: created.url, DATA_DIR: dir };
    } else env = { PGLITE_DIR: join(dir, 'pglite'), DATA_DIR: dir };
    const database = await open();
    await migrateDatabase(database);
    const now = Date.now();
    // Three records from eight months ago, then three of this week.
    for (let i = 1; i <= 6; i++) await appendAuditRecord(database.db, record(new Date(now - (i <= 3 ? 240 : 3) * 86400_000 + i * 1000), i));
    await database.close();
  });
  afterAll(async () => {
    if (drop) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies, prunes past six months leaving a checkpoint, and still verifies', async () => {
    const first = await cli('audit-verify');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/intact: 6 records/);
    expect((await cli('audit-prune')).code).toBe(0);
    const database = await open();
    try {
      const left = await rows(database.db);
      expect(left.map((r) => r.username)).toEqual(['user4', 'user5', 'user6', null]);
      const cp = left.at(-1)!;
      expect(cp).toMatchObject({ action: 'checkpoint', seq: 7 });
      expect(cp.details).toMatchObject({ prunedThroughSeq: 3, prunedCount: 3, retentionMonths: 6 });
      expect((await verifyAuditChain(database.db)).startSeq).toBe(4);
      // Nothing more to prune: no second checkpoint.
      expect((await pruneAuditLog(database.db, { retentionMonths: 6 })).pruned).toBe(0);
    } finally {
      await database.close();
    }
    const after = await cli('audit-verify');
    expect(after.code, after.err).toBe(0);
    expect(after.out).toMatch(/intact: 4 records, #4–#7/);
  });

  it('chains appends from two server processes’ connection pools at once into one line', async () => {
    const [one, two] = [await open(), kind === 'postgres' ? await open() : null];
    try {
      const now = new Date();
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => appendAuditRecord((i % 2 === 0 || !two ? one : two).db, record(now, 100 + i))),
      );
      const v = await verifyAuditChain(one.db);
      expect(v).toMatchObject({ ok: true, checked: 64, startSeq: 4, headSeq: 67 });
    } finally {
      await one.close();
      await two?.close();
    }
  });

  it('refuses a retention under six months', async () => {
    const res = await runCli(['audit-prune'], { out: () => undefined, err: () => undefined }, { ...env, AUDIT_RETENTION_MONTHS: '3' });
    expect(res).toBe(2);
  });

  it('exits 1 and names the first broken record: the oldest kept one deleted, then a checkpoint altered', async () => {
    let database = await open();
    await tamper(database.db, sql`delete from audit_log where seq = 4`);
    await database.close();
    const deleted = await cli('audit-verify');
    expect(deleted.code).toBe(1);
    expect(deleted.err).toMatch(/broken at record #4: .*missing/);

    database = await open();
    await tamper(database.db, sql`update audit_log set details = jsonb_set(details, '{prunedThroughSeq}', '4') where action = 'checkpoint'`);
    // (The appended records after the checkpoint are intact; the checkpoint is reported first.)
    await database.close();
    const altered = await cli('audit-verify');
    expect(altered.code).toBe(1);
    expect(altered.err).toMatch(/broken at record #7 .*changed/);
  });

  it('exits non-zero as a process too', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit-verify'], { env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' } }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/#7/);
  });
});
