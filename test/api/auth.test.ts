import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import { LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT, LOGIN_ADDRESS_FAILURE_LIMIT, LOGIN_MAX_FAILURES } from '../../src/features/auth/auth.routes.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(dbKinds())('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    await seedAccounts(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

  it('signs in with an HttpOnly SameSite cookie stored as a database session, and signs out', async () => {
    const res = await post('hangzhou', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.json().user).toMatchObject({ username: 'hangzhou', role: 'city_applicant', divisionCode: '330100' });
    expect(res.json().permissions).toContain('application.create');
    const client = await login(t.app, 'hangzhou', PASSWORD);
    const me = await client.request('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(client.csrf);
    // Logout needs the CSRF token too.
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: client.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await client.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const after = await client.request('GET', '/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await post('wuhan', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    const unknown = await post('no-such-user', 'nope');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('LOGIN_FAILED');
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(empty.statusCode).toBe(422);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 1; i < LOGIN_MAX_FAILURES; i++) expect((await post('huzhou', 'bad', '10.0.0.2')).statusCode).toBe(401);
    const last = await post('huzhou', 'bad', '10.0.0.2');
    expect(last.statusCode).toBe(423);
    expect(last.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await post('huzhou', PASSWORD, '10.0.0.2');
    expect(right.statusCode).toBe(423);
    // Another account is not affected.
    expect((await post('ningbo', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
  });

  it('lets 100 different users sign in correctly from one address within a minute', async () => {
    const orgId = await createOrganisation(t.database.db, { name: '某部委办公厅（同一出口地址）', kind: 'ministry_department', divisionCode: '110000' });
    const hash = await hashPassword(PASSWORD);
    for (let i = 0; i < 100; i++) {
      await createUser(t.database.db, { username: `office${i}`, passwordHash: hash, displayName: `办公室${i}`, role: 'ministry_department', organisationId: orgId });
    }
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) codes.push((await post(`office${i}`, PASSWORD, '10.20.30.40')).statusCode);
    expect(codes.filter((c) => c !== 200)).toEqual([]);
    // And again: successful sign-ins never count against the address.
    expect((await post('office0', PASSWORD, '10.20.30.40')).statusCode).toBe(200);
  });

  it('locks only the account that repeated failures target, not the others signing in from that address', async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await post('xuancheng', 'wrong', '10.20.30.41');
    expect((await post('xuancheng', PASSWORD, '10.20.30.41')).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await post('xuancheng', PASSWORD, '10.20.30.42')).json().error.code).toBe('ACCOUNT_LOCKED');
    for (const other of ['hangzhou', 'wuhan', 'ningbo', 'expert']) expect((await post(other, PASSWORD, '10.20.30.41')).statusCode).toBe(200);
  });

  it('slows down guessing one name from one address, without touching other names or addresses', async () => {
    for (let i = 0; i < LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT; i++) expect((await post('ghost-target', 'x', '10.7.7.7')).statusCode).toBe(401);
    const limited = await post('ghost-target', 'x', '10.7.7.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await post('ghost-target', 'x', '10.7.7.8')).statusCode).toBe(401);
    expect((await post('hangzhou', PASSWORD, '10.7.7.7')).statusCode).toBe(200);
  });

  it('stops one address that fails on many accounts, counting failures only', async () => {
    let limited = 0;
    for (let i = 0; i < LOGIN_ADDRESS_FAILURE_LIMIT + 3; i++) {
      const res = await post(`ghost${i}`, 'x', '10.9.9.9');
      if (res.statusCode === 429) {
        limited++;
        expect(res.json().error.code).toBe('RATE_LIMITED');
      }
    }
    expect(limited).toBe(3);
    // Even a right password waits at that address; another address is unaffected.
    expect((await post('wuhan', PASSWORD, '10.9.9.9')).statusCode).toBe(429);
    expect((await post('wuhan', PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('ignores a forged session cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'mic_sid=forged-token' } });
    expect(res.statusCode).toBe(401);
  });
});
