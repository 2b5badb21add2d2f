/**
 * Database access for the expert pool (table experts). E-mail and phone are personal data: sealed with
 * SM4 on every write here and opened on every read here (src/kernel/field-crypto.ts), with blind indexes
 * beside them for lookups; the rest of the feature sees plaintext only.
 */
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experts } from '../../db/schema.js';
import { blindIndex, openField, sealField } from '../../kernel/field-crypto.js';
import type { ExpertInput } from './expert-input.js';

export type ExpertRow = typeof experts.$inferSelect;

/** The sealed columns of the pool, for encrypt-data and rotate-data-key. */
export const EXPERT_SEALED_FIELDS = { email: 'experts.email', phone: 'experts.phone' } as const;

/** What is stored for an expert's contact details: ciphertext and blind indexes. */
export function sealContacts(e: { email: string | null; phone: string | null }) {
  return {
    email: sealField(e.email, EXPERT_SEALED_FIELDS.email),
    phone: sealField(e.phone, EXPERT_SEALED_FIELDS.phone),
    emailIndex: blindIndex('email', e.email),
    phoneIndex: blindIndex('phone', e.phone),
  };
}

/** A stored row with its contact details opened (legacy plaintext passes through). */
export function openExpert<R extends { email: string | null; phone: string | null }>(row: R): R {
  return { ...row, email: openField(row.email, EXPERT_SEALED_FIELDS.email), phone: openField(row.phone, EXPERT_SEALED_FIELDS.phone) };
}

const stored = (input: ExpertInput) => ({ ...input, ...sealContacts(input) });

export interface ExpertFilter {
  /** Part of the name, organisation or title. */
  q?: string;
  /** One field of expertise, exactly as stored. */
  field?: string;
  provinceCode?: string;
  available?: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(f: ExpertFilter): SQL | undefined {
  const parts: SQL[] = [];
  const q = f.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    parts.push(or(ilike(experts.name, pattern), ilike(experts.organisation, pattern), ilike(experts.title, pattern))!);
  }
  if (f.field) parts.push(sql`${experts.fields} @> ${JSON.stringify([f.field])}::jsonb`);
  if (f.provinceCode) parts.push(eq(experts.provinceCode, f.provinceCode));
  if (f.available !== undefined) parts.push(eq(experts.available, f.available));
  return parts.length ? and(...parts) : undefined;
}

export async function listExperts(db: Db, f: ExpertFilter, page?: { offset: number; limit: number }): Promise<{ items: ExpertRow[]; total: number }> {
  const where = conditions(f);
  const base = db.select().from(experts).where(where).orderBy(asc(experts.provinceCode), asc(experts.name), asc(experts.id));
  const items = page ? await base.limit(page.limit).offset(page.offset) : await base;
  const [row] = await db.select({ n: count() }).from(experts).where(where);
  return { items: items.map(openExpert), total: Number(row?.n ?? 0) };
}

export async function getExpert(db: Db, id: string): Promise<ExpertRow | null> {
  const rows = await db.select().from(experts).where(eq(experts.id, id)).limit(1);
  return rows[0] ? openExpert(rows[0]) : null;
}

export async function countExperts(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(experts);
  return Number(row?.n ?? 0);
}

export async function insertExpert(db: Db, input: ExpertInput, opts: { isDemo?: boolean } = {}): Promise<string> {
  const [row] = await db
    .insert(experts)
    .values({ ...stored(input), isDemo: opts.isDemo ?? false })
    .returning({ id: experts.id });
  return row!.id;
}

/** Inserts all or none, in one transaction. */
export async function insertExperts(db: Db, inputs: readonly ExpertInput[], opts: { isDemo?: boolean } = {}): Promise<number> {
  if (inputs.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < inputs.length; i += 200) {
      await tx.insert(experts).values(inputs.slice(i, i + 200).map((e) => ({ ...stored(e), isDemo: opts.isDemo ?? false })));
    }
  });
  return inputs.length;
}

/** Writes the record if it is still at `version`; false when it is missing or someone changed it first. */
export async function updateExpert(db: Db, id: string, input: ExpertInput, version: number): Promise<boolean> {
  const rows = await db
    .update(experts)
    .set({ ...stored(input), version: sql`${experts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(experts.id, id), eq(experts.version, version)))
    .returning({ id: experts.id });
  return rows.length > 0;
}

export async function setExpertAvailable(db: Db, id: string, available: boolean): Promise<boolean> {
  const rows = await db.update(experts).set({ available, version: sql`${experts.version} + 1`, updatedAt: new Date() }).where(eq(experts.id, id)).returning({ id: experts.id });
  return rows.length > 0;
}

/** Experts already in the pool with one of these names: for spotting repeats on import. */
export async function expertsNamed(db: Db, names: readonly string[]): Promise<{ name: string; organisation: string }[]> {
  if (names.length === 0) return [];
  const unique = [...new Set(names)];
  const out: { name: string; organisation: string }[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(...(await db.select({ name: experts.name, organisation: experts.organisation }).from(experts).where(inArray(experts.name, unique.slice(i, i + 500)))));
  }
  return out;
}

/**
 * Experts already in the pool with one of these e-mail addresses or phone numbers, found by their
 * blind indexes (the values themselves are encrypted): for spotting repeats on import.
 */
export async function expertsWithContacts(db: Db, contacts: { emails: readonly string[]; phones: readonly string[] }): Promise<ExpertRow[]> {
  const emailIdx = [...new Set(contacts.emails.map((e) => blindIndex('email', e)).filter((x): x is string => x !== null))];
  const phoneIdx = [...new Set(contacts.phones.map((p) => blindIndex('phone', p)).filter((x): x is string => x !== null))];
  const out: ExpertRow[] = [];
  for (const [column, list] of [[experts.emailIndex, emailIdx], [experts.phoneIndex, phoneIdx]] as const) {
    for (let i = 0; i < list.length; i += 500) out.push(...(await db.select().from(experts).where(inArray(column, list.slice(i, i + 500)))));
  }
  return out.map(openExpert);
}

/** Every field of expertise in use, sorted. */
export async function fieldsInUse(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ field: sql<string>`jsonb_array_elements_text(${experts.fields})` }).from(experts);
  return rows.map((r) => r.field).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
