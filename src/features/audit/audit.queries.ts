/**
 * The only place that touches the audit tables.
 *
 * Appending (ADR 0015) is one statement per batch of records, with no explicit transaction: it moves
 * the chain head from the (position, hash) this process last saw to the batch's last record and
 * inserts the batch, but only if the head still is where it was seen (a compare-and-set in a
 * data-modifying CTE, atomic as one statement). When another process appended in between, nothing is
 * written, the head is read again and the batch re-chained onto it, so records from several server
 * processes still form one line; the unique index on `seq` stands behind it. Inside one process the
 * appends of concurrent requests queue up and go in together (group commit): each caller's promise
 * settles only once its record is committed. Pruning (and the CLI) take the head row's lock in a
 * transaction instead (`appendInTx`); the process's remembered head is then stale, and the next
 * compare-and-set reads it afresh.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditChainHead, auditLog } from '../../db/schema.js';
import { recordHash, storableDetails, storableText, type ChainedContent, type ChainedRecord, type ChainHead } from './audit-chain.js';

/** A record to append; `id` is given by a caller that must be able to tell whether it was appended already (the spool). */
export type NewAuditRecord = Omit<ChainedContent, 'id' | 'at'> & { at?: Date; id?: string };

const text = (s: string | null) => (s === null ? null : storableText(s));

/** The content as it is hashed and stored. */
function contentOf(r: NewAuditRecord): ChainedContent {
  return {
    id: r.id ?? randomUUID(),
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
}

/** Chains contents onto a head: positions and hashes. */
function chainOnto(head: ChainHead, contents: readonly ChainedContent[]): ChainedRecord[] {
  let prev = head;
  return contents.map((content) => {
    const hash = recordHash(content, prev.hash);
    const record: ChainedRecord = { ...content, seq: prev.seq + 1, prevHash: prev.hash, hash };
    prev = { seq: record.seq, hash };
    return record;
  });
}

/**
 * Inserts the records and moves the head to the last of them, in one statement, if the head is still
 * at `seen`. Returns whether it was (false: nothing was written).
 */
async function insertIfHeadAt(db: Db, seen: ChainHead, records: readonly ChainedRecord[]): Promise<boolean> {
  const last = records[records.length - 1]!;
  const rows = sql.join(
    records.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.seq}::bigint, ${r.at.toISOString()}::timestamptz, ${r.actorId}::uuid, ${r.username}::text, ${r.role}::text, ${r.ip}::text, ${r.method}::text, ${r.route}::text, ${r.action}::text, ${r.outcome}::text, ${r.status}::integer, ${r.objectType}::text, ${r.objectId}::text, ${JSON.stringify(r.details)}::jsonb, ${r.prevHash}::text, ${r.hash}::text)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    with moved as (
      update ${auditChainHead} set seq = ${last.seq}, hash = ${last.hash}
      where id = 1 and seq = ${seen.seq} and hash = ${seen.hash}
      returning 1
    )
    insert into ${auditLog} (id, seq, at, actor_id, username, role, ip, method, route, action, outcome, status, object_type, object_id, details, prev_hash, hash)
    select v.* from (values ${rows}) as v(id, seq, at, actor_id, username, role, ip, method, route, action, outcome, status, object_type, object_id, details, prev_hash, hash)
    where exists (select 1 from moved)
    returning seq`);
  const inserted = (result as unknown as { rows: unknown[] }).rows.length;
  if (inserted !== 0 && inserted !== records.length) throw new Error(`audit append wrote ${inserted} of ${records.length} records`);
  return inserted === records.length;
}

/** At most this many records go in one statement (17 parameters each). */
const MAX_BATCH = 200;
/** Compare-and-set attempts before giving up (each lost one means another process appended). */
const MAX_ATTEMPTS = 100;

interface Pending {
  content: ChainedContent;
  resolve: (r: ChainedRecord) => void;
  reject: (err: unknown) => void;
}

/** One database handle's appends: the head it last wrote, and the records waiting for the statement in flight. */
class Appender {
  private head: ChainHead | null = null;
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  append(content: ChainedContent): Promise<ChainedRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ content, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const records = await this.write(batch.map((p) => p.content));
          batch.forEach((p, i) => p.resolve(records[i]!));
        } catch (err) {
          if (batch.length === 1) {
            batch[0]!.reject(err);
            continue;
          }
          // One at a time, so that a record the database refuses does not take the others with it.
          for (const p of batch) {
            try {
              p.resolve((await this.write([p.content]))[0]!);
            } catch (e) {
              p.reject(e);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async write(contents: ChainedContent[]): Promise<ChainedRecord[]> {
    for (let attempt = 1; ; attempt++) {
      const seen = this.head ?? (await readChainHead(this.db));
      if (!seen) throw new Error('audit chain head missing');
      const records = chainOnto(seen, contents);
      let written: boolean;
      try {
        written = await insertIfHeadAt(this.db, seen, records);
      } catch (err) {
        // Whether it committed is unknown (a lost connection): read the head before the next append.
        this.head = null;
        throw err;
      }
      if (written) {
        const last = records[records.length - 1]!;
        this.head = { seq: last.seq, hash: last.hash };
        return records;
      }
      this.head = null;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`audit chain head moved on ${attempt} attempts in a row`);
    }
  }
}

const appenders = new WeakMap<Db, Appender>();

/** Appends one record to the chain and returns it, once it is committed. */
export async function appendAuditRecord(db: Db, r: NewAuditRecord): Promise<ChainedRecord> {
  let appender = appenders.get(db);
  if (!appender) appenders.set(db, (appender = new Appender(db)));
  return appender.append(contentOf(r));
}

/** Whether a record with this id is in the log (the spool's replay asks before appending it again). */
export async function auditRecordExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, id)).limit(1);
  return row !== undefined;
}

/** Appends inside the caller's transaction, holding the head row's lock until it commits (pruning). */
async function appendInTx(tx: Tx, r: NewAuditRecord): Promise<ChainedRecord> {
  const [head] = await tx
    .update(auditChainHead)
    .set({ seq: sql`${auditChainHead.seq} + 1` })
    .where(eq(auditChainHead.id, 1))
    .returning({ seq: auditChainHead.seq, hash: auditChainHead.hash });
  if (!head) throw new Error('audit chain head missing');
  const [record] = chainOnto({ seq: Number(head.seq) - 1, hash: head.hash }, [contentOf(r)]);
  await tx.insert(auditLog).values(record!);
  await tx.update(auditChainHead).set({ hash: record!.hash }).where(eq(auditChainHead.id, 1));
  return record!;
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
