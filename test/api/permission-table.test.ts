/**
 * The permission table: every role against an application in every state — what it may open,
 * and that the ids a role sees in its list are exactly those it may open. Then the administrators'
 * routes (accounts, unlocking and sessions, the audit log) against every role: 三权分立.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCIAL_CHECKLIST } from '../../src/shared/lifecycle/provincial-checklist.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedAdministrators } from '../helpers/seed-administrators.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const STATES = ['draft', 'submitted', 'returned', 'forwarded', 'received'] as const;
type State = (typeof STATES)[number];

/** Expected answer of GET /applications/:id for each user and state (a Hangzhou application). */
const TABLE: Record<string, Record<State, number>> = {
  hangzhou: { draft: 200, submitted: 200, returned: 200, forwarded: 200, received: 200 },
  huzhou: { draft: 404, submitted: 404, returned: 404, forwarded: 404, received: 404 },
  zhejiang: { draft: 404, submitted: 200, returned: 200, forwarded: 200, received: 200 },
  'ningbo-sj': { draft: 404, submitted: 404, returned: 404, forwarded: 404, received: 404 },
  hubei: { draft: 404, submitted: 404, returned: 404, forwarded: 404, received: 404 },
  guihuasi: { draft: 404, submitted: 404, returned: 404, forwarded: 200, received: 200 },
  zhuangbeisi: { draft: 404, submitted: 404, returned: 404, forwarded: 200, received: 200 },
  expert: { draft: 403, submitted: 403, returned: 403, forwarded: 403, received: 403 },
  // The leading group reads approved plans only (none here).
  lingdao: { draft: 404, submitted: 404, returned: 404, forwarded: 404, received: 404 },
  admin: { draft: 403, submitted: 403, returned: 403, forwarded: 403, received: 403 },
  // The security and the audit administrator (三权分立) do none of the programme's work either.
  anquan: { draft: 403, submitted: 403, returned: 403, forwarded: 403, received: 403 },
  shenji: { draft: 403, submitted: 403, returned: 403, forwarded: 403, received: 403 },
};

const READ_ONLY = ['open', 'export'];
const CITY_EDITS = ['open', 'edit', 'submit', 'export', 'uploadAttachment'];

/** The abilities a user's list gives on each application it sees; the detail must say the same. */
const ABILITIES: Record<string, Partial<Record<State, string[]>>> = {
  hangzhou: { draft: CITY_EDITS, submitted: READ_ONLY, returned: CITY_EDITS, forwarded: READ_ONLY, received: READ_ONLY },
  zhejiang: { submitted: ['open', 'forward', 'return', 'export'], returned: READ_ONLY, forwarded: READ_ONLY, received: READ_ONLY },
  guihuasi: { forwarded: ['open', 'receive', 'export'], received: ['open', 'openReview', 'sendBack', 'reject', 'export'] },
  zhuangbeisi: { forwarded: READ_ONLY, received: READ_ONLY },
};

describe.each(dbKinds())('permission table on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  const ids = {} as Record<State, string>;

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    await seedAdministrators(t.database.db);
    for (const u of Object.keys(TABLE)) c[u] = await login(t.app, u, PASSWORD);
    const checklist = Object.fromEntries(PROVINCIAL_CHECKLIST.map((i) => [i.key, true]));
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    for (const state of STATES) {
      const id = (await c.hangzhou!.request('POST', '/api/v1/applications', { title: `状态 ${state}`, applicationYear: 2016, plan })).json().id as string;
      ids[state] = id;
      if (state === 'draft') continue;
      let v = (await c.hangzhou!.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 })).json().version as number;
      if (state === 'returned') {
        await c.zhejiang!.request('POST', `/api/v1/applications/${id}/return`, { version: v, reasons: '请修改' });
        continue;
      }
      if (state === 'submitted') continue;
      v = (await c.zhejiang!.request('POST', `/api/v1/applications/${id}/forward`, { version: v, checklist, opinion: '同意', opinionDate: '2016-08-01' })).json().version;
      if (state === 'received') {
        await c.guihuasi!.request('POST', `/api/v1/applications/${id}/receive`, { version: v, printedCopies: 'received', discs: 'received', formalCheckPassed: true });
      }
    }
    for (const state of STATES) {
      const d = await c.hangzhou!.request('GET', `/api/v1/applications/${ids[state]}`);
      expect(d.json().application.status).toBe(state);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  for (const [user, row] of Object.entries(TABLE)) {
    it(`${user}: detail, history, versions and exports answer as the table says`, async () => {
      for (const state of STATES) {
        const expected = row[state];
        for (const path of ['', '/history', '/versions']) {
          const res = await c[user]!.request('GET', `/api/v1/applications/${ids[state]}${path}`);
          expect(res.statusCode, `${user} ${state} ${path}`).toBe(expected);
        }
      }
    });

    it(`${user}: the list shows exactly the applications it may open`, async () => {
      const res = await c[user]!.request('GET', '/api/v1/applications?pageSize=200');
      const openable = STATES.filter((s) => row[s] === 200).map((s) => ids[s]).sort();
      if (row.draft === 403) {
        expect(res.statusCode).toBe(403);
        return;
      }
      expect(res.statusCode).toBe(200);
      const listed = (res.json().items as { id: string }[]).map((i) => i.id).sort();
      expect(listed).toEqual(openable);
      expect(res.json().total).toBe(openable.length);
    });

    it(`${user}: each listed application carries the abilities of this user, as its detail does`, async () => {
      if (row.draft === 403) return;
      const items = (await c[user]!.request('GET', '/api/v1/applications?pageSize=200')).json().items as { id: string; abilities: string[] }[];
      for (const state of STATES) {
        const item = items.find((i) => i.id === ids[state]);
        expect(item?.abilities, `${user} ${state}`).toEqual(ABILITIES[user]?.[state]);
        if (!item) continue;
        const detail = (await c[user]!.request('GET', `/api/v1/applications/${item.id}`)).json();
        expect(detail.application.abilities, `${user} ${state} detail`).toEqual(item.abilities);
      }
    });
  }
  /** The administrators' routes × every role: who gets through (2xx or a 4xx of the route itself), who gets 403. */
  const ADMIN_ROUTES: { method: string; url: () => string; body?: unknown; allowed: string[] }[] = [
    { method: 'GET', url: () => '/api/v1/admin/users', allowed: ['admin', 'anquan'] },
    { method: 'GET', url: () => '/api/v1/admin/organisations', allowed: ['admin', 'anquan'] },
    { method: 'POST', url: () => '/api/v1/admin/organisations', body: { name: '温州市', kind: 'city', divisionCode: '330300' }, allowed: ['admin'] },
    { method: 'PATCH', url: () => `/api/v1/admin/users/${userIds.xuancheng}`, body: { password: 'Changed-2026-pass' }, allowed: ['admin'] },
    { method: 'PATCH', url: () => `/api/v1/admin/users/${userIds.xuancheng}`, body: { unlock: true }, allowed: ['anquan'] },
    { method: 'DELETE', url: () => `/api/v1/admin/users/${userIds.xuancheng}/sessions`, allowed: ['anquan'] },
    { method: 'GET', url: () => '/api/v1/audit', allowed: ['shenji'] },
    { method: 'GET', url: () => '/api/v1/audit/verify', allowed: ['shenji'] },
    { method: 'GET', url: () => '/api/v1/audit/export.csv', allowed: ['shenji'] },
    { method: 'GET', url: () => '/api/v1/audit/export.xlsx', allowed: ['shenji'] },
  ];
  const userIds: Record<string, string> = {};

  it('administrators’ routes: each is one administrator’s work, and every other role gets 403', async () => {
    for (const u of (await c.admin!.request('GET', '/api/v1/admin/users')).json().items as { id: string; username: string }[]) userIds[u.username] = u.id;
    for (const route of ADMIN_ROUTES) {
      for (const user of Object.keys(TABLE)) {
        const res = await c[user]!.request(route.method, route.url(), route.body);
        const label = `${user} ${route.method} ${route.url()}`;
        if (route.allowed.includes(user)) expect(res.statusCode, `${label} ${res.body}`).toBeLessThan(300);
        else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().error.code, label).toBe('FORBIDDEN');
        }
      }
      expect((await t.app.inject({ method: route.method as 'GET', url: route.url(), payload: route.body as object })).statusCode).toBe(401);
    }
  });
  // Events 活动 and action items 督办事项 (issue 10): a regional event concerning 浙江, an item owned by 浙江.
  it('events and action items: who may see, plan and act, and the list shows exactly what the detail opens', async () => {
    const orgs = (await c.admin!.request('GET', '/api/v1/admin/organisations')).json().items as { id: string; name: string }[];
    const zhejiangOrg = orgs.find((o) => o.name === '浙江省经信委')!.id;
    const body = { kind: 'onsite_meeting', title: '表内现场会', startsOn: '2026-04-15', endsOn: '2026-04-15', place: '杭州', hostOrganisation: '规划司', national: false, authorityIds: ['330000'] };
    const created = await c.guihuasi!.request('POST', '/api/v1/events', body);
    expect(created.statusCode, created.body).toBe(201);
    const eventId = created.json().id as string;
    const item = await c.guihuasi!.request('POST', `/api/v1/events/${eventId}/action-items`, { title: '表内事项', ownerOrganisationId: zhejiangOrg, deadline: '2026-06-30' });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = item.json().id as string;

    const SEES: Record<string, number> = { hangzhou: 200, huzhou: 200, zhejiang: 200, 'ningbo-sj': 404, hubei: 404, guihuasi: 200, zhuangbeisi: 200, lingdao: 200, expert: 403, admin: 403, anquan: 403, shenji: 403 };
    // The owner passes to the version check (409); whoever sees the event but owns nothing gets 403; others 404/403.
    const CLOSES: Record<string, number> = { hangzhou: 403, huzhou: 403, zhejiang: 409, 'ningbo-sj': 404, hubei: 404, guihuasi: 403, zhuangbeisi: 403, lingdao: 403, expert: 403, admin: 403, anquan: 403, shenji: 403 };
    for (const user of Object.keys(TABLE)) {
      expect(SEES[user], user).toBeDefined();
      const detail = await c[user]!.request('GET', `/api/v1/events/${eventId}`);
      expect(detail.statusCode, `${user} GET event`).toBe(SEES[user]);
      const list = await c[user]!.request('GET', '/api/v1/events');
      if (SEES[user] === 403) expect(list.statusCode, `${user} GET events`).toBe(403);
      else expect(list.json().items.map((e: { id: string }) => e.id), `${user} list = detail`).toEqual(SEES[user] === 200 ? [eventId] : []);
      const itemRes = await c[user]!.request('GET', `/api/v1/action-items/${itemId}`);
      expect(itemRes.statusCode, `${user} GET item`).toBe(SEES[user]);
      const close = await c[user]!.request('POST', `/api/v1/action-items/${itemId}/close`, { version: 99, note: '办结' });
      expect(close.statusCode, `${user} close`).toBe(CLOSES[user]);
      const edit = await c[user]!.request('PUT', `/api/v1/action-items/${itemId}`, { title: '表内事项', ownerOrganisationId: zhejiangOrg, deadline: '2026-06-30', version: 99 });
      expect(edit.statusCode, `${user} edit item`).toBe(user === 'guihuasi' ? 409 : 403);
    }
    for (const user of Object.keys(TABLE)) {
      const plan = await c[user]!.request('POST', '/api/v1/events', body);
      expect(plan.statusCode, `${user} POST events`).toBe(user === 'guihuasi' ? 201 : 403);
    }
  });
});
