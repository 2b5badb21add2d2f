/**
 * Database access of progress reports: the pilots they belong to, report rows (created once per
 * pilot and period, idempotently), their values, tasks, corrections, evidence files and audit events
 * (whom a reminder goes to is the accounts feature's: accounts/public.ts). The only Drizzle of this feature; the contract in force comes
 * from the pilots feature.
 */
import { and, asc, eq, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import {
  pilotEvents,
  pilotFiles,
  pilots,
  progressReports,
  reportTasks,
  reportValueCorrections,
  reportValues,
  users,
} from '../../db/schema.js';
import type { Plan } from '../../shared/plan/plan-schema.js';

export type ReportRow = typeof progressReports.$inferSelect;
export type ReportValueRow = typeof reportValues.$inferSelect;
export type ReportTaskRow = typeof reportTasks.$inferSelect;
export type PilotFileRow = typeof pilotFiles.$inferSelect;

export interface ReportPilot {
  id: string;
  applicationId: string;
  name: string;
  cityCodes: string[];
  periodStartYear: number;
  periodEndYear: number;
  reportFrequency: string;
  state: string;
  contractVersion: number;
  targets: Plan['targets'];
  isDemo: boolean;
}

const pilotColumns = {
  id: pilots.id,
  applicationId: pilots.applicationId,
  name: pilots.name,
  cityCodes: pilots.cityCodes,
  periodStartYear: pilots.periodStartYear,
  periodEndYear: pilots.periodEndYear,
  reportFrequency: pilots.reportFrequency,
  state: pilots.state,
  contractVersion: pilots.contractVersion,
  targets: pilots.targets,
  isDemo: pilots.isDemo,
};

export async function getReportPilot(db: Tx, id: string): Promise<ReportPilot | null> {
  const rows = await db.select(pilotColumns).from(pilots).where(eq(pilots.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Pilots that still report: every state but cancelled. */
export async function reportingPilots(db: Tx): Promise<ReportPilot[]> {
  return db.select(pilotColumns).from(pilots).where(notInArray(pilots.state, ['cancelled'])).orderBy(asc(pilots.approvedAt));
}

export async function reportsOfPilots(db: Tx, pilotIds: readonly string[]): Promise<ReportRow[]> {
  if (pilotIds.length === 0) return [];
  return db.select().from(progressReports).where(inArray(progressReports.pilotId, [...pilotIds])).orderBy(asc(progressReports.periodStart));
}

/** Inserts the rows not there yet; the unique (pilot, period) index makes a second insert nothing. */
export async function insertMissingReports(db: Tx, rows: (typeof progressReports.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(progressReports)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: [progressReports.pilotId, progressReports.period] });
  }
}

export async function getReport(db: Tx, id: string): Promise<ReportRow | null> {
  const rows = await db.select().from(progressReports).where(eq(progressReports.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function getReportByPeriod(db: Tx, pilotId: string, period: string): Promise<ReportRow | null> {
  const rows = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.pilotId, pilotId), eq(progressReports.period, period)))
    .limit(1);
  return rows[0] ?? null;
}

export async function valuesOf(db: Tx, reportId: string): Promise<ReportValueRow[]> {
  return db.select().from(reportValues).where(eq(reportValues.reportId, reportId));
}

export async function tasksOf(db: Tx, reportId: string): Promise<ReportTaskRow[]> {
  return db.select().from(reportTasks).where(eq(reportTasks.reportId, reportId)).orderBy(asc(reportTasks.taskIndex));
}

/** The tasks of these reports, by report and task index (the dossier files them). */
export async function tasksOfReports(db: Tx, reportIds: readonly string[]): Promise<ReportTaskRow[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(reportTasks).where(inArray(reportTasks.reportId, [...reportIds])).orderBy(asc(reportTasks.reportId), asc(reportTasks.taskIndex));
}

/**
 * Compare-and-set on the report's version (and status, when given): the new row, or null when
 * someone changed it meanwhile.
 */
export async function casReport(
  db: Tx,
  id: string,
  expected: { version: number; statuses?: readonly string[] },
  set: Partial<Pick<ReportRow, 'status' | 'narrative' | 'contractVersion' | 'submittedAt' | 'submittedBy' | 'provinceOpinion' | 'reviewedAt' | 'reviewedBy' | 'confirmedAt'>>,
): Promise<ReportRow | null> {
  const conds = [eq(progressReports.id, id), eq(progressReports.version, expected.version)];
  if (expected.statuses) conds.push(inArray(progressReports.status, [...expected.statuses]));
  const rows = await db
    .update(progressReports)
    .set({ ...set, version: sql`${progressReports.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conds))
    .returning();
  if (rows[0]?.status === 'confirmed') await sealRecords(db, 'report_value', { report_id: id });
  return rows[0] ?? null;
}

export async function upsertValues(db: Tx, reportId: string, values: { targetId: string; actual: number | null; dataSource: string; note: string; evidenceFileIds: string[] }[]): Promise<void> {
  if (values.length === 0) return;
  await db
    .insert(reportValues)
    .values(values.map((v) => ({ reportId, ...v })))
    .onConflictDoUpdate({
      target: [reportValues.reportId, reportValues.targetId],
      set: {
        actual: sql`excluded.actual`,
        dataSource: sql`excluded.data_source`,
        note: sql`excluded.note`,
        evidenceFileIds: sql`excluded.evidence_file_ids`,
        updatedAt: sql`now()`,
      },
    });
}

export async function upsertTasks(db: Tx, reportId: string, tasks: { taskIndex: number; task: string; status: string; narrative: string }[]): Promise<void> {
  if (tasks.length === 0) return;
  await db
    .insert(reportTasks)
    .values(tasks.map((t) => ({ reportId, ...t })))
    .onConflictDoUpdate({
      target: [reportTasks.reportId, reportTasks.taskIndex],
      set: { task: sql`excluded.task`, status: sql`excluded.status`, narrative: sql`excluded.narrative` },
    });
}

export async function updateValueForCorrection(db: Tx, valueId: string, set: { actual: number | null; dataSource: string }): Promise<void> {
  await db.update(reportValues).set({ ...set, updatedAt: sql`now()` }).where(eq(reportValues.id, valueId));
  await sealRecords(db, 'report_value', { id: valueId });
}

export async function insertCorrection(db: Tx, row: typeof reportValueCorrections.$inferInsert): Promise<void> {
  await db.insert(reportValueCorrections).values(row);
}

export async function correctionsOf(db: Tx, reportId: string) {
  return db
    .select({
      at: reportValueCorrections.createdAt,
      actorName: users.displayName,
      targetId: reportValues.targetId,
      oldActual: reportValueCorrections.oldActual,
      newActual: reportValueCorrections.newActual,
      oldDataSource: reportValueCorrections.oldDataSource,
      newDataSource: reportValueCorrections.newDataSource,
      reason: reportValueCorrections.reason,
    })
    .from(reportValueCorrections)
    .innerJoin(reportValues, eq(reportValues.id, reportValueCorrections.reportValueId))
    .leftJoin(users, eq(users.id, reportValueCorrections.actorId))
    .where(eq(reportValues.reportId, reportId))
    .orderBy(asc(reportValueCorrections.createdAt));
}

export async function insertPilotEvent(db: Tx, row: typeof pilotEvents.$inferInsert): Promise<void> {
  const [r] = await db.insert(pilotEvents).values(row).returning({ id: pilotEvents.id });
  await sealRecords(db, 'pilot_event', { id: r!.id });
}

/** The audit events of one report (pilot events whose data names it), oldest first. */
export async function eventsOfReport(db: Tx, pilotId: string, reportId: string) {
  return db
    .select({
      at: pilotEvents.createdAt,
      actorName: users.displayName,
      action: pilotEvents.action,
      fromState: pilotEvents.fromState,
      toState: pilotEvents.toState,
      comment: pilotEvents.comment,
    })
    .from(pilotEvents)
    .leftJoin(users, eq(users.id, pilotEvents.actorId))
    .where(and(eq(pilotEvents.pilotId, pilotId), sql`${pilotEvents.data}->>'reportId' = ${reportId}`))
    .orderBy(asc(pilotEvents.createdAt));
}

export async function insertPilotFile(db: Tx, row: typeof pilotFiles.$inferInsert): Promise<string> {
  const [f] = await db.insert(pilotFiles).values(row).returning({ id: pilotFiles.id });
  return f!.id;
}

export async function getPilotFile(db: Tx, id: string): Promise<PilotFileRow | null> {
  const rows = await db.select().from(pilotFiles).where(eq(pilotFiles.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function evidenceFilesOf(db: Tx, pilotId: string, ids: readonly string[]): Promise<PilotFileRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(pilotFiles)
    .where(and(eq(pilotFiles.pilotId, pilotId), eq(pilotFiles.purpose, 'report_evidence'), inArray(pilotFiles.id, [...ids])));
}


export async function setDueDate(db: Tx, reportId: string, dueDate: string): Promise<void> {
  await db.update(progressReports).set({ dueDate, updatedAt: sql`now()` }).where(eq(progressReports.id, reportId));
}

// ---- for the dashboards (through public.ts) ---------------------------------------------------------

/**
 * The reports not delivered (draft or returned) whose due date lies before `today`, of pilots that
 * still owe reports (not cancelled, not completed): the overdue flag, read straight from the rows the
 * daily reminder sweep has created. One range scan of progress_reports_due_idx (status, due_date) —
 * unlike the "what is due" list, which builds every pilot's calendar on each call. The query itself is
 * returned (await it for the rows), so its plan can be explained.
 */
export function overdueReportsBefore(db: Tx, today: string) {
  return db
    .select({ reportId: progressReports.id, pilotId: progressReports.pilotId, period: progressReports.period, dueDate: progressReports.dueDate, status: progressReports.status })
    .from(progressReports)
    .innerJoin(pilots, eq(pilots.id, progressReports.pilotId))
    .where(and(inArray(progressReports.status, ['draft', 'returned']), lt(progressReports.dueDate, today), notInArray(pilots.state, ['cancelled', 'completed'])))
    .orderBy(asc(progressReports.dueDate), asc(progressReports.id));
}
export type OverdueReportRow = Awaited<ReturnType<typeof overdueReportsBefore>>[number];

/**
 * A stamp of every report's status, version and due date (hashed), as one SQL expression a caller
 * puts into its own select: what the overdue list and, through the confirmed reports, attainment
 * depend on. One scan of a small table.
 */
export function reportsStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${progressReports.id}, ${progressReports.status}, ${progressReports.version}, ${progressReports.dueDate}), ',' order by ${progressReports.id}), ''))
       from ${progressReports})`;
}
