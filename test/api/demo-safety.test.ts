/**
 * Demo data prints its password in the README. So a demo start listens on this machine only (unless
 * HOST says otherwise), and a start without demo data refuses to run while any account still signs
 * in with the demo password.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/db/client.js';
import { users } from '../../src/db/schema.js';
import { hashPassword } from '../../src/features/accounts/accounts.queries.js';
import { loadConfig } from '../../src/server/config.js';
import { accountsWithDemoPassword, DEMO_ACCOUNTS, seedDemoData } from '../../src/server/demo/seed-demo.js';
import { dbKinds, makeTestApp, type TestApp } from '../helpers/test-app.js';

describe('where a start listens', () => {
  it('listens on loopback with demo data, on every interface without, and as HOST says', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ DEMO_DATA: 'true', DATABASE_URL: 'postgres://db/x' }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DEMO_DATA: 'false' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe.each(dbKinds())('accounts with the demo password on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedDemoData(t.database.db);
  });
  afterAll(async () => t?.close());

  it('lists every demo account until its password changes or it is deactivated', async () => {
    const db = t.database.db;
    const all = await accountsWithDemoPassword(db);
    for (const a of DEMO_ACCOUNTS) expect(all).toContain(a.username);
    await db.update(users).set({ passwordHash: await hashPassword('Another#Pass2026') }).where(eq(users.username, 'admin'));
    await db.update(users).set({ active: false }).where(and(eq(users.username, 'ningbo')));
    const left = await accountsWithDemoPassword(db);
    expect(left).not.toContain('admin');
    expect(left).not.toContain('ningbo');
    expect(left).toContain('guihuasi');
  });
});

describe('a start without demo data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mic-demo-safety-'));
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrateDatabase(database);
    await seedDemoData(database.db);
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to run while demo passwords remain, and names the accounts', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: dir, DEMO_DATA: 'false', PORT: '0', SCHEDULER: 'off', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('拒绝启动');
    expect(res.stderr).toContain('Refusing to start');
    expect(res.stderr).toContain('admin');
  });
});
