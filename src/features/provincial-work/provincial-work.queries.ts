/**
 * The only place that touches Drizzle for the province's part: work plans (compare-and-set),
 * policies, the authority's files in pilot_files, and — read-only — the progress reports and
 * rectification cases of its pilots for the overview.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pilotFiles, progressReports, provincialPolicies, provincialWorkPlans, rectificationCases } from '../../db/schema.js';

export type WorkPlanRow = typeof provincialWorkPlans.$inferSelect;
export type PolicyRow = typeof provincialPolicies.$inferSelect;
export type FileRow = typeof pilotFiles.$inferSelect;

export async function getWorkPlan(db: Tx, authorityId: string): Promise<WorkPlanRow | null> {
  const rows = await db.select().from(provincialWorkPlans).where(eq(provincialWorkPlans.authorityId, authorityId)).limit(1);
  return rows[0] ?? null;
}

export async function listWorkPlans(db: Tx): Promise<WorkPlanRow[]> {
  return db.select().from(provincialWorkPlans);
}

/** Writes the plan if it is still at `expected` (0: none yet); null when someone was first. */
export async function writeWorkPlan(
  db: Tx,
  expected: number,
  row: { authorityId: string; title: string; body: string; fileId: string | null; updatedBy: string; updatedAt: Date },
): Promise<WorkPlanRow | null> {
  if (expected === 0) {
    const rows = await db.insert(provincialWorkPlans).values({ ...row, version: 1 }).onConflictDoNothing().returning();
    return rows[0] ?? null;
  }
  const rows = await db
    .update(provincialWorkPlans)
    .set({ title: row.title, body: row.body, fileId: row.fileId, updatedBy: row.updatedBy, updatedAt: row.updatedAt, version: expected + 1 })
    .where(and(eq(provincialWorkPlans.authorityId, row.authorityId), eq(provincialWorkPlans.version, expected)))
    .returning();
  return rows[0] ?? null;
}

export async function listPolicies(db: Tx, authorityId: string): Promise<PolicyRow[]> {
  return db
    .select()
    .from(provincialPolicies)
    .where(eq(provincialPolicies.authorityId, authorityId))
    .orderBy(desc(provincialPolicies.issuedOn), asc(provincialPolicies.documentNo));
}

export async function policyCounts(db: Tx): Promise<Map<string, number>> {
  const rows = await db
    .select({ authorityId: provincialPolicies.authorityId, n: sql<number>`count(*)::int` })
    .from(provincialPolicies)
    .groupBy(provincialPolicies.authorityId);
  return new Map(rows.map((r) => [r.authorityId, Number(r.n)]));
}

export async function insertPolicy(db: Tx, row: typeof provincialPolicies.$inferInsert): Promise<PolicyRow> {
  const [r] = await db.insert(provincialPolicies).values(row).returning();
  return r!;
}

export async function insertFile(db: Tx, row: typeof pilotFiles.$inferInsert): Promise<FileRow> {
  const [r] = await db.insert(pilotFiles).values(row).returning();
  return r!;
}

/** A file of an authority's own (not a pilot's). */
export async function getAuthorityFile(db: Tx, id: string): Promise<FileRow | null> {
  const rows = await db
    .select()
    .from(pilotFiles)
    .where(and(eq(pilotFiles.id, id), isNull(pilotFiles.pilotId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function filesByIds(db: Tx, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(pilotFiles).where(inArray(pilotFiles.id, [...ids]));
}

export async function reportsOfPilots(db: Tx, pilotIds: readonly string[]) {
  if (pilotIds.length === 0) return [];
  return db
    .select({ id: progressReports.id, pilotId: progressReports.pilotId, period: progressReports.period, status: progressReports.status, dueDate: progressReports.dueDate })
    .from(progressReports)
    .where(inArray(progressReports.pilotId, [...pilotIds]))
    .orderBy(asc(progressReports.dueDate));
}

/** Cases not yet closed (passed or failed). */
export async function openCasesOfPilots(db: Tx, pilotIds: readonly string[]) {
  if (pilotIds.length === 0) return [];
  return db
    .select({ id: rectificationCases.id, pilotId: rectificationCases.pilotId, status: rectificationCases.status, deadline: rectificationCases.deadline })
    .from(rectificationCases)
    .where(and(inArray(rectificationCases.pilotId, [...pilotIds]), inArray(rectificationCases.status, ['open', 'answered', 'province_reviewed'])))
    .orderBy(asc(rectificationCases.deadline));
}
