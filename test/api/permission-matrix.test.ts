/**
 * The route table (issue 8, point 5): every API route × every role × own and other scope × (for
 * routes on an application) every state the table walks, generated from the route list of the built
 * app. A route without an entry in test/api/route-table/ fails here, as does an entry whose route is
 * gone. Each entry's requests are sent as the role's account (test/api/route-table/fixtures.ts): a
 * refusal must be exactly the code the table says (403 FORBIDDEN or 404), a permitted request must
 * pass the checks (anything but 401/403/404 — a 409 or 422 from the sample body counts), and nothing
 * may answer 5xx. Without a session every route but the public ones answers 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/shared/roles/roles.js';
import { dbKinds } from '../helpers/test-app.js';
import { makeFixtures, type Fixtures } from './route-table/fixtures.js';
import { ROUTE_TABLE } from './route-table/index.js';
import { documentedRoutes, expectedFor, judge, key, scopesOf, send, statesOf, type OpenApiDoc, type OpenApiOperation } from './route-table/runner.js';

const IN_FLIGHT = 4;

describe.each(dbKinds())('the route table on %s', (kind) => {
  let fx: Fixtures;
  let routes: Map<string, OpenApiOperation>;
  beforeAll(async () => {
    fx = await makeFixtures(kind);
    routes = documentedRoutes(fx.t.app.swagger() as unknown as OpenApiDoc);
  }, 600_000);
  afterAll(async () => {
    await fx?.close();
  });

  it('has an entry for every route of the app, and a route for every entry', () => {
    const entries = ROUTE_TABLE.map((e) => key(e.method, e.path));
    const missing = [...routes.keys()].filter((r) => !entries.includes(r));
    const stale = entries.filter((e) => !routes.has(e));
    const twice = entries.filter((e, i) => entries.indexOf(e) !== i);
    expect({ missing, stale, twice }, 'add the missing routes to a file in test/api/route-table/ (see its README.md)').toEqual({ missing: [], stale: [], twice: [] });
  });

  it('without a session, every route but the public ones answers 401 AUTH_REQUIRED', async () => {
    const failures: string[] = [];
    for (const entry of ROUTE_TABLE) {
      if (!routes.has(key(entry.method, entry.path))) continue;
      const { label, res } = await send(fx, entry, routes.get(key(entry.method, entry.path)), null, 'own', statesOf(entry)[0]!);
      if (entry.public) {
        const want = entry.public.anonymous;
        const why = typeof want === 'number' && want !== 403 && want !== 404 ? (res.statusCode === want ? '' : `expected ${want}, got ${res.statusCode}`) : judge(want as 'ok' | 403 | 404, res);
        if (why) failures.push(`${label}: ${why}`);
      } else if (res.statusCode !== 401 || res.json().error?.code !== 'AUTH_REQUIRED') failures.push(`${label}: expected 401 AUTH_REQUIRED, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  for (const role of ROLES) {
    it(`${role}: every route answers as the table says, in both scopes and every state`, async () => {
      const failures: string[] = [];
      const jobs: (() => Promise<void>)[] = [];
      for (const entry of ROUTE_TABLE) {
        const op = routes.get(key(entry.method, entry.path));
        if (!op) continue;
        for (const scope of scopesOf(entry)) {
          for (const state of statesOf(entry)) {
            jobs.push(async () => {
              const { label, res } = await send(fx, entry, op, role, scope, state);
              const why = judge(expectedFor(entry, role, scope, state), res);
              if (why) failures.push(`${label}: ${why}`);
            });
          }
        }
      }
      // A few requests in flight at once (the role's requests do not depend on each other's order).
      const total = jobs.length;
      await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job();
      }));
      expect(failures.sort()).toEqual([]);
      expect(total).toBeGreaterThan(ROUTE_TABLE.length);
    }, 600_000);
  }
});
