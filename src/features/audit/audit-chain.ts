/**
 * The audit log's hash chain (ADR 0013): each record's hash is SM3 (GB/T 32905, node:crypto 'sm3')
 * over a canonical JSON of its content and the hash of the record before it. The position `seq` is
 * not hashed: it orders the records, and the links between hashes prove that order. So the verifier
 * can tell what happened to the first record that breaks the chain:
 *
 * - altered:      the record's content no longer gives its hash (a field was changed);
 * - missing:      a position is absent (a record was deleted);
 * - out_of_order: the record is intact but does not follow the one before it (records were moved,
 *                 or one was inserted or deleted and the positions renumbered);
 * - tail_missing: the last records are gone (the chain head names a later position or another hash);
 * - head_missing: the chain head itself is gone.
 *
 * Pruning past the retention period leaves a checkpoint record carrying the position and hash of the
 * last pruned record, so the chain still starts from a known hash.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What a record's hash covers (with the previous hash). */
export interface ChainedContent {
  id: string;
  at: Date;
  actorId: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  method: string;
  route: string;
  action: string;
  outcome: string;
  status: number;
  objectType: string | null;
  objectId: string | null;
  details: Record<string, unknown>;
}

export interface ChainedRecord extends ChainedContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** JSON with the keys of every object sorted: the same text for the same data, however it was stored. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

// Strings PostgreSQL would refuse (NUL) or jsonb would reject (a lone surrogate).
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(s: string): string {
  return s.replace(UNSTORABLE, '\uFFFD');
}

/** Details as jsonb will give them back: plain JSON (dates as strings, no undefined), storable text. */
export function storableDetails(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details, (_k, v: unknown) => (typeof v === 'string' ? storableText(v) : v))) as Record<string, unknown>;
}

export function recordHash(content: ChainedContent, prevHash: string): string {
  const text = canonicalJson({
    id: content.id,
    at: content.at.toISOString(),
    actorId: content.actorId,
    username: content.username,
    role: content.role,
    ip: content.ip,
    method: content.method,
    route: content.route,
    action: content.action,
    outcome: content.outcome,
    status: content.status,
    objectType: content.objectType,
    objectId: content.objectId,
    details: content.details,
    prevHash,
  });
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

export type ChainBreakReason = 'altered' | 'missing' | 'out_of_order' | 'tail_missing' | 'head_missing';

export interface ChainBreak {
  reason: ChainBreakReason;
  /** The position of the first broken record (for missing: the first absent position). */
  seq: number;
  /** The record found there, when there is one. */
  id: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** Where the chain starts: at the genesis, or after the last pruned record named by a checkpoint. */
export interface ChainStart {
  seq: number;
  prevHash: string;
}

export const CHAIN_START: ChainStart = { seq: 1, prevHash: GENESIS_HASH };

/** Checks records fed in order of position; stops at the first break. */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  checked = 0;
  broken: ChainBreak | null = null;

  constructor(start: ChainStart = CHAIN_START) {
    this.expectedSeq = start.seq;
    this.prevHash = start.prevHash;
  }

  /** Feeds the next record; returns false once the chain is broken. */
  push(r: ChainedRecord): boolean {
    if (this.broken) return false;
    if (r.seq !== this.expectedSeq) {
      this.broken = { reason: 'missing', seq: this.expectedSeq, id: null };
      return false;
    }
    if (recordHash(r, r.prevHash) !== r.hash) {
      this.broken = { reason: 'altered', seq: r.seq, id: r.id };
      return false;
    }
    if (r.prevHash !== this.prevHash) {
      this.broken = { reason: 'out_of_order', seq: r.seq, id: r.id };
      return false;
    }
    this.checked++;
    this.prevHash = r.hash;
    this.expectedSeq = r.seq + 1;
    return true;
  }

  /** After the last record: the head must name it. */
  finish(head: ChainHead | null): ChainBreak | null {
    if (this.broken) return this.broken;
    if (!head) return (this.broken = { reason: 'head_missing', seq: this.expectedSeq, id: null });
    if (head.seq !== this.expectedSeq - 1 || head.hash !== this.prevHash) {
      // The head is ahead: the records after the last one present were removed.
      this.broken = { reason: 'tail_missing', seq: this.expectedSeq, id: null };
    }
    return this.broken;
  }
}
