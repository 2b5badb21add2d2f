/**
 * Zip bombs on every upload route (issue 8, point 6), generated from the route list: each route that
 * takes a file (test/api/route-table/runner.ts isUpload) is sent, by a role the route table permits in
 * its own scope, an .xlsx of 80 MiB of worksheet packed into a few hundred KiB with a header that
 * declares 1 KiB. Every one refuses it with 413 FILE_UNPACKS_TOO_LARGE — the one upload check
 * (src/shared/files/file-type.ts checkUpload) runs before anything parses or stores the file — and the
 * upload folder holds no more files than before. One database is enough: the check is in the HTTP layer.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { ROLES } from '../../src/shared/roles/roles.js';
import { login, type Client } from '../helpers/test-app.js';
import { zipOf } from '../helpers/zip.js';
import { actorOf, mainKind, makeFixtures, multipart, type Fixtures } from './route-table/fixtures.js';
import { ROUTE_TABLE } from './route-table/index.js';
import { documentedRoutes, expectedFor, isUpload, key, urlFor, type OpenApiDoc } from './route-table/runner.js';

function bomb(): Buffer {
  return zipOf([
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20), declaredSize: 1024 },
  ]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)).map((g) => join(f, g)) : [f]));
}

describe('zip bombs on every upload route (PGlite)', () => {
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await makeFixtures('pglite');
  }, 600_000);
  afterAll(async () => {
    await fx?.close();
  });

  /**
   * Where the table's own object does not take a file now (宁波 is not in its summary phase; the
   * fixture's events have their minutes published), the request goes to one that does: a pilot in
   * its summary phase, sent by its city, an event planned here, and a province's file with its purpose.
   */
  async function pilotId(name: string): Promise<string> {
    const r = (await fx.t.database.db.execute(sql.raw(`select id from pilots where name = '${name}'`))) as unknown as { rows?: { id: string }[] } | { id: string }[];
    return (Array.isArray(r) ? r : (r.rows ?? []))[0]!.id;
  }
  async function overrides(): Promise<Record<string, { url: string; client: Client }>> {
    // No demo pilot is in its summary phase at the fixture's instant: 长株潭衡 is moved there for this file.
    await fx.t.database.db.execute(sql.raw(`update pilots set state = 'summary' where name = '长株潭衡'`));
    const summary = { id: await pilotId('长株潭衡'), username: 'changsha' };
    const ministry = fx.clients.get('guihuasi')!;
    const planned = await ministry.request('POST', '/api/v1/events', {
      kind: 'training',
      title: '上传检查培训',
      startsOn: '2026-09-01',
      endsOn: '2026-09-01',
      place: '北京',
      hostOrganisation: '工业和信息化部规划司',
      national: true,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    return {
      'POST /api/v1/pilots/{id}/summary/files': { url: `/api/v1/pilots/${summary.id}/summary/files`, client: await login(fx.t.app, summary.username, DEMO_PASSWORD) },
      'POST /api/v1/events/{id}/materials': { url: `/api/v1/events/${planned.json().id}/materials`, client: ministry },
      'POST /api/v1/provinces/{authorityId}/files': { url: `/api/v1/provinces/330200/files?purpose=policy`, client: fx.clients.get('ningbo-sj')! },
    };
  }

  it('every route that takes a file refuses an Office zip bomb with 413 before keeping anything', async () => {
    const instead = await overrides();
    const routes = documentedRoutes(fx.t.app.swagger() as unknown as OpenApiDoc);
    const uploads = ROUTE_TABLE.filter((e) => isUpload(e) && routes.has(key(e.method, e.path)));
    expect(uploads.length).toBeGreaterThanOrEqual(8);
    const before = filesUnder(fx.t.uploadDir).length;
    const bytes = bomb();
    const answers: Record<string, string> = {};
    for (const entry of uploads) {
      const role = ROLES.find((r) => expectedFor(entry, r, 'own', 'draft') === 'ok');
      if (!role) throw new Error(`${entry.path}: no role may upload in its own scope`);
      const url = urlFor(fx, entry.path, 'own', 'draft');
      const query = entry.query === undefined ? '' : `?${typeof entry.query === 'function' ? entry.query(fx) : entry.query}`;
      const m = multipart('统计表.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const to = instead[key(entry.method, entry.path)] ?? { url: `${url}${query}`, client: fx.clients.get(actorOf(role, mainKind(entry.path)))! };
      const res = await to.client.request('POST', to.url, m.body, m.headers);
      answers[`${role} POST ${entry.path}`] = `${res.statusCode} ${res.statusCode >= 400 ? res.json().error?.code : ''}`;
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, '413 FILE_UNPACKS_TOO_LARGE'])));
    expect(filesUnder(fx.t.uploadDir).length).toBe(before);
  }, 600_000);
});
