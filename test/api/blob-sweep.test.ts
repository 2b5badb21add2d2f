/**
 * The blob store's orphan sweep (src/features/attachments/blob-sweep.ts), on both databases: a file
 * no row names and a half-written temporary file, both older than the grace period, are removed; a
 * file a row names (in any table with a sha256 column), and any file younger than the grace period,
 * are kept; storing the same bytes again renews an old file, so an upload whose row is on its way
 * keeps its file.
 */
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachments, organisations, users } from '../../src/db/schema.js';
import { referencedBlobs, sweepOrphanBlobs } from '../../src/features/attachments/public.js';
import { blobPath, storeBlob } from '../../src/kernel/blob-store.js';
import { createApplication } from '../../src/features/applications/applications.service.js';
import { seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, makeTestApp, type TestApp } from '../helpers/test-app.js';

const HOUR = 60 * 60_000;

describe.each(dbKinds())('orphan sweep of the blob store on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
  }, 120_000);
  afterAll(async () => t?.close());

  const age = (path: string, ms: number) => {
    const when = new Date(Date.now() - ms);
    utimesSync(path, when, when);
  };

  it('removes old unreferenced files and temporary files, keeps referenced and young ones', async () => {
    const db = t.database.db;
    const dir = t.uploadDir;
    const [user] = await db
      .select({ id: users.id, role: users.role, organisationId: users.organisationId, divisionCode: organisations.divisionCode })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.role, 'city_applicant'))
      .limit(1);
    const appId = await createApplication(db, { ...user!, role: 'city_applicant', authorityId: null }, { title: '清理测试', applicationYear: 2016 });
    const referenced = await storeBlob(dir, Buffer.from('%PDF-1.4 referenced'));
    await db.insert(attachments).values({ applicationId: appId, sha256: referenced, filename: 'a.pdf', mimeType: 'application/pdf', size: 10, uploadedBy: user!.id });
    const oldOrphan = await storeBlob(dir, Buffer.from('%PDF-1.4 old orphan'));
    const youngOrphan = await storeBlob(dir, Buffer.from('%PDF-1.4 young orphan'));
    const renewed = await storeBlob(dir, Buffer.from('%PDF-1.4 stored again'));
    const temp = `${blobPath(dir, oldOrphan)}.123.abcd1234.tmp`;
    writeFileSync(temp, 'half');
    for (const p of [blobPath(dir, referenced), blobPath(dir, oldOrphan), blobPath(dir, renewed), temp]) age(p, 2 * HOUR);
    // The same bytes uploaded again (its row not yet written): the file is renewed.
    await storeBlob(dir, Buffer.from('%PDF-1.4 stored again'));

    expect((await referencedBlobs(db)).has(referenced)).toBe(true);
    const r = await sweepOrphanBlobs(db, dir, { graceMs: HOUR });
    expect(r.removed).toEqual([oldOrphan]);
    expect(r.temporary).toEqual([temp.split('/').pop()]);
    expect(existsSync(blobPath(dir, referenced))).toBe(true);
    expect(existsSync(blobPath(dir, youngOrphan))).toBe(true);
    expect(existsSync(blobPath(dir, renewed))).toBe(true);
    expect(existsSync(blobPath(dir, oldOrphan))).toBe(false);
    expect(existsSync(temp)).toBe(false);

    // With no grace, every unreferenced file goes; the referenced one stays.
    const all = await sweepOrphanBlobs(db, dir, { graceMs: 0, now: new Date(Date.now() + 1000) });
    expect(all.removed.sort()).toEqual([youngOrphan, renewed].sort());
    expect(existsSync(blobPath(dir, referenced))).toBe(true);
  });

  it('does nothing on an upload folder that does not exist yet', async () => {
    expect(await sweepOrphanBlobs(t.database.db, `${t.uploadDir}/missing`)).toEqual({ removed: [], temporary: [], kept: 0 });
  });
});
