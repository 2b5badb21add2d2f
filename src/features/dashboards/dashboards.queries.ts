/**
 * What the dashboards read, and nothing they write: the pilots, the city types their approved plans
 * claim, the open rectification cases (one filtered scan) and the policy resources
 * summed per pilot and programme (one group-by). Attainment and overdue reports come through those
 * features' public.ts, not from here; the overdue reports are read here too (one indexed filter on
 * progress_reports: status, due date), because the "what is due" list builds every pilot's calendar
 * on each call (about a second for 300 pilots) — the daily reminder sweep has created every running
 * pilot's report rows already.
 */
import { and, asc, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, pilotContractVersions, pilots, policyResources, progressReports, rectificationCases, settings } from '../../db/schema.js';

/** Every pilot with what the dashboard counts it by; the targets (the heavy part of the row) stay out. */
export async function dashboardPilots(db: Tx) {
  return db
    .select({ id: pilots.id, applicationId: pilots.applicationId, name: pilots.name, cityCodes: pilots.cityCodes, state: pilots.state, isDemo: pilots.isDemo })
    .from(pilots)
    .orderBy(asc(pilots.approvedAt), asc(pilots.id));
}
export type DashboardPilotRow = Awaited<ReturnType<typeof dashboardPilots>>[number];

/** The city types the approved plans of these applications claim (read from inside the plan). */
export async function cityTypesOf(db: Tx, applicationIds: readonly string[]): Promise<{ applicationId: string; cityTypes: unknown }[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select({ applicationId: applications.id, cityTypes: sql<unknown>`${applications.plan} -> 'cityTypes'` })
    .from(applications)
    .where(inArray(applications.id, [...applicationIds]));
}

/** The cases not yet closed (passed or failed). */
export const OPEN_CASE_STATUSES = ['open', 'answered', 'province_reviewed'] as const;

export async function openCases(db: Tx) {
  return db
    .select({ caseId: rectificationCases.id, pilotId: rectificationCases.pilotId, status: rectificationCases.status, deadline: rectificationCases.deadline })
    .from(rectificationCases)
    .where(inArray(rectificationCases.status, [...OPEN_CASE_STATUSES]))
    .orderBy(asc(rectificationCases.deadline));
}

/** The resources summed per pilot and programme. */
export async function resourcesByPilotAndProgramme(db: Tx) {
  return db
    .select({
      pilotId: policyResources.pilotId,
      programme: policyResources.programme,
      amount: sql<number>`coalesce(sum(${policyResources.amount}), 0)::float8`,
      count: sql<number>`count(*)::int`,
    })
    .from(policyResources)
    .groupBy(policyResources.pilotId, policyResources.programme);
}

/**
 * The reports not delivered (draft or returned) whose due date lies before `today`, of pilots that
 * still owe reports (not cancelled, not completed): the overdue flag of the progress reports.
 */
export async function overdueReports(db: Tx, today: string) {
  return db
    .select({ reportId: progressReports.id, pilotId: progressReports.pilotId, period: progressReports.period, dueDate: progressReports.dueDate, status: progressReports.status })
    .from(progressReports)
    .innerJoin(pilots, sql`${pilots.id} = ${progressReports.pilotId}`)
    .where(and(inArray(progressReports.status, ['draft', 'returned']), lt(progressReports.dueDate, today), notInArray(pilots.state, ['cancelled', 'completed'])))
    .orderBy(asc(progressReports.dueDate));
}

/**
 * One stamp of everything the dashboard shows, for its response cache: the reports (each one's
 * status, version and due date, hashed — the overdue list and, through the confirmed ones, the
 * attainment summaries), the contract versions, the pilots (id, version, state, name, cities), the
 * rectification cases, the resources and the settings (the programme list). Six scans of small tables.
 */
export async function dashboardStamp(db: Tx): Promise<string> {
  const result = await db.execute(sql`select concat_ws('/',
    (select md5(coalesce(string_agg(concat_ws('|', ${progressReports.id}, ${progressReports.status}, ${progressReports.version}, ${progressReports.dueDate}), ',' order by ${progressReports.id}), ''))
       from ${progressReports}),
    (select concat_ws(':', count(*), coalesce(sum(${pilotContractVersions.version}), 0)) from ${pilotContractVersions}),
    (select md5(coalesce(string_agg(concat_ws('|', ${pilots.id}, ${pilots.version}, ${pilots.state}, ${pilots.name}, ${pilots.cityCodes}::text), ',' order by ${pilots.id}), ''))
       from ${pilots}),
    (select md5(coalesce(string_agg(concat_ws('|', ${rectificationCases.id}, ${rectificationCases.status}, ${rectificationCases.version}, ${rectificationCases.deadline}), ',' order by ${rectificationCases.id}), ''))
       from ${rectificationCases}),
    (select md5(coalesce(string_agg(concat_ws('|', ${policyResources.id}, ${policyResources.programme}, ${policyResources.amount}), ',' order by ${policyResources.id}), ''))
       from ${policyResources}),
    (select coalesce(string_agg(concat_ws(':', ${settings.key}, ${settings.version}), ',' order by ${settings.key}), '') from ${settings})) as stamp`);
  const rows = (result as unknown as { rows: { stamp: string }[] }).rows;
  return rows[0]!.stamp;
}
