/**
 * The backup-and-restore drill (src/cli/backup.ts) on both databases: the demo data plus stored
 * attachments and audit records are backed up, restored into an empty database and upload folder,
 * and verified (row counts, the audit chain, every file's digest); a changed file fails the check
 * and names the file; a restore into a target that is not empty is refused.
 * PGlite always; PostgreSQL (throw-away databases, pg_dump/pg_restore) when TEST_DATABASE_URL is set.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/db/client.js';
import { applications, attachments, users } from '../../src/db/schema.js';
import { appendAuditRecord } from '../../src/features/audit/public.js';
import { storeBlob } from '../../src/kernel/blob-store.js';
import { runCli } from '../../src/cli/main.js';
import type { BackupManifest } from '../../src/cli/backup.js';
import { seedDemoData } from '../../src/server/demo/seed-demo.js';
import { createPgDatabase, dbKinds } from '../helpers/test-app.js';

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(dbKinds())('backup and restore on %s', (kind) => {
  const root = mkdtempSync(join(tmpdir(), 'mic-backup-'));
  const drops: (() => Promise<void>)[] = [];
  let sourceEnv: Record<string, string>;
  let targetEnv: Record<string, string>;
  const backupDir = join(root, 'backup');
  const blobs: string[] = [];

  beforeAll(async () => {
    const envFor = async (name: string): Promise<Record<string, string>> => {
      const base = { DATA_DIR: join(root, name), UPLOAD_DIR: join(root, name, 'uploads'), DEMO_DATA: 'false' };
      if (kind === 'pglite') return base;
      const created = await createPgDatabase();
      drops.push(created.drop);
      return { ...base, DATABASE_URL: created.url };
    };
    sourceEnv = await envFor('source');
    targetEnv = await envFor('target');

    // The source: the demo data, two attachments with their blobs, and a few audit records.
    const database = await openDatabase({ url: sourceEnv.DATABASE_URL, dataDir: join(sourceEnv.DATA_DIR!, 'pglite') });
    try {
      await migrateDatabase(database);
      await seedDemoData(database.db);
      const [app] = await database.db.select({ id: applications.id }).from(applications).limit(1);
      const [user] = await database.db.select({ id: users.id }).from(users).limit(1);
      for (const text of ['first attachment', '第二个附件']) {
        const buf = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
        const sha256 = await storeBlob(sourceEnv.UPLOAD_DIR!, buf);
        blobs.push(sha256);
        await database.db.insert(attachments).values({ applicationId: app!.id, sha256, filename: `${text}.pdf`, mimeType: 'application/pdf', size: buf.length, uploadedBy: user!.id });
      }
      for (let i = 0; i < 3; i++) {
        await appendAuditRecord(database.db, {
          actorId: null,
          username: 'drill',
          role: null,
          ip: '127.0.0.1',
          method: 'POST',
          route: '/drill',
          action: 'write',
          outcome: 'success',
          status: 200,
          objectType: null,
          objectId: null,
          details: { i },
        });
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const d of drops) await d();
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up the database, the files and a manifest', async () => {
    const r = await cli(['backup', '--out', backupDir], sourceEnv);
    expect(r.code, r.err).toBe(0);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.database).toBe(kind);
    expect(manifest.dump.file).toBe(kind === 'postgres' ? 'database.dump' : 'pglite.tar');
    expect(manifest.tables['public.attachments']).toBe(2);
    expect(manifest.tables['public.users']).toBeGreaterThan(10);
    expect(manifest.tables['public.audit_log']).toBeGreaterThanOrEqual(3);
    expect(manifest.audit.headSeq).toBeGreaterThanOrEqual(3);
    expect(manifest.audit.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.blobs.map((b) => b.sha256).sort()).toEqual([...blobs].sort());
    for (const b of manifest.blobs) expect(b.name).toBe(b.sha256);
  });

  it('refuses a backup into a folder that is not empty', async () => {
    const r = await cli(['backup', '--out', backupDir], sourceEnv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not empty');
  });

  it('restores into an empty database and folder, and the verification passes', async () => {
    const r = await cli(['restore', '--from', backupDir], targetEnv);
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toContain('✓ 行数 row counts');
    expect(r.out).toMatch(/✓ 审计日志 audit chain: \d+ records verify/);
    expect(r.out).toContain('✓ 附件 files: 2 digests match, 2 referenced by rows');
    expect(r.out).toContain('Verification passed');
    const again = await cli(['backup-verify', '--from', backupDir], targetEnv);
    expect(again.code, again.err).toBe(0);
  });

  it('refuses to restore into a target that is not empty', async () => {
    const r = await cli(['restore', '--from', backupDir], targetEnv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Refusing to restore: the (upload folder|target database|PGlite data folder) is not empty/);
    // The database alone not empty (the upload folder empty) is refused too.
    const other = { ...targetEnv, UPLOAD_DIR: join(root, 'empty-uploads') };
    const db = await cli(['restore', '--from', backupDir], other);
    expect(db.code).toBe(2);
    expect(db.err).toMatch(/Refusing to restore: the (target database|PGlite data folder) is not empty/);
  });

  it('fails the verification when a restored file was changed, naming it', async () => {
    const name = blobs[0]!;
    const path = join(targetEnv.UPLOAD_DIR!, name.slice(0, 2), name);
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('tampered')]));
    const r = await cli(['backup-verify', '--from', backupDir], targetEnv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`digest mismatch: ${name}`);
    expect(r.err).toContain('Verification FAILED: 1 problems');
    expect(r.err).not.toContain(blobs[1]!);
  });

  it('fails the verification when a row was removed after the backup', async () => {
    const database = await openDatabase({ url: targetEnv.DATABASE_URL, dataDir: join(targetEnv.DATA_DIR!, 'pglite') });
    try {
      await database.db.delete(attachments);
    } finally {
      await database.close();
    }
    const r = await cli(['backup-verify', '--from', backupDir], targetEnv);
    expect(r.code).toBe(1);
    expect(r.err).toContain('row count of public.attachments: 0, backup 2');
  });
});
