/**
 * The audit spool: where a record goes when the database refuses it (it is down, or the audit table
 * cannot be written), so that no record is lost. One JSON file per record under the data folder
 * (`DATA_DIR/audit-spool`), written to a temporary name, flushed to disk and renamed, so a file is
 * either whole or absent. The next append that succeeds, and every start of the server, replays the
 * spool into the chain oldest first: each record keeps its id and time, and a record whose id the log
 * holds already (a replay cut short after its append) is not appended twice. A file is claimed by
 * renaming it first, so two processes sharing the folder never replay the same one. A file's name
 * carries its database's tag (the database's name and the cluster's system identifier, digested),
 * so a record is only ever replayed into the chain it was meant for, however many databases share
 * the folder (test databases do).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { appendAuditRecord, auditRecordExists, type NewAuditRecord } from './audit.queries.js';

const SUFFIX = '.json';
/** Orders records spooled in the same millisecond by this process. */
let spooledHere = 0;

/** The spool folder: the one given, else AUDIT_SPOOL_DIR, else `audit-spool` in the data folder (DATA_DIR, as the server's config reads it). */
export function spoolFolder(given?: string): string {
  return resolve(given ?? process.env.AUDIT_SPOOL_DIR ?? join(process.env.DATA_DIR ?? '.data', 'audit-spool'));
}

/** Records spooled before the database could be identified (it failed from the start): replayed into any chain. */
export const UNKNOWN_DATABASE = 'unknown';

/** The tag of the database's spooled records: its name and its cluster's system identifier, digested. */
export async function databaseTag(db: Db): Promise<string> {
  const res = await db.execute(sql`select current_database() as name, system_identifier::text as id from pg_control_system()`);
  const row = (res as unknown as { rows: { name: string; id: string }[] }).rows[0];
  return createHash('sha256').update(`${row?.name}:${row?.id}`).digest('hex').slice(0, 16);
}

/** A spooled record as it is stored: what appendAuditRecord takes, the time as text. */
interface SpooledFile extends Omit<NewAuditRecord, 'at' | 'id'> {
  id: string;
  at: string;
}

/** Writes the record to the spool, durably, and returns its file name. */
export async function spoolRecord(folder: string, tag: string, record: NewAuditRecord & { id: string; at: Date }): Promise<string> {
  await mkdir(folder, { recursive: true });
  // Names sort by time, so the replay keeps the order the records were made in.
  const name = `${record.at.getTime().toString().padStart(15, '0')}-${(spooledHere++ % 1e9).toString().padStart(9, '0')}-${tag}-${record.id}${SUFFIX}`;
  const tmp = join(folder, `.${name}.${randomUUID()}.tmp`);
  const file = await open(tmp, 'wx', 0o600);
  try {
    await file.writeFile(JSON.stringify({ ...record, at: record.at.toISOString() } satisfies SpooledFile));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, join(folder, name));
  await syncFolder(folder);
  return name;
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Not every file system lets a folder be flushed; the rename is done either way.
  }
}

/** The file names of a database's spooled records (and of those spooled before any database was known), oldest first. */
export async function spooledFiles(folder: string, tag: string): Promise<string[]> {
  const ours = new RegExp(`^\\d{15}-\\d{9}-(?:${tag}|${UNKNOWN_DATABASE})-[0-9a-f-]{36}\\${SUFFIX}$`);
  try {
    return (await readdir(folder)).filter((n) => ours.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Files claimed by a process that ended before it replayed them go back into the spool. */
async function reviveOrphans(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^\.(.+\.json)\.(\d+)\.[0-9a-f-]+\.claimed$/.exec(n);
    if (!m || processAlive(Number(m[2]))) continue;
    await rename(join(folder, n), join(folder, m[1]!)).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Appends every spooled record to the chain, oldest first, and removes its file. Stops at the first
 * record the database refuses (it stays in the spool for the next replay). Returns how many were
 * replayed.
 */
export async function replaySpool(db: Db, folder: string, tag: string): Promise<number> {
  await reviveOrphans(folder);
  let replayed = 0;
  for (const name of await spooledFiles(folder, tag)) {
    const claimed = join(folder, `.${name}.${process.pid}.${randomUUID()}.claimed`);
    try {
      await rename(join(folder, name), claimed);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // another process took it
      throw err;
    }
    try {
      const stored = JSON.parse(await readFile(claimed, 'utf8')) as SpooledFile;
      if (!(await auditRecordExists(db, stored.id))) await appendAuditRecord(db, { ...stored, at: new Date(stored.at) });
    } catch (err) {
      // Back into the spool, under its own name, for the next replay.
      await rename(claimed, join(folder, name));
      throw err;
    }
    await unlink(claimed);
    replayed++;
  }
  return replayed;
}
