import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { seedAdministrators } from '../helpers/seed-administrators.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('account administration on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
    admin = await login(t.app, 'admin', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is for the platform administrator only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    for (const u of ['hangzhou', 'zhejiang', 'guihuasi', 'expert']) {
      const c = await login(t.app, u, PASSWORD);
      expect((await c.request('GET', '/api/v1/admin/users')).statusCode).toBe(403);
      expect((await c.request('POST', '/api/v1/admin/organisations', { name: '某市', kind: 'city', divisionCode: '330300' })).statusCode).toBe(403);
    }
    const list = await admin.request('GET', '/api/v1/admin/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { username: string }) => u.username)).toContain('hangzhou');
    expect(JSON.stringify(list.json())).not.toContain('argon2');
  });

  it('says with each account and organisation what the administrator may do with it', async () => {
    const users = (await admin.request('GET', '/api/v1/admin/users')).json().items as { username: string; abilities: string[]; createdAt: string }[];
    const abilitiesOf = (username: string) => users.find((u) => u.username === username)!.abilities;
    // Their own account cannot be deactivated; another active one can.
    expect(abilitiesOf('admin')).toEqual(['resetPassword']);
    expect(abilitiesOf('hangzhou')).toEqual(['disable', 'resetPassword']);
    expect(abilitiesOf('guihuasi')).toEqual(['disable', 'resetPassword']);
    expect(Number.isNaN(Date.parse(users[0]!.createdAt))).toBe(false);
    const orgs = (await admin.request('GET', '/api/v1/admin/organisations')).json().items as { abilities: string[]; createdAt: string }[];
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.abilities.join() === 'addUser' && !Number.isNaN(Date.parse(o.createdAt)))).toBe(true);
  });

  it('creates an organisation bound to a division and a user whose role follows from it', async () => {
    const badCity = await admin.request('POST', '/api/v1/admin/organisations', { name: '浙江省', kind: 'city', divisionCode: '330000' });
    expect(badCity.statusCode).toBe(422);
    const badAuthority = await admin.request('POST', '/api/v1/admin/organisations', { name: '某厅', kind: 'province_authority', divisionCode: '330000', authorityId: '999999' });
    expect(badAuthority.statusCode).toBe(422);
    const org = await admin.request('POST', '/api/v1/admin/organisations', { name: '温州市人民政府', kind: 'city', divisionCode: '330300' });
    expect(org.statusCode, org.body).toBe(201);
    const orgId = org.json().id;

    const weak = await admin.request('POST', '/api/v1/admin/users', { username: 'wenzhou', password: 'short', displayName: '温州用户', organisationId: orgId });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('PASSWORD_TOO_SHORT');
    const wrongRole = await admin.request('POST', '/api/v1/admin/users', { username: 'wenzhou', password: 'Wz-2016-pilot', displayName: '温州用户', organisationId: orgId, role: 'ministry_planning' });
    expect(wrongRole.statusCode).toBe(422);
    expect(wrongRole.json().error.code).toBe('ROLE_NOT_FOR_ORGANISATION');
    const created = await admin.request('POST', '/api/v1/admin/users', { username: 'wenzhou', password: 'Wz-2016-pilot', displayName: '温州用户', organisationId: orgId });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await admin.request('POST', '/api/v1/admin/users', { username: 'wenzhou', password: 'Wz-2016-pilot', displayName: '温州用户', organisationId: orgId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
    const missingOrg = await admin.request('POST', '/api/v1/admin/users', { username: 'ghost', password: 'Gh-2016-pilot', displayName: 'x', organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(missingOrg.statusCode).toBe(404);

    const wz = await login(t.app, 'wenzhou', 'Wz-2016-pilot');
    const me = await wz.request('GET', '/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ role: 'city_applicant', divisionCode: '330300' });
  });

  it('deactivates a user, ending their sessions; the security administrator unlocks a locked one', async () => {
    const users = (await admin.request('GET', '/api/v1/admin/users')).json().items as { id: string; username: string; locked: boolean }[];
    const wuhan = users.find((u) => u.username === 'wuhan')!;
    const session = await login(t.app, 'wuhan', PASSWORD);
    const off = await admin.request('PATCH', `/api/v1/admin/users/${wuhan.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    const abilitiesOf = async (username: string) =>
      ((await admin.request('GET', '/api/v1/admin/users')).json().items as { username: string; abilities: string[] }[]).find((u) => u.username === username)!.abilities;
    expect(await abilitiesOf('wuhan')).toEqual(['enable', 'resetPassword']);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'wuhan', password: PASSWORD } })).statusCode).toBe(401);
    await admin.request('PATCH', `/api/v1/admin/users/${wuhan.id}`, { active: true });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'wuhan', password: PASSWORD } })).statusCode).toBe(200);

    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xuancheng', password: 'wrong' }, remoteAddress: '10.1.1.1' });
    const locked = (await admin.request('GET', '/api/v1/admin/users')).json().items.find((u: { username: string }) => u.username === 'xuancheng');
    expect(locked.locked).toBe(true);
    // Unlocking is the security administrator's work (三权分立), not the system administrator's.
    expect(locked.abilities).toEqual(['disable', 'resetPassword']);
    expect((await admin.request('PATCH', `/api/v1/admin/users/${locked.id}`, { unlock: true })).statusCode).toBe(403);
    await seedAdministrators(t.database.db);
    const security = await login(t.app, 'anquan', PASSWORD);
    expect((await security.request('PATCH', `/api/v1/admin/users/${locked.id}`, { unlock: true })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xuancheng', password: PASSWORD } })).statusCode).toBe(200);

    const me = users.find((u) => u.username === 'admin')!;
    const self = await admin.request('PATCH', `/api/v1/admin/users/${me.id}`, { active: false });
    expect(self.statusCode).toBe(409);
    expect((await admin.request('PATCH', `/api/v1/admin/users/${wuhan.id}`, {})).statusCode).toBe(422);
    expect((await admin.request('PATCH', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
    expect((await security.request('PATCH', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', { unlock: true })).statusCode).toBe(404);
  });

  it('resets a password with the policy applied', async () => {
    const users = (await admin.request('GET', '/api/v1/admin/users')).json().items as { id: string; username: string }[];
    const hz = users.find((u) => u.username === 'hangzhou')!;
    expect((await admin.request('PATCH', `/api/v1/admin/users/${hz.id}`, { password: 'hangzhou12345' })).statusCode).toBe(422);
    expect((await admin.request('PATCH', `/api/v1/admin/users/${hz.id}`, { password: 'New-pass-2016' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hangzhou', password: 'New-pass-2016' } })).statusCode).toBe(200);
  });
});
