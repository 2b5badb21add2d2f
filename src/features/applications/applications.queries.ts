/**
 * Every database access of the application journey. Each function takes the database explicitly;
 * list functions take the actor's scope explicitly.
 */
import { and, asc, desc, eq, ilike, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  applicationCities,
  applicationCounts,
  applicationEvents,
  applications,
  attachments,
  ministryIntakes,
  organisations,
  planVersions,
  provincialReviews,
  users,
} from '../../db/schema.js';
import type { ApplicationState } from '../../shared/lifecycle/application-lifecycle.js';
import type { Plan } from '../../shared/plan/plan-schema.js';
import type { Actor } from '../../shared/roles/roles.js';
import { openField, sealField } from '../../kernel/field-crypto.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import { isoFromDb } from '../../kernel/db-time.js';

/**
 * The plan's contact person's phone, mobile and e-mail are personal data: sealed with SM4 in the stored
 * JSON (applications.plan and plan_versions.plan) on every write here, opened on every read here.
 */
export const PLAN_SEALED_FIELDS = ['phone', 'mobile', 'email'] as const;
const planContext = (f: (typeof PLAN_SEALED_FIELDS)[number]) => `plan.contact.${f}`;

function mapContact(plan: Plan, fn: (value: string, context: string) => string): Plan {
  const c = plan.contact;
  if (!c) return plan;
  const contact = { ...c };
  for (const f of PLAN_SEALED_FIELDS) if (typeof c[f] === 'string' && c[f] !== '') contact[f] = fn(c[f], planContext(f));
  return { ...plan, contact };
}
export const sealPlan = (plan: Plan): Plan => mapContact(plan, (v, ctx) => sealField(v, ctx));
export const openPlan = (plan: Plan): Plan => mapContact(plan, (v, ctx) => openField(v, ctx));


export interface ListFilter {
  status?: ApplicationState;
  /** Only what waits for the actor's own action. */
  queue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** The scope condition for a role; null means the role sees no application. */
export function scopeCondition(actor: Actor): SQL | null {
  switch (actor.role) {
    case 'city_applicant':
      return sql`exists (select 1 from ${applicationCities} where ${applicationCities.applicationId} = ${applications.id} and ${applicationCities.cityCode} = ${actor.divisionCode})`;
    case 'provincial_authority':
      if (!actor.authorityId) return null;
      return and(
        ne(applications.status, 'draft'),
        sql`exists (select 1 from ${applicationCities} where ${applicationCities.applicationId} = ${applications.id} and ${applicationCities.authorityId} = ${actor.authorityId})`,
      )!;
    case 'ministry_planning':
    case 'ministry_department':
      return isNotNull(applications.forwardedAt);
    case 'leading_group_observer':
      return eq(applications.status, 'approved');
    default:
      return null;
  }
}

/** What waits for the ministry's planning department: the applications forwarded to it. */
const MINISTRY_QUEUE_STATUS = 'forwarded';

function queueCondition(actor: Actor): SQL | null {
  switch (actor.role) {
    case 'city_applicant':
      return inArray(applications.status, ['draft', 'returned']);
    case 'provincial_authority':
      return and(
        eq(applications.status, 'submitted'),
        sql`exists (select 1 from ${provincialReviews} where ${provincialReviews.applicationId} = ${applications.id} and ${provincialReviews.round} = ${applications.round} and ${provincialReviews.authorityId} = ${actor.authorityId} and ${provincialReviews.decision} = 'pending')`,
      )!;
    case 'ministry_planning':
      return eq(applications.status, MINISTRY_QUEUE_STATUS);
    default:
      return null;
  }
}

/** Whether the actor's review authority still has to decide the row's current round. */
function authorityPending(actor: Actor): SQL<boolean> {
  if (actor.role !== 'provincial_authority' || !actor.authorityId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${provincialReviews} where ${provincialReviews.applicationId} = ${applications.id} and ${provincialReviews.round} = ${applications.round} and ${provincialReviews.authorityId} = ${actor.authorityId} and ${provincialReviews.decision} = 'pending')`;
}

/**
 * The list's two statements (the page with the count, and the count alone) for one shape of request: the actor's role and
 * whether it has an authority, and which filters are set. The actor's division and authority, the
 * filters' values and the page are placeholders, so each shape is built once per database and sent
 * as a prepared statement — the lists are the busiest reads, and composing them anew cost more
 * than the queries themselves (bench/: vs_sql).
 */
const P = {
  division: sql.placeholder('division'),
  authority: sql.placeholder('authority'),
  status: sql.placeholder('status'),
  like: sql.placeholder('like'),
  limit: sql.placeholder('limit'),
  offset: sql.placeholder('offset'),
};

/** The columns every answer about an application starts with. */
const SUMMARY_COLUMNS = {
    id: applications.id,
    refNo: applications.refNo,
    title: applications.title,
    status: applications.status,
    version: applications.version,
    round: applications.round,
    applicationYear: applications.applicationYear,
};

function listStatements(db: Db, actor: Actor, filter: ListFilter, key: string) {
  // The conditions read the actor's values; here they are placeholders, bound at execution.
  const shape = { ...actor, divisionCode: P.division as unknown as string, authorityId: actor.authorityId ? (P.authority as unknown as string) : null };
  const scope = scopeCondition(shape);
  if (!scope) return null;
  // A city's list walks the city's own index (application_cities: city, latest change first) and
  // joins each application: twenty entries for a page however many the city has. The join is the
  // city's scope; every other role's scope is a condition on the application.
  const cityWalk = actor.role === 'city_applicant';
  const conds: SQL[] = [cityWalk ? eq(applicationCities.cityCode, P.division as unknown as string) : scope];
  if (filter.status) conds.push(eq(applications.status, P.status as unknown as string));
  if (filter.queue) {
    const q = queueCondition(shape);
    if (!q) return null;
    conds.push(q);
  }
  if (filter.q) conds.push(or(ilike(applications.title, P.like), ilike(applications.refNo, P.like), ilike(applications.applicantName, P.like))!);
  const where = and(...conds);
  // Ministry inbox reads oldest-forwarded first; everyone else sees the latest change first.
  const order =
    actor.role === 'ministry_planning' || actor.role === 'ministry_department'
      ? [asc(applications.forwardedAt), asc(applications.id)]
      : cityWalk
        ? [desc(applicationCities.appUpdatedAt), desc(applicationCities.applicationId)]
        : [desc(applications.updatedAt), desc(applications.id)];
  const fields = {
    ...SUMMARY_COLUMNS,
    // The row's copy of its applicant's name (kept by the database, migration 0018).
    applicantName: applications.applicantName,
    // The driver answers time stamps as the database writes them (all(): mapped to ISO strings in listApplications, without a Date each).
    updatedAt: applications.updatedAt,
    submittedAt: applications.submittedAt,
    forwardedAt: applications.forwardedAt,
    receivedAt: applications.receivedAt,
    isDemo: applications.isDemo,
    // The row's copy of its cities (kept by the database, migration 0017) and the facts the abilities
    // of each row are decided on (application-scope.ts).
    cityCodes: applications.cityCodes,
    authorityIds: applications.authorityIds,
    actorAuthorityPending: authorityPending(shape).as('actor_authority_pending'),
    // The count rides along in the page's statement (evaluated once, as an InitPlan): one round trip
    // per list instead of two. Only a page past the end (no rows to carry it) asks the count alone.
    total: sql<number>`(${countOf(actor, filter, where)})`.as('total'),
  };
  const items = (
    cityWalk
      ? db.select(fields).from(applicationCities).innerJoin(applications, eq(applications.id, applicationCities.applicationId))
      : db.select(fields).from(applications)
  )
    .where(where)
    .orderBy(...order)
    .limit(P.limit)
    .offset(P.offset)
    .prepare(`list_apps_${key}`);
  // Alone, for a page past the end.
  const total = db.select({ n: sql<number>`(${countOf(actor, filter, where)})`.mapWith(Number) }).from(sql`(select 1) as one`).prepare(`count_apps_${key}`);
  return { items, total };
}

/**
 * The list's total. Without a text search, the ministry's and the observer's totals are read from
 * application_counts (kept by the database, migration 0017) and a city's from its index entries
 * (each application names a city once); otherwise counted. Called only for a list the role has
 * (listStatements): a queue reaches here for the planning department and the cities alone.
 */
function countOf(actor: Actor, filter: ListFilter, where: SQL | undefined): SQL {
  if (!filter.q) {
    const statusIs = [
      ...(filter.status ? [eq(applicationCounts.status, P.status as unknown as string)] : []),
      ...(filter.queue ? [eq(applicationCounts.status, MINISTRY_QUEUE_STATUS)] : []),
    ];
    if (actor.role === 'ministry_planning' || actor.role === 'ministry_department') {
      return sql`select coalesce(sum(${applicationCounts.n}), 0) from ${applicationCounts} where ${and(eq(applicationCounts.forwarded, true), ...statusIs)}`;
    }
    if (actor.role === 'leading_group_observer') {
      return sql`select coalesce(sum(${applicationCounts.n}), 0) from ${applicationCounts} where ${and(eq(applicationCounts.status, 'approved'), ...statusIs)}`;
    }
    if (actor.role === 'city_applicant' && !filter.status && !filter.queue) {
      return sql`select count(*) from ${applicationCities} where ${eq(applicationCities.cityCode, P.division as unknown as string)}`;
    }
  }
  const scoped = actor.role === 'city_applicant' ? sql`${applicationCities} inner join ${applications} on ${applications.id} = ${applicationCities.applicationId}` : sql`${applications}`;
  return sql`select count(*) from ${scoped} where ${where}`;
}
/** A list row as the driver answers it: the statement's column names (listStatements). */
interface ListDbRow {
  id: string;
  ref_no: string;
  title: string;
  status: string;
  version: number;
  round: number;
  application_year: number;
  applicant_name: string;
  updated_at: string;
  submitted_at: string | null;
  forwarded_at: string | null;
  received_at: string | null;
  is_demo: boolean;
  city_codes: string[];
  authority_ids: string[];
  actor_authority_pending: boolean | null;
  total: number | string;
}
const listCache = new WeakMap<Db, Map<string, ReturnType<typeof listStatements>>>();

export async function listApplications(db: Db, actor: Actor, filter: ListFilter) {
  const key = [actor.role, actor.authorityId ? 'a' : '', filter.status ? 's' : '', filter.queue ? 'q' : '', filter.q ? 't' : ''].join('_');
  let perDb = listCache.get(db);
  if (!perDb) listCache.set(db, (perDb = new Map()));
  if (!perDb.has(key)) perDb.set(key, listStatements(db, actor, filter, key));
  const statements = perDb.get(key) ?? null;
  if (!statements) return { items: [], total: 0 };
  const params = {
    division: actor.divisionCode,
    authority: actor.authorityId ?? '',
    status: filter.status ?? '',
    like: filter.q ? `%${filter.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : '',
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  };
  // The rows as the driver answers them, mapped here once: Drizzle's general row mapping was a tenth
  // of the busiest list's CPU (docs/benchmarks.md). Both drivers' prepared queries have all().
  const items = await (statements.items as unknown as { all(p: typeof params): Promise<ListDbRow[]> }).all(params);
  const total = items[0] ? Number(items[0].total) : params.offset > 0 ? ((await statements.total.execute(params))[0]?.n ?? 0) : 0;
  return {
    items: items.map((i) => ({
      id: i.id,
      refNo: i.ref_no,
      title: i.title,
      status: i.status as ApplicationState,
      version: i.version,
      round: i.round,
      applicationYear: i.application_year,
      applicantName: i.applicant_name,
      updatedAt: isoFromDb(i.updated_at),
      submittedAt: isoFromDb(i.submitted_at),
      forwardedAt: isoFromDb(i.forwarded_at),
      receivedAt: isoFromDb(i.received_at),
      isDemo: i.is_demo,
      cityCodes: i.city_codes,
      authorityIds: i.authority_ids,
      actorAuthorityPending: Boolean(i.actor_authority_pending),
    })),
    total,
  };
}

export async function getApplication(db: Tx, id: string) {
  const rows = await db
    .select({
      ...SUMMARY_COLUMNS,
      applicantOrgId: applications.applicantOrgId,
      applicantName: organisations.name,
      plan: applications.plan,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      forwardedAt: applications.forwardedAt,
      receivedAt: applications.receivedAt,
      isDemo: applications.isDemo,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.applicantOrgId))
    .where(eq(applications.id, id))
    .limit(1);
  const app = rows[0] ? { ...rows[0], plan: openPlan(rows[0].plan) } : null;
  if (!app) return null;
  const cities = await db
    .select({ cityCode: applicationCities.cityCode, authorityId: applicationCities.authorityId })
    .from(applicationCities)
    .where(eq(applicationCities.applicationId, id))
    .orderBy(asc(applicationCities.cityCode));
  return { ...app, status: app.status as ApplicationState, cities };
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

export async function insertApplication(
  db: Tx,
  row: {
    refNo: string;
    title: string;
    applicantOrgId: string;
    applicationYear: number;
    plan: Plan;
    createdBy: string;
    isDemo?: boolean;
  },
  cities: { cityCode: string; authorityId: string }[],
) {
  const [app] = await db
    .insert(applications)
    .values({ ...row, plan: sealPlan(row.plan), status: 'draft', version: 1, round: 0 })
    .returning({ id: applications.id });
  if (!app) throw new Error('insert returned no row');
  if (cities.length) {
    await db.insert(applicationCities).values(cities.map((c) => ({ applicationId: app.id, ...c })));
  }
  return app.id;
}

export async function replaceApplicationCities(db: Tx, applicationId: string, cities: { cityCode: string; authorityId: string }[]) {
  await db.delete(applicationCities).where(eq(applicationCities.applicationId, applicationId));
  if (cities.length) {
    await db.insert(applicationCities).values(cities.map((c) => ({ applicationId, ...c })));
  }
}

/**
 * Compare-and-set: writes only if the row still has the expected version (and status, when given).
 * Returns false when someone else changed it first.
 */
export async function casUpdateApplication(
  db: Tx,
  id: string,
  expected: { version: number; status?: ApplicationState },
  set: Partial<{
    status: ApplicationState;
    plan: Plan;
    title: string;
    round: number;
    submittedAt: Date;
    forwardedAt: Date;
    receivedAt: Date;
  }>,
): Promise<number | null> {
  const conds = [eq(applications.id, id), eq(applications.version, expected.version)];
  if (expected.status) conds.push(eq(applications.status, expected.status));
  const rows = await db
    .update(applications)
    .set({ ...set, ...(set.plan ? { plan: sealPlan(set.plan) } : {}), version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conds))
    .returning({ version: applications.version });
  return rows[0]?.version ?? null;
}

export async function insertEvent(
  db: Tx,
  e: {
    applicationId: string;
    actorId: string | null;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    comment?: string | null;
    data?: Record<string, unknown>;
  },
) {
  const [row] = await db.insert(applicationEvents).values(e).returning({ id: applicationEvents.id });
  await sealRecords(db, 'application_event', { id: row!.id });
}

export async function listEvents(db: Db, applicationId: string) {
  return db
    .select({
      id: applicationEvents.id,
      action: applicationEvents.action,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      comment: applicationEvents.comment,
      data: applicationEvents.data,
      createdAt: applicationEvents.createdAt,
      actorName: users.displayName,
      actorOrganisation: organisations.name,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id));
}

/** Autosaves by one person within this window collapse into one version row. */
export const AUTOSAVE_COLLAPSE_MINUTES = 10;

export async function recordPlanVersion(
  db: Tx,
  v: { applicationId: string; version: number; kind: 'save' | 'submitted' | 'import' | 'create'; round: number; plan: Plan; createdBy: string },
) {
  if (v.kind === 'save') {
    const updated = await db
      .update(planVersions)
      .set({ version: v.version, plan: sealPlan(v.plan), createdAt: sql`now()` })
      .where(
        and(
          eq(planVersions.applicationId, v.applicationId),
          eq(planVersions.kind, 'save'),
          eq(planVersions.createdBy, v.createdBy),
          sql`${planVersions.createdAt} > now() - make_interval(mins => ${AUTOSAVE_COLLAPSE_MINUTES})`,
          sql`${planVersions.version} = (select max(pv.version) from plan_versions pv where pv.application_id = ${v.applicationId})`,
        ),
      )
      .returning({ id: planVersions.id });
    if (updated.length) return;
  }
  await db.insert(planVersions).values({ ...v, plan: sealPlan(v.plan) });
}

export async function listPlanVersions(db: Db, applicationId: string) {
  return db
    .select({
      id: planVersions.id,
      version: planVersions.version,
      kind: planVersions.kind,
      round: planVersions.round,
      createdAt: planVersions.createdAt,
      authorName: users.displayName,
    })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.applicationId, applicationId))
    .orderBy(desc(planVersions.version), desc(planVersions.createdAt));
}

export async function getPlanVersion(db: Db, applicationId: string, versionId: string) {
  const rows = await db
    .select({ id: planVersions.id, version: planVersions.version, kind: planVersions.kind, plan: planVersions.plan, createdAt: planVersions.createdAt })
    .from(planVersions)
    .where(and(eq(planVersions.applicationId, applicationId), eq(planVersions.id, versionId)))
    .limit(1);
  return rows[0] ? { ...rows[0], plan: openPlan(rows[0].plan) } : null;
}

export async function listProvincialReviews(db: Tx, applicationId: string) {
  return db
    .select({
      authorityId: provincialReviews.authorityId,
      round: provincialReviews.round,
      decision: provincialReviews.decision,
      checklist: provincialReviews.checklist,
      opinion: provincialReviews.opinion,
      opinionDate: provincialReviews.opinionDate,
      decidedAt: provincialReviews.decidedAt,
      reviewerName: users.displayName,
    })
    .from(provincialReviews)
    .leftJoin(users, eq(users.id, provincialReviews.reviewerId))
    .where(eq(provincialReviews.applicationId, applicationId))
    .orderBy(desc(provincialReviews.round), asc(provincialReviews.authorityId));
}

export async function openProvincialRound(db: Tx, applicationId: string, round: number, authorityIds: string[]) {
  if (!authorityIds.length) return;
  await db
    .insert(provincialReviews)
    .values(authorityIds.map((authorityId) => ({ applicationId, authorityId, round, decision: 'pending' })));
}

/** Records one authority's decision, only if still pending (compare-and-set). */
export async function decideProvincialReview(
  db: Tx,
  key: { applicationId: string; authorityId: string; round: number },
  d: { decision: 'forwarded' | 'returned'; checklist?: Record<string, boolean>; opinion: string; opinionDate: string; reviewerId: string },
): Promise<boolean> {
  const rows = await db
    .update(provincialReviews)
    .set({ ...d, decidedAt: sql`now()` })
    .where(
      and(
        eq(provincialReviews.applicationId, key.applicationId),
        eq(provincialReviews.authorityId, key.authorityId),
        eq(provincialReviews.round, key.round),
        eq(provincialReviews.decision, 'pending'),
      ),
    )
    .returning({ authorityId: provincialReviews.authorityId });
  return rows.length === 1;
}

export async function countPending(db: Tx, applicationId: string, round: number) {
  const rows = await db
    .select({ authorityId: provincialReviews.authorityId })
    .from(provincialReviews)
    .where(
      and(
        eq(provincialReviews.applicationId, applicationId),
        eq(provincialReviews.round, round),
        eq(provincialReviews.decision, 'pending'),
      ),
    );
  return rows.map((r) => r.authorityId);
}

/** Closes what is still pending in a round (when one province returns a cross-province cluster). */
export async function closePendingRound(db: Tx, applicationId: string, round: number) {
  await db
    .update(provincialReviews)
    .set({ decision: 'superseded' })
    .where(
      and(
        eq(provincialReviews.applicationId, applicationId),
        eq(provincialReviews.round, round),
        eq(provincialReviews.decision, 'pending'),
      ),
    );
}

export async function insertIntake(
  db: Tx,
  row: { applicationId: string; printedCopies: string; discs: string; formalCheckPassed: boolean; note: string | null; recordedBy: string },
) {
  await db.insert(ministryIntakes).values(row);
}

export async function getIntake(db: Db, applicationId: string) {
  const rows = await db
    .select({
      printedCopies: ministryIntakes.printedCopies,
      discs: ministryIntakes.discs,
      formalCheckPassed: ministryIntakes.formalCheckPassed,
      note: ministryIntakes.note,
      recordedAt: ministryIntakes.recordedAt,
      recordedByName: users.displayName,
    })
    .from(ministryIntakes)
    .leftJoin(users, eq(users.id, ministryIntakes.recordedBy))
    .where(eq(ministryIntakes.applicationId, applicationId))
    .limit(1);
  return rows[0] ?? null;
}

export async function listAttachments(db: Db, applicationId: string) {
  return db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mimeType: attachments.mimeType,
      size: attachments.size,
      createdAt: attachments.createdAt,
      uploaderName: users.displayName,
    })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt));
}

export async function getOrganisation(db: Db, id: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The dashboards: the city types the plans of these applications claim (read from inside the plan, nothing else of it). */
export async function cityTypesOfApplications(db: Tx, applicationIds: readonly string[]): Promise<{ applicationId: string; cityTypes: unknown }[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select({ applicationId: applications.id, cityTypes: sql<unknown>`${applications.plan} -> 'cityTypes'` })
    .from(applications)
    .where(inArray(applications.id, [...applicationIds]));
}
