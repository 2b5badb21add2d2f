/**
 * Attainment 指标达成: a pilot's dashboard and the ministry's overview, computed with the shared rules
 * (src/shared/monitoring/contract-attainment.ts) from the confirmed report figures, each year against
 * the contract version in force that year. Scope through src/shared/permissions/attainment-scope.ts.
 *
 * The overview lists every pilot in scope; computing each from its figures on every request would
 * read every confirmed figure of the country (300 pilots × 40 indicators × 12 quarters). So each
 * pilot's summary is kept in attainment_summaries with a fingerprint of what it was computed from:
 * the confirmed reports (their count and the sum of their versions, which every confirmation and
 * correction changes), the contract versions (an approved amendment adds one) and the rules' own
 * version. A read compares the fingerprints in one query and recomputes only the pilots whose
 * figures changed, so the summary follows a confirmation, a correction or an amendment without the
 * features that make them having to call this one.
 *
 * On top of that, both answers are kept serialised per process (responseCache below), under a stamp
 * of everything they show that one cheap query reads on each request: while nothing changed, a
 * request costs the session, the stamp and the copy of the bytes. Every process checks the stamp
 * against the database, so several processes never serve each other's stale answers.
 */
import type { Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { DEFAULT_THRESHOLDS, type Attainment, type AttainmentStatus, type GroupRollup } from '../../shared/monitoring/attainment.js';
import {
  actualsFromReports,
  pilotAttainment,
  summariseAttainment,
  type AttainmentSummary,
  type ContractVersionInput,
  type PilotAttainment,
} from '../../shared/monitoring/contract-attainment.js';
import { NOT_DERIVABLE_LABELS, type Indicator, type PilotPeriod } from '../../shared/monitoring/indicators.js';
import type { PilotState } from '../../shared/monitoring/pilot-lifecycle.js';
import { attainmentAbilities, canSeeAttainment } from '../../shared/permissions/attainment-scope.js';
import { TARGET_DIMENSIONS, type Target, type TargetDimension } from '../../shared/plan/plan-schema.js';
import { getDivision, getReviewAuthority, reviewAuthoritiesForCluster } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { visiblePilot } from '../pilots/public.js';
import { overviewSchema, pilotAttainmentSchema, type Overview, type OverviewItem, type OverviewQuery, type PilotAttainmentView } from './attainment.contract.js';
import * as q from './attainment.queries.js';

/** Bump when the rules or the summary's shape change: every stored summary is then recomputed. */
const RULES_VERSION = 1;
/** Pilots recomputed per batch of queries when their summaries are stale. */
const BATCH = 50;

export interface PilotForFindings {
  id: string;
  periodStartYear: number;
  targets: Target[];
}

const periodOf = (startYear: number): PilotPeriod => [startYear, startYear + 1, startYear + 2];

/** The pilot's contract versions; a pilot approved before versions were stored has its frozen targets as version 1. */
function versionsFor(pilot: PilotForFindings, stored: readonly q.ContractVersionFacts[]): ContractVersionInput<Target>[] {
  if (stored.length > 0) return stored.map((v) => ({ version: v.version, effectiveFromYear: v.effectiveFromYear, targets: v.targets }));
  return [{ version: 1, effectiveFromYear: pilot.periodStartYear, targets: pilot.targets }];
}

interface Computed {
  result: PilotAttainment<Target>;
  summary: AttainmentSummary;
  versions: q.ContractVersionFacts[];
}

/** Attainment of several pilots at once: two queries, whatever their number. */
async function computeMany(db: Tx, pilots: readonly PilotForFindings[]): Promise<Map<string, Computed>> {
  const ids = pilots.map((p) => p.id);
  // One after another: inside a transaction the handle is one connection.
  const versions = await q.contractVersionsOf(db, ids);
  const figures = await q.confirmedFigures(db, ids);
  const out = new Map<string, Computed>();
  for (const p of pilots) {
    const own = versions.filter((v) => v.pilotId === p.id);
    const actuals = actualsFromReports(figures.filter((f) => f.pilotId === p.id));
    const result = pilotAttainment({ period: periodOf(p.periodStartYear), versions: versionsFor(p, own), actuals, thresholds: DEFAULT_THRESHOLDS });
    out.set(p.id, { result, summary: summariseAttainment(result, actuals), versions: own });
  }
  return out;
}

/**
 * Attainment of every indicator of a pilot from its confirmed figures, each year against the contract
 * in force that year; the targets are those of the contract in force in the final year. The
 * rectification feature prefills its findings from it, the evaluation computes its quantitative items.
 */
export async function attainmentsOf(db: Tx, pilot: PilotForFindings): Promise<{ target: Target; indicator: Indicator; attainment: Attainment }[]> {
  const computed = (await computeMany(db, [pilot])).get(pilot.id)!;
  return computed.result.items.map(({ target, indicator, attainment }) => ({ target, indicator, attainment }));
}

// ---------------------------------------------------------------------------------------------
// One pilot's dashboard

function r6(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * 1e6) / 1e6;
}

function roundRollup(g: GroupRollup): GroupRollup {
  return { ...g, meanProgress: r6(g.meanProgress) };
}

/** GET /pilots/:id/attainment. Outside the actor's scope the pilot does not exist (404). */
export async function pilotDashboard(db: Tx, actor: Actor, id: string): Promise<PilotAttainmentView> {
  const pilot = await visiblePilot(db, actor, id);
  if (!canSeeAttainment(actor, pilot)) throw new AppError('NOT_FOUND');
  const { result, summary, versions } = (await computeMany(db, [pilot])).get(pilot.id)!;
  return {
    pilot: {
      id: pilot.id,
      name: pilot.name,
      state: pilot.state as PilotState,
      periodStartYear: pilot.periodStartYear,
      periodEndYear: pilot.periodEndYear,
      isDemo: pilot.isDemo,
    },
    thresholds: DEFAULT_THRESHOLDS,
    latestYear: summary.latestYear,
    contractVersions:
      versions.length > 0
        ? versions.map((v) => ({ version: v.version, effectiveFromYear: v.effectiveFromYear, name: v.name }))
        : [{ version: 1, effectiveFromYear: pilot.periodStartYear, name: pilot.name }],
    years: result.yearVersions,
    indicators: result.items.map(({ target, indicator: ind, attainment: a }) => ({
      targetId: ind.targetId,
      indicator: target.indicator,
      dimension: ind.dimension,
      kind: ind.kind,
      unit: ind.unit,
      direction: ind.direction,
      qualifier: ind.qualifier,
      stretch: ind.stretch,
      bound: ind.bound,
      tolerance: ind.tolerance,
      measure: ind.measure,
      baseYear: ind.baseYear,
      baseline: r6(ind.baseline),
      derivable: ind.derivable,
      reason: ind.reason,
      reasonLabel: ind.reason ? NOT_DERIVABLE_LABELS[ind.reason] : null,
      finalYear: ind.finalYear,
      finalTarget: r6(ind.finalTarget),
      years: a.years.map((y) => ({
        year: y.year,
        contractVersion: y.contractVersion,
        required: r6(y.required),
        requiredSource: y.requiredSource,
        actual: y.actual,
        actualPeriod: y.actualPeriod,
        progress: r6(y.progress),
        progressToFinal: r6(y.progressToFinal),
        status: y.status,
      })),
      current: { year: a.latestYear, progress: r6(a.progress), status: a.status },
      final: { progress: r6(a.progressToFinal), status: a.finalStatus },
      projection: { value: r6(a.projection.value), method: a.projection.method, progress: r6(a.projection.progress), status: a.projection.status },
    })),
    rollup: {
      pilot: roundRollup(result.rollup.pilot),
      byDimension: Object.fromEntries(TARGET_DIMENSIONS.map((d) => [d, roundRollup(result.rollup.byDimension[d])])) as Record<TargetDimension, GroupRollup>,
    },
    abilities: attainmentAbilities(actor, pilot),
  };
}

// ---------------------------------------------------------------------------------------------
// The overview

function fingerprintOf(r: q.OverviewRow): string {
  return [`r${RULES_VERSION}`, r.confirmedReports ?? 0, r.confirmedVersions ?? 0, r.contractVersions ?? 0, r.maxContractVersion ?? 0].join(':');
}

/** The stored summary when it still fits the pilot's figures, else null. */
function freshSummary(r: q.OverviewRow): AttainmentSummary | null {
  return r.storedFingerprint === fingerprintOf(r) && r.storedSummary ? (r.storedSummary as unknown as AttainmentSummary) : null;
}

/** Recomputes and stores the summaries of these pilots, in batches. */
async function refreshSummaries(db: Tx, rows: readonly q.OverviewRow[]): Promise<Map<string, AttainmentSummary>> {
  const out = new Map<string, AttainmentSummary>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const targets = new Map((await q.pilotTargets(db, batch.map((r) => r.id))).map((p) => [p.id, p]));
    const pilots = batch.flatMap((r) => (targets.has(r.id) ? [targets.get(r.id)!] : []));
    const computed = await computeMany(db, pilots);
    const upserts = batch.flatMap((r) => {
      const c = computed.get(r.id);
      if (!c) return [];
      out.set(r.id, c.summary);
      return [{ pilotId: r.id, fingerprint: fingerprintOf(r), summary: c.summary as unknown as Record<string, unknown> }];
    });
    await q.upsertSummaries(db, upserts);
  }
  return out;
}

function provincesOf(cityCodes: readonly string[]): { id: string; name: string }[] {
  let ids: string[];
  try {
    ids = reviewAuthoritiesForCluster(cityCodes);
  } catch {
    ids = [];
  }
  return ids.map((id) => ({ id, name: getReviewAuthority(id)?.name ?? id }));
}

const zeroCounts = (): Record<AttainmentStatus, number> => ({ on_track: 0, at_risk: 0, off_track: 0, no_data: 0 });

export type ItemWithCounts = OverviewItem & { dimensionCounts: Record<TargetDimension, Record<AttainmentStatus, number>> };

/**
 * The overview's items in scope, each with a summary that fits its current figures (and its status
 * counts per dimension, for the totals). The dashboards read the cached summaries through it.
 */
export async function overviewItems(db: Tx, actor: Actor): Promise<ItemWithCounts[]> {
  const rows = (await q.overviewRows(db)).filter((r) => canSeeAttainment(actor, r));
  const stale = rows.filter((r) => freshSummary(r) === null);
  const refreshed = stale.length > 0 ? await refreshSummaries(db, stale) : new Map<string, AttainmentSummary>();
  return rows.flatMap((r) => {
    const s = freshSummary(r) ?? refreshed.get(r.id);
    if (!s) return [];
    return [
      {
        pilotId: r.id,
        name: r.name,
        cityNames: r.cityCodes.map((c) => getDivision(c)?.name ?? c),
        provinces: provincesOf(r.cityCodes),
        state: r.state as PilotState,
        periodStartYear: r.periodStartYear,
        periodEndYear: r.periodEndYear,
        isDemo: r.isDemo,
        latestYear: r.latestConfirmedYear ?? s.latestYear,
        indicators: s.indicators,
        counts: s.counts,
        meanProgress: r6(s.meanProgress),
        overallStatus: s.overallStatus,
        byDimension: Object.fromEntries(
          TARGET_DIMENSIONS.map((d) => [d, { indicators: s.byDimension[d]?.indicators ?? 0, meanProgress: r6(s.byDimension[d]?.meanProgress ?? null) }]),
        ) as OverviewItem['byDimension'],
        dimensionCounts: Object.fromEntries(TARGET_DIMENSIONS.map((d) => [d, s.byDimension[d]?.counts ?? zeroCounts()])) as Record<TargetDimension, Record<AttainmentStatus, number>>,
      },
    ];
  });
}

/**
 * GET /attainment/overview: every pilot in scope, filtered by province, state and overall status, a
 * page at a time (the totals cover every page). Without a page size, all of them (the Excel export).
 */
export async function overview(db: Tx, actor: Actor, query: OverviewQuery): Promise<Overview> {
  const all = await overviewItems(db, actor);
  const provinces = new Map<string, string>();
  for (const item of all) for (const p of item.provinces) provinces.set(p.id, p.name);
  const items = all.filter(
    (i) =>
      (query.province === undefined || i.provinces.some((p) => p.id === query.province)) &&
      (query.state === undefined || i.state === query.state) &&
      (query.status === undefined || i.overallStatus === query.status),
  );
  const counts = zeroCounts();
  const byOverallStatus = zeroCounts();
  const byDimension = Object.fromEntries(TARGET_DIMENSIONS.map((d) => [d, zeroCounts()])) as Record<TargetDimension, Record<AttainmentStatus, number>>;
  for (const i of items) {
    byOverallStatus[i.overallStatus]++;
    for (const s of Object.keys(counts) as AttainmentStatus[]) {
      counts[s] += i.counts[s];
      for (const d of TARGET_DIMENSIONS) byDimension[d][s] += i.dimensionCounts[d][s];
    }
  }
  const pageSize = query.pageSize ?? Math.max(1, items.length);
  const page = query.page ?? 1;
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize).map(({ dimensionCounts: _counts, ...item }) => item),
    total: items.length,
    page,
    pageSize,
    totals: { pilots: items.length, byOverallStatus, counts, byDimension },
    provinces: [...provinces].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id)),
    // Whoever sees the overview may export what it shows.
    abilities: ['export'],
  };
}

// ---------------------------------------------------------------------------------------------
// The serialised answers, per process and database

interface CachedAnswer {
  stamp: string;
  json: string;
}

/**
 * Per database (scopes × filters × pages × pilots): at most this many answers and this many characters
 * of JSON (about 16 MB); the least recently used go first.
 */
const CACHE_ENTRIES = 500;
const CACHE_CHARS = 8_000_000;

interface AnswerCache {
  answers: Map<string, CachedAnswer>;
  chars: number;
}
const caches = new WeakMap<object, AnswerCache>();

function cacheOf(db: Tx): AnswerCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { answers: new Map(), chars: 0 }));
  return cache;
}

async function cached(db: Tx, key: string, stamp: string, compute: () => Promise<string>): Promise<string> {
  const cache = cacheOf(db);
  const hit = cache.answers.get(key);
  if (hit && hit.stamp === stamp) {
    // Most recently used last.
    cache.answers.delete(key);
    cache.answers.set(key, hit);
    return hit.json;
  }
  // The stamp was read before the figures: a change meanwhile leaves a stale stamp, recomputed next time.
  const json = await compute();
  const old = cache.answers.get(key);
  if (old) {
    cache.answers.delete(key);
    cache.chars -= old.json.length;
  }
  cache.answers.set(key, { stamp, json });
  cache.chars += json.length;
  while (cache.answers.size > CACHE_ENTRIES || (cache.chars > CACHE_CHARS && cache.answers.size > 1)) {
    const [oldestKey, oldest] = cache.answers.entries().next().value!;
    cache.answers.delete(oldestKey);
    cache.chars -= oldest.json.length;
  }
  return json;
}

/** What decides the rows an actor sees (the scope rules read only these). */
const scopeKey = (actor: Actor) => `${actor.role}:${actor.divisionCode}:${actor.authorityId ?? ''}`;

/** GET /attainment/overview as JSON text, from the cache while its stamp holds. */
export async function overviewJson(db: Tx, actor: Actor, query: OverviewQuery): Promise<string> {
  const stamp = await q.overviewStamp(db);
  const key = ['overview', scopeKey(actor), query.province ?? '', query.state ?? '', query.status ?? '', query.page ?? '', query.pageSize ?? ''].join('|');
  return cached(db, key, stamp, async () => JSON.stringify(overviewSchema.parse(await overview(db, actor, query))));
}

/** GET /pilots/:id/attainment as JSON text, from the cache while its stamp holds; 404 outside the scope. */
export async function pilotDashboardJson(db: Tx, actor: Actor, id: string): Promise<string> {
  const facts = await q.pilotStamp(db, id);
  if (!facts || !canSeeAttainment(actor, facts)) throw new AppError('NOT_FOUND');
  const key = ['pilot', id, attainmentAbilities(actor, facts).join(',')].join('|');
  return cached(db, key, facts.stamp, async () => JSON.stringify(pilotAttainmentSchema.parse(await pilotDashboard(db, actor, id))));
}
