import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES } from '../../src/features/auth/auth.routes.js';
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

  it('rate-limits sign-in attempts per client address across accounts', async () => {
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const res = await post(`ghost${i}`, 'x', '10.9.9.9');
      if (res.statusCode === 429) {
        limited++;
        expect(res.json().error.code).toBe('RATE_LIMITED');
      }
    }
    expect(limited).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await post('wuhan', PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('ignores a forged session cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'mic_sid=forged-token' } });
    expect(res.statusCode).toBe(401);
  });
});
