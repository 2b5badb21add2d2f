/**
 * Behind a reverse proxy every request comes from the proxy's address: the client address is read
 * from X-Forwarded-For only when that proxy is trusted (TRUST_PROXY), so one client's failures do
 * not throttle everyone behind the proxy, and a client cannot forge its address otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT } from '../../src/features/auth/auth.routes.js';
import { parseTrustProxy } from '../../src/server/config.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

describe('TRUST_PROXY', () => {
  it('reads none, every hop, a hop count or a list of addresses', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 10.0.0.5, 10.1.0.0/16 ')).toBe('10.0.0.5,10.1.0.0/16');
  });
});

describe.each([
  ['trusted', { TRUST_PROXY: '10.0.0.5' }],
  ['not trusted', {}],
] as const)('sign-in behind a proxy that is %s', (name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp('pglite', { ...env });
    await seedAccounts(t.database.db);
  });
  afterAll(async () => t?.close());

  const post = (username: string, password: string, client: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': client },
    });

  it(name === 'trusted' ? 'throttles the client, not the proxy' : 'ignores the forwarded address', async () => {
    for (let i = 0; i < LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT; i++) await post('ghost', 'x', '203.0.113.7');
    expect((await post('ghost', 'x', '203.0.113.7')).statusCode).toBe(429);
    // Another client through the same proxy: its own address when trusted, the proxy's otherwise.
    expect((await post('ghost', 'x', '203.0.113.8')).statusCode).toBe(name === 'trusted' ? 401 : 429);
    expect((await post('hangzhou', PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });
});
