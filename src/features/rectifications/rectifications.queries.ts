/**
 * The rectification feature's tables: its cases, the evidence files it stores in pilot_files
 * (purpose rectification_evidence) and the public notices. Also a read-only view of an evaluation,
 * which it needs from another feature's table.
 */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import {
  evaluations,
  pilotEvents,
  pilotFiles,
  publicNotices,
  rectificationCases,
} from '../../db/schema.js';

export type CaseRow = typeof rectificationCases.$inferSelect;
export type NoticeRow = typeof publicNotices.$inferSelect;
export type PilotFileRow = typeof pilotFiles.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;

export const EVIDENCE_PURPOSE = 'rectification_evidence';

export async function getCase(db: Tx, id: string): Promise<CaseRow | null> {
  const rows = await db.select().from(rectificationCases).where(eq(rectificationCases.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function casesOfPilot(db: Tx, pilotId: string): Promise<CaseRow[]> {
  return db.select().from(rectificationCases).where(eq(rectificationCases.pilotId, pilotId)).orderBy(desc(rectificationCases.createdAt));
}

export async function insertCase(db: Tx, row: typeof rectificationCases.$inferInsert): Promise<string> {
  const [r] = await db.insert(rectificationCases).values(row).returning({ id: rectificationCases.id });
  await sealRecords(db, 'rectification_case', { id: r!.id });
  return r!.id;
}

/** Compare-and-set on the case's version: the new version, or null when someone changed it meanwhile. */
export async function casUpdateCase(db: Tx, id: string, version: number, patch: Partial<typeof rectificationCases.$inferInsert>): Promise<number | null> {
  const rows = await db
    .update(rectificationCases)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(rectificationCases.id, id), eq(rectificationCases.version, version)))
    .returning({ version: rectificationCases.version });
  if (rows[0]) await sealRecords(db, 'rectification_case', { id });
  return rows[0]?.version ?? null;
}

export async function getEvaluation(db: Tx, id: string): Promise<EvaluationRow | null> {
  const rows = await db.select().from(evaluations).where(eq(evaluations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function evaluationsByIds(db: Tx, ids: readonly string[]): Promise<EvaluationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(evaluations).where(inArray(evaluations.id, [...ids]));
}

export async function insertPilotFile(db: Tx, row: typeof pilotFiles.$inferInsert): Promise<PilotFileRow> {
  const [r] = await db.insert(pilotFiles).values(row).returning();
  return r!;
}

export async function getPilotFile(db: Tx, id: string): Promise<PilotFileRow | null> {
  const rows = await db.select().from(pilotFiles).where(eq(pilotFiles.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function pilotFilesByIds(db: Tx, ids: readonly string[]): Promise<PilotFileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(pilotFiles).where(inArray(pilotFiles.id, [...ids]));
}

export async function insertNotice(db: Tx, row: typeof publicNotices.$inferInsert): Promise<NoticeRow> {
  const [r] = await db.insert(publicNotices).values(row).returning();
  return r!;
}

export async function getNotice(db: Tx, id: string): Promise<NoticeRow | null> {
  const rows = await db.select().from(publicNotices).where(eq(publicNotices.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function listNotices(db: Tx, opts: { publishedOnly: boolean }): Promise<NoticeRow[]> {
  const q = db.select().from(publicNotices);
  return (opts.publishedOnly ? q.where(eq(publicNotices.published, true)) : q).orderBy(desc(publicNotices.issuedOn), desc(publicNotices.createdAt));
}

export async function noticesOfPilots(db: Tx, pilotIds: readonly string[]): Promise<NoticeRow[]> {
  if (pilotIds.length === 0) return [];
  return db.select().from(publicNotices).where(inArray(publicNotices.pilotId, [...pilotIds])).orderBy(desc(publicNotices.createdAt));
}

export async function documentNoTaken(db: Tx, documentNo: string): Promise<boolean> {
  const rows = await db.select({ id: publicNotices.id }).from(publicNotices).where(eq(publicNotices.documentNo, documentNo)).limit(1);
  return rows.length > 0;
}

/** Document numbers of notices already issued with this prefix (e.g. 工信部规〔2019〕). */
export async function documentNosLike(db: Tx, prefix: string): Promise<string[]> {
  const rows = await db.select({ no: publicNotices.documentNo }).from(publicNotices).where(like(publicNotices.documentNo, `${prefix}%`));
  return rows.map((r) => r.no);
}

/** When the pilot last took a lifecycle action (read-only view of the pilots feature's audit trail). */
export async function lastEvent(db: Tx, pilotId: string, action: string): Promise<{ at: Date; data: Record<string, unknown> | null } | null> {
  const rows = await db
    .select({ at: pilotEvents.createdAt, data: pilotEvents.data })
    .from(pilotEvents)
    .where(and(eq(pilotEvents.pilotId, pilotId), eq(pilotEvents.action, action)))
    .orderBy(desc(pilotEvents.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

/** The cases not yet closed (passed or failed). */
const OPEN_CASE_STATUSES = ['open', 'answered', 'province_reviewed'] as const;

/** The dashboards: every case not yet closed, earliest deadline first (one filtered scan). */
export async function openRectificationCases(db: Tx) {
  return db
    .select({ caseId: rectificationCases.id, pilotId: rectificationCases.pilotId, status: rectificationCases.status, deadline: rectificationCases.deadline })
    .from(rectificationCases)
    .where(inArray(rectificationCases.status, [...OPEN_CASE_STATUSES]))
    .orderBy(asc(rectificationCases.deadline));
}

/** The dashboards' cache: a stamp of the cases (id, status, version, deadline, hashed), as one SQL expression. */
export function casesStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${rectificationCases.id}, ${rectificationCases.status}, ${rectificationCases.version}, ${rectificationCases.deadline}), ',' order by ${rectificationCases.id}), ''))
       from ${rectificationCases})`;
}

/** The dossier: every case of a pilot, oldest first. */
export async function rectificationCasesOfPilot(db: Tx, pilotId: string) {
  return db.select().from(rectificationCases).where(eq(rectificationCases.pilotId, pilotId)).orderBy(asc(rectificationCases.createdAt), asc(rectificationCases.id));
}
