/**
 * Integrity of key records (issue 8 point 4): decisions, scores and confirmed report values carry an
 * HMAC-SM3 seal in `record_macs`, computed where they are written and checked by
 * `npm run cli -- integrity-verify`. A change behind the application's back — an UPDATE in SQL, a
 * restored copy of one row, a deleted decision — no longer matches its seal; only a holder of
 * INTEGRITY_KEY could make a matching one.
 *
 * Each kind names its table, the record's key and the fields that matter. The canonical serialisation is
 * PostgreSQL's own: `jsonb_build_object(field, value, …)::text` — jsonb orders keys and prints numbers
 * and text one way, the same on PGlite and PostgreSQL, so the seal computed at the write equals the one
 * recomputed later from the stored row whatever the driver makes of the types. Timestamps are left out
 * (their text depends on the session's time zone, and the demo timeline moves them); what was decided,
 * by whom and on what is in.
 *
 * The seal is `v1:` + hex HMAC-SM3(INTEGRITY_KEY, kind \n key \n canonical).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { dataProtection } from './field-crypto.js';

interface KindSpec {
  table: string;
  /** SQL of the record's key as text, over the table's columns. */
  key: string;
  fields: readonly string[];
  /** Which rows must be sealed (SQL over the table's columns); all when absent. */
  sealable?: string;
  label: string;
}

export const INTEGRITY_KINDS = {
  /** Every transition of an application: submission, forwarding, receipt, approval, rejection, returns. */
  application_event: {
    table: 'application_events',
    key: 'id::text',
    fields: ['application_id', 'actor_id', 'action', 'from_status', 'to_status', 'comment', 'data'],
    label: '申报书流转与决定 application transition or decision',
  },
  /** Every transition of a pilot (phases, rectification, suspension, cancellation, completion). */
  pilot_event: {
    table: 'pilot_events',
    key: 'id::text',
    fields: ['pilot_id', 'actor_id', 'action', 'from_state', 'to_state', 'comment', 'data'],
    label: '试点状态变更 pilot transition',
  },
  /** An expert's review score sheet (hidden scoring of applications). */
  score_sheet: {
    table: 'score_sheets',
    key: `panel_id::text || ':' || expert_id::text || ':' || round::text`,
    fields: ['panel_id', 'expert_id', 'round', 'scores', 'opinion', 'comments', 'total_x100'],
    label: '专家评分表 review score sheet',
  },
  /** An expert's scores in an evaluation. */
  evaluation_score: {
    table: 'evaluation_scores',
    key: 'id::text',
    fields: ['evaluation_id', 'expert_id', 'scores', 'comments'],
    label: '考核评估专家评分 evaluation scores',
  },
  /** An evaluation and its grade. */
  evaluation: {
    table: 'evaluations',
    key: 'id::text',
    fields: ['round_id', 'pilot_id', 'status', 'result', 'total_score', 'grade', 'decided_by'],
    label: '考核评估结论 evaluation grade',
  },
  /** A rectification case: findings, the city's answer, the province's opinion, the re-assessment. */
  rectification_case: {
    table: 'rectification_cases',
    key: 'id::text',
    fields: ['pilot_id', 'evaluation_id', 'origin', 'findings', 'required_actions', 'deadline', 'status', 'resume_phase', 'response', 'province_opinion', 'reassessment', 'reassessment_grade', 'reassessed_by'],
    label: '整改决定 rectification decision',
  },
  /** A value of a confirmed progress report (sealed at confirmation, again at each correction). */
  report_value: {
    table: 'report_values',
    key: 'id::text',
    fields: ['report_id', 'target_id', 'actual', 'data_source'],
    sealable: `report_id in (select id from progress_reports where status = 'confirmed')`,
    label: '已确认的进度报告数值 confirmed report value',
  },
} as const satisfies Record<string, KindSpec>;

export type IntegrityKind = keyof typeof INTEGRITY_KINDS;

async function rows<T>(db: Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const spec = (kind: IntegrityKind): KindSpec => INTEGRITY_KINDS[kind];
const canonical = (s: KindSpec) => sql.raw(`jsonb_build_object(${s.fields.map((f) => `'${f}', t.${f}`).join(', ')})::text`);
const keyOf = (s: KindSpec) => sql.raw(s.key.replace(/\b(id|panel_id|expert_id|round)\b/g, 't.$1'));

/** The seal of one record's canonical text. */
export function integrityMac(kind: string, key: string, canonicalText: string, integrityKey: Buffer = dataProtection().integrityKey): string {
  return `v1:${createHmac('sm3', integrityKey).update(`${kind}\n${key}\n${canonicalText}`, 'utf8').digest('hex')}`;
}

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Seals (or seals again, after a legitimate change) the records of `kind` matching `where` — column =
 * value pairs over the kind's fields or `id`. Call it in the transaction that wrote them.
 */
export async function sealRecords(db: Tx, kind: IntegrityKind, where: Record<string, string | number>): Promise<number> {
  const s = spec(kind);
  const conds = Object.entries(where).map(([column, value]) => {
    if (column !== 'id' && !s.fields.includes(column)) throw new Error(`sealRecords(${kind}): ${column} is not a field of the kind`);
    return sql`${sql.raw(`t.${column}`)} = ${value}`;
  });
  const found = await rows<{ k: string; c: string }>(db, sql`select ${keyOf(s)} as k, ${canonical(s)} as c from ${sql.raw(s.table)} t where ${sql.join(conds, sql` and `)}`);
  if (found.length === 0) return 0;
  const values = found.map((r) => sql`(${kind}, ${r.k}, ${integrityMac(kind, r.k, r.c)})`);
  await db.execute(
    sql`insert into record_macs (kind, record_key, mac) values ${sql.join(values, sql`, `)}
        on conflict (kind, record_key) do update set mac = excluded.mac, sealed_at = now()`,
  );
  return found.length;
}

export interface IntegrityProblem {
  kind: IntegrityKind;
  label: string;
  key: string;
  /** altered: the record no longer matches its seal; deleted: a sealed record is gone. */
  reason: 'altered' | 'deleted';
}

export interface IntegrityReport {
  ok: boolean;
  checked: number;
  /** The first problem found, in kind and key order. */
  first: IntegrityProblem | null;
  problems: number;
  /** Records of each kind that must be sealed but are not (written before sealing, or a seal removed). */
  unsealed: Partial<Record<IntegrityKind, number>>;
}

/** Recomputes every seal, kind by kind, in batches. */
export async function verifyRecordIntegrity(db: Tx, opts: { batchSize?: number; integrityKey?: Buffer } = {}): Promise<IntegrityReport> {
  const batch = opts.batchSize ?? 1000;
  const report: IntegrityReport = { ok: true, checked: 0, first: null, problems: 0, unsealed: {} };
  for (const kind of Object.keys(INTEGRITY_KINDS) as IntegrityKind[]) {
    const s = spec(kind);
    let after = '';
    for (;;) {
      const page = await rows<{ k: string; mac: string; c: string | null }>(
        db,
        sql`select m.record_key as k, m.mac, case when ${keyOf(s)} is null then null else ${canonical(s)} end as c
            from record_macs m left join ${sql.raw(s.table)} t on ${keyOf(s)} = m.record_key
            where m.kind = ${kind} and m.record_key > ${after} order by m.record_key limit ${batch}`,
      );
      for (const r of page) {
        report.checked++;
        const reason = r.c === null ? 'deleted' : sameMac(r.mac, integrityMac(kind, r.k, r.c, opts.integrityKey)) ? null : 'altered';
        if (!reason) continue;
        report.problems++;
        report.ok = false;
        report.first ??= { kind, label: s.label, key: r.k, reason };
      }
      if (page.length < batch) break;
      after = page[page.length - 1]!.k;
    }
    const [u] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.raw(s.table)} t
          where ${s.sealable ? sql.raw(s.sealable.replace(/\breport_id\b/, 't.report_id')) : sql`true`}
            and not exists (select 1 from record_macs m where m.kind = ${kind} and m.record_key = ${keyOf(s)})`,
    );
    if (Number(u?.n ?? 0) > 0) report.unsealed[kind] = Number(u!.n);
  }
  return report;
}

/**
 * Seals every record that must be sealed and has no seal yet (records written before sealing existed):
 * the operator runs it once after the upgrade, having no reason to doubt the rows as they stand.
 */
export async function sealUnsealedRecords(db: Tx): Promise<Partial<Record<IntegrityKind, number>>> {
  const out: Partial<Record<IntegrityKind, number>> = {};
  for (const kind of Object.keys(INTEGRITY_KINDS) as IntegrityKind[]) {
    const s = spec(kind);
    for (;;) {
      const found = await rows<{ k: string; c: string }>(
        db,
        sql`select ${keyOf(s)} as k, ${canonical(s)} as c from ${sql.raw(s.table)} t
            where ${s.sealable ? sql.raw(s.sealable.replace(/\breport_id\b/, 't.report_id')) : sql`true`}
              and not exists (select 1 from record_macs m where m.kind = ${kind} and m.record_key = ${keyOf(s)})
            limit 500`,
      );
      if (found.length === 0) break;
      await db.execute(
        sql`insert into record_macs (kind, record_key, mac) values ${sql.join(
          found.map((r) => sql`(${kind}, ${r.k}, ${integrityMac(kind, r.k, r.c)})`),
          sql`, `,
        )} on conflict (kind, record_key) do nothing`,
      );
      out[kind] = (out[kind] ?? 0) + found.length;
    }
  }
  return out;
}
