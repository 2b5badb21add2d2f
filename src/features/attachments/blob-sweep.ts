/**
 * The orphan sweep of the blob store (src/kernel/blob-store.ts). An upload writes its file first and
 * its row after, in two steps that cannot be one transaction: a process killed between them (or a
 * row rolled back, or a row deleted later) leaves a file that no row names, and a kill during the
 * write leaves a temporary `*.tmp` file. Neither is ever served; this sweep removes both once they
 * are older than the grace period, so that an upload in flight in any process — whose file is
 * younger, since storing a file that is already there renews its time — is never touched.
 *
 * A file is referenced when a row of any table with a `sha256` column names it: `attachments`
 * (applications), `pilot_files` (the cycle's evidence, summaries and provincial documents),
 * `event_materials`, and whatever table a feature adds under the same convention. Runs at start-up
 * and daily (src/server/main.ts).
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export interface BlobSweepResult {
  /** Files no row names, removed. */
  removed: string[];
  /** Temporary files of interrupted writes, removed. */
  temporary: string[];
  /** Files kept: referenced, or younger than the grace period. */
  kept: number;
}

/** Default grace period: far longer than any upload takes. */
export const BLOB_SWEEP_GRACE_MS = 60 * 60_000;

const BLOB_NAME = /^[0-9a-f]{64}$/;

type Rows<T> = { rows: T[] };

/**
 * Every file name any row holds: the blob store's convention is a column `sha256` on each table that
 * keeps files (attachments, pilot_files, event_materials, …), so the tables are found by that column
 * and a feature that adds one is covered without a change here.
 */
export async function referencedBlobs(db: Db): Promise<Set<string>> {
  const tables = (
    (await db.execute(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'sha256' and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE') order by 1`,
    )) as unknown as Rows<{ table_name: string }>
  ).rows.map((r) => r.table_name);
  if (!tables.length) return new Set();
  const union = tables.map((t) => `select sha256 from public."${t.replace(/"/g, '""')}"`).join(' union ');
  const result = (await db.execute(sql.raw(union))) as unknown as Rows<{ sha256: string }>;
  return new Set(result.rows.map((r) => r.sha256));
}

export async function sweepOrphanBlobs(db: Db, uploadDir: string, opts: { now?: Date; graceMs?: number } = {}): Promise<BlobSweepResult> {
  const cutoff = (opts.now ?? new Date()).getTime() - (opts.graceMs ?? BLOB_SWEEP_GRACE_MS);
  const out: BlobSweepResult = { removed: [], temporary: [], kept: 0 };
  const subs = await readdir(uploadDir).catch(() => [] as string[]);
  // The rows are read after the folder names and before each file's time: a file stored after the
  // read is younger than the cutoff, so it is kept whether or not its row has landed yet.
  const referenced = await referencedBlobs(db);
  for (const sub of subs) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    const dir = join(uploadDir, sub);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const isBlob = BLOB_NAME.test(name) && name.startsWith(sub);
      const isTemp = name.endsWith('.tmp') && BLOB_NAME.test(name.slice(0, 64));
      if (!isBlob && !isTemp) continue;
      if (isBlob && referenced.has(name)) {
        out.kept++;
        continue;
      }
      const info = await stat(join(dir, name)).catch(() => null);
      if (!info) continue;
      if (info.mtimeMs > cutoff) {
        out.kept++;
        continue;
      }
      await unlink(join(dir, name)).catch(() => undefined);
      (isBlob ? out.removed : out.temporary).push(name);
    }
  }
  return out;
}
