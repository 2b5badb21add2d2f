/**
 * The only place that touches the audit tables. Appending locks the chain head's row for the length
 * of one short transaction (read the last hash, insert the record, move the head), so records from
 * several server processes form one line; PGlite runs one transaction at a time anyway.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditChainHead, auditLog } from '../../db/schema.js';
import { recordHash, storableDetails, storableText, type ChainedContent, type ChainedRecord, type ChainHead } from './audit-chain.js';

export type NewAuditRecord = Omit<ChainedContent, 'id' | 'at'> & { at?: Date };

const text = (s: string | null) => (s === null ? null : storableText(s));

/** Appends one record to the chain and returns it. */
export async function appendAuditRecord(db: Db, r: NewAuditRecord): Promise<ChainedRecord> {
  return db.transaction((tx) => appendInTx(tx, r));
}

async function appendInTx(tx: Tx, r: NewAuditRecord): Promise<ChainedRecord> {
  const [head] = await tx
    .update(auditChainHead)
    .set({ seq: sql`${auditChainHead.seq} + 1` })
    .where(eq(auditChainHead.id, 1))
    .returning({ seq: auditChainHead.seq, hash: auditChainHead.hash });
  if (!head) throw new Error('audit chain head missing');
  const content: ChainedContent = {
    id: randomUUID(),
    // The column keeps milliseconds, so the hash of what is read back is the hash computed here.
    at: new Date(Math.floor((r.at ?? new Date()).getTime())),
    actorId: r.actorId,
    username: text(r.username),
    role: text(r.role),
    ip: text(r.ip),
    method: storableText(r.method),
    route: storableText(r.route),
    action: r.action,
    outcome: r.outcome,
    status: r.status,
    objectType: text(r.objectType),
    objectId: text(r.objectId),
    details: storableDetails(r.details),
  };
  const hash = recordHash(content, head.hash);
  const record: ChainedRecord = { ...content, seq: Number(head.seq), prevHash: head.hash, hash };
  await tx.insert(auditLog).values(record);
  await tx.update(auditChainHead).set({ hash }).where(eq(auditChainHead.id, 1));
  return record;
}

export async function readChainHead(db: Db | Tx): Promise<ChainHead | null> {
  const [row] = await db.select({ seq: auditChainHead.seq, hash: auditChainHead.hash }).from(auditChainHead).where(eq(auditChainHead.id, 1));
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

function toRecord(row: typeof auditLog.$inferSelect): ChainedRecord {
  return { ...row, seq: Number(row.seq) };
}

/** A batch of records after a position, in order of position (for verifying and exporting). */
export async function recordsAfter(db: Db, afterSeq: number, limit: number, filter?: SQL): Promise<ChainedRecord[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(filter ? and(gt(auditLog.seq, afterSeq), filter) : gt(auditLog.seq, afterSeq))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
  return rows.map(toRecord);
}

/**
 * Every record about any of the given objects (its object id one of `objectIds`, exactly), oldest
 * first, read in batches through the object index (audit_log_object_idx): the dossier's audit section.
 */
export async function recordsOfObjects(db: Db, objectIds: readonly string[], batch = 2000): Promise<ChainedRecord[]> {
  const ids = [...new Set(objectIds)];
  if (ids.length === 0) return [];
  const out: ChainedRecord[] = [];
  for (let after = 0; ; ) {
    const rows = await recordsAfter(db, after, batch, inArray(auditLog.objectId, ids));
    out.push(...rows);
    if (rows.length < batch) return out;
    after = rows[rows.length - 1]!.seq;
  }
}

/** The latest checkpoint left by pruning, if any. */
export async function latestCheckpoint(db: Db): Promise<ChainedRecord | null> {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'checkpoint')).orderBy(desc(auditLog.seq)).limit(1);
  return row ? toRecord(row) : null;
}

export interface AuditFilter {
  username?: string;
  from?: Date;
  to?: Date;
  action?: string;
  outcome?: string;
  /** Part of the route or of the object id. */
  q?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function filterCondition(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.username) parts.push(ilike(auditLog.username, `%${escapeLike(f.username)}%`));
  if (f.from) parts.push(gte(auditLog.at, f.from));
  if (f.to) parts.push(lte(auditLog.at, f.to));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.outcome) parts.push(eq(auditLog.outcome, f.outcome));
  if (f.q) parts.push(sql`(${auditLog.route} ilike ${`%${escapeLike(f.q)}%`} or ${auditLog.objectId} ilike ${`%${escapeLike(f.q)}%`})`);
  return parts.length ? and(...parts) : undefined;
}

/** A page of records, newest first, and how many match. */
export async function listAuditRecords(db: Db, f: AuditFilter, page: number, pageSize: number) {
  const where = filterCondition(f);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows: rows.map(toRecord), total: Number(count?.n ?? 0) };
}

export async function countAuditRecords(db: Db, f: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(filterCondition(f));
  return Number(row?.n ?? 0);
}

/**
 * Prunes the records older than `cutoff` and leaves a checkpoint naming the last pruned record, in
 * one transaction holding the chain head, so nothing is appended in between. Returns how many were
 * pruned (0: nothing was old enough, and no checkpoint is written).
 */
export async function pruneBefore(
  db: Db,
  cutoff: Date,
  checkpoint: (last: ChainedRecord, count: number) => NewAuditRecord,
): Promise<{ pruned: number; checkpoint: ChainedRecord | null }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${auditChainHead} where ${auditChainHead.id} = 1 for update`);
    const [last] = await tx.select().from(auditLog).where(sql`${auditLog.at} < ${cutoff}`).orderBy(desc(auditLog.seq)).limit(1);
    if (!last) return { pruned: 0, checkpoint: null };
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(lte(auditLog.seq, last.seq));
    // The append-only trigger lets this transaction, and only it, delete.
    await tx.execute(sql`select set_config('mic.audit_prune', 'on', true)`);
    await tx.delete(auditLog).where(lte(auditLog.seq, last.seq));
    await tx.execute(sql`select set_config('mic.audit_prune', 'off', true)`);
    const record = await appendInTx(tx, checkpoint(toRecord(last), Number(count?.n ?? 0)));
    return { pruned: Number(count?.n ?? 0), checkpoint: record };
  });
}

/** For tests of the audit: the records of one actor, oldest first. */
export async function recordsOfUser(db: Db, username: string): Promise<ChainedRecord[]> {
  const rows = await db.select().from(auditLog).where(eq(auditLog.username, username)).orderBy(asc(auditLog.seq));
  return rows.map(toRecord);
}
