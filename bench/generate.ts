/**
 * National-scale data generator for benchmarks: organisations and users for every city-level
 * applicant (prefecture-level units and municipality districts), every review authority and the
 * ministry planning department, then ~3,000 × scale applications with complete plans, their
 * cities, plan versions, provincial reviews, ministry intakes and an event history that agrees
 * with each application's status. Rows are written directly with Drizzle in multi-row INSERTs
 * (batches of 500, one transaction per 500 applications), not through the HTTP API.
 *
 *   npx tsx bench/generate.ts --scale 1 --database-url postgres://postgres@127.0.0.1:5432/bench_x
 *   npx tsx bench/generate.ts --scale 1 --pglite-dir /tmp/bench-pglite
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { migrateDatabase, openDatabase, type Db } from '../src/db/client.js';
import {
  applicationCities,
  applicationEvents,
  applications,
  ministryIntakes,
  organisations,
  planVersions,
  provincialReviews,
  users,
} from '../src/db/schema.js';
import { hashPassword } from '../src/features/accounts/accounts.queries.js';
import {
  citiesUnderAuthority,
  listDivisions,
  listReviewAuthorities,
  reviewAuthoritiesFor,
  type Division,
} from '../src/shared/reference/divisions.js';
import { regionalCityType } from '../src/shared/plan/city-types.js';
import type { ApplicationState } from '../src/shared/lifecycle/application-lifecycle.js';
import { PROVINCIAL_CHECKLIST } from '../src/shared/lifecycle/provincial-checklist.js';
import { CITY_TYPES, type CityType, type Plan } from '../src/shared/plan/plan-schema.js';
import { buildBenchPlan, intBetween, pick, seededRng, type Rng } from './plan-factory.js';

export const BENCH_PASSWORD = 'Bench@2025-pass';
export const MINISTRY_USERNAME = 'bench-guihuasi';
export const APPLICATIONS_PER_SCALE = 3000;
const BATCH = 500;
const MUNICIPALITY_PREFIXES = new Set(['11', '12', '31', '50']);

export interface GenerateOptions {
  scale: number;
  /** PRNG seed; the same seed gives the same data set (ids and hashes aside). */
  seed?: number;
  /** Rows per INSERT and applications per transaction. */
  batchSize?: number;
  /**
   * Run VACUUM ANALYZE at the end (default true): a live database would have statistics, and
   * autovacuum would have set the visibility map of rows that no longer change, so counts can be
   * index-only scans. Without it the figures depend on whether autovacuum got there before the load.
   */
  analyze?: boolean;
  log?: (message: string) => void;
}

export interface GenerateCounts {
  organisations: number;
  users: number;
  applications: number;
  applicationCities: number;
  planVersions: number;
  provincialReviews: number;
  applicationEvents: number;
  ministryIntakes: number;
  byStatus: Record<ApplicationState, number>;
}

export interface GenerateResult {
  counts: GenerateCounts;
  ms: number;
  /** Years the applications were spread over. */
  years: number[];
  password: string;
  ministryUsername: string;
  /** The city user whose list is longest (the heaviest city list), and its application count. */
  busiestCity: { username: string; divisionCode: string; applications: number };
  /** A few application ids, for lookups. */
  sampleApplicationIds: string[];
}

interface Org {
  id: string;
  userId: string;
  username: string;
}

interface Slot {
  id: string;
  year: number;
  lead: Division;
  cities: Division[];
  createdAt: number;
}

const DAY = 86_400_000;
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);

function statusFor(rng: Rng, ageInYears: number): ApplicationState {
  // [draft, submitted, returned, forwarded, received] by how long ago the round was.
  const weights =
    ageInYears >= 2 ? [0.08, 0.07, 0.15, 0.1, 0.6] : ageInYears === 1 ? [0.15, 0.15, 0.15, 0.12, 0.43] : [0.4, 0.25, 0.15, 0.1, 0.1];
  const states: ApplicationState[] = ['draft', 'submitted', 'returned', 'forwarded', 'received'];
  let x = rng();
  for (let i = 0; i < states.length; i++) {
    x -= weights[i]!;
    if (x < 0) return states[i]!;
  }
  return 'received';
}

function roundsFor(rng: Rng, status: ApplicationState): number {
  if (status === 'draft') return 0;
  const x = rng();
  if (status === 'submitted') return x < 0.75 ? 1 : x < 0.95 ? 2 : 3;
  if (status === 'returned') return x < 0.7 ? 1 : x < 0.95 ? 2 : 3;
  return x < 0.65 ? 1 : x < 0.93 ? 2 : 3;
}

function cityTypesFor(rng: Rng, d: Division): CityType[] {
  const types = new Set<CityType>();
  const regional = regionalCityType(d.region);
  if (regional) types.add(regional);
  else types.add('old_industrial_base');
  if (rng() < 0.5) types.add(pick(rng, CITY_TYPES));
  return [...types];
}

async function insertBatched<T extends PgTable>(db: Pick<Db, 'insert'>, table: T, rows: T['$inferInsert'][], size: number) {
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size));
  }
}

export async function generate(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const batch = options.batchSize ?? BATCH;
  const rng = seededRng(options.seed ?? 20250518);
  const existing = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${users}`);
  const existingUsers = Number((existing as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  if (existingUsers > 0) throw new Error(`the database already has ${existingUsers} users: generate into an empty, migrated database`);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const divisions = listDivisions();
  const applicants = divisions.filter(
    (d) => d.level === 'prefecture' || (d.level === 'district' && MUNICIPALITY_PREFIXES.has(d.code.slice(0, 2))),
  );
  const authorities = listReviewAuthorities();

  // Organisations and users.
  const orgRows: (typeof organisations.$inferInsert)[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  const cityOrg = new Map<string, Org>();
  const authorityOrg = new Map<string, Org>();
  const addOrg = (
    o: { name: string; kind: string; divisionCode: string; authorityId?: string | null },
    u: { username: string; displayName: string; role: string },
  ): Org => {
    const id = randomUUID();
    const userId = randomUUID();
    orgRows.push({ id, name: o.name, kind: o.kind, divisionCode: o.divisionCode, authorityId: o.authorityId ?? null });
    userRows.push({ id: userId, username: u.username, passwordHash, displayName: u.displayName, role: u.role, organisationId: id });
    return { id, userId, username: u.username };
  };
  for (const d of applicants) {
    cityOrg.set(
      d.code,
      addOrg(
        { name: `${d.name}人民政府（工业和信息化局）`, kind: 'city', divisionCode: d.code },
        { username: `city-${d.code}`, displayName: `${d.name}工信局 经办人`, role: 'city_applicant' },
      ),
    );
  }
  for (const a of authorities) {
    authorityOrg.set(
      a.id,
      addOrg(
        { name: a.label, kind: 'province_authority', divisionCode: a.divisionCode ?? a.provinceCode, authorityId: a.id },
        { username: `authority-${a.id}`, displayName: `${a.name}初审 经办人`, role: 'provincial_authority' },
      ),
    );
  }
  const ministry = addOrg(
    { name: '工业和信息化部规划司', kind: 'ministry_planning', divisionCode: '100000' },
    { username: MINISTRY_USERNAME, displayName: '规划司 审核员', role: 'ministry_planning' },
  );
  await db.transaction(async (tx) => {
    await insertBatched(tx, organisations, orgRows, batch);
    await insertBatched(tx, users, userRows, batch);
  });
  log(`organisations ${orgRows.length}, users ${userRows.length}`);

  // Application slots: every applicant city in turn, round after round (one round per year).
  const total = Math.max(1, Math.round(APPLICATIONS_PER_SCALE * options.scale));
  const yearCount = Math.min(8, Math.ceil(total / applicants.length));
  const years = Array.from({ length: yearCount }, (_, i) => 2016 + i);
  const lastYear = years[years.length - 1]!;
  const slots: Slot[] = [];
  for (let i = 0; i < total; i++) {
    const lead = applicants[i % applicants.length]!;
    const year = years[Math.floor(i / applicants.length) % yearCount]!;
    const cities = [lead];
    if (rng() < 0.06) {
      // A city cluster: neighbours under the same authority, now and then one across a border.
      const authority = reviewAuthoritiesFor(lead.code)[0]!;
      const pool = citiesUnderAuthority(authority).filter((c) => c.code !== lead.code);
      for (let k = intBetween(rng, 1, 3); k > 0 && pool.length; k--) {
        cities.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
      }
      if (rng() < 0.15) {
        const other = pick(rng, applicants);
        if (!cities.some((c) => c.code === other.code)) cities.push(other);
      }
    }
    const createdAt = Date.UTC(year, intBetween(rng, 1, 8), intBetween(rng, 1, 28), intBetween(rng, 1, 10), intBetween(rng, 0, 59));
    slots.push({ id: randomUUID(), year, lead, cities, createdAt });
  }
  // Rows land in creation order, as in a live database.
  slots.sort((a, b) => a.createdAt - b.createdAt);

  const counts: GenerateCounts = {
    organisations: orgRows.length,
    users: userRows.length,
    applications: 0,
    applicationCities: 0,
    planVersions: 0,
    provincialReviews: 0,
    applicationEvents: 0,
    ministryIntakes: 0,
    byStatus: { draft: 0, submitted: 0, returned: 0, forwarded: 0, received: 0, under_review: 0, approved: 0, rejected: 0 },
  };
  const perCity = new Map<string, number>();
  const checklist = Object.fromEntries(PROVINCIAL_CHECKLIST.map((c) => [c.key, true]));

  for (let start = 0; start < slots.length; start += batch) {
    const appRows: (typeof applications.$inferInsert)[] = [];
    const cityRows: (typeof applicationCities.$inferInsert)[] = [];
    const versionRows: (typeof planVersions.$inferInsert)[] = [];
    const reviewRows: (typeof provincialReviews.$inferInsert)[] = [];
    const eventRows: (typeof applicationEvents.$inferInsert)[] = [];
    const intakeRows: (typeof ministryIntakes.$inferInsert)[] = [];

    for (const [offset, slot] of slots.slice(start, start + batch).entries()) {
      const n = start + offset;
      const { id, year, lead, cities } = slot;
      const applicant = cityOrg.get(lead.code)!;
      const cluster = cities.length > 1;
      const names = cities.map((c) => c.shortName);
      const cityName = cluster ? names.join('') : lead.shortName;
      const title = cluster
        ? `${names.join('、')}“中国制造2025”试点示范城市群实施方案（${year}年）`
        : `${lead.name}创建“中国制造2025”试点示范城市实施方案（${year}年）`;
      const plan: Plan = buildBenchPlan({
        applicant: `${cities.map((c) => c.name).join('、')}人民政府`,
        cityName,
        cityCodes: cities.map((c) => c.code),
        applicationYear: year,
        title,
        cityTypes: cityTypesFor(rng, lead),
        rng,
      });
      const cityAuth = cities.map((c) => ({ cityCode: c.code, authorityId: reviewAuthoritiesFor(c.code)[0]! }));
      const authIds = [...new Set(cityAuth.map((c) => c.authorityId))];
      for (const c of cityAuth) {
        cityRows.push({ applicationId: id, ...c });
        perCity.set(c.cityCode, (perCity.get(c.cityCode) ?? 0) + 1);
      }

      const status = statusFor(rng, lastYear - year);
      const rounds = roundsFor(rng, status);
      // 2–4 plan versions: the first, one per submission, and autosaves in between.
      const saves = status === 'draft' ? intBetween(rng, 1, 3) : intBetween(rng, Math.max(0, 1 - rounds), Math.max(0, 3 - rounds));
      const savesBefore = Array.from({ length: rounds + 1 }, () => 0);
      for (let s = 0; s < saves; s++) savesBefore[intBetween(rng, 0, rounds)]! += 1;

      let t = slot.createdAt;
      const step = (lo: number, hi: number) => (t += intBetween(rng, lo, hi) * DAY + intBetween(rng, 0, 8) * 3_600_000);
      let version = 1;
      let round = 0;
      let current: ApplicationState = 'draft';
      let submittedAt: Date | null = null;
      let forwardedAt: Date | null = null;
      let receivedAt: Date | null = null;
      const reviews: (typeof provincialReviews.$inferInsert)[] = [];
      const imported = rng() < 0.3;
      versionRows.push({ id: randomUUID(), applicationId: id, version, kind: imported ? 'import' : 'create', round, plan, createdBy: applicant.userId, createdAt: new Date(t) });
      eventRows.push({ applicationId: id, actorId: applicant.userId, action: 'create', toStatus: 'draft', data: { imported }, createdAt: new Date(t) });
      const save = () => {
        step(1, 6);
        version++;
        versionRows.push({ id: randomUUID(), applicationId: id, version, kind: 'save', round, plan, createdBy: applicant.userId, createdAt: new Date(t) });
      };
      const decide = (authorityId: string, decision: 'forwarded' | 'returned', text: string) => {
        step(3, 20);
        version++;
        const reviewer = authorityOrg.get(authorityId)!.userId;
        const row = reviews.find((r) => r.round === round && r.authorityId === authorityId)!;
        Object.assign(row, { decision, opinion: text, opinionDate: ymd(t), reviewerId: reviewer, decidedAt: new Date(t), checklist: decision === 'forwarded' ? checklist : null });
        return reviewer;
      };

      for (let r = 1; r <= rounds; r++) {
        for (let s = 0; s < savesBefore[r - 1]!; s++) save();
        step(1, 10);
        version++;
        round = r;
        const from = current;
        current = 'submitted';
        submittedAt = new Date(t);
        versionRows.push({ id: randomUUID(), applicationId: id, version, kind: 'submitted', round, plan, createdBy: applicant.userId, createdAt: new Date(t) });
        eventRows.push({ applicationId: id, actorId: applicant.userId, action: 'submit', fromStatus: from, toStatus: 'submitted', comment: null, data: { round, authorities: authIds }, createdAt: new Date(t) });
        for (const a of authIds) reviews.push({ applicationId: id, authorityId: a, round, decision: 'pending' });

        const last = r === rounds;
        if (!last || status === 'returned') {
          // Some authorities may forward first; one returns it and closes the rest of the round.
          const returner = pick(rng, authIds);
          for (const a of authIds) {
            if (a === returner || rng() < 0.5) continue;
            const reviewer = decide(a, 'forwarded', '经初审，同意转报。');
            const stillPending = reviews.filter((x) => x.round === round && x.decision === 'pending').length;
            eventRows.push({ applicationId: id, actorId: reviewer, action: 'forward', fromStatus: 'submitted', toStatus: 'submitted', comment: '经初审，同意转报。', data: { authorityId: a, round, opinionDate: ymd(t), checklist, stillPending }, createdAt: new Date(t) });
          }
          const reasons = pick(rng, ['请补充基期数据来源，细化目标分解。', '目标体系部分指标不可考核，请修改。', '请补充任务分工表及完成时限。', '实施方案未完全按参考大纲编写，请修改完善。']);
          const reviewer = decide(returner, 'returned', reasons);
          for (const x of reviews) if (x.round === round && x.decision === 'pending') x.decision = 'superseded';
          current = 'returned';
          eventRows.push({ applicationId: id, actorId: reviewer, action: 'return', fromStatus: 'submitted', toStatus: 'returned', comment: reasons, data: { authorityId: returner, round }, createdAt: new Date(t) });
        } else if (status === 'submitted') {
          // Waiting for the province; in a cross-province cluster some may have forwarded already.
          for (const a of authIds.slice(0, -1)) {
            if (rng() < 0.5) continue;
            const reviewer = decide(a, 'forwarded', '经初审，同意转报。');
            const stillPending = reviews.filter((x) => x.round === round && x.decision === 'pending').length;
            eventRows.push({ applicationId: id, actorId: reviewer, action: 'forward', fromStatus: 'submitted', toStatus: 'submitted', comment: '经初审，同意转报。', data: { authorityId: a, round, opinionDate: ymd(t), checklist, stillPending }, createdAt: new Date(t) });
          }
        } else {
          // forwarded or received: every authority forwards; the last one sends it to the ministry.
          for (const [k, a] of authIds.entries()) {
            const opinion = `经初审，${cityName}申报材料齐全、数据真实，符合试点示范城市选择标准，同意推荐。`;
            const reviewer = decide(a, 'forwarded', opinion);
            const stillPending = authIds.length - k - 1;
            const to: ApplicationState = stillPending === 0 ? 'forwarded' : 'submitted';
            if (to === 'forwarded') forwardedAt = new Date(t);
            current = to;
            eventRows.push({ applicationId: id, actorId: reviewer, action: 'forward', fromStatus: 'submitted', toStatus: to, comment: opinion, data: { authorityId: a, round, opinionDate: ymd(t), checklist, stillPending }, createdAt: new Date(t) });
          }
          if (status === 'received') {
            step(5, 30);
            version++;
            current = 'received';
            receivedAt = new Date(t);
            const waived = rng() < 0.1;
            const note = waived ? '光盘免交。' : '纸质材料一式三份、光盘两份均已收到。';
            intakeRows.push({ applicationId: id, printedCopies: 'received', discs: waived ? 'waived' : 'received', formalCheckPassed: true, note, recordedBy: ministry.userId, recordedAt: receivedAt });
            eventRows.push({ applicationId: id, actorId: ministry.userId, action: 'receive', fromStatus: 'forwarded', toStatus: 'received', comment: note, data: { printedCopies: 'received', discs: waived ? 'waived' : 'received', formalCheckPassed: true }, createdAt: receivedAt });
          }
        }
      }
      // A returned application (or a draft) may have been edited since.
      for (let s = 0; s < savesBefore[rounds]!; s++) save();
      if (current !== status) throw new Error(`generator bug: ${id} ended ${current}, wanted ${status}`);
      reviewRows.push(...reviews);

      appRows.push({
        id,
        refNo: `ZZ2025-${year}-${lead.code}-${n.toString(16).toUpperCase().padStart(6, '0')}`,
        title,
        applicantOrgId: applicant.id,
        applicationYear: year,
        status,
        version,
        round,
        plan,
        createdBy: applicant.userId,
        createdAt: new Date(slot.createdAt),
        updatedAt: new Date(t),
        submittedAt,
        forwardedAt,
        receivedAt,
      });
      counts.byStatus[status]++;
    }

    await db.transaction(async (tx) => {
      await insertBatched(tx, applications, appRows, batch);
      await insertBatched(tx, applicationCities, cityRows, batch);
      await insertBatched(tx, planVersions, versionRows, batch);
      await insertBatched(tx, provincialReviews, reviewRows, batch);
      await insertBatched(tx, applicationEvents, eventRows, batch);
      await insertBatched(tx, ministryIntakes, intakeRows, batch);
    });
    counts.applications += appRows.length;
    counts.applicationCities += cityRows.length;
    counts.planVersions += versionRows.length;
    counts.provincialReviews += reviewRows.length;
    counts.applicationEvents += eventRows.length;
    counts.ministryIntakes += intakeRows.length;
    if ((start / batch) % 10 === 9 || start + batch >= slots.length) log(`applications ${counts.applications}/${slots.length}`);
  }

  if (options.analyze ?? true) await db.execute(sql`vacuum analyze`);

  const [busiestCode, busiestCount] = [...perCity.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return {
    counts,
    ms: performance.now() - started,
    years,
    password: BENCH_PASSWORD,
    ministryUsername: ministry.username,
    busiestCity: { username: cityOrg.get(busiestCode)!.username, divisionCode: busiestCode, applications: busiestCount },
    sampleApplicationIds: slots.slice(0, 5).map((s) => s.id),
  };
}

export function formatCounts(c: GenerateCounts): string {
  const s = c.byStatus;
  return [
    `organisations ${c.organisations}, users ${c.users}`,
    `applications ${c.applications} (draft ${s.draft}, submitted ${s.submitted}, returned ${s.returned}, forwarded ${s.forwarded}, received ${s.received})`,
    `application_cities ${c.applicationCities}, plan_versions ${c.planVersions}, provincial_reviews ${c.provincialReviews}, application_events ${c.applicationEvents}, ministry_intakes ${c.ministryIntakes}`,
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      'pglite-dir': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  const url = values['database-url'];
  const dir = values['pglite-dir'];
  if (!url === !dir) throw new Error('give exactly one of --database-url postgres://… or --pglite-dir DIR');
  const database = await openDatabase(url ? { url } : { dataDir: dir });
  try {
    await migrateDatabase(database);
    console.log(`generating scale ${scale} into ${database.kind} ${url ? url.replace(/\/\/[^@/]*@/, '//…@') : dir}`);
    const result = await generate(database.db, {
      scale,
      seed: values.seed === undefined ? undefined : Number(values.seed),
      log: (m) => console.log(`  ${m}`),
    });
    console.log(formatCounts(result.counts));
    console.log(`years ${result.years[0]}–${result.years[result.years.length - 1]}; busiest city ${result.busiestCity.username} (${result.busiestCity.applications} applications)`);
    console.log(`users' password: ${result.password}; ministry user: ${result.ministryUsername}`);
    console.log(`generated in ${(result.ms / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
