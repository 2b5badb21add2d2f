/**
 * The attainment feature's one table (attainment_summaries, the overview's per-pilot figures) and
 * read-only views of what it computes from: the pilots' lean facts, their contract versions and the
 * figures of their confirmed progress reports. Nothing here writes another feature's table.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { attainmentSummaries, pilotContractVersions, pilots, progressReports, reportValues } from '../../db/schema.js';
import type { ReportedValue } from '../../shared/monitoring/contract-attainment.js';
import type { Target } from '../../shared/plan/plan-schema.js';

/** A pilot as the overview lists it: no targets (they are the heavy part of the row). */
export interface PilotFactsRow {
  id: string;
  name: string;
  cityCodes: string[];
  state: string;
  resumePhase: string | null;
  periodStartYear: number;
  periodEndYear: number;
  isDemo: boolean;
  approvedAt: Date;
}

const leanPilot = {
  id: pilots.id,
  name: pilots.name,
  cityCodes: pilots.cityCodes,
  state: pilots.state,
  resumePhase: pilots.resumePhase,
  periodStartYear: pilots.periodStartYear,
  periodEndYear: pilots.periodEndYear,
  isDemo: pilots.isDemo,
  approvedAt: pilots.approvedAt,
};

/**
 * Every pilot with what its stored summary was computed from and what it would be computed from now:
 * the confirmed reports (how many, the sum of their versions — a correction bumps a report's version),
 * the latest confirmed year and the contract versions (how many, the highest). Three small aggregates
 * and a join, whatever the number of report figures.
 */
export async function overviewRows(db: Tx) {
  const reports = db
    .select({
      pilotId: progressReports.pilotId,
      reportCount: sql<number>`count(*)::int`.as('report_count'),
      versionSum: sql<number>`sum(${progressReports.version})::int`.as('version_sum'),
      latestYear: sql<number>`max(${progressReports.year})::int`.as('latest_year'),
    })
    .from(progressReports)
    .where(eq(progressReports.status, 'confirmed'))
    .groupBy(progressReports.pilotId)
    .as('r');
  const contracts = db
    .select({
      pilotId: pilotContractVersions.pilotId,
      versionCount: sql<number>`count(*)::int`.as('version_count'),
      maxVersion: sql<number>`max(${pilotContractVersions.version})::int`.as('max_version'),
    })
    .from(pilotContractVersions)
    .groupBy(pilotContractVersions.pilotId)
    .as('c');
  return db
    .select({
      ...leanPilot,
      confirmedReports: reports.reportCount,
      confirmedVersions: reports.versionSum,
      latestConfirmedYear: reports.latestYear,
      contractVersions: contracts.versionCount,
      maxContractVersion: contracts.maxVersion,
      storedFingerprint: attainmentSummaries.fingerprint,
      storedSummary: attainmentSummaries.summary,
    })
    .from(pilots)
    .leftJoin(reports, eq(reports.pilotId, pilots.id))
    .leftJoin(contracts, eq(contracts.pilotId, pilots.id))
    .leftJoin(attainmentSummaries, eq(attainmentSummaries.pilotId, pilots.id))
    .orderBy(asc(pilots.approvedAt), asc(pilots.id));
}
export type OverviewRow = Awaited<ReturnType<typeof overviewRows>>[number];

/** The targets frozen at approval (version 1 when the pilot has no stored versions). */
export async function pilotTargets(db: Tx, ids: readonly string[]): Promise<{ id: string; periodStartYear: number; targets: Target[] }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: pilots.id, periodStartYear: pilots.periodStartYear, targets: pilots.targets }).from(pilots).where(inArray(pilots.id, [...ids]));
}

export interface ContractVersionFacts {
  pilotId: string;
  version: number;
  effectiveFromYear: number;
  name: string;
  targets: Target[];
}

/** The contract versions of these pilots, oldest first. */
export async function contractVersionsOf(db: Tx, ids: readonly string[]): Promise<ContractVersionFacts[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      pilotId: pilotContractVersions.pilotId,
      version: pilotContractVersions.version,
      effectiveFromYear: pilotContractVersions.effectiveFromYear,
      name: pilotContractVersions.name,
      targets: pilotContractVersions.targets,
    })
    .from(pilotContractVersions)
    .where(inArray(pilotContractVersions.pilotId, [...ids]))
    .orderBy(asc(pilotContractVersions.pilotId), asc(pilotContractVersions.version));
}

/**
 * The figures of the confirmed reports of these pilots: of each year and target only the latest
 * confirmed period's row (a quarterly pilot confirms four a year; the last one counts), with a
 * non-empty figure — which is what actualsFromReports keeps of all of them.
 */
export async function confirmedFigures(db: Tx, ids: readonly string[]): Promise<(ReportedValue & { pilotId: string })[]> {
  if (ids.length === 0) return [];
  // Every handle (the database or a transaction on it) has selectDistinctOn; Tx names the common few.
  const rows = await (db as unknown as Pick<Db, 'selectDistinctOn'>)
    .selectDistinctOn([progressReports.pilotId, progressReports.year, reportValues.targetId], {
      pilotId: progressReports.pilotId,
      year: progressReports.year,
      period: progressReports.period,
      periodEnd: progressReports.periodEnd,
      targetId: reportValues.targetId,
      actual: reportValues.actual,
    })
    .from(reportValues)
    .innerJoin(progressReports, eq(reportValues.reportId, progressReports.id))
    .where(and(inArray(progressReports.pilotId, [...ids]), eq(progressReports.status, 'confirmed'), sql`${reportValues.actual} is not null`))
    .orderBy(progressReports.pilotId, progressReports.year, reportValues.targetId, sql`${progressReports.periodEnd} desc`);
  return rows;
}

export async function upsertSummaries(db: Tx, rows: { pilotId: string; fingerprint: string; summary: Record<string, unknown> }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(attainmentSummaries)
    .values(rows)
    .onConflictDoUpdate({
      target: attainmentSummaries.pilotId,
      set: { fingerprint: sql`excluded.fingerprint`, summary: sql`excluded.summary`, computedAt: sql`now()` },
    });
}

/**
 * One stamp of everything the overview shows, for its response cache: the confirmed reports (count,
 * sum of versions, latest change), the contract versions (count, sum of versions) and the pilots
 * themselves (id, version, state, name and cities of each, hashed). Three scans of small tables.
 */
export async function overviewStamp(db: Tx): Promise<string> {
  const result = await db.execute(sql`select concat_ws('/',
    (select concat_ws(':', count(*), coalesce(sum(${progressReports.version}), 0), coalesce(max(extract(epoch from ${progressReports.updatedAt})), 0))
       from ${progressReports} where ${progressReports.status} = 'confirmed'),
    (select concat_ws(':', count(*), coalesce(sum(${pilotContractVersions.version}), 0)) from ${pilotContractVersions}),
    (select md5(coalesce(string_agg(concat_ws('|', ${pilots.id}, ${pilots.version}, ${pilots.state}, ${pilots.name}, ${pilots.cityCodes}::text), ',' order by ${pilots.id}), ''))
       from ${pilots})) as stamp`);
  const rows = (result as unknown as { rows: { stamp: string }[] }).rows;
  return rows[0]!.stamp;
}

/** The pilot's scope facts and a stamp of everything its dashboard shows, for the dashboard's response cache. */
export async function pilotStamp(db: Tx, id: string): Promise<{ cityCodes: string[]; stamp: string } | null> {
  // Written out with aliases: inside a one-table select Drizzle leaves column names unqualified,
  // which the correlated subqueries would read as their own.
  const result = await db.execute(sql`select p.city_codes as "cityCodes", concat_ws('/', p.version, p.state, p.name,
      (select concat_ws(':', count(*), coalesce(sum(r.version), 0), coalesce(max(extract(epoch from r.updated_at)), 0))
         from ${progressReports} r where r.pilot_id = p.id and r.status = 'confirmed'),
      (select concat_ws(':', count(*), coalesce(max(c.version), 0)) from ${pilotContractVersions} c where c.pilot_id = p.id)) as stamp
    from ${pilots} p where p.id = ${id} limit 1`);
  const rows = (result as unknown as { rows: { cityCodes: string[]; stamp: string }[] }).rows;
  return rows[0] ?? null;
}
