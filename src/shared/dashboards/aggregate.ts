/**
 * The dashboard's figures, pure: from the pilots in the actor's scope (with their cached attainment
 * summaries), the overdue progress reports, the open rectification cases and the policy resources
 * grouped by pilot and programme, it counts pilots by region, city type, province and phase, the
 * attainment status per dimension, and totals resources by programme — all over the pilots the
 * filters select. A pilot that names cities in several provinces (a cross-province cluster) counts
 * once in the totals and once in each province and region it touches.
 */
import { ATTAINMENT_STATUSES, type AttainmentStatus } from '../monitoring/attainment.js';
import { PILOT_STATES, type PilotState } from '../monitoring/pilot-lifecycle.js';
import { CITY_TYPES, type CityType } from '../plan/city-types.js';
import { TARGET_DIMENSIONS, type TargetDimension } from '../plan/plan-schema.js';
import { getDivision } from '../reference/divisions.js';
import { PROVINCE_TILES } from '../reference/province-tiles.js';
import { REGIONS, regionOfCode, type Region } from '../reference/regions.js';

export type StatusCounts = Record<AttainmentStatus, number>;

export interface DashboardFilters {
  /** A 6-digit province code (330000). */
  province?: string;
  region?: Region;
  cityType?: CityType;
  phase?: PilotState;
}

export interface PilotAttainmentFacts {
  overallStatus: AttainmentStatus;
  meanProgress: number | null;
  /** Indicators per status in each dimension. */
  byDimension: Record<TargetDimension, StatusCounts>;
}

export interface DashboardPilotInput {
  id: string;
  name: string;
  cityCodes: readonly string[];
  cityTypes: readonly string[];
  state: PilotState;
  isDemo: boolean;
  /** The pilot's cached attainment summary; null when the actor may not see it or none exists. */
  attainment: PilotAttainmentFacts | null;
}

export interface OverdueReportInput {
  reportId: string;
  pilotId: string;
  period: string;
  periodText: { zh: string; en: string };
  dueDate: string;
  status: string;
}

export interface OpenCaseInput {
  caseId: string;
  pilotId: string;
  status: string;
  deadline: string;
}

export interface ResourceGroupInput {
  pilotId: string;
  programme: string;
  amount: number;
  count: number;
}

export interface ProgrammeLabel {
  key: string;
  zh: string;
  en: string;
}

export interface DashboardInput {
  pilots: readonly DashboardPilotInput[];
  filters: DashboardFilters;
  /** Today in China (YYYY-MM-DD): a case whose deadline lies before it is past its deadline. */
  today: string;
  overdueReports: readonly OverdueReportInput[];
  openCases: readonly OpenCaseInput[];
  /** null when the actor may not read policy resources. */
  resources: readonly ResourceGroupInput[] | null;
  programmes: readonly ProgrammeLabel[];
}

export interface ProvinceCount {
  code: string;
  name: string;
  label: string;
  region: Region | null;
  row: number;
  col: number;
  pilots: number;
  /** Mean of the pilots' mean progress (null when none has figures). */
  meanProgress: number | null;
}

export interface CityEntry {
  code: string;
  name: string;
  provinceCode: string;
  pilots: { id: string; name: string }[];
}

export interface DashboardPilotRow {
  id: string;
  name: string;
  cityCodes: string[];
  cityNames: string[];
  provinceCodes: string[];
  state: PilotState;
  isDemo: boolean;
  overallStatus: AttainmentStatus | null;
  meanProgress: number | null;
  overdueReports: number;
  openRectifications: number;
}

export interface DashboardFigures {
  totals: { pilots: number; cities: number; overdueReports: number; openRectifications: number; resourceAmount: number | null; resourceRecords: number | null };
  byRegion: { key: Region; pilots: number }[];
  byCityType: { key: CityType; pilots: number }[];
  byPhase: { key: PilotState; pilots: number }[];
  byProvince: ProvinceCount[];
  cities: CityEntry[];
  attainment: { pilots: number; byDimension: Record<TargetDimension, StatusCounts>; all: StatusCounts; byOverallStatus: StatusCounts };
  pilots: DashboardPilotRow[];
  overdueReports: (OverdueReportInput & { pilotName: string })[];
  openRectifications: (OpenCaseInput & { pilotName: string; deadlinePassed: boolean })[];
  resources: { rows: { programme: string; zh: string; en: string; amount: number; count: number; pilots: number }[]; total: { amount: number; count: number } } | null;
}

export const provinceCodeOf = (code: string): string => `${code.slice(0, 2)}0000`;

const zero = (): StatusCounts => Object.fromEntries(ATTAINMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const round2 = (x: number) => Math.round(x * 100) / 100;

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : round6(xs.reduce((a, b) => a + b, 0) / xs.length);
}

/** Whether the pilot passes every filter given. */
export function pilotMatches(p: Pick<DashboardPilotInput, 'cityCodes' | 'cityTypes' | 'state'>, f: DashboardFilters): boolean {
  if (f.province !== undefined && !p.cityCodes.some((c) => provinceCodeOf(c) === f.province)) return false;
  if (f.region !== undefined && !p.cityCodes.some((c) => regionOfCode(c) === f.region)) return false;
  if (f.cityType !== undefined && !p.cityTypes.includes(f.cityType)) return false;
  if (f.phase !== undefined && p.state !== f.phase) return false;
  return true;
}

const nameOf = (code: string) => getDivision(code)?.name ?? code;

export function aggregateDashboard(input: DashboardInput): DashboardFigures {
  const { filters } = input;
  const pilots = input.pilots.filter((p) => pilotMatches(p, filters));
  const ids = new Set(pilots.map((p) => p.id));
  const nameById = new Map(pilots.map((p) => [p.id, p.name]));

  const regionCount = new Map<Region, number>(REGIONS.map((r) => [r, 0]));
  const typeCount = new Map<CityType, number>(CITY_TYPES.map((t) => [t, 0]));
  const phaseCount = new Map<PilotState, number>(PILOT_STATES.map((s) => [s, 0]));
  const provincePilots = new Map<string, number>();
  const provinceProgress = new Map<string, number[]>();
  const cities = new Map<string, CityEntry>();
  const byDimension = Object.fromEntries(TARGET_DIMENSIONS.map((d) => [d, zero()])) as Record<TargetDimension, StatusCounts>;
  const all = zero();
  const byOverallStatus = zero();
  let withAttainment = 0;

  for (const p of pilots) {
    for (const r of new Set(p.cityCodes.map(regionOfCode))) if (r) regionCount.set(r, regionCount.get(r)! + 1);
    for (const t of new Set(p.cityTypes)) if (typeCount.has(t as CityType)) typeCount.set(t as CityType, typeCount.get(t as CityType)! + 1);
    phaseCount.set(p.state, (phaseCount.get(p.state) ?? 0) + 1);
    for (const prov of new Set(p.cityCodes.map(provinceCodeOf))) {
      provincePilots.set(prov, (provincePilots.get(prov) ?? 0) + 1);
      if (p.attainment?.meanProgress != null) provinceProgress.set(prov, [...(provinceProgress.get(prov) ?? []), p.attainment.meanProgress]);
    }
    for (const c of p.cityCodes) {
      // In a province's view, only its own cities: a cluster's members elsewhere belong to the other province.
      if (filters.province !== undefined && provinceCodeOf(c) !== filters.province) continue;
      const entry = cities.get(c) ?? { code: c, name: nameOf(c), provinceCode: provinceCodeOf(c), pilots: [] };
      entry.pilots.push({ id: p.id, name: p.name });
      cities.set(c, entry);
    }
    if (p.attainment) {
      withAttainment++;
      byOverallStatus[p.attainment.overallStatus]++;
      for (const d of TARGET_DIMENSIONS) {
        for (const s of ATTAINMENT_STATUSES) {
          const n = p.attainment.byDimension[d]?.[s] ?? 0;
          byDimension[d][s] += n;
          all[s] += n;
        }
      }
    }
  }

  const overdueReports = input.overdueReports
    .filter((r) => ids.has(r.pilotId))
    .map((r) => ({ ...r, pilotName: nameById.get(r.pilotId)! }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.pilotName.localeCompare(b.pilotName, 'zh'));
  const openRectifications = input.openCases
    .filter((c) => ids.has(c.pilotId))
    .map((c) => ({ ...c, pilotName: nameById.get(c.pilotId)!, deadlinePassed: c.deadline < input.today }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.pilotName.localeCompare(b.pilotName, 'zh'));
  const overdueOf = countBy(overdueReports.map((r) => r.pilotId));
  const casesOf = countBy(openRectifications.map((c) => c.pilotId));

  let resources: DashboardFigures['resources'] = null;
  if (input.resources !== null) {
    const groups = new Map<string, { amount: number; count: number; pilots: Set<string> }>();
    for (const pr of input.programmes) groups.set(pr.key, { amount: 0, count: 0, pilots: new Set() });
    for (const r of input.resources) {
      if (!ids.has(r.pilotId)) continue;
      const g = groups.get(r.programme) ?? { amount: 0, count: 0, pilots: new Set<string>() };
      g.amount += r.amount;
      g.count += r.count;
      g.pilots.add(r.pilotId);
      groups.set(r.programme, g);
    }
    const label = (key: string) => input.programmes.find((p) => p.key === key) ?? { key, zh: key, en: key };
    const rows = [...groups].map(([key, g]) => ({ programme: key, zh: label(key).zh, en: label(key).en, amount: round2(g.amount), count: g.count, pilots: g.pilots.size }));
    resources = { rows, total: { amount: round2(rows.reduce((a, r) => a + r.amount, 0)), count: rows.reduce((a, r) => a + r.count, 0) } };
  }

  return {
    totals: {
      pilots: pilots.length,
      cities: cities.size,
      overdueReports: overdueReports.length,
      openRectifications: openRectifications.length,
      resourceAmount: resources?.total.amount ?? null,
      resourceRecords: resources?.total.count ?? null,
    },
    byRegion: REGIONS.map((key) => ({ key, pilots: regionCount.get(key)! })),
    byCityType: CITY_TYPES.map((key) => ({ key, pilots: typeCount.get(key)! })),
    byPhase: PILOT_STATES.map((key) => ({ key, pilots: phaseCount.get(key)! })),
    byProvince: PROVINCE_TILES.map((t) => ({
      code: t.code,
      name: getDivision(t.code)?.name ?? t.label,
      label: t.label,
      region: regionOfCode(t.code),
      row: t.row,
      col: t.col,
      pilots: provincePilots.get(t.code) ?? 0,
      meanProgress: mean(provinceProgress.get(t.code) ?? []),
    })),
    cities: [...cities.values()].sort((a, b) => a.code.localeCompare(b.code)),
    attainment: { pilots: withAttainment, byDimension, all, byOverallStatus },
    pilots: pilots.map((p) => ({
      id: p.id,
      name: p.name,
      cityCodes: [...p.cityCodes],
      cityNames: p.cityCodes.map(nameOf),
      provinceCodes: [...new Set(p.cityCodes.map(provinceCodeOf))],
      state: p.state,
      isDemo: p.isDemo,
      overallStatus: p.attainment?.overallStatus ?? null,
      meanProgress: p.attainment?.meanProgress ?? null,
      overdueReports: overdueOf.get(p.id) ?? 0,
      openRectifications: casesOf.get(p.id) ?? 0,
    })),
    overdueReports,
    openRectifications,
    resources,
  };
}

function countBy(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
