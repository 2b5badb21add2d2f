/**
 * The pilots table: the one place that reads and writes pilot rows. Other features reach it
 * through ./public.ts.
 */
import { and, asc, count, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { readSetting, writeSetting, type StoredSetting } from '../../kernel/settings-store.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import {
  evaluations,
  experienceNominations,
  organisations,
  pilotContractVersions,
  pilotEvents,
  pilotFiles,
  pilots,
  rectificationCases,
  summaryReports,
  users,
} from '../../db/schema.js';

export async function insertPilot(db: Tx, row: typeof pilots.$inferInsert) {
  const [p] = await db.insert(pilots).values(row).returning({ id: pilots.id });
  return p!.id;
}

export type PilotRow = typeof pilots.$inferSelect;

export async function listPilots(db: Tx): Promise<PilotRow[]> {
  return db.select().from(pilots).orderBy(asc(pilots.approvedAt));
}

export async function getPilot(db: Tx, id: string): Promise<PilotRow | null> {
  const rows = await db.select().from(pilots).where(eq(pilots.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function getPilotByApplication(db: Tx, applicationId: string): Promise<PilotRow | null> {
  const rows = await db.select().from(pilots).where(eq(pilots.applicationId, applicationId)).limit(1);
  return rows[0] ?? null;
}

export async function documentNoTaken(db: Tx, documentNo: string): Promise<boolean> {
  const rows = await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.documentNo, documentNo)).limit(1);
  return rows.length > 0;
}

/** The registered organisations of these review authorities (the addressees of a 批复). */
export async function authorityOrganisations(db: Tx, authorityIds: readonly string[]): Promise<{ name: string; authorityId: string | null }[]> {
  if (authorityIds.length === 0) return [];
  return db
    .select({ name: organisations.name, authorityId: organisations.authorityId })
    .from(organisations)
    .where(and(eq(organisations.kind, 'province_authority'), inArray(organisations.authorityId, [...authorityIds])));
}

// ---------------------------------------------------------------------------------------------
// The cycle: settings, contract versions, events, compare-and-set, and the facts the lifecycle's
// guards need (the evaluations and rectification cases are read here, never written).

const SCHEDULE_KEY = 'pilot_schedule';

export async function getScheduleSetting(db: Tx): Promise<StoredSetting> {
  return readSetting(db, SCHEDULE_KEY);
}

/** Compare-and-set on the setting's version; VERSION_CONFLICT when someone saved meanwhile. */
export async function saveScheduleSetting(db: Tx, value: unknown, expectedVersion: number, userId: string): Promise<void> {
  await writeSetting(db, SCHEDULE_KEY, value, { expectedVersion, userId });
}

export type ContractVersionRow = typeof pilotContractVersions.$inferSelect;

export async function insertContractVersion(db: Tx, row: typeof pilotContractVersions.$inferInsert): Promise<ContractVersionRow> {
  const [v] = await db.insert(pilotContractVersions).values(row).returning();
  return v!;
}

export async function listContractVersions(db: Tx, pilotId: string): Promise<ContractVersionRow[]> {
  return db.select().from(pilotContractVersions).where(eq(pilotContractVersions.pilotId, pilotId)).orderBy(asc(pilotContractVersions.version));
}

/** The version in force in `year`: the highest version effective from that year or earlier. */
export async function contractVersionInForce(db: Tx, pilotId: string, year: number): Promise<ContractVersionRow | null> {
  const rows = await db
    .select()
    .from(pilotContractVersions)
    .where(and(eq(pilotContractVersions.pilotId, pilotId), lte(pilotContractVersions.effectiveFromYear, year)))
    .orderBy(desc(pilotContractVersions.version))
    .limit(1);
  return rows[0] ?? null;
}

export async function countContractVersions(db: Tx, pilotId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(pilotContractVersions).where(eq(pilotContractVersions.pilotId, pilotId));
  return Number(r?.n ?? 0);
}

/**
 * Writes an event at the moment of writing (clock_timestamp, not the transaction's start), so that
 * several events of one transaction — an approval and the contract change it makes — keep their order.
 */
export async function insertPilotEvent(db: Tx, row: typeof pilotEvents.$inferInsert): Promise<void> {
  const [r] = await db.insert(pilotEvents).values({ createdAt: sql`clock_timestamp()`, ...row }).returning({ id: pilotEvents.id });
  await sealRecords(db, 'pilot_event', { id: r!.id });
}

export interface PilotEventRow {
  id: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  actorName: string | null;
  createdAt: Date;
}

/** A pilot's events, newest first, with who acted. */
export async function listPilotEvents(db: Tx, pilotId: string): Promise<PilotEventRow[]> {
  return db
    .select({
      id: pilotEvents.id,
      action: pilotEvents.action,
      fromState: pilotEvents.fromState,
      toState: pilotEvents.toState,
      comment: pilotEvents.comment,
      data: pilotEvents.data,
      actorName: users.displayName,
      createdAt: pilotEvents.createdAt,
    })
    .from(pilotEvents)
    .leftJoin(users, eq(users.id, pilotEvents.actorId))
    .where(eq(pilotEvents.pilotId, pilotId))
    .orderBy(desc(pilotEvents.createdAt), desc(pilotEvents.id));
}

/** Events of one kind about one subject (e.g. the opinions given on an amendment), oldest first. */
export async function listPilotEventsByAction(db: Tx, pilotId: string, action: string): Promise<(typeof pilotEvents.$inferSelect)[]> {
  return db
    .select()
    .from(pilotEvents)
    .where(and(eq(pilotEvents.pilotId, pilotId), eq(pilotEvents.action, action)))
    .orderBy(asc(pilotEvents.createdAt));
}

export type PilotPatch = Partial<Pick<PilotRow, 'state' | 'resumePhase' | 'schedule' | 'reportFrequency' | 'contractVersion' | 'name' | 'cityCodes'>>;

/** Compare-and-set on the pilot's version: the new version, or null when someone else changed it first. */
export async function casUpdatePilot(db: Tx, id: string, version: number, patch: PilotPatch): Promise<number | null> {
  const rows = await db
    .update(pilots)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(pilots.id, id), eq(pilots.version, version)))
    .returning({ version: pilots.version });
  return rows[0]?.version ?? null;
}

/** When each pilot last entered the mid-term or the summary phase (the start of "this phase's" evaluations). */
export async function phaseEntries(
  db: Tx,
  pilotIds: readonly string[],
): Promise<{ pilotId: string; toState: string | null; createdAt: Date; data: Record<string, unknown> | null }[]> {
  if (pilotIds.length === 0) return [];
  return db
    .select({ pilotId: pilotEvents.pilotId, toState: pilotEvents.toState, createdAt: pilotEvents.createdAt, data: pilotEvents.data })
    .from(pilotEvents)
    .where(and(inArray(pilotEvents.pilotId, [...pilotIds]), inArray(pilotEvents.action, ['open_midterm', 'open_summary'])));
}

export async function decidedEvaluations(db: Tx, pilotIds: readonly string[]): Promise<{ pilotId: string; grade: string | null; decidedAt: Date | null }[]> {
  if (pilotIds.length === 0) return [];
  return db
    .select({ pilotId: evaluations.pilotId, grade: evaluations.grade, decidedAt: evaluations.decidedAt })
    .from(evaluations)
    .where(and(inArray(evaluations.pilotId, [...pilotIds]), eq(evaluations.status, 'decided')));
}

export interface CaseFactsRow {
  pilotId: string;
  status: string;
  resumePhase: string;
  deadline: string;
  response: string | null;
  respondedAt: Date | null;
  reassessmentGrade: string | null;
  reassessedAt: Date | null;
  createdAt: Date;
}

export async function rectificationCaseFacts(db: Tx, pilotIds: readonly string[]): Promise<CaseFactsRow[]> {
  if (pilotIds.length === 0) return [];
  return db
    .select({
      pilotId: rectificationCases.pilotId,
      status: rectificationCases.status,
      resumePhase: rectificationCases.resumePhase,
      deadline: rectificationCases.deadline,
      response: rectificationCases.response,
      respondedAt: rectificationCases.respondedAt,
      reassessmentGrade: rectificationCases.reassessmentGrade,
      reassessedAt: rectificationCases.reassessedAt,
      createdAt: rectificationCases.createdAt,
    })
    .from(rectificationCases)
    .where(inArray(rectificationCases.pilotId, [...pilotIds]));
}

// ---------------------------------------------------------------------------------------------
// The summary 总结示范: the city's final report and its nominations of typical experience.

export type SummaryRow = typeof summaryReports.$inferSelect;

export async function getSummary(db: Tx, pilotId: string): Promise<SummaryRow | null> {
  const rows = await db.select().from(summaryReports).where(eq(summaryReports.pilotId, pilotId)).limit(1);
  return rows[0] ?? null;
}

/** Creates the draft; false when one exists already (someone else created it meanwhile). */
export async function insertSummary(db: Tx, row: typeof summaryReports.$inferInsert): Promise<boolean> {
  const rows = await db.insert(summaryReports).values(row).onConflictDoNothing().returning({ pilotId: summaryReports.pilotId });
  return rows.length > 0;
}

export async function casUpdateSummary(db: Tx, pilotId: string, version: number, patch: Partial<Pick<SummaryRow, 'body' | 'fileIds' | 'status' | 'submittedAt'>>): Promise<number | null> {
  const rows = await db
    .update(summaryReports)
    .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(summaryReports.pilotId, pilotId), eq(summaryReports.version, version), eq(summaryReports.status, 'draft')))
    .returning({ version: summaryReports.version });
  return rows[0]?.version ?? null;
}

export type NominationRow = typeof experienceNominations.$inferSelect;

export async function listNominations(db: Tx, pilotId: string): Promise<NominationRow[]> {
  return db.select().from(experienceNominations).where(eq(experienceNominations.pilotId, pilotId)).orderBy(asc(experienceNominations.createdAt));
}

export async function insertNomination(db: Tx, row: typeof experienceNominations.$inferInsert): Promise<NominationRow> {
  const [n] = await db.insert(experienceNominations).values(row).returning();
  return n!;
}

/** Edits a draft still at `version`; null when it is missing, no longer a draft, or someone edited it first. */
export async function updateNomination(db: Tx, pilotId: string, id: string, patch: Pick<NominationRow, 'title' | 'summary' | 'body'>, version: number): Promise<NominationRow | null> {
  const rows = await db
    .update(experienceNominations)
    .set({ ...patch, version: sql`${experienceNominations.version} + 1` })
    .where(and(eq(experienceNominations.id, id), eq(experienceNominations.pilotId, pilotId), eq(experienceNominations.status, 'draft'), eq(experienceNominations.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteNomination(db: Tx, pilotId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(experienceNominations)
    .where(and(eq(experienceNominations.id, id), eq(experienceNominations.pilotId, pilotId), eq(experienceNominations.status, 'draft')))
    .returning({ id: experienceNominations.id });
  return rows.length > 0;
}

/** Those of these files that belong to the pilot with this purpose. */
export async function pilotFilesOf(db: Tx, pilotId: string, ids: readonly string[], purpose: string): Promise<{ id: string; filename: string; size: number }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: pilotFiles.id, filename: pilotFiles.filename, size: pilotFiles.size })
    .from(pilotFiles)
    .where(and(eq(pilotFiles.pilotId, pilotId), eq(pilotFiles.purpose, purpose), inArray(pilotFiles.id, [...ids])));
}

export async function insertPilotFile(db: Tx, row: typeof pilotFiles.$inferInsert): Promise<string> {
  const [f] = await db.insert(pilotFiles).values(row).returning({ id: pilotFiles.id });
  return f!.id;
}

export async function getPilotFile(db: Tx, pilotId: string, id: string, purpose: string): Promise<(typeof pilotFiles.$inferSelect) | null> {
  const rows = await db
    .select()
    .from(pilotFiles)
    .where(and(eq(pilotFiles.id, id), eq(pilotFiles.pilotId, pilotId), eq(pilotFiles.purpose, purpose)))
    .limit(1);
  return rows[0] ?? null;
}

/** The dashboards: every pilot with what they count it by; the targets (the heavy part of the row) stay out. */
export async function pilotsForCounting(db: Tx) {
  return db
    .select({ id: pilots.id, applicationId: pilots.applicationId, name: pilots.name, cityCodes: pilots.cityCodes, state: pilots.state, isDemo: pilots.isDemo })
    .from(pilots)
    .orderBy(asc(pilots.approvedAt), asc(pilots.id));
}

export type PilotCountingRow = Awaited<ReturnType<typeof pilotsForCounting>>[number];

/**
 * The dashboards' cache: a stamp of the pilots (id, version, state, name, cities, hashed) and of the
 * contract versions (count and sum of versions), as two SQL expressions a caller puts into its own select.
 */
export function pilotsStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${pilots.id}, ${pilots.version}, ${pilots.state}, ${pilots.name}, ${pilots.cityCodes}::text), ',' order by ${pilots.id}), ''))
       from ${pilots})`;
}

export function contractVersionsStampSql(): SQL {
  return sql`(select concat_ws(':', count(*), coalesce(sum(${pilotContractVersions.version}), 0)) from ${pilotContractVersions})`;
}

/** The dossier: every file of a pilot's cycle (report and rectification evidence, the summary's, amendments'), with its content hash, oldest first. */
export async function cycleFilesOf(db: Tx, pilotId: string) {
  return db
    .select({ id: pilotFiles.id, purpose: pilotFiles.purpose, filename: pilotFiles.filename, sha256: pilotFiles.sha256, size: pilotFiles.size, createdAt: pilotFiles.createdAt })
    .from(pilotFiles)
    .where(eq(pilotFiles.pilotId, pilotId))
    .orderBy(asc(pilotFiles.createdAt), asc(pilotFiles.id));
}
