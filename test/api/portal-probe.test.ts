/**
 * THE PROBE: nothing unpublished reaches the public portal. One unpublished object of every kind the
 * portal could show is seeded, each with a marker string of its own — a notice not published, a case
 * in every unpublished state (draft, submitted, under review, returned, unpublished), a pilot with no
 * publication, a page published then withdrawn, a year of progress never published and one withdrawn,
 * an event (the events feature's, which the portal does not show) — beside published twins with their
 * own markers. Then every GET route the app has under /portal (read from the app's route table, each
 * parameter filled with every sample id) and /robots.txt is fetched without a session, with and
 * without a search for each marker, and no unpublished marker may appear in any answer; every
 * published twin must appear somewhere, so the probe can fail.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pilots } from '../../src/db/schema.js';
import { manualClock } from '../../src/kernel/clock.js';
import { PROVINCE_TILES } from '../../src/shared/reference/province-tiles.js';
import { caseIn, confirmReport, insertNotice, publishPage, publishYear, seedPortalWorld, withdrawPublication, type PortalWorld } from '../helpers/portal-seed.js';
import { dbKinds, makeTestApp, type TestApp } from '../helpers/test-app.js';

/** Markers of what must never appear, and of the published twins that must. */
const HIDDEN = {
  notice: 'ZQXHIDDENNOTICE',
  noticeBody: 'ZQXHIDDENNOTICEBODY',
  draft: 'ZQXHIDDENDRAFT',
  submitted: 'ZQXHIDDENSUBMITTED',
  underReview: 'ZQXHIDDENREVIEW',
  returned: 'ZQXHIDDENRETURNED',
  unpublished: 'ZQXHIDDENUNPUBLISHED',
  pilotName: 'ZQXHIDDENPILOT',
  withdrawnPilot: 'ZQXHIDDENWITHDRAWNPILOT',
  withdrawnSummary: 'ZQXHIDDENWITHDRAWNSUMMARY',
  unpublishedYear: '7654321.5',
  withdrawnYear: '5555555.75',
  event: 'ZQXHIDDENEVENT',
  eventMinutes: 'ZQXHIDDENMINUTES',
};
const SHOWN = {
  notice: 'ZQXSHOWNNOTICE',
  case: 'ZQXSHOWNCASE',
  caseOfHiddenPilot: 'ZQXSHOWNCASEOFHIDDENPILOT',
  pageSummary: 'ZQXSHOWNSUMMARY',
  pilotName: 'ZQXSHOWNPILOT',
  year: '1234567.25',
};

/** GET routes of the app from its route table (printRoutes joins each segment to its parent's path). */
function getRoutes(tree: string): string[] {
  const stack: { col: number; path: string }[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const col = m[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.col >= col) stack.pop();
    const path = (stack[stack.length - 1]?.path ?? '') + m[2]!;
    stack.push({ col, path });
    if (m[3]?.split(', ').includes('GET')) out.push(path.replace(/^\/\//, '/'));
  }
  return out;
}

describe.each(dbKinds())('the portal probe on %s', (kind) => {
  let t: TestApp;
  let w: PortalWorld;
  // Late enough that every year of the period can be reported and confirmed.
  const clock = manualClock(new Date('2020-03-01T02:00:00Z'));
  const ids: Record<'pilot' | 'case' | 'notice' | 'event', string[]> = { pilot: [], case: [], notice: [], event: [] };

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    const db = t.database.db;
    w = await seedPortalWorld(t.app, db);
    const { hangzhou, wuhan, huzhou } = w.pilots;
    // Names carry markers: 杭州's page is published, 武汉 has no publication, 湖州's was withdrawn.
    await db.update(pilots).set({ name: `杭州市人民政府${SHOWN.pilotName}` }).where(eq(pilots.id, hangzhou));
    await db.update(pilots).set({ name: `武汉市人民政府${HIDDEN.pilotName}` }).where(eq(pilots.id, wuhan));
    await db.update(pilots).set({ name: `湖州市人民政府${HIDDEN.withdrawnPilot}` }).where(eq(pilots.id, huzhou));
    ids.pilot.push(hangzhou, wuhan, huzhou);

    // 杭州: page published; 2017 published, 2018 never, 2019 published then withdrawn — each year with its own figure.
    await confirmReport(w.c.hangzhou!, w.c.zhejiang!, hangzhou, '2017', () => Number(SHOWN.year));
    await confirmReport(w.c.hangzhou!, w.c.zhejiang!, hangzhou, '2018', () => Number(HIDDEN.unpublishedYear));
    await confirmReport(w.c.hangzhou!, w.c.zhejiang!, hangzhou, '2019', () => Number(HIDDEN.withdrawnYear));
    await confirmReport(w.c.wuhan!, w.c.hubei!, wuhan, '2017', () => 42);
    await publishPage(w, hangzhou, `杭州市实施方案摘要${SHOWN.pageSummary}`);
    await publishYear(w, hangzhou, 2017);
    await withdrawPublication(w, await publishYear(w, hangzhou, 2019));
    // 湖州: published, then withdrawn.
    await withdrawPublication(w, await publishPage(w, huzhou, `湖州市摘要${HIDDEN.withdrawnSummary}`));

    // Cases in every state, and a published case of the unpublished pilot (it may appear, its pilot may not).
    const text = (m: string) => ({ title: `案例${m}`, summary: `摘要${m}智能制造`, body: `正文${m}智能制造` });
    for (const [end, marker] of [
      ['draft', HIDDEN.draft],
      ['submitted', HIDDEN.submitted],
      ['under_review', HIDDEN.underReview],
      ['returned', HIDDEN.returned],
      ['unpublished', HIDDEN.unpublished],
      ['published', SHOWN.case],
    ] as const) {
      ids.case.push(await caseIn(w, 'hangzhou', hangzhou, end, text(marker)));
    }
    ids.case.push(await caseIn(w, 'wuhan', wuhan, 'published', text(SHOWN.caseOfHiddenPilot)));

    // Notices: one not published (about 杭州), one published.
    ids.notice.push(await insertNotice(db, w, { title: `通报${HIDDEN.notice}`, body: `正文${HIDDEN.noticeBody}`, published: false, pilotId: hangzhou }));
    ids.notice.push(await insertNotice(db, w, { title: `通报${SHOWN.notice}`, body: '正文', published: true, pilotId: wuhan, kind: 'cancellation' }));

    // An event of the ministry, planned, with draft minutes: the portal shows no events at all.
    const [ev] = await db
      .insert(events)
      .values({ kind: 'onsite_meeting', title: `现场会${HIDDEN.event}`, startsOn: '2019-05-01', endsOn: '2019-05-02', place: '杭州', hostOrganisation: '工信部规划司', minutes: `纪要${HIDDEN.eventMinutes}`, createdBy: w.ministryId })
      .returning({ id: events.id });
    ids.event.push(ev!.id);
    expect((await db.select().from(events).where(and(eq(events.id, ev!.id)))).length).toBe(1);
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('finds no unpublished marker on any public route, and every published twin somewhere', async () => {
    const routes = getRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r === '/robots.txt' || r === '/portal' || r.startsWith('/portal/'));
    expect(routes).toContain('/portal/pilots/:id');
    expect(routes).toContain('/portal/feeds/cases.atom');
    const allIds = [...ids.pilot, ...ids.case, ...ids.notice, ...ids.event];
    const samples: Record<string, string[]> = { ':id': allIds, ':code': PROVINCE_TILES.map((p) => p.code), '*': ['x', `pilots/${ids.pilot[1]}/x`] };
    const urls = new Set<string>();
    for (const route of routes) {
      const params = route.match(/:\w+|\*/g) ?? [];
      expect(params.every((p) => samples[p]), `no samples for a parameter of ${route}`).toBe(true);
      let filled = [route];
      for (const p of params) filled = filled.flatMap((u) => samples[p]!.map((s) => u.replace(p, s)));
      for (const u of filled) urls.add(u);
    }
    // Searches for every marker, on the case library and its pages.
    for (const m of [...Object.values(HIDDEN), ...Object.values(SHOWN), '智能制造', '案例']) {
      urls.add(`/portal/cases?q=${encodeURIComponent(m)}`);
      urls.add(`/portal/cases?q=${encodeURIComponent(m)}&page=2`);
    }
    expect(urls.size).toBeGreaterThan(100);

    let everything = '';
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([200, 404], url).toContain(res.statusCode);
      // A search shows its own words back (in the head, the search box and the count line): those echoes are not leaks.
      const q = new URL(url, 'http://x').searchParams.get('q');
      const body = q ? res.body.slice(res.body.indexOf('</head>')).replaceAll(`value="${q}"`, '').replaceAll(`“${q}”的检索结果`, '') : res.body;
      for (const [name, marker] of Object.entries(HIDDEN)) expect(body.includes(marker), `${name} leaked on ${url}`).toBe(false);
      everything += res.body;
    }
    for (const [name, marker] of Object.entries(SHOWN)) expect(everything.includes(marker), `published ${name} not shown`).toBe(true);

    // The twins are where they belong, and the unpublished objects' own addresses are 404.
    const status = async (u: string) => (await t.app.inject({ method: 'GET', url: u })).statusCode;
    expect(await status(`/portal/pilots/${w.pilots.hangzhou}`)).toBe(200);
    expect(await status(`/portal/pilots/${w.pilots.wuhan}`)).toBe(404);
    expect(await status(`/portal/pilots/${w.pilots.huzhou}`)).toBe(404);
    for (const id of ids.case.slice(0, 5)) expect(await status(`/portal/cases/${id}`)).toBe(404);
    expect(await status(`/portal/cases/${ids.case[5]}`)).toBe(200);
    expect(await status(`/portal/notices/${ids.notice[0]}`)).toBe(404);
    expect(await status(`/portal/notices/${ids.notice[1]}`)).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/portal/pilots/${w.pilots.hangzhou}` })).body;
    expect(page).toContain(SHOWN.year);
   }, 600_000);
});
