/**
 * The copies the database keeps for the lists (migration 0017): each application's city codes and
 * authorities, each city row's copy of its application's updated_at, and the counts by status and
 * forwarding. Whatever writes the tables — the API, or SQL by hand — the copies stay equal to what
 * they copy (organisation renamed too), a rolled-back write leaves them as they were, and the lists' totals read from them
 * equal a count of the rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../fixtures/plans.js';
import { receivedApplication } from '../helpers/journey.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('list copies kept by the database on %s', (kind) => {
  let t: TestApp;
  let c: Record<'hangzhou' | 'huzhou' | 'zhejiang' | 'guihuasi' | 'zhuangbeisi' | 'lingdao', Client>;
  const rows = async <T,>(q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;

  /** Every copy against what it copies: the list of differences, empty when all agree. */
  async function drift(): Promise<string[]> {
    const cities = await rows<{ id: string }>(sql`
      select a.id from applications a
       left join lateral (select coalesce(array_agg(city_code order by city_code), '{}') as codes,
                                 coalesce(array_agg(authority_id order by city_code), '{}') as auths
                            from application_cities where application_id = a.id) x on true
       where a.city_codes is distinct from x.codes or a.authority_ids is distinct from x.auths`);
    const stamps = await rows<{ id: string }>(sql`
      select c.application_id as id from application_cities c join applications a on a.id = c.application_id
       where c.app_updated_at is distinct from a.updated_at`);
    const counts = await rows<{ status: string }>(sql`
      select coalesce(r.status, k.status) as status from
        (select status, forwarded_at is not null as forwarded, count(*)::int as n from applications group by 1, 2) r
        full join (select * from application_counts where n <> 0) k on k.status = r.status and k.forwarded = r.forwarded
       where r.n is distinct from k.n`);
    const names = await rows<{ id: string }>(sql`
      select a.id from applications a join organisations o on o.id = a.applicant_org_id where a.applicant_name is distinct from o.name`);
    return [
      ...cities.map((r) => `cities ${r.id}`),
      ...stamps.map((r) => `updated_at ${r.id}`),
      ...counts.map((r) => `count ${r.status}`),
      ...names.map((r) => `applicant ${r.id}`),
    ];
  }

  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    c = {
      hangzhou: await login(t.app, 'hangzhou', PASSWORD),
      huzhou: await login(t.app, 'huzhou', PASSWORD),
      zhejiang: await login(t.app, 'zhejiang', PASSWORD),
      guihuasi: await login(t.app, 'guihuasi', PASSWORD),
      zhuangbeisi: await login(t.app, 'zhuangbeisi', PASSWORD),
      lingdao: await login(t.app, 'lingdao', PASSWORD),
    };
    const journey = { city: c.hangzhou, province: c.zhejiang, ministry: c.guihuasi };
    for (let i = 0; i < 3; i++) await receivedApplication(journey, { code: '330100', applicant: '杭州市人民政府', title: `杭州市实施方案（第${i + 1}份）` });
    // Two forwarded and waiting, one submitted, two drafts (one a cluster with 湖州).
    for (let i = 0; i < 3; i++) {
      const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
      const created = await c.hangzhou.request('POST', '/api/v1/applications', { title: `杭州市待审方案${i + 1}`, applicationYear: 2017, plan });
      const id = created.json().id as string;
      const submitted = await c.hangzhou.request('POST', `/api/v1/applications/${id}/submit`, { version: 1 });
      expect(submitted.statusCode, submitted.body).toBe(200);
      if (i < 2) {
        const fw = await c.zhejiang.request('POST', `/api/v1/applications/${id}/forward`, {
          version: submitted.json().version,
          checklist: Object.fromEntries((await import('../../src/shared/lifecycle/provincial-checklist.js')).PROVINCIAL_CHECKLIST.map((k) => [k.key, true])),
          opinion: '同意',
          opinionDate: '2017-08-01',
        });
        expect(fw.statusCode, fw.body).toBe(200);
      }
    }
    const cluster = makeCompletePlan({ cover: { cityCodes: ['330100', '330500'], applicant: '杭州市人民政府' } });
    expect((await c.hangzhou.request('POST', '/api/v1/applications', { title: '杭湖城市群实施方案', applicationYear: 2018, plan: cluster })).statusCode).toBe(201);
    const single = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    expect((await c.hangzhou.request('POST', '/api/v1/applications', { title: '杭州市草稿', applicationYear: 2018, plan: single })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('agree with their sources after the journey through the API', async () => {
    expect(await drift()).toEqual([]);
    const [cluster] = await rows<{ city_codes: string[]; authority_ids: string[] }>(sql`select city_codes, authority_ids from applications where title = '杭湖城市群实施方案'`);
    expect(cluster).toEqual({ city_codes: ['330100', '330500'], authority_ids: ['330000', '330000'] });
  });

  it('follow writes made by hand: cities added, moved and removed, a status changed, an application deleted', async () => {
    const [draft] = await rows<{ id: string }>(sql`select id from applications where title = '杭州市草稿'`);
    const id = draft!.id;
    await t.database.db.execute(sql`insert into application_cities (application_id, city_code, authority_id) values (${id}, '330200', '330200')`);
    expect(await drift()).toEqual([]);
    expect((await rows<{ city_codes: string[] }>(sql`select city_codes from applications where id = ${id}`))[0]!.city_codes).toEqual(['330100', '330200']);
    await t.database.db.execute(sql`update application_cities set authority_id = '330000' where application_id = ${id} and city_code = '330200'`);
    await t.database.db.execute(sql`update application_cities set city_code = '330300' where application_id = ${id} and city_code = '330200'`);
    expect(await drift()).toEqual([]);
    await t.database.db.execute(sql`delete from application_cities where application_id = ${id} and city_code = '330300'`);
    await t.database.db.execute(sql`update applications set status = 'submitted', updated_at = now() + interval '1 day' where id = ${id}`);
    expect(await drift()).toEqual([]);
    await t.database.db.execute(sql`update applications set status = 'forwarded', forwarded_at = now() where id = ${id}`);
    expect(await drift()).toEqual([]);
    await t.database.db.execute(sql`delete from applications where id = ${id}`);
    expect(await drift()).toEqual([]);
    // The applicant renamed, and an application moved to another applicant.
    await t.database.db.execute(sql`update organisations set name = '杭州市人民政府（更名）' where division_code = '330100' and kind = 'city'`);
    expect(await drift()).toEqual([]);
    const [moved] = await rows<{ id: string }>(sql`select id from applications where title = '杭湖城市群实施方案'`);
    await t.database.db.execute(sql`update applications set applicant_org_id = (select id from organisations where division_code = '330500' and kind = 'city') where id = ${moved!.id}`);
    expect(await drift()).toEqual([]);
    expect((await rows<{ applicant_name: string }>(sql`select applicant_name from applications where id = ${moved!.id}`))[0]!.applicant_name).toBe('湖州市');
    const res = await c.hangzhou.request('GET', `/api/v1/applications?q=${encodeURIComponent('更名')}`);
    expect(res.json().total).toBeGreaterThan(0);
    expect(res.json().items.every((i: { applicantName: string }) => i.applicantName === '杭州市人民政府（更名）')).toBe(true);
  });

  it('are left as they were by a write that is rolled back', async () => {
    const before = await rows(sql`select status, forwarded, n from application_counts order by 1, 2`);
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`update applications set status = 'approved' where status = 'forwarded'`);
        await tx.execute(sql`delete from application_cities where city_code = '330500'`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rows(sql`select status, forwarded, n from application_counts order by 1, 2`)).toEqual(before);
    expect(await drift()).toEqual([]);
  });

  it('give each role the total a count of its rows gives, with and without filters', async () => {
    const count = async (where: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(sql`select count(*)::int as n from applications a where ${where}`))[0]!.n);
    const total = async (client: Client, query: string) => {
      const res = await client.request('GET', `/api/v1/applications${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { total: number }).total;
    };
    const forwarded = await count(sql`a.forwarded_at is not null`);
    expect(forwarded).toBeGreaterThan(3);
    expect(await total(c.guihuasi, '')).toBe(forwarded);
    expect(await total(c.guihuasi, '?page=99')).toBe(forwarded);
    expect(await total(c.guihuasi, '?queue=true')).toBe(await count(sql`a.forwarded_at is not null and a.status = 'forwarded'`));
    expect(await total(c.guihuasi, '?status=received')).toBe(await count(sql`a.forwarded_at is not null and a.status = 'received'`));
    expect(await total(c.guihuasi, '?status=received&queue=true')).toBe(0);
    expect(await total(c.guihuasi, `?q=${encodeURIComponent('待审')}`)).toBe(await count(sql`a.forwarded_at is not null and a.title like '%待审%'`));
    expect(await total(c.zhuangbeisi, '?status=forwarded')).toBe(await count(sql`a.forwarded_at is not null and a.status = 'forwarded'`));
    expect(await total(c.lingdao, '')).toBe(await count(sql`a.status = 'approved'`));
    const mine = sql`exists (select 1 from application_cities c where c.application_id = a.id and c.city_code = '330100')`;
    expect(await total(c.hangzhou, '')).toBe(await count(mine));
    expect(await total(c.hangzhou, '?page=50')).toBe(await count(mine));
    expect(await total(c.hangzhou, '?status=draft')).toBe(await count(sql`${mine} and a.status = 'draft'`));
    expect(await total(c.huzhou, '')).toBe(1);
    // A city's list, latest change first, from its own index.
    const res = await c.hangzhou.request('GET', '/api/v1/applications?pageSize=3');
    const items = (res.json() as { items: { updatedAt: string }[] }).items.map((i) => i.updatedAt);
    expect(items).toEqual([...items].sort().reverse());
    expect(await total(c.zhejiang, '')).toBe(await count(sql`a.status <> 'draft' and exists (select 1 from application_cities c where c.application_id = a.id and c.authority_id = '330000')`));
  });
});
