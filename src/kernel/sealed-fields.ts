/**
 * Every field of personal data that is sealed at rest (src/kernel/field-crypto.ts), and the one pass
 * that brings them all under the current key: `encrypt-data` (seal what is still plaintext, also run at
 * start-up) and `rotate-data-key` (also re-seal what is under an older key, so the older key can go).
 *
 * The features seal and open these fields in their own queries; this list names them again for the
 * pass, which works on the tables directly. The pass walks each field in batches by primary key and
 * writes each value back with a compare-and-set on the value it read, so a concurrent edit (already
 * sealed by the app) is never overwritten; it selects only what is not yet under the current key, so a
 * pass that stops half-way simply continues where it was when run again.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { blindIndex, dataProtection, FieldCryptoError, openField, sealField, type BlindIndexKind, type DataProtection } from './field-crypto.js';

export interface SealedField {
  /** The context the value is authenticated under (and its name in reports). */
  context: string;
  table: string;
  column: string;
  /** A path inside a jsonb column, e.g. ['contact', 'phone']; absent for a text column. */
  jsonPath?: readonly string[];
  /** The blind-index column kept beside it, and what kind of value it indexes. */
  index?: { column: string; kind: BlindIndexKind };
}

export const SEALED_FIELDS: readonly SealedField[] = [
  { context: 'experts.email', table: 'experts', column: 'email', index: { column: 'email_bidx', kind: 'email' } },
  { context: 'experts.phone', table: 'experts', column: 'phone', index: { column: 'phone_bidx', kind: 'phone' } },
  ...(['applications', 'plan_versions'] as const).flatMap((table) =>
    (['phone', 'mobile', 'email'] as const).map((f) => ({ context: `plan.contact.${f}`, table, column: 'plan', jsonPath: ['contact', f] as const })),
  ),
  // Accounts (src/features/accounts/accounts.queries.ts) and the e-mail outbox's recipients (notifications.queries.ts).
  { context: 'users.email', table: 'users', column: 'email', index: { column: 'email_bidx', kind: 'email' } },
  { context: 'email_outbox.to_address', table: 'email_outbox', column: 'to_address' },
];

export interface SealReport {
  field: string;
  table: string;
  /** Plaintext values sealed. */
  sealed: number;
  /** Values under an older key sealed again under the current one. */
  resealed: number;
  /** Edited by someone else between read and write (the app sealed those itself). */
  skipped: number;
  /** Values that do not open (a key no longer configured, or altered): left as they are. */
  unreadable: number;
}

async function rows<T>(db: Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

function valueExpr(f: SealedField): SQL {
  return f.jsonPath ? sql`${ident(f.column)} #>> ${`{${f.jsonPath.join(',')}}`}::text[]` : ident(f.column);
}

/**
 * Seals every value of every field that is not under the current key: only plaintext ones with
 * `mode: 'plaintext'` (encrypt-data), plaintext and older keys alike with `mode: 'rotate'`.
 * `onBatch` hears the running counts after each batch (the CLI prints them).
 */
export async function sealAllFields(
  db: Tx,
  opts: { mode: 'plaintext' | 'rotate'; batchSize?: number; protection?: DataProtection; onBatch?: (r: SealReport) => void },
): Promise<SealReport[]> {
  const p = opts.protection ?? dataProtection();
  const batch = opts.batchSize ?? 500;
  const out: SealReport[] = [];
  for (const f of SEALED_FIELDS) {
    const report: SealReport = { field: f.context, table: f.table, sealed: 0, resealed: 0, unreadable: 0, skipped: 0 };
    const value = valueExpr(f);
    const pending = opts.mode === 'plaintext' ? sql`${value} not like 'sm4:%'` : sql`${value} not like ${`sm4:v1:${p.currentKid}:%`}`;
    // Rows whose index is missing (plaintext written before the index column existed) count as pending too.
    const needsIndex = f.index && opts.mode === 'plaintext' ? sql` or (${ident(f.index.column)} is null)` : sql``;
    let after: string | null = null;
    for (;;) {
      const page: { id: string; v: string }[] = await rows<{ id: string; v: string }>(
        db,
        sql`select id::text as id, ${value} as v from ${ident(f.table)}
            where ${value} is not null and ${value} <> '' and (${pending}${needsIndex}) ${after ? sql`and id > ${after}::uuid` : sql``}
            order by id limit ${batch}`,
      );
      if (page.length === 0) break;
      for (const r of page) {
        let plain: string;
        try {
          plain = openField(r.v, f.context, p);
        } catch (e) {
          if (e instanceof FieldCryptoError) {
            report.unreadable++;
            continue;
          }
          throw e;
        }
        const sealedNow = r.v.startsWith(`sm4:v1:${p.currentKid}:`) ? r.v : sealField(plain, f.context, p);
        const set = f.jsonPath
          ? sql`${ident(f.column)} = jsonb_set(${ident(f.column)}, ${`{${f.jsonPath.join(',')}}`}::text[], to_jsonb(${sealedNow}::text))`
          : sql`${ident(f.column)} = ${sealedNow}`;
        const setIndex = f.index ? sql`, ${ident(f.index.column)} = ${blindIndex(f.index.kind, plain, p)}` : sql``;
        const changed = await rows<{ id: string }>(db, sql`update ${ident(f.table)} set ${set}${setIndex} where id = ${r.id}::uuid and ${value} = ${r.v} returning id::text as id`);
        if (changed.length === 0) report.skipped++;
        else if (r.v === sealedNow) continue;
        else if (r.v.startsWith('sm4:')) report.resealed++;
        else report.sealed++;
      }
      after = page[page.length - 1]!.id;
      opts.onBatch?.({ ...report });
    }
    out.push(report);
  }
  return out;
}

/** How many values of each field are plaintext, or sealed under each key id (for the CLI and tests). */
export async function sealedCensus(db: Tx): Promise<{ field: string; table: string; plaintext: number; byKey: Record<string, number> }[]> {
  const out = [];
  for (const f of SEALED_FIELDS) {
    const value = valueExpr(f);
    const counts = await rows<{ kid: string | null; n: number }>(
      db,
      sql`select case when ${value} like 'sm4:%' then split_part(${value}, ':', 3) end as kid, count(*)::int as n
          from ${ident(f.table)} where ${value} is not null and ${value} <> '' group by 1`,
    );
    const byKey: Record<string, number> = {};
    let plaintext = 0;
    for (const c of counts) {
      if (c.kid === null) plaintext += Number(c.n);
      else byKey[c.kid] = Number(c.n);
    }
    out.push({ field: f.context, table: f.table, plaintext, byKey });
  }
  return out;
}
