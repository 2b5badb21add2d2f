/**
 * The dashboards 统计看板: who sees which dashboard (src/shared/permissions/dashboard-scope.ts), the
 * rows read in a few queries whatever the number of pilots, and the figures from the pure
 * aggregation (src/shared/dashboards/aggregate.ts). Each block follows the rule of the feature it
 * comes from: attainment (its cached per-pilot summaries), the overdue reports (the reporting rule
 * isReportOverdue and the report scope), rectification cases and policy resources each only where
 * the role may read them.
 *
 * The JSON answer is kept serialised per process and database (dashboardJson below) under a stamp of
 * everything it shows that one cheap query reads on each request, as attainment's overview does:
 * while nothing changed, a request costs the session, the stamp and the copy of the bytes.
 */
import type { Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { aggregateDashboard, type DashboardPilotInput, type PilotAttainmentFacts } from '../../shared/dashboards/aggregate.js';
import type { PilotState } from '../../shared/monitoring/pilot-lifecycle.js';
import { isReportOverdue, periodLabelText } from '../../shared/monitoring/reporting-periods.js';
import { canSeeOnDashboard, dashboardScopeOf, resolveDashboardProvince } from '../../shared/permissions/dashboard-scope.js';
import { can } from '../../shared/permissions/policy.js';
import { canSeeRectification } from '../../shared/permissions/rectification-scope.js';
import { canListReports } from '../../shared/permissions/report-scope.js';
import { canSeeResources } from '../../shared/permissions/resource-scope.js';
import type { Actor } from '../../shared/roles/roles.js';
import { cityTypesOfApplications } from '../applications/public.js';
import { attainmentSummariesInScope } from '../attainment/public.js';
import { pilotsForCounting } from '../pilots/public.js';
import { getProgrammes, resourceTotalsByPilotAndProgramme } from '../policy-resources/public.js';
import { overdueReportsBefore } from '../progress-reports/public.js';
import { openRectificationCases } from '../rectifications/public.js';
import { dashboardSchema, type Dashboard, type DashboardQuery } from './dashboards.contract.js';
import * as q from './dashboards.queries.js';

/**
 * The city types of each pilot, per database handle: they come from the approved plan, which no
 * longer changes, so each pilot's are read once (reading them out of every plan on every request
 * would detoast 300 plans).
 */
const cityTypeCache = new WeakMap<object, Map<string, string[]>>();

async function cityTypesByApplication(db: Tx, applicationIds: readonly string[]): Promise<Map<string, string[]>> {
  let cache = cityTypeCache.get(db);
  if (!cache) cityTypeCache.set(db, (cache = new Map()));
  const missing = applicationIds.filter((id) => !cache.has(id));
  for (const r of await cityTypesOfApplications(db, missing)) cache.set(r.applicationId, Array.isArray(r.cityTypes) ? r.cityTypes.filter((x): x is string => typeof x === 'string') : []);
  return cache;
}

/** The actor's dashboard scope and the filters in force; refuses a role without one (403) and another province (403). */
function scopeAndFilters(actor: Actor, query: DashboardQuery) {
  const scope = dashboardScopeOf(actor);
  if (scope === null) throw new AppError('FORBIDDEN');
  const resolved = resolveDashboardProvince(scope, query.province);
  if (!resolved.ok) throw new AppError('DASHBOARD_PROVINCE_OUT_OF_SCOPE', { province: query.province });
  return { scope, filters: { ...query, province: resolved.province } };
}

export async function dashboard(db: Tx, actor: Actor, query: DashboardQuery, now: Date): Promise<Dashboard> {
  const { scope, filters } = scopeAndFilters(actor, query);
  const today = chinaDate(now);

  // One after another: inside a transaction the handle is one connection.
  const rows = (await pilotsForCounting(db)).filter((p) => canSeeOnDashboard(actor, p));
  const cityTypes = await cityTypesByApplication(db, rows.map((r) => r.applicationId));
  const summaries = new Map((can(actor.role, 'report.read') ? await attainmentSummariesInScope(db, actor) : []).map((s) => [s.pilotId, s]));
  const sections = {
    overdueReports: can(actor.role, 'report.read'),
    rectifications: can(actor.role, 'rectification.read'),
    resources: can(actor.role, 'resource.read'),
  };
  const overdue = sections.overdueReports ? (await overdueReportsBefore(db, today)).filter((r) => isReportOverdue({ due: r.dueDate }, r.status, today)) : [];
  const cases = sections.rectifications ? await openRectificationCases(db) : [];
  const resources = sections.resources ? await resourceTotalsByPilotAndProgramme(db) : null;
  const programmes = sections.resources ? (await getProgrammes(db)).programmes : [];

  const byId = new Map(rows.map((r) => [r.id, r]));
  const pilots: DashboardPilotInput[] = rows.map((r) => {
    const s = summaries.get(r.id);
    const attainment: PilotAttainmentFacts | null = s ? { overallStatus: s.overallStatus, meanProgress: s.meanProgress, byDimension: s.dimensionCounts } : null;
    return {
      id: r.id,
      name: r.name,
      cityCodes: r.cityCodes,
      cityTypes: cityTypes.get(r.applicationId) ?? [],
      state: r.state as PilotState,
      isDemo: r.isDemo,
      attainment,
    };
  });
  const figures = aggregateDashboard({
    pilots,
    filters,
    today,
    overdueReports: overdue
      .filter((r) => {
        const p = byId.get(r.pilotId);
        return p !== undefined && canListReports(actor, p);
      })
      .map((r) => ({ ...r, periodText: periodLabelText(r.period) })),
    openCases: cases.filter((c) => {
      const p = byId.get(c.pilotId);
      return p !== undefined && canSeeRectification(actor, p);
    }),
    resources: resources === null ? null : resources.filter((r) => {
      const p = byId.get(r.pilotId);
      return p !== undefined && canSeeResources(actor, p);
    }),
    programmes,
  });
  return {
    scope: { level: scope.level, provinceCode: scope.level === 'province' ? scope.provinceCode : null },
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as DashboardQuery,
    today,
    ...figures,
    sections,
  };
}

// ---------------------------------------------------------------------------------------------
// The serialised answers, per process and database

interface CachedAnswer {
  stamp: string;
  json: string;
}
/** Per database: at most this many answers (scopes × filters); the least recently used go first. */
const CACHE_ENTRIES = 200;
const answers = new WeakMap<object, Map<string, CachedAnswer>>();

/** GET /dashboard as JSON text, from the cache while its stamp (and the day) holds. */
export async function dashboardJson(db: Tx, actor: Actor, query: DashboardQuery, now: Date): Promise<string> {
  scopeAndFilters(actor, query);
  let cache = answers.get(db);
  if (!cache) answers.set(db, (cache = new Map()));
  // What decides the rows an actor sees (the scope rules read only these), the filters and the day.
  const key = [actor.role, actor.divisionCode, actor.authorityId ?? '', query.province ?? '', query.region ?? '', query.cityType ?? '', query.phase ?? '', chinaDate(now)].join('|');
  // The stamp is read before the figures: a change meanwhile leaves a stale stamp, recomputed next time.
  const stamp = await q.dashboardStamp(db);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.json;
  }
  const json = JSON.stringify(dashboardSchema.parse(await dashboard(db, actor, query, now)));
  cache.delete(key);
  cache.set(key, { stamp, json });
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return json;
}
