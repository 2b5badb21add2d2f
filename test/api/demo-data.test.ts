/**
 * The demo data (演示数据): seeded at a fixed instant, it tells a living programme whose every date fits
 * its record — pilots in each part of their three years, this round's applications in every state,
 * nothing overdue from a past round — and each demo plan speaks of its own city.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { applicationEvents, applications, events, pilotEvents, pilots, progressReports, provincialReviews, publicNotices, reportValues } from '../../src/db/schema.js';
import { evaluationDetail, roundsFor } from '../../src/features/evaluations/evaluations.service.js';
import { contractInForce } from '../../src/features/pilots/public.js';
import { dueList, pilotReports } from '../../src/features/progress-reports/progress-reports.service.js';
import { pilotCases } from '../../src/features/rectifications/rectifications.service.js';
import { manualClock } from '../../src/kernel/clock.js';
import { chinaDay } from '../../src/server/demo/demo-timeline.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/seed-demo.js';
import { computeAttainment } from '../../src/shared/monitoring/attainment.js';
import { deriveIndicator } from '../../src/shared/monitoring/indicators.js';
import { checkPlan } from '../../src/shared/plan/checker.js';
import type { Actor } from '../../src/shared/roles/roles.js';
import { dbKinds, login, makeTestApp, type TestApp } from '../helpers/test-app.js';
import { openPlan } from '../../src/features/applications/applications.queries.js';

const DAY = 86_400_000;
/** Mid-June: the mid-term round runs, 宁波 is in its third year. */
const NOW = new Date('2026-06-15T04:00:00Z');
/** Early February: last year's reports have just fallen due. */
const FEBRUARY = new Date('2027-02-08T01:30:00Z');

/** The names of the demo cities, to check that a plan speaks of its own. */
const CITY_NAMES = ['宁波', '湖州', '泉州', '南京', '无锡', '常州', '苏州', '镇江', '武汉', '郑州', '洛阳', '新乡', '长沙', '株洲', '湘潭', '衡阳', '沈阳', '吴忠', '包头'];

async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const c = await login(t.app, username, DEMO_PASSWORD);
  const me = (await c.request('GET', '/api/v1/auth/me')).json() as { user: { id: string; role: Actor['role']; organisationId: string; divisionCode: string; authorityId: string | null } };
  const u = me.user;
  return { id: u.id, role: u.role, organisationId: u.organisationId, divisionCode: u.divisionCode, authorityId: u.authorityId ?? null };
}

async function pilotByName(db: Db, part: string) {
  const all = await db.select().from(pilots);
  const p = all.find((x) => x.name.includes(part));
  if (!p) throw new Error(`no pilot ${part}`);
  return p;
}

/** What must hold at whatever instant the demo is seeded. */
async function expectTimelyData(t: TestApp, now: Date) {
  const db = t.database.db;
  const today = chinaDay(now);
  const ministry = await actorOf(t, 'guihuasi');

  // The four pilot states of the cycle.
  const all = await db.select().from(pilots);
  const states = new Map(all.map((p) => [p.name, p.state]));
  expect(['midterm', 'summary']).toContain(states.get('宁波市人民政府'));
  expect(states.get('沈阳市人民政府')).toBe('midterm');
  expect(states.get('吴忠市人民政府')).toBe('rectification');
  expect(states.get('包头市人民政府')).toBe('cancelled');
  expect(states.get('长株潭衡')).toBe('implementation');

  // Approvals one to four years back, 批复 numbers of their own year.
  const year = Number(today.slice(0, 4));
  for (const p of all) {
    const approved = Number(p.approvalDate.slice(0, 4));
    expect(approved).toBeGreaterThanOrEqual(year - 4);
    expect(approved).toBeLessThanOrEqual(year - 1);
    expect(p.documentNo).toContain(`〔${approved}〕`);
  }

  // Reporting: nothing overdue by more than 60 days, for the ministry nor on any pilot's own calendar.
  const due = await dueList(db, ministry, undefined, now);
  for (const r of due.items) if (r.overdue) expect(r.daysUntilDue, `${r.pilotName} ${r.period}`).toBeGreaterThanOrEqual(-60);
  expect(due.counts.confirmed).toBeGreaterThanOrEqual(4);
  for (const p of all) {
    const cancelled = p.state === 'cancelled' ? (await db.select().from(pilotEvents).where(and(eq(pilotEvents.pilotId, p.id), eq(pilotEvents.action, 'cancel'))))[0]! : null;
    for (const r of (await pilotReports(db, ministry, p.id, now)).items) {
      // A cancelled pilot owes nothing after its cancellation.
      if (cancelled && r.dueDate > chinaDay(cancelled.createdAt)) continue;
      if (r.overdue) expect(r.daysUntilDue, `${p.name} ${r.period}`).toBeGreaterThanOrEqual(-60);
    }
  }

  // Events: none after now; an approved application's all within its round, the others within this round.
  const pilotOf = new Map(all.map((p) => [p.applicationId, p]));
  const events = await db.select({ applicationId: applicationEvents.applicationId, action: applicationEvents.action, at: applicationEvents.createdAt }).from(applicationEvents);
  expect(events.length).toBeGreaterThan(50);
  for (const e of events) {
    expect(e.at.getTime(), e.action).toBeLessThanOrEqual(now.getTime());
    const pilot = pilotOf.get(e.applicationId);
    if (pilot) {
      expect(chinaDay(e.at) <= pilot.approvalDate, `${pilot.name} ${e.action}`).toBe(true);
      expect(e.at.getTime()).toBeGreaterThan(pilot.approvedAt.getTime() - 200 * DAY);
    } else {
      expect(e.at.getTime(), e.action).toBeGreaterThan(now.getTime() - 120 * DAY);
    }
  }
  for (const e of await db.select({ at: pilotEvents.createdAt, action: pilotEvents.action }).from(pilotEvents)) expect(e.at.getTime(), e.action).toBeLessThanOrEqual(now.getTime());
  for (const r of await db.select({ opinionDate: provincialReviews.opinionDate }).from(provincialReviews)) if (r.opinionDate) expect(r.opinionDate <= today).toBe(true);

  // The mid-term round: open, 沈阳's panel seated, some scored, 林国栋 still to score; its deadline ahead.
  const rounds = await roundsFor(db, ministry);
  const open = rounds.filter((r) => r.status === 'open');
  expect(open).toHaveLength(1);
  // A round is open exactly while one of its evaluations is being scored.
  for (const r of rounds) expect(r.status === 'open').toBe(r.evaluations.some((e) => e.status === 'scoring'));
  expect(open[0]!.deadline > today).toBe(true);
  const sy = open[0]!.evaluations.find((e) => e.pilotName.includes('沈阳'))!;
  expect(sy.status).toBe('scoring');
  const syDetail = await evaluationDetail(db, ministry, sy.id);
  expect(syDetail.members.find((m) => m.name === '林国栋')?.submitted).toBe(false);
  expect(syDetail.members.some((m) => m.submitted)).toBe(true);
  const linDetail = await evaluationDetail(db, await actorOf(t, 'expert'), sy.id);
  expect(linDetail.abilities).toContain('score');

  // 吴忠: a case from its 不合格 evaluation, with findings and a deadline ahead, waiting for the city.
  const wz = await pilotByName(db, '吴忠');
  const wzCases = (await pilotCases(db, ministry, wz.id, { date: today, now })).items;
  expect(wzCases).toHaveLength(1);
  expect(wzCases[0]!.status).toBe('open');
  expect(wzCases[0]!.origin).toBe('evaluation');
  expect(wzCases[0]!.findings.length).toBeGreaterThan(1);
  expect(wzCases[0]!.deadline > today).toBe(true);
  expect(wzCases[0]!.respondedAt).toBeNull();
  expect(wzCases[0]!.abilities).toEqual([]);
  const wzCity = (await pilotCases(db, await actorOf(t, 'wuzhong'), wz.id, { date: today, now })).items[0]!;
  expect(wzCity.abilities).toContain('answer');

  // 包头: cancelled with its public notice, published.
  const bt = await pilotByName(db, '包头');
  const notices = await db.select().from(publicNotices).where(eq(publicNotices.pilotId, bt.id));
  expect(notices).toHaveLength(1);
  expect(notices[0]!.kind).toBe('cancellation');
  expect(notices[0]!.published).toBe(true);
  expect(notices[0]!.issuedOn <= today).toBe(true);
  expect(notices[0]!.body).toContain('包头');

  // 长株潭 became 长株潭衡: 衡阳 joined by an amendment.
  const czt = await pilotByName(db, '长株潭衡');
  expect(czt.cityCodes).toContain('430400');
  expect((await contractInForce(db, czt.id, czt.periodEndYear))!.version).toBe(2);

  // The application under review: its panel's deadline ahead, 林国栋 still to declare and score.
  const expert = await login(t.app, 'expert', DEMO_PASSWORD);
  const tasks = (await expert.request('GET', '/api/v1/review/assignments')).json().items as { submitted: boolean; applicationStatus: string; deadline: string; declaredAt: string | null }[];
  const pending = tasks.filter((x) => !x.submitted && x.applicationStatus === 'under_review');
  expect(pending).toHaveLength(1);
  expect(pending[0]!.declaredAt).toBeNull();
  expect(new Date(pending[0]!.deadline).getTime()).toBeGreaterThan(now.getTime());
}

describe.each(dbKinds())('demo data on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock: manualClock(NOW) });
    expect(await seedDemoData(t.database.db, NOW)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('loads once, labelled as demo data, with this round\'s applications in every state of the journey', async () => {
    expect(await seedDemoData(t.database.db, NOW)).toBe(false);
    const apps = await t.database.db.select({ status: applications.status, title: applications.title, isDemo: applications.isDemo }).from(applications);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['approved', 'under_review', 'forwarded', 'submitted', 'returned', 'draft']));
    expect(apps.every((a) => a.isDemo && a.title.includes('演示数据'))).toBe(true);
    for (const a of DEMO_ACCOUNTS) await login(t.app, a.username, DEMO_PASSWORD);
  });

  it('gives pilots in each part of the cycle, with dates that fit their records', async () => {
    await expectTimelyData(t, NOW);
  });

  it('gives 宁波 two confirmed yearly reports whose indicators are on track, at risk and off track', async () => {
    const db = t.database.db;
    const nb = await pilotByName(db, '宁波');
    const reports = await db.select().from(progressReports).where(and(eq(progressReports.pilotId, nb.id), eq(progressReports.status, 'confirmed')));
    expect(reports.map((r) => r.period).sort()).toEqual([String(nb.periodStartYear), String(nb.periodStartYear + 1)]);
    const values = await db.select().from(reportValues).where(inArray(reportValues.reportId, reports.map((r) => r.id)));
    const yearOf = new Map(reports.map((r) => [r.id, r.year]));
    const contract = (await contractInForce(db, nb.id, nb.periodStartYear))!;
    const period = [nb.periodStartYear, nb.periodStartYear + 1, nb.periodStartYear + 2] as const;
    const statuses = contract.targets.map((target) => {
      const actuals = Object.fromEntries(values.filter((v) => v.targetId === target.id).map((v) => [String(yearOf.get(v.reportId)), v.actual]));
      expect(Object.keys(actuals)).toHaveLength(2);
      return computeAttainment(deriveIndicator(target, period), actuals).status;
    });
    expect(statuses).toContain('on_track');
    expect(statuses).toContain('at_risk');
    expect(statuses).toContain('off_track');
    expect(statuses.filter((s) => s === 'on_track').length).toBeGreaterThan(statuses.length / 2);
    // Every figure names its source.
    expect(values.every((v) => v.actual !== null && v.dataSource.length > 0)).toBe(true);
  });

  it('gives each city a plan of its own: its names, no other demo city\'s, a city type of its region', async () => {
    const rows = await t.database.db.select({ plan: applications.plan, status: applications.status, title: applications.title }).from(applications);
    expect(rows).toHaveLength(10);
    for (const { plan: stored, status, title } of rows) {
      // Read behind the app's back: the contact's phone and e-mail are sealed at rest (SM4), so open them.
      const plan = openPlan(stored);
      const findings = checkPlan(plan);
      expect(findings.filter((f) => f.code === 'CITY_TYPE_REGION_MISMATCH'), title).toEqual([]);
      if (status !== 'draft') expect(findings.filter((f) => f.severity === 'blocking'), title).toEqual([]);
      const text = JSON.stringify({ sections: plan.sections, parks: plan.parks, industries: plan.keyIndustries, tasks: plan.taskDivision, contact: plan.contact });
      const own = CITY_NAMES.filter((n) => plan.cover.applicant.includes(n));
      expect(own.length, title).toBeGreaterThan(0);
      for (const n of own) expect(text, `${title} names ${n}`).toContain(n);
      for (const n of CITY_NAMES.filter((x) => !own.includes(x))) expect(text.includes(n), `${title} names ${n}`).toBe(false);
      expect(text).not.toContain('演示市');
      expect(text).toContain('演示数据');
      // Targets run for the three years after the application year.
      const y = plan.cover.applicationYear;
      for (const target of plan.targets) {
        expect(target.targetYears).toEqual([y + 1, y + 2, y + 3]);
        expect(target.baseYear).toBe(y - 1);
      }
    }
  });

  it('gives last year’s yearly meeting with its action items, an on-site meeting held in 宁波 with minutes, and a planned training', async () => {
    const today = chinaDay(NOW);
    const ministry = await login(t.app, 'guihuasi', DEMO_PASSWORD);
    const list = (await ministry.request('GET', '/api/v1/events')).json() as { items: { id: string; kind: string; state: string; place: string; startsOn: string; isDemo: boolean }[] };
    const byKind = new Map(list.items.map((e) => [e.kind, e]));
    expect([...byKind.keys()].sort()).toEqual(['annual_meeting', 'onsite_meeting', 'training']);
    expect(list.items.every((e) => e.isDemo)).toBe(true);
    const annual = byKind.get('annual_meeting')!;
    expect(annual).toMatchObject({ state: 'minutes_published', startsOn: `${Number(today.slice(0, 4)) - 1}-12-15` });
    const onsite = byKind.get('onsite_meeting')!;
    expect(onsite.state).toBe('minutes_published');
    expect(onsite.place).toContain('宁波');
    expect(onsite.startsOn < today).toBe(true);
    const training = byKind.get('training')!;
    expect(training.state).toBe('planned');
    expect(training.startsOn > today).toBe(true);

    const detail = (await ministry.request('GET', `/api/v1/events/${annual.id}`)).json() as { minutes: string; actionItems: { status: string; deadline: string; closingNote: string | null; ownerName: string }[] };
    expect(detail.minutes.length).toBeGreaterThan(0);
    const statuses = detail.actionItems.map((i) => i.status).sort();
    expect(statuses).toEqual(['done', 'done', 'open', 'overdue']);
    expect(detail.actionItems.filter((i) => i.status === 'done').every((i) => (i.closingNote ?? '').length > 0)).toBe(true);
    expect(detail.actionItems.find((i) => i.status === 'open')!.deadline > today).toBe(true);
    expect(detail.actionItems.find((i) => i.status === 'overdue')!.deadline < today).toBe(true);
    const onsiteDetail = (await ministry.request('GET', `/api/v1/events/${onsite.id}`)).json() as { minutes: string };
    expect(onsiteDetail.minutes).toContain('宁波');

    // The cities see what concerns them; the owners find their items on their own list.
    const ningbo = await login(t.app, 'ningbo', DEMO_PASSWORD);
    expect((await ningbo.request('GET', '/api/v1/events')).json().items).toHaveLength(3);
    const wuhan = await login(t.app, 'wuhan', DEMO_PASSWORD);
    expect(((await wuhan.request('GET', '/api/v1/events')).json().items as { kind: string }[]).map((e) => e.kind).sort()).toEqual(['annual_meeting', 'training']);
    const shenyang = await login(t.app, 'shenyang', DEMO_PASSWORD);
    expect(((await shenyang.request('GET', '/api/v1/action-items')).json().items as { status: string; abilities: string[] }[]).map((i) => [i.status, i.abilities])).toEqual([['open', ['update', 'close']]]);
    const zhejiang = await login(t.app, 'zhejiang', DEMO_PASSWORD);
    expect(((await zhejiang.request('GET', '/api/v1/action-items')).json().items as { status: string }[]).map((i) => i.status)).toEqual(['overdue']);

    // Every record is dated before now.
    const rows = await t.database.db.select({ createdAt: events.createdAt, updatedAt: events.updatedAt }).from(events);
    expect(rows.every((r) => r.createdAt.getTime() <= NOW.getTime() && r.updatedAt.getTime() <= NOW.getTime())).toBe(true);
  });
});

describe('demo data seeded early in a year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp('pglite', {}, { clock: manualClock(FEBRUARY) });
    await seedDemoData(t.database.db, FEBRUARY);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('still has nothing long overdue and every record dated before now', async () => {
    await expectTimelyData(t, FEBRUARY);
  });
});
