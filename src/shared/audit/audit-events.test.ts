import { describe, expect, it } from 'vitest';
import { classifyRequest, objectTypeOf, outcomeOf, parseRetentionMonths, retentionCutoff, summariseBody, maskPersonal, redactNoted, type AuditedRequest } from './audit-events.js';

const req = (method: string, route: string, status: number, more: Partial<AuditedRequest> = {}): AuditedRequest => ({ method, route, status, attachment: false, storedFile: false, ...more });

describe('which requests the audit log records', () => {
  it.each([
    ['a successful sign-in', req('POST', '/api/v1/auth/login', 200), { action: 'sign_in', outcome: 'success' }],
    ['a failed sign-in', req('POST', '/api/v1/auth/login', 401), { action: 'sign_in', outcome: 'failure' }],
    ['a locked account', req('POST', '/api/v1/auth/login', 423), { action: 'sign_in', outcome: 'failure' }],
    ['a sign-out', req('POST', '/api/v1/auth/logout', 204), { action: 'sign_out', outcome: 'success' }],
    ['a transition', req('POST', '/api/v1/applications/:id/submit', 200), { action: 'write', outcome: 'success' }],
    ['an edit refused for a stale version', req('PUT', '/api/v1/applications/:id', 409), { action: 'write', outcome: 'failure' }],
    ['a read refused', req('GET', '/api/v1/applications/:id', 403), { action: 'read', outcome: 'failure' }],
    ['an unknown endpoint', req('GET', '/api/v1/nothing/here', 404), { action: 'read', outcome: 'failure' }],
    ['a server error', req('GET', '/api/v1/pilots', 500), { action: 'read', outcome: 'error' }],
    ['an export', req('GET', '/api/v1/applications/:id/export.docx', 200, { attachment: true }), { action: 'export', outcome: 'success' }],
    ['a stored file', req('GET', '/api/v1/attachments/:id', 200, { attachment: true, storedFile: true }), { action: 'download', outcome: 'success' }],
    ['the audit log read', req('GET', '/api/v1/audit', 200), { action: 'audit', outcome: 'success' }],
    ['the audit log exported', req('GET', '/api/v1/audit/export.xlsx', 200, { attachment: true }), { action: 'export', outcome: 'success' }],
    ['the audit log refused', req('GET', '/api/v1/audit', 403), { action: 'audit', outcome: 'failure' }],
    ['the portal publishing refused to an anonymous caller', req('GET', '/api/v1/portal/publishing', 401), { action: 'read', outcome: 'failure' }],
  ])('%s', (_what, r, expected) => {
    expect(classifyRequest(r)).toEqual(expected);
  });
  it.each([
    ['a successful read', req('GET', '/api/v1/applications/:id', 200)],
    ['the web app asking who is signed in', req('GET', '/api/v1/auth/me', 401)],
    ['the health check', req('GET', '/api/health', 200)],
    ['a page of the web app', req('GET', '/pilots', 200)],
    // The public portal: open to everyone, so a 404 there refuses no authority (and would let anyone grow the log).
    ['an unknown public portal page', req('GET', '/portal/no/such/page', 404)],
    ['a public portal page of an unpublished pilot', req('GET', '/portal/pilots/:id', 404)],
    ['a public portal feed', req('GET', '/portal/feed.xml', 200)],
    ['a POST to the public portal', req('POST', '/portal/cases', 404)],
  ])('not %s', (_what, r) => {
    expect(classifyRequest(r)).toBeNull();
  });
  it('names the object type after the first segment', () => {
    expect(objectTypeOf('/api/v1/applications/:id/submit')).toBe('applications');
    expect(objectTypeOf('/api/v1/admin/users/:id')).toBe('admin/users');
    expect(objectTypeOf('/api/v1')).toBeNull();
    expect(objectTypeOf('/elsewhere')).toBeNull();
  });
  it('maps statuses to outcomes', () => {
    expect([200, 204, 302, 400, 499, 500].map(outcomeOf)).toEqual(['success', 'success', 'success', 'failure', 'failure', 'error']);
  });
});

describe('what the log keeps of a request body', () => {
  it('redacts secrets and keeps small values', () => {
    expect(summariseBody({ username: 'wuhan', password: 'Secret-2025', active: false, version: 3, cityCodes: ['420100'] })).toEqual({
      username: 'wuhan',
      password: '[redacted]',
      active: false,
      version: 3,
      cityCodes: ['420100'],
    });
    expect(summariseBody({ newPassword: 'x', csrfToken: 'y', totp: '123456' })).toEqual({ newPassword: '[redacted]', csrfToken: '[redacted]', totp: '[redacted]' });
  });
  it('masks personal data: phone numbers, e-mail addresses and ID numbers, nested ones included', () => {
    expect(summariseBody({ name: '李明', phone: '13812345678', email: 'li.ming@example.cn', contact: { mobile: '0574-87654321', idNumber: '330203199001011234' } })).toEqual({
      name: '李明',
      phone: '138****5678',
      email: 'l***@example.cn',
      contact: { mobile: '057****4321', idNumber: '330****1234' },
    });
    expect(maskPersonal('12')).toBe('[2]');
  });
  it('summarises what is large or nested', () => {
    const s = summariseBody({ reasons: 'x'.repeat(500), plan: { cover: { a: 1 }, targets: [1, 2] }, rows: Array.from({ length: 30 }, () => ({ a: 1 })) }) as Record<string, unknown>;
    expect(String(s.reasons)).toMatch(/…\(500\)$/);
    expect(s.plan).toEqual({ cover: '{1}', targets: [1, 2] });
    expect(s.rows).toBe('[30]');
    expect(summariseBody(undefined)).toBeNull();
  });
  it('keeps what a handler noted (old and new values) whole, but with secrets replaced and personal data masked at any depth', () => {
    const after = { username: 'suzhou', email: 'su.zhou@example.cn', active: true, cover: { contacts: [{ name: '王明', phone: '13812345678', roles: ['联系人'] }] }, totpSecret: 'JBSWY3DP' };
    expect(redactNoted(after)).toEqual({
      username: 'suzhou',
      email: 's***@example.cn',
      active: true,
      cover: { contacts: [{ name: '王明', phone: '138****5678', roles: ['联系人'] }] },
      totpSecret: '[redacted]',
    });
    expect(redactNoted({ emails: ['a.b@example.cn', 'c@example.cn'] })).toEqual({ emails: ['a***@example.cn', 'c***@example.cn'] });
    let deep: unknown = { x: 1 };
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(JSON.stringify(redactNoted(deep))).toContain('{1}');
    expect(redactNoted(null)).toBeNull();
  });
});

describe('retention', () => {
  it('is six months unless configured longer, never shorter', () => {
    expect(parseRetentionMonths(undefined)).toBe(6);
    expect(parseRetentionMonths('12')).toBe(12);
    expect(parseRetentionMonths('5')).toBeNull();
    expect(parseRetentionMonths('six')).toBeNull();
    expect(parseRetentionMonths('6.5')).toBeNull();
  });
  it('cuts off at the same day six calendar months before, or the month’s last day', () => {
    expect(retentionCutoff(new Date('2026-08-15T10:00:00Z'), 6).toISOString()).toBe('2026-02-15T10:00:00.000Z');
    expect(retentionCutoff(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 12).toISOString()).toBe('2025-03-31T00:00:00.000Z');
  });
});
