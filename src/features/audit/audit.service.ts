/**
 * The audit log's rules: recording, verifying the chain from its start (the genesis or the latest
 * checkpoint) to its head, pruning past the retention period, listing and exporting.
 */
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import { retentionCutoff } from '../../shared/audit/audit-events.js';
import { CHAIN_START, ChainVerifier, recordHash, type ChainBreak, type ChainedRecord, type ChainStart } from './audit-chain.js';
import {
  appendAuditRecord,
  countAuditRecords,
  filterCondition,
  latestCheckpoint,
  listAuditRecords,
  pruneBefore,
  readChainHead,
  recordsAfter,
  type AuditFilter,
  type NewAuditRecord,
} from './audit.queries.js';
import type { AuditListQuery, AuditRecordWire, AuditVerification } from './audit.contract.js';

export { appendAuditRecord, type NewAuditRecord };

const BATCH = 2000;
/** An export larger than this is refused: narrow the filters (the log itself keeps everything). */
export const MAX_EXPORT_ROWS = 100_000;

/** Where the chain starts now: after the latest checkpoint's last pruned record, or at the genesis. */
async function chainStart(db: Db): Promise<{ start: ChainStart; checkpoint: ChainedRecord | null; broken: ChainBreak | null }> {
  const cp = await latestCheckpoint(db);
  if (!cp) return { start: CHAIN_START, checkpoint: null, broken: null };
  // A checkpoint is trusted only while it is intact itself.
  if (recordHash(cp, cp.prevHash) !== cp.hash) return { start: CHAIN_START, checkpoint: cp, broken: { reason: 'altered', seq: cp.seq, id: cp.id } };
  const through = Number(cp.details.prunedThroughSeq);
  const lastHash = String(cp.details.lastPrunedHash ?? '');
  return { start: { seq: through + 1, prevHash: lastHash }, checkpoint: cp, broken: null };
}

/** Checks the whole chain, in batches; names the first broken record. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const startedAt = Date.now();
  const { start, checkpoint, broken: badCheckpoint } = await chainStart(db);
  const head = await readChainHead(db);
  const verifier = new ChainVerifier(start);
  if (!badCheckpoint) {
    let after = 0;
    for (;;) {
      const batch = await recordsAfter(db, after, BATCH);
      if (batch.length === 0) break;
      let ok = true;
      for (const r of batch) if (!(ok = verifier.push(r))) break;
      if (!ok) break;
      after = batch[batch.length - 1]!.seq;
    }
  }
  const broken = badCheckpoint ?? verifier.finish(head);
  return {
    ok: broken === null,
    checked: verifier.checked,
    startSeq: start.seq,
    startHash: start.prevHash,
    checkpointSeq: checkpoint?.seq ?? null,
    headSeq: head?.seq ?? null,
    headHash: head?.hash ?? null,
    broken,
    ms: Date.now() - startedAt,
  };
}

/**
 * Prunes what is older than the retention period, leaving a checkpoint so the chain stays
 * verifiable. The retention is at least six months (the caller's configuration is checked there).
 */
export async function pruneAuditLog(db: Db, opts: { retentionMonths: number; now?: Date }) {
  const now = opts.now ?? new Date();
  const cutoff = retentionCutoff(now, opts.retentionMonths);
  return pruneBefore(db, cutoff, (last, count) => ({
    at: now,
    actorId: null,
    username: null,
    role: null,
    ip: null,
    method: 'SYSTEM',
    route: 'audit-prune',
    action: 'checkpoint',
    outcome: 'success',
    status: 200,
    objectType: 'audit_log',
    objectId: null,
    details: {
      prunedThroughSeq: last.seq,
      lastPrunedHash: last.hash,
      lastPrunedAt: last.at.toISOString(),
      prunedCount: count,
      cutoff: cutoff.toISOString(),
      retentionMonths: opts.retentionMonths,
    },
  }));
}

export function present(r: ChainedRecord): AuditRecordWire {
  return {
    id: r.id,
    seq: r.seq,
    at: iso(r.at),
    actorId: r.actorId,
    username: r.username,
    role: r.role,
    ip: r.ip,
    method: r.method,
    route: r.route,
    action: r.action as AuditRecordWire['action'],
    outcome: r.outcome as AuditRecordWire['outcome'],
    status: r.status,
    objectType: r.objectType,
    objectId: r.objectId,
    details: r.details,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

export function filterOf(q: Omit<AuditListQuery, 'page' | 'pageSize'>): AuditFilter {
  return {
    username: q.username?.trim() || undefined,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    action: q.action,
    outcome: q.outcome,
    q: q.q?.trim() || undefined,
  };
}

export async function listAudit(db: Db, q: AuditListQuery) {
  const { rows, total } = await listAuditRecords(db, filterOf(q), q.page, q.pageSize);
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** Every record matching the filters, oldest first, for an export. */
export async function exportRecords(db: Db, q: Omit<AuditListQuery, 'page' | 'pageSize'>): Promise<ChainedRecord[]> {
  const f = filterOf(q);
  const n = await countAuditRecords(db, f);
  if (n > MAX_EXPORT_ROWS) throw new AppError('AUDIT_EXPORT_TOO_LARGE', { rows: n, max: MAX_EXPORT_ROWS });
  const where = filterCondition(f);
  const out: ChainedRecord[] = [];
  let after = 0;
  for (;;) {
    const batch = await recordsAfter(db, after, BATCH, where);
    if (batch.length === 0) break;
    out.push(...batch);
    after = batch[batch.length - 1]!.seq;
  }
  return out;
}
