/**
 * National-scale monitoring data for bench/monitoring.ts: 300 pilot cities (one per prefecture-level
 * city, in code order), each with a contract of 40 targets across the five dimensions and every
 * target kind, three years of quarterly progress reports (12 per pilot), all confirmed, with a figure
 * for every target: 3,600 reports and 144,000 report figures at the defaults. One pilot in five has an
 * amended contract (version 2 from its third year, raising a few targets). The figures are drawn so
 * that indicators land on track, at risk and off track. Rows are written directly with Drizzle in
 * multi-row INSERTs, not through the API; the password is hashed once.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/client.js';
import { applications, organisations, pilotContractVersions, pilots, progressReports, reportValues, users } from '../src/db/schema.js';
import { hashPassword } from '../src/features/accounts/accounts.queries.js';
import { deriveIndicator, type PilotPeriod } from '../src/shared/monitoring/indicators.js';
import { reportingPeriods } from '../src/shared/monitoring/reporting-periods.js';
import { TARGET_DIMENSIONS, type Qualifier, type Target, type TargetKind } from '../src/shared/plan/plan-schema.js';
import { listDivisions } from '../src/shared/reference/divisions.js';
import { buildBenchPlan, intBetween, pick, seededRng, type Rng } from './plan-factory.js';

export const MONITORING_PASSWORD = 'Bench@2025-pass';
export const MONITORING_MINISTRY = 'bench-guihuasi';

export interface MonitoringOptions {
  pilots?: number;
  indicators?: number;
  seed?: number;
  log?: (m: string) => void;
}

export interface MonitoringData {
  pilots: number;
  indicators: number;
  reports: number;
  values: number;
  amended: number;
  ms: number;
  ministryUsername: string;
  password: string;
  /** The pilot whose dashboard is measured (amended, 40 indicators) and its city's user. */
  dashboardPilotId: string;
  cityUsername: string;
}

const BATCH = 1000;
const PERIOD: PilotPeriod = [2017, 2018, 2019];
const KINDS: TargetKind[] = ['level', 'level', 'level', 'level', 'change_vs_base', 'annual_growth', 'pp_change', 'count', 'count', 'level'];
const QUALIFIERS: Qualifier[] = ['exact', 'exact', 'exact', 'exact', 'at_least', 'about', 'strive', 'exact'];

async function insertBatched<T extends PgTable>(db: Pick<Db, 'insert'>, table: T, rows: T['$inferInsert'][]) {
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(table).values(rows.slice(i, i + BATCH));
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function makeTarget(rng: Rng, n: number): Target {
  const dimension = TARGET_DIMENSIONS[n % TARGET_DIMENSIONS.length]!;
  const kind = KINDS[n % KINDS.length]!;
  const qualifier = QUALIFIERS[intBetween(rng, 0, QUALIFIERS.length - 1)]!;
  const base = { id: `t-${String(n + 1).padStart(2, '0')}`, dimension, kind, qualifier, baseYear: 2015, targetYears: [...PERIOD], dataSource: '市统计局', assessmentMethod: '', wording: '' };
  switch (kind) {
    case 'change_vs_base':
      return { ...base, indicator: `单位工业增加值能耗（${n + 1}）`, unit: '%', direction: 'lower', baselineValue: round(0.6 + rng(), 3), values: [5, 10, 16] };
    case 'annual_growth':
      return { ...base, indicator: `规上工业增加值年均增速（${n + 1}）`, unit: '%', direction: 'higher', baselineValue: round(6 + rng() * 3, 1), values: [8, 8, 8] };
    case 'pp_change':
      return { ...base, indicator: `高技术制造业增加值占比（${n + 1}）`, unit: '个百分点', direction: 'higher', baselineValue: round(8 + rng() * 10, 1), values: [1, 2, 3.5] };
    case 'count': {
      const step = intBetween(rng, 3, 40);
      return { ...base, indicator: `新增省级以上企业技术中心（${n + 1}）`, unit: '家', direction: 'higher', baselineValue: intBetween(rng, 10, 200), values: [step, step * 2, step * 3] };
    }
    default: {
      const lower = rng() < 0.2;
      const b = round(10 + rng() * 90, 2);
      const step = round(b * (0.03 + rng() * 0.05), 2);
      const values = lower ? [round(b - step), round(b - 2 * step), round(b - 3 * step)] : [round(b + step), round(b + 2 * step), round(b + 3 * step)];
      return { ...base, indicator: `${lower ? '单位产值排放强度' : '关键工序数控化率'}（${n + 1}）`, unit: lower ? '吨/万元' : '%', direction: lower ? 'lower' : 'higher', baselineValue: b, values };
    }
  }
}

/**
 * A quarter's figure: the year's path from the previous year's required value toward this year's,
 * reached by the share `f` (the target's pace: 1 on track, below 0.8 off track).
 */
function figure(required: (number | null)[], baseline: number | null, yearIndex: number, quarter: number, f: number, growthRate: boolean): number | null {
  const req = required[yearIndex];
  if (req === null || req === undefined) return null;
  if (growthRate) return round(req * f * (0.9 + quarter * 0.025), 3);
  const prev = yearIndex === 0 ? (baseline ?? req * 0.9) : (required[yearIndex - 1] ?? req);
  return round(prev + (req - prev) * f * (quarter / 4), 4);
}

export async function generateMonitoring(db: Db, options: MonitoringOptions = {}): Promise<MonitoringData> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const pilotCount = options.pilots ?? 300;
  const indicatorCount = options.indicators ?? 40;
  const rng = seededRng(options.seed ?? 20251201);
  const passwordHash = await hashPassword(MONITORING_PASSWORD);
  const cities = listDivisions()
    .filter((d) => d.level === 'prefecture' && !d.name.endsWith('县'))
    .slice(0, pilotCount);
  if (cities.length < pilotCount) throw new Error(`only ${cities.length} prefecture-level cities for ${pilotCount} pilots`);

  const ministryOrg = randomUUID();
  const ministryUser = randomUUID();
  const orgRows: (typeof organisations.$inferInsert)[] = [{ id: ministryOrg, name: '工业和信息化部规划司', kind: 'ministry_planning', divisionCode: '100000' }];
  const userRows: (typeof users.$inferInsert)[] = [
    { id: ministryUser, username: MONITORING_MINISTRY, passwordHash, displayName: '规划司 审核员', role: 'ministry_planning', organisationId: ministryOrg },
  ];
  const appRows: (typeof applications.$inferInsert)[] = [];
  const pilotRows: (typeof pilots.$inferInsert)[] = [];
  const versionRows: (typeof pilotContractVersions.$inferInsert)[] = [];
  const reportRows: (typeof progressReports.$inferInsert)[] = [];
  const valueRows: (typeof reportValues.$inferInsert)[] = [];
  const quarters = reportingPeriods(PERIOD[0], PERIOD[2], 'quarterly');
  let amended = 0;
  let dashboardPilotId = '';
  let cityUsername = '';

  for (const [i, city] of cities.entries()) {
    const orgId = randomUUID();
    const userId = randomUUID();
    const username = `bench-city-${city.code}`;
    orgRows.push({ id: orgId, name: `${city.name}人民政府（工业和信息化局）`, kind: 'city', divisionCode: city.code });
    userRows.push({ id: userId, username, passwordHash, displayName: `${city.name}工信局 经办人`, role: 'city_applicant', organisationId: orgId });

    const targets = Array.from({ length: indicatorCount }, (_, n) => makeTarget(rng, n));
    const plan = buildBenchPlan({ applicant: `${city.name}人民政府`, cityName: city.shortName, cityCodes: [city.code], applicationYear: 2016, title: `${city.name}实施方案`, cityTypes: ['old_industrial_base'], rng });
    const appId = randomUUID();
    appRows.push({ id: appId, refNo: `MON-2016-${String(i + 1).padStart(4, '0')}`, title: `${city.name}“中国制造2025”试点示范城市实施方案`, applicantOrgId: orgId, applicationYear: 2016, status: 'approved', round: 1, plan: { ...plan, targets }, createdBy: userId });

    const pilotId = randomUUID();
    const isAmended = i % 5 === 0;
    const state = pick(rng, ['implementation', 'implementation', 'midterm', 'summary', 'rectification'] as const);
    pilotRows.push({
      id: pilotId,
      applicationId: appId,
      name: `${city.name}人民政府`,
      cityCodes: [city.code],
      documentNo: `工信部规函〔2016〕${String(i + 1).padStart(4, '0')}号`,
      approvedAt: new Date(Date.UTC(2016, 8, 1) + i * 60_000),
      approvalDate: '2016-09-01',
      periodStartYear: PERIOD[0],
      periodEndYear: PERIOD[2],
      targets,
      planVersion: 1,
      filedAt: new Date(Date.UTC(2016, 8, 2)),
      approvedBy: ministryUser,
      state,
      resumePhase: state === 'rectification' ? 'midterm' : null,
      reportFrequency: 'quarterly',
      contractVersion: isAmended ? 2 : 1,
    });
    versionRows.push({ pilotId, version: 1, effectiveFromYear: PERIOD[0], name: `${city.name}人民政府`, cityCodes: [city.code], targets, createdBy: ministryUser });
    // An amendment raises every fifth target's last two years from the third year on.
    const revised = isAmended ? targets.map((t, n) => (n % 5 === 0 ? { ...t, values: t.values.map((v, k) => (v === null || k === 0 ? v : round(v * (t.direction === 'higher' ? 1.05 : 0.95), 4))) } : t)) : null;
    if (revised) {
      amended++;
      versionRows.push({ pilotId, version: 2, effectiveFromYear: PERIOD[2], name: `${city.name}人民政府`, cityCodes: [city.code], targets: revised, createdBy: ministryUser });
      if (!dashboardPilotId) [dashboardPilotId, cityUsername] = [pilotId, username];
    }

    // Each target's pace: most on track, some at risk, some off track.
    const pace = targets.map(() => {
      const x = rng();
      return x < 0.6 ? 1 + rng() * 0.2 : x < 0.8 ? 0.8 + rng() * 0.19 : 0.3 + rng() * 0.45;
    });
    const required = targets.map((t, n) => {
      const v = revised?.[n] ?? t;
      const ind = deriveIndicator(t, PERIOD);
      const late = deriveIndicator(v, PERIOD);
      return { values: [ind.requiredByYear[0]!.value, ind.requiredByYear[1]!.value, late.requiredByYear[2]!.value], baseline: ind.baseline, growthRate: ind.measure === 'growth_rate' };
    });
    for (const q of quarters) {
      const reportId = randomUUID();
      const yearIndex = q.year - PERIOD[0];
      const quarter = Number(q.label.slice(-1));
      reportRows.push({
        id: reportId,
        pilotId,
        period: q.label,
        year: q.year,
        periodStart: q.start,
        periodEnd: q.end,
        dueDate: q.due,
        status: 'confirmed',
        version: 4,
        contractVersion: isAmended && q.year === PERIOD[2] ? 2 : 1,
        narrative: `${q.label}进展情况`,
        confirmedAt: new Date(`${q.end}T08:00:00Z`),
      });
      for (const [n, t] of targets.entries()) {
        const r = required[n]!;
        valueRows.push({ reportId, targetId: t.id, actual: figure(r.values, r.baseline, yearIndex, quarter, pace[n]!, r.growthRate), dataSource: '市统计局' });
      }
    }
  }

  await db.transaction(async (tx) => {
    await insertBatched(tx, organisations, orgRows);
    await insertBatched(tx, users, userRows);
    await insertBatched(tx, applications, appRows);
    await insertBatched(tx, pilots, pilotRows);
    await insertBatched(tx, pilotContractVersions, versionRows);
  });
  log(`pilots ${pilotRows.length} (${amended} amended), contract versions ${versionRows.length}, users ${userRows.length}`);
  for (let i = 0; i < reportRows.length; i += BATCH) {
    await db.transaction(async (tx) => {
      const reports = reportRows.slice(i, i + BATCH);
      await tx.insert(progressReports).values(reports);
      const ids = new Set(reports.map((r) => r.id));
      await insertBatched(tx, reportValues, valueRows.filter((v) => ids.has(v.reportId)));
    });
  }
  log(`progress reports ${reportRows.length}, report figures ${valueRows.length}`);
  await db.execute(sql`analyze`);
  return {
    pilots: pilotRows.length,
    indicators: indicatorCount,
    reports: reportRows.length,
    values: valueRows.length,
    amended,
    ms: performance.now() - started,
    ministryUsername: MONITORING_MINISTRY,
    password: MONITORING_PASSWORD,
    dashboardPilotId,
    cityUsername,
  };
}
