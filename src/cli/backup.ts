/**
 * The backup-and-restore drill (docs/security.md, "Operations"), on the same configuration as the
 * server (DATABASE_URL, or the PGlite folder; UPLOAD_DIR or DATA_DIR/uploads):
 *
 *   backup --out DIR           PostgreSQL: pg_dump (custom format) taken in one snapshot with the row
 *                              counts, so the two agree while the servers keep running. PGlite: the data
 *                              folder as a tarball (dumpDataDir) — stop the server first, PGlite admits
 *                              one process. Then the attachment blobs, and manifest.json: the row count
 *                              of every table, the audit chain's head, the SHA-256 of every blob and of
 *                              the dump.
 *   restore --from DIR         into an EMPTY database (no tables) and an empty upload folder, refused
 *                              otherwise; then verifies as below.
 *   backup-verify --from DIR   checks the configured database and upload folder against the manifest:
 *                              row counts equal, the audit chain verifies and ends at the recorded head,
 *                              every blob's digest matches, every file a row names is there.
 *
 * Exit codes: 0 done and verified, 1 a verification mismatch (each one named), 2 refused or failed
 * (bad arguments, non-empty target, a tool or the database unavailable).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Db } from '../db/client.js';
import { referencedBlobs } from '../features/attachments/public.js';
import { verifyAuditChain } from '../features/audit/public.js';
import { loadConfig, type Config } from '../server/config.js';
import type { CliIo } from './main.js';

export const BACKUP_COMMANDS = ['backup', 'restore', 'backup-verify'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export const MANIFEST_FORMAT = 'mic2025-backup/1';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  database: 'postgres' | 'pglite';
  /** The dump's file name inside the backup folder and its SHA-256. */
  dump: { file: string; sha256: string; bytes: number };
  /** Rows per table, "schema.table". */
  tables: Record<string, number>;
  audit: { headSeq: number | null; headHash: string | null };
  /** Every blob of the upload folder: its name (the SHA-256 it was stored under), the digest of its bytes and its size. */
  blobs: { name: string; sha256: string; size: number }[];
}

class Refused extends Error {}

/** Tables outside the system schemas: relkind r (plain) and p (partitioned), as "schema.table". */
const TABLES_SQL = `
select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
 order by 1, 2`;

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

type Query = (text: string) => Promise<Record<string, unknown>[]>;

async function countRows(query: Query): Promise<Record<string, number>> {
  const tables = (await query(TABLES_SQL)) as { schema: string; name: string }[];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await query(`select count(*)::bigint as n from ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
    counts[`${t.schema}.${t.name}`] = Number(row!.n);
  }
  return counts;
}

async function auditHead(query: Query): Promise<BackupManifest['audit']> {
  const exists = await query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = 'audit_chain_head'`);
  if (!exists.length) return { headSeq: null, headHash: null };
  const [row] = await query('select seq::bigint as seq, hash from audit_chain_head where id = 1');
  return row ? { headSeq: Number(row.seq), headHash: String(row.hash) } : { headSeq: null, headHash: null };
}

const sha256Of = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
const BLOB_NAME = /^[0-9a-f]{64}$/;

/** The blobs under an upload folder (its two-letter subfolders), without temporary files. */
function listBlobs(uploadDir: string): { name: string; path: string }[] {
  if (!existsSync(uploadDir)) return [];
  const out: { name: string; path: string }[] = [];
  for (const sub of readdirSync(uploadDir).sort()) {
    const dir = join(uploadDir, sub);
    if (!/^[0-9a-f]{2}$/.test(sub) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) if (BLOB_NAME.test(name) && name.startsWith(sub)) out.push({ name, path: join(dir, name) });
  }
  return out;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    child.once('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`))));
  });
}

function pgliteAt(dataDir: string, loadDataDir?: Blob): PGlite {
  return new PGlite(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
}

async function backup(config: Config, outDir: string, io: CliIo): Promise<number> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new Refused(`备份目录不是空的 The backup folder is not empty: ${outDir}`);
  mkdirSync(join(outDir, 'uploads'), { recursive: true });
  let tables: Record<string, number>;
  let audit: BackupManifest['audit'];
  let dumpFile: string;
  if (config.databaseUrl) {
    dumpFile = 'database.dump';
    // One snapshot for the counts and the dump: pg_dump joins the exporting transaction's snapshot.
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const { rows } = await client.query<{ s: string }>('select pg_export_snapshot() as s');
      const query: Query = async (text) => (await client.query(text)).rows;
      tables = await countRows(query);
      audit = await auditHead(query);
      await run('pg_dump', ['--format=custom', `--snapshot=${rows[0]!.s}`, `--file=${join(outDir, dumpFile)}`, `--dbname=${config.databaseUrl}`]);
      await client.query('commit');
    } finally {
      await client.end();
    }
  } else {
    dumpFile = 'pglite.tar';
    if (!existsSync(join(config.dataDir, 'PG_VERSION'))) throw new Refused(`没有 PGlite 数据目录 No PGlite data folder at ${config.dataDir}`);
    const db = pgliteAt(config.dataDir);
    await db.waitReady;
    try {
      const query: Query = async (text) => (await db.query<Record<string, unknown>>(text)).rows;
      tables = await countRows(query);
      audit = await auditHead(query);
      const tar = await db.dumpDataDir('none');
      writeFileSync(join(outDir, dumpFile), Buffer.from(await tar.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  const blobs: BackupManifest['blobs'] = [];
  for (const b of listBlobs(config.uploadDir)) {
    const bytes = readFileSync(b.path);
    const digest = sha256Of(bytes);
    if (digest !== b.name) io.err(`警告 Warning: the stored file ${b.name} does not hash to its name (${digest}); backed up as it is`);
    mkdirSync(join(outDir, 'uploads', b.name.slice(0, 2)), { recursive: true });
    writeFileSync(join(outDir, 'uploads', b.name.slice(0, 2), b.name), bytes);
    blobs.push({ name: b.name, sha256: digest, size: bytes.length });
  }
  const dumpBytes = readFileSync(join(outDir, dumpFile));
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt: new Date().toISOString(),
    database: config.databaseUrl ? 'postgres' : 'pglite',
    dump: { file: dumpFile, sha256: sha256Of(dumpBytes), bytes: dumpBytes.length },
    tables,
    audit,
    blobs,
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  io.out(`已备份 Backed up (${manifest.database}) to ${outDir}: ${Object.keys(tables).length} tables, ${rows} rows, audit head #${audit.headSeq ?? '-'}, ${blobs.length} files`);
  return 0;
}

function readManifest(fromDir: string): BackupManifest {
  const file = join(fromDir, 'manifest.json');
  if (!existsSync(file)) throw new Refused(`不是备份目录（没有 manifest.json）Not a backup folder (no manifest.json): ${fromDir}`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (m.format !== MANIFEST_FORMAT) throw new Refused(`未知的备份格式 Unknown backup format: ${String(m.format)}`);
  return m;
}

async function restore(config: Config, fromDir: string, io: CliIo): Promise<number> {
  const manifest = readManifest(fromDir);
  const target = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.database !== target) throw new Refused(`备份来自 ${manifest.database}，目标是 ${target} The backup is of ${manifest.database}, the target is ${target}`);
  const dumpPath = join(fromDir, manifest.dump.file);
  if (!existsSync(dumpPath) || sha256Of(readFileSync(dumpPath)) !== manifest.dump.sha256) throw new Refused(`备份文件缺失或已损坏 The dump is missing or damaged: ${dumpPath}`);
  // Both targets must be empty before anything is written.
  if (existsSync(config.uploadDir) && readdirSync(config.uploadDir).length > 0) throw new Refused(`附件目录不是空的，拒绝恢复 Refusing to restore: the upload folder is not empty: ${config.uploadDir}`);
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const tables = (await client.query<{ schema: string; name: string }>(TABLES_SQL)).rows;
      if (tables.length > 0) {
        const names = tables.slice(0, 3).map((t) => `${t.schema}.${t.name}`).join(', ');
        throw new Refused(`目标数据库不是空的（${tables.length} 张表），拒绝恢复 Refusing to restore: the target database is not empty (${tables.length} tables, e.g. ${names}); create an empty database and point DATABASE_URL at it`);
      }
    } finally {
      await client.end();
    }
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${config.databaseUrl}`, dumpPath]);
  } else {
    if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) throw new Refused(`PGlite 数据目录不是空的，拒绝恢复 Refusing to restore: the PGlite data folder is not empty: ${config.dataDir}`);
    mkdirSync(config.dataDir, { recursive: true });
    const db = pgliteAt(config.dataDir, new Blob([readFileSync(dumpPath)]));
    await db.waitReady;
    await db.close();
  }
  for (const b of manifest.blobs) {
    const from = join(fromDir, 'uploads', b.name.slice(0, 2), b.name);
    mkdirSync(join(config.uploadDir, b.name.slice(0, 2)), { recursive: true });
    writeFileSync(join(config.uploadDir, b.name.slice(0, 2), b.name), readFileSync(from), { mode: 0o640 });
  }
  io.out(`已恢复 Restored ${manifest.database} backup of ${manifest.createdAt} (${manifest.blobs.length} files); verifying…`);
  return verify(config, fromDir, io, manifest);
}

/** Checks the configured database and upload folder against the manifest; prints one line per check. */
async function verify(config: Config, fromDir: string, io: CliIo, given?: BackupManifest): Promise<number> {
  const manifest = given ?? readManifest(fromDir);
  const problems: string[] = [];
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const db: Db = database.db;
    const query: Query = async (text) => {
      const r = (await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] };
      return r.rows;
    };
    const counts = await countRows(query);
    let tableProblems = 0;
    for (const name of new Set([...Object.keys(manifest.tables), ...Object.keys(counts)])) {
      const want = manifest.tables[name];
      const got = counts[name];
      if (want === got) continue;
      tableProblems++;
      problems.push(
        want === undefined
          ? `表 ${name} 不在备份中 table ${name} is not in the backup (${got} rows)`
          : got === undefined
            ? `表 ${name} 缺失 table ${name} is missing (backup: ${want} rows)`
            : `表 ${name} 行数不符 row count of ${name}: ${got}, backup ${want}`,
      );
    }
    const total = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    io.out(`${tableProblems ? '✗' : '✓'} 行数 row counts: ${Object.keys(manifest.tables).length} tables, ${total} rows${tableProblems ? `, ${tableProblems} differ` : ' equal'}`);

    // (A database without the platform's tables — an empty backup — has no chain to verify.)
    const chain =
      'public.audit_log' in counts
        ? await verifyAuditChain(db)
        : { ok: true, checked: 0, headSeq: null, headHash: null, broken: null as { seq: number; reason: string } | null };
    const headOk = chain.headSeq === manifest.audit.headSeq && chain.headHash === manifest.audit.headHash;
    if (!chain.ok) problems.push(`审计日志哈希链断裂 the audit chain is broken at record #${chain.broken!.seq} (${chain.broken!.reason})`);
    if (!headOk) problems.push(`审计链头不符 audit chain head #${chain.headSeq ?? '-'} ${chain.headHash ?? ''}, backup #${manifest.audit.headSeq ?? '-'} ${manifest.audit.headHash ?? ''}`);
    io.out(`${chain.ok && headOk ? '✓' : '✗'} 审计日志 audit chain: ${chain.checked} records${chain.ok ? ' verify' : ' BROKEN'}, head #${chain.headSeq ?? '-'}${headOk ? ' = backup' : ' ≠ backup'}`);

    let blobProblems = 0;
    const present = new Set<string>();
    for (const b of manifest.blobs) {
      const path = join(config.uploadDir, b.name.slice(0, 2), b.name);
      if (!existsSync(path)) {
        blobProblems++;
        problems.push(`附件文件缺失 file missing: ${b.name}`);
        continue;
      }
      present.add(b.name);
      const digest = sha256Of(readFileSync(path));
      if (digest !== b.sha256) {
        blobProblems++;
        problems.push(`附件摘要不符 digest mismatch: ${b.name} (now ${digest})`);
      }
    }
    // Every file a row names must be among them (every table with a sha256 column, as the orphan sweep reads them).
    const referenced = [...(await referencedBlobs(db))];
    for (const name of referenced) {
      if (!present.has(name)) {
        blobProblems++;
        problems.push(`记录引用的文件不存在 a row names a file that is not there: ${name}`);
      }
    }
    io.out(`${blobProblems ? '✗' : '✓'} 附件 files: ${manifest.blobs.length} digests${blobProblems ? `, ${blobProblems} problems` : ' match'}, ${referenced.length} referenced by rows`);
  } finally {
    await database.close();
  }
  for (const p of problems) io.err(`  ✗ ${p}`);
  if (problems.length) {
    io.err(`恢复校验未通过 Verification FAILED: ${problems.length} problems`);
    return 1;
  }
  io.out('恢复校验通过 Verification passed');
  return 0;
}

export async function runBackupCommand(command: BackupCommand, flags: Map<string, string | true>, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const flag = command === 'backup' ? 'out' : 'from';
  const dir = flags.get(flag);
  if (typeof dir !== 'string') {
    io.err(`用法 Usage: ${command} --${flag} DIR`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    if (command === 'backup') return await backup(config, resolve(dir), io);
    if (command === 'restore') return await restore(config, resolve(dir), io);
    return await verify(config, resolve(dir), io);
  } catch (e) {
    io.err(e instanceof Refused ? (e as Error).message : `失败 Failed: ${(e as Error).message}`);
    return 2;
  }
}
