/**
 * Identity to 等保 2.0 level 3 through the API: password rules and rotation, temporary passwords,
 * TOTP sign-in and enrolment, recovery codes, lockout, the idle timeout under a manual session clock,
 * and sessions (one's own, an administrator's view, disabling). Codes are computed with the platform's
 * own TOTP function; the replay rule is tested here without the login helper (which forgets steps).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, users } from '../../src/db/schema.js';
import { createOrganisation, createUser, hashPassword } from '../../src/features/accounts/accounts.queries.js';
import { manualClock } from '../../src/kernel/clock.js';
import { DEMO_TOTP_SECRET } from '../../src/shared/identity/demo.js';
import { totpCode, TOTP_STEP_SECONDS } from '../../src/shared/identity/totp.js';
import { PASSWORD, seedAccounts, TEST_TOTP_SECRET } from '../helpers/seed-accounts.js';
import { seedAdministrators } from '../helpers/seed-administrators.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

// The session clock starts five seconds into a step, so "the same step" is certain in these tests.
const START = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);

describe.each(dbKinds())('identity on %s', (kind) => {
  let t: TestApp;
  const clock = manualClock(START);
  const advance = (ms: number) => clock.set(new Date(clock().getTime() + ms));
  let admin: Client;
  let anquan: Client;
  let provinceOrg: string;

  const loginRaw = (username: string, password: string, code?: string, ip = '10.3.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(code === undefined ? {} : { code }) }, remoteAddress: ip });
  const asClient = (res: Awaited<ReturnType<typeof loginRaw>>): Client => {
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const csrf = res.json().csrfToken as string;
    return {
      cookie,
      csrf,
      request: (method, url, body) =>
        t.app.inject({ method: method as 'GET', url, headers: { cookie, 'x-csrf-token': csrf }, ...(body === undefined ? {} : { payload: body as object }) }),
    };
  };
  const userId = async (username: string) => (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const newProvincialUser = async (username: string, extra: { totpSecret?: string } = {}) =>
    createUser(t.database.db, { username, passwordHash: await hashPassword(PASSWORD), displayName: username, role: 'provincial_authority', organisationId: provinceOrg, ...extra });

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { sessionClock: clock });
    await seedAccounts(t.database.db);
    await seedAdministrators(t.database.db);
    provinceOrg = await createOrganisation(t.database.db, { name: '江西省工信厅', kind: 'province_authority', divisionCode: '360000', authorityId: '360000' });
  });
  // The tests move the session clock on; the administrators sign in afresh for each.
  beforeEach(async () => {
    admin = await login(t.app, 'admin', PASSWORD);
    anquan = await login(t.app, 'anquan', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks a provincial user for the code after the password, and refuses a wrong, a missing and a replayed one', async () => {
    expect((await loginRaw('zhejiang', 'wrong-password', totpCode(TEST_TOTP_SECRET, clock()))).json().error.code).toBe('LOGIN_FAILED');
    const missing = await loginRaw('zhejiang', PASSWORD);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('TOTP_CODE_REQUIRED');
    expect(missing.headers['set-cookie']).toBeUndefined();
    const right = totpCode(TEST_TOTP_SECRET, clock());
    const wrong = right === '000000' ? '111111' : '000000';
    expect((await loginRaw('zhejiang', PASSWORD, wrong)).json().error.code).toBe('TOTP_CODE_INVALID');
    const ok = await loginRaw('zhejiang', PASSWORD, right);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ pending: null, identity: { totpEnabled: true, totpRequired: true } });
    // The same code again within its step is a replay; so is the previous step's.
    const replay = await loginRaw('zhejiang', PASSWORD, right);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOTP_CODE_REPLAYED');
    advance(TOTP_STEP_SECONDS * 1000);
    expect((await loginRaw('zhejiang', PASSWORD, totpCode(TEST_TOTP_SECRET, clock()))).statusCode).toBe(200);
    // Failures count towards the lockout; a success resets them.
    const failures = (await t.database.db.select({ n: users.failedLogins }).from(users).where(eq(users.username, 'zhejiang')))[0]!.n;
    expect(failures).toBe(0);
  });

  it('locks after five wrong codes for fifteen minutes, by the session clock', async () => {
    await newProvincialUser('jx-lock', { totpSecret: TEST_TOTP_SECRET });
    for (let i = 0; i < 4; i++) expect((await loginRaw('jx-lock', PASSWORD, '999999', '10.3.1.1')).json().error.code).toMatch(/TOTP_CODE_INVALID/);
    expect((await loginRaw('jx-lock', PASSWORD, '999999', '10.3.1.1')).statusCode).toBe(423);
    expect((await loginRaw('jx-lock', PASSWORD, totpCode(TEST_TOTP_SECRET, clock()), '10.3.1.2')).json().error.code).toBe('ACCOUNT_LOCKED');
    advance(15 * 60_000);
    expect((await loginRaw('jx-lock', PASSWORD, totpCode(TEST_TOTP_SECRET, clock()), '10.3.1.2')).statusCode).toBe(200);
  });

  it('has a user without a second factor enrol before anything else, then sign in with codes or a recovery code', async () => {
    await newProvincialUser('jx-enrol');
    const first = await loginRaw('jx-enrol', PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json().pending).toBe('totp_enrolment');
    const c = asClient(first);
    const blocked = await c.request('GET', '/api/v1/applications');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await c.request('GET', '/api/v1/auth/me')).json().pending).toBe('totp_enrolment');
    expect((await c.request('POST', '/api/v1/auth/totp/confirm', { code: '123456' })).json().error.code).toBe('TOTP_NOT_STARTED');
    const started = await c.request('POST', '/api/v1/auth/totp/start');
    expect(started.statusCode).toBe(200);
    const { secret, uri } = started.json() as { secret: string; uri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain(`otpauth://totp/`);
    expect(uri).toContain(`secret=${secret}`);
    expect((await c.request('POST', '/api/v1/auth/totp/confirm', { code: totpCode(secret, new Date(clock().getTime() + 5 * 60_000)) })).json().error.code).toBe('ENROLMENT_CODE_INVALID');
    const confirmed = await c.request('POST', '/api/v1/auth/totp/confirm', { code: totpCode(secret, clock()) });
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect((await c.request('GET', '/api/v1/auth/me')).json()).toMatchObject({ pending: null, identity: { totpEnabled: true, recoveryCodesLeft: 10 } });
    expect((await c.request('GET', '/api/v1/applications')).statusCode).toBe(200);
    expect((await c.request('POST', '/api/v1/auth/totp/start')).json().error.code).toBe('TOTP_ALREADY_ENABLED');
    // The recovery codes are stored hashed, and each signs in once.
    const stored = (await t.database.db.select({ r: users.recoveryCodes }).from(users).where(eq(users.username, 'jx-enrol')))[0]!.r;
    expect(stored).toHaveLength(10);
    expect(stored).not.toContain(codes[0]);
    expect((await loginRaw('jx-enrol', PASSWORD)).json().error.code).toBe('TOTP_CODE_REQUIRED');
    expect((await loginRaw('jx-enrol', PASSWORD, codes[0])).statusCode).toBe(200);
    expect((await loginRaw('jx-enrol', PASSWORD, codes[0])).json().error.code).toBe('TOTP_CODE_INVALID');
  });

  it('lets the security administrator reset a second factor (audited); the user enrols again', async () => {
    const id = await newProvincialUser('jx-reset', { totpSecret: TEST_TOTP_SECRET });
    const city = await login(t.app, 'hangzhou', PASSWORD);
    expect((await city.request('DELETE', `/api/v1/admin/users/${id}/totp`)).statusCode).toBe(403);
    expect((await admin.request('DELETE', `/api/v1/admin/users/${id}/totp`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/users/${id}/totp` })).statusCode).toBe(401);
    expect((await anquan.request('DELETE', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/totp')).statusCode).toBe(404);
    const listed = (await anquan.request('GET', '/api/v1/admin/users')).json().items.find((u: { id: string }) => u.id === id);
    expect(listed).toMatchObject({ totpEnabled: true });
    expect(listed.abilities).toContain('resetSecondFactor');
    expect((await anquan.request('DELETE', `/api/v1/admin/users/${id}/totp`)).statusCode).toBe(200);
    expect((await anquan.request('DELETE', `/api/v1/admin/users/${id}/totp`)).json().error.code).toBe('TOTP_NOT_ENABLED');
    const again = await loginRaw('jx-reset', PASSWORD);
    expect(again.json().pending).toBe('totp_enrolment');
    const audited = await t.database.db.select({ action: auditLog.action, outcome: auditLog.outcome }).from(auditLog).where(eq(auditLog.objectId, id));
    expect(audited.length).toBeGreaterThanOrEqual(1);
  });

  it('applies the password rules to one’s own change, keeps five in the history, and refuses each breach with its code', async () => {
    const c = await login(t.app, 'wuhan', PASSWORD);
    const change = (currentPassword: string, newPassword: string) => c.request('POST', '/api/v1/auth/password', { currentPassword, newPassword });
    expect((await change('not-it', 'Zq7#wkmt-1')).json().error.code).toBe('CURRENT_PASSWORD_WRONG');
    expect((await change(PASSWORD, 'Zq7#wk')).json().error.code).toBe('PASSWORD_TOO_SHORT');
    expect((await change(PASSWORD, 'zq7wkmtrvb')).json().error.code).toBe('PASSWORD_TOO_FEW_CLASSES');
    expect((await change(PASSWORD, 'Wuhan#2026x')).json().error.code).toBe('PASSWORD_CONTAINS_USERNAME');
    const breached = await change(PASSWORD, 'Password2024!');
    expect(breached.statusCode).toBe(422);
    expect(breached.json().error).toMatchObject({ code: 'PASSWORD_BREACHED', message: { 'zh-CN': expect.stringContaining('弱密码') } });
    expect((await change(PASSWORD, PASSWORD)).json().error.code).toBe('PASSWORD_REUSED');
    const other = await login(t.app, 'wuhan', PASSWORD);
    let current = PASSWORD;
    const passwords = ['Wh-pilot-01', 'Wh-pilot-02', 'Wh-pilot-03', 'Wh-pilot-04', 'Wh-pilot-05'];
    for (const next of passwords) {
      expect((await change(current, next)).statusCode).toBe(200);
      current = next;
    }
    // The changing session stays; the user's other sessions end.
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    // The last five (the current one included) are refused; the sixth back is allowed again.
    expect((await change(current, 'Wh-pilot-02')).json().error.code).toBe('PASSWORD_REUSED');
    expect((await change(current, PASSWORD)).statusCode).toBe(200);
  });

  it('makes an expired password (90 days) and an administrator’s temporary one be changed at sign-in before anything else', async () => {
    await t.database.db.update(users).set({ passwordChangedAt: new Date(clock().getTime() - 91 * 86_400_000) }).where(eq(users.username, 'ningbo'));
    const expired = await loginRaw('ningbo', PASSWORD);
    expect(expired.json()).toMatchObject({ pending: 'password_change' });
    const c = asClient(expired);
    expect((await c.request('GET', '/api/v1/applications')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.request('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Nb-pilot-2026' })).statusCode).toBe(200);
    expect((await c.request('GET', '/api/v1/applications')).statusCode).toBe(200);

    const hz = await userId('huzhou');
    await t.database.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, hz));
    expect((await admin.request('PATCH', `/api/v1/admin/users/${hz}`, { password: 'Qwerty123!' })).json().error.code).toBe('PASSWORD_BREACHED');
    expect((await admin.request('PATCH', `/api/v1/admin/users/${hz}`, { password: 'Hz-temp-2026' })).statusCode).toBe(200);
    const temp = await loginRaw('huzhou', 'Hz-temp-2026');
    expect(temp.json().pending).toBe('password_change');
    const listed = (await admin.request('GET', '/api/v1/admin/users')).json().items.find((u: { id: string }) => u.id === hz);
    expect(listed.mustChangePassword).toBe(true);
    // A user created by the administrator starts with a temporary password too.
    const orgs = (await admin.request('GET', '/api/v1/admin/organisations')).json().items as { id: string; kind: string }[];
    const cityOrg = orgs.find((o) => o.kind === 'city')!;
    expect((await admin.request('POST', '/api/v1/admin/users', { username: 'newcomer', password: 'Nc-first-2026', displayName: '新用户', organisationId: cityOrg.id })).statusCode).toBe(201);
    expect((await loginRaw('newcomer', 'Nc-first-2026')).json().pending).toBe('password_change');
  });

  it('ends a session idle for fifteen minutes with SESSION_EXPIRED, writing activity at most once a minute', async () => {
    const c = await login(t.app, 'xuancheng', PASSWORD);
    const lastSeen = async () => {
      const rows = await c.request('GET', '/api/v1/auth/sessions');
      return (rows.json().items as { current: boolean; lastSeenAt: string }[]).find((s) => s.current)!.lastSeenAt;
    };
    const opened = await lastSeen();
    advance(30_000);
    expect(await lastSeen()).toBe(opened);
    advance(14 * 60_000);
    expect((await c.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).not.toBe(opened);
    advance(14 * 60_000);
    expect((await c.request('GET', '/api/v1/applications')).statusCode).toBe(200);
    advance(15 * 60_000);
    const expired = await c.request('GET', '/api/v1/applications');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ code: 'SESSION_EXPIRED', message: { 'zh-CN': '会话已超时，请重新登录。' } });
    // The session is gone: the next request is simply not signed in.
    expect((await c.request('GET', '/api/v1/auth/me')).json().error.code).toBe('AUTH_REQUIRED');
  });

  it('shows a user their own sessions and lets them end any; administrators end anyone’s', async () => {
    const one = await login(t.app, 'lingdao', PASSWORD);
    const two = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lingdao', password: PASSWORD }, remoteAddress: '10.8.8.8', headers: { 'user-agent': 'Firefox/140 test' } });
    const second = asClient(two);
    const mine = (await one.request('GET', '/api/v1/auth/sessions')).json().items as { id: string; current: boolean; address: string; userAgent: string | null; createdAt: string }[];
    expect(mine).toHaveLength(2);
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    const secondRow = mine.find((s) => !s.current)!;
    expect(secondRow).toMatchObject({ address: '10.8.8.8', userAgent: 'Firefox/140 test' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions' })).statusCode).toBe(401);
    // Someone else's session id is not found for me.
    const other = await login(t.app, 'expert', PASSWORD);
    expect((await other.request('DELETE', `/api/v1/auth/sessions/${secondRow.id}`)).statusCode).toBe(404);
    expect((await one.request('DELETE', `/api/v1/auth/sessions/${'0'.repeat(64)}`)).statusCode).toBe(404);
    expect((await one.request('DELETE', `/api/v1/auth/sessions/${secondRow.id}`)).statusCode).toBe(200);
    expect((await second.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);

    // The security administrator sees and ends one session of someone else; others may not.
    const lid = await userId('lingdao');
    const third = await login(t.app, 'lingdao', PASSWORD);
    const seen = (await anquan.request('GET', `/api/v1/admin/users/${lid}/sessions`)).json().items as { id: string }[];
    expect(seen).toHaveLength(2);
    expect((await admin.request('GET', `/api/v1/admin/users/${lid}/sessions`)).statusCode).toBe(403);
    expect((await other.request('GET', `/api/v1/admin/users/${lid}/sessions`)).statusCode).toBe(403);
    expect((await anquan.request('GET', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/sessions')).statusCode).toBe(404);
    const thirdId = (await third.request('GET', '/api/v1/auth/sessions')).json().items.find((s: { current: boolean }) => s.current).id as string;
    expect((await admin.request('DELETE', `/api/v1/admin/users/${lid}/sessions/${thirdId}`)).statusCode).toBe(403);
    expect((await anquan.request('DELETE', `/api/v1/admin/users/${lid}/sessions/${'f'.repeat(64)}`)).statusCode).toBe(404);
    const anquanId = await userId('anquan');
    const anquanSession = (await anquan.request('GET', '/api/v1/auth/sessions')).json().items[0].id as string;
    expect((await anquan.request('DELETE', `/api/v1/admin/users/${anquanId}/sessions/${anquanSession}`)).json().error.code).toBe('CANNOT_REVOKE_OWN_SESSIONS');
    expect((await anquan.request('DELETE', `/api/v1/admin/users/${lid}/sessions/${thirdId}`)).statusCode).toBe(200);
    expect((await third.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await one.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Ending one's current session is signing out.
    const own = (await one.request('GET', '/api/v1/auth/sessions')).json().items.find((s: { current: boolean }) => s.current).id as string;
    expect((await one.request('DELETE', `/api/v1/auth/sessions/${own}`)).statusCode).toBe(200);
    expect((await one.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends every session of an account the moment it is disabled', async () => {
    const a = await login(t.app, 'hubei', PASSWORD);
    const b = await login(t.app, 'hubei', PASSWORD);
    expect((await a.request('GET', '/api/v1/applications')).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/v1/admin/users/${await userId('hubei')}`, { active: false })).statusCode).toBe(200);
    for (const c of [a, b]) expect((await c.request('GET', '/api/v1/applications')).statusCode).toBe(401);
    expect((await anquan.request('GET', `/api/v1/admin/users/${await userId('hubei')}/sessions`)).json().items).toEqual([]);
  });

  it('shows the demo code only in demo mode', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo-code' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: totpCode(DEMO_TOTP_SECRET, clock()), secret: DEMO_TOTP_SECRET });
    const off = await makeTestApp('pglite', { DEMO_DATA: 'false' });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/v1/auth/demo-code' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
