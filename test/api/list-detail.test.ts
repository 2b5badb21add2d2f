/**
 * List/detail consistency (issue 8, point 5), generated from the route table: for every list route
 * marked in test/api/route-table/ and every role, the ids its list shows are exactly those among all
 * objects of the kind whose detail route answers 200 for that role (in each scope, for lists of a
 * pilot), and the abilities each item carries are those its detail gives.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/shared/roles/roles.js';
import { dbKinds } from '../helpers/test-app.js';
import { actorOf, mainKind, makeFixtures, type Fixtures } from './route-table/fixtures.js';
import { ROUTE_TABLE } from './route-table/index.js';
import { documentedRoutes, key, scopesOf, urlFor, type OpenApiDoc, type OpenApiOperation } from './route-table/runner.js';

const LISTS = ROUTE_TABLE.filter((e) => e.list);

describe.each(dbKinds())('list/detail consistency on %s', (kind) => {
  let fx: Fixtures;
  let routes: Map<string, OpenApiOperation>;
  beforeAll(async () => {
    fx = await makeFixtures(kind);
    routes = documentedRoutes(fx.t.app.swagger() as unknown as OpenApiDoc);
  }, 600_000);
  afterAll(async () => {
    await fx?.close();
  });

  it('marks the lists of the main objects', () => {
    expect(LISTS.length).toBeGreaterThanOrEqual(10);
  });

  for (const entry of LISTS) {
    it(`${entry.path}: each role lists exactly what it may open, with the abilities its detail gives`, async () => {
      const list = entry.list!;
      const failures: string[] = [];
      const pageSize = routes.get(key('GET', entry.path))?.parameters?.find((p) => p.in === 'query' && p.name === 'pageSize')?.schema.maximum;
      for (const role of ROLES) {
        const client = fx.clients.get(actorOf(role, mainKind(entry.path)))!;
        for (const scope of scopesOf(entry)) {
          const url = urlFor(fx, entry.path, scope, null);
          const res = await client.request('GET', pageSize ? `${url}?pageSize=${pageSize}` : url);
          if (res.statusCode !== 200) continue; // who may not list at all: the route table
          const body = res.json() as { items: Record<string, unknown>[]; total?: number };
          const idField = list.id ?? 'id';
          // Rows shown for their status only (no 'open' among their abilities) are not claimed openable.
          const claimed = list.openAbility ? body.items.filter((i) => Array.isArray(i.abilities) && i.abilities.includes('open')) : body.items;
          const listed = claimed.map((i) => String(i[idField])).sort();
          if (body.total !== undefined && body.total > body.items.length) failures.push(`${role} ${scope}: total ${body.total} but ${body.items.length} items on one page of ${pageSize}`);
          const universeSql = list.universe.replace('{pilot}', fx.ids.pilot[scope]);
          const r = (await fx.t.database.db.execute(sql.raw(universeSql))) as unknown as { rows?: { id: string }[] } | { id: string }[];
          const universe = (Array.isArray(r) ? r : (r.rows ?? [])).map((x) => String(x.id));
          const param = /\{(\w+)\}/.exec(list.detail)![1]!;
          const openable: string[] = [];
          const details = new Map<string, unknown>();
          for (const id of universe) {
            const d = await client.request('GET', list.detail.replace(`{${param}}`, id));
            if (d.statusCode === 200) {
              openable.push(id);
              details.set(id, d.json());
            } else if (d.statusCode !== 404 && d.statusCode !== 403) failures.push(`${role} ${scope}: detail of ${id} answered ${d.statusCode}`);
          }
          openable.sort();
          if (list.view) {
            const hidden = listed.filter((id) => !openable.includes(id));
            if (hidden.length > 0) failures.push(`${role} ${scope}: listed ${JSON.stringify(hidden)} that it may not open`);
          } else if (JSON.stringify(listed) !== JSON.stringify(openable)) failures.push(`${role} ${scope}: listed ${JSON.stringify(listed)} but may open ${JSON.stringify(openable)}`);
          for (const item of body.items) {
            if (!('abilities' in item)) continue;
            const detail = details.get(String(item[idField]));
            if (detail === undefined) continue;
            const abilities = list.abilities ? list.abilities(detail) : (detail as { abilities?: unknown }).abilities;
            if (JSON.stringify(abilities) !== JSON.stringify(item.abilities)) failures.push(`${role} ${scope} ${String(item[idField])}: list abilities ${JSON.stringify(item.abilities)}, detail ${JSON.stringify(abilities)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
