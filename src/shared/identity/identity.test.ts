import { describe, expect, it } from 'vitest';
import { breachedCandidates, isBreachedPassword, BREACHED_PASSWORD_COUNT } from './breached.js';
import { characterClasses, DEFAULT_PASSWORD_POLICY, nextPasswordHistory, passwordExpired, passwordProblems, reusesPassword } from './password-policy.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, useRecoveryCode } from './recovery-codes.js';
import { afterFailure, DEFAULT_SESSION_POLICY, idleExpired, isLocked, parseTotpRoles, pendingStep, shouldTouch, totpRequired } from './sessions.js';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUri, totpCode, totpSecondsLeft, verifyTotp } from './totp.js';
import { DEMO_TOTP_SECRET } from './demo.js';
import { ROLES } from '../roles/roles.js';

describe('password classes and length', () => {
  it.each([
    ['abcdefgh', ['lower']],
    ['Abcdefg1', ['lower', 'upper', 'digit']],
    ['中文密码ab1!', ['symbol', 'lower', 'digit']],
    ['A1!', ['upper', 'digit', 'symbol']],
  ])('%s uses %j', (pw, classes) => {
    expect([...characterClasses(pw)].sort()).toEqual([...classes].sort());
  });

  it.each([
    ['Zq7#wk', ['TOO_SHORT']],
    ['zq7wkmtrvb', ['TOO_FEW_CLASSES']],
    ['ZQ7#WKMT', []],
    ['Zq7#wkmt', []],
    ['Zq7wkmtR', []],
    ['Hangzhou#77', ['CONTAINS_USERNAME']],
    ['Password2024!', ['BREACHED']],
    ['P@ssw0rd', ['BREACHED']],
    ['Qwerty123!', ['BREACHED']],
    ['1Qaz2wsx!', ['BREACHED']],
    ['Abcd', ['TOO_SHORT', 'TOO_FEW_CLASSES', 'BREACHED']],
  ])('%s → %j', (pw, problems) => {
    expect(passwordProblems(pw, 'hangzhou')).toEqual(problems);
  });

  it('takes its numbers from the policy', () => {
    const strict = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, minClasses: 4 };
    expect(passwordProblems('Zq7#wkmt', 'x', strict)).toEqual(['TOO_SHORT']);
    expect(passwordProblems('Zq7wkmtRvbnx', 'x', strict)).toEqual(['TOO_FEW_CLASSES']);
    expect(passwordProblems('Zq7#wkmtRvbn', 'x', strict)).toEqual([]);
  });
});

describe('the breached list', () => {
  it('ships with the platform and holds the usual suspects', () => {
    expect(BREACHED_PASSWORD_COUNT).toBeGreaterThan(500);
    for (const pw of ['password', 'qwerty', '123456', '12345678', 'iloveyou', 'woaini1314', '1qaz2wsx', 'asdfghjkl', '5201314', 'admin', 'zxcvbnm']) expect(isBreachedPassword(pw)).toBe(true);
  });
  it('ignores case, and digits, years and symbols around the word', () => {
    for (const pw of ['PASSWORD', 'Password1', 'password2025', '2025Password', 'Admin@123', 'Welcome2024!', 'QwErTy!!', '!@#$%^&*', '1990Woaini']) expect(isBreachedPassword(pw)).toBe(true);
    expect(breachedCandidates('Welcome2024!')).toContain('welcome');
  });
  it('lets a real passphrase through', () => {
    for (const pw of ['Zq7#wkmt', 'Test@2025-pass', 'Huzhou-Pilot-77', 'Wz-2016-pilot']) expect(isBreachedPassword(pw)).toBe(false);
  });
});

describe('password history and expiry', () => {
  const verify = async (hash: string, pw: string) => hash === `h(${pw})`;
  it('keeps the last five, newest first', () => {
    let history: string[] = [];
    for (let i = 1; i <= 7; i++) history = nextPasswordHistory(history, `h(p${i})`);
    expect(history).toEqual(['h(p7)', 'h(p6)', 'h(p5)', 'h(p4)', 'h(p3)']);
  });
  it('refuses any of them, accepts the sixth back', async () => {
    const history = ['h(p7)', 'h(p6)', 'h(p5)', 'h(p4)', 'h(p3)'];
    expect(await reusesPassword('p7', history, verify)).toBe(true);
    expect(await reusesPassword('p3', history, verify)).toBe(true);
    expect(await reusesPassword('p2', history, verify)).toBe(false);
  });
  it('expires after 90 days to the millisecond, never with 0', () => {
    const set = new Date('2026-01-01T00:00:00Z');
    expect(passwordExpired(set, new Date(set.getTime() + 90 * 86_400_000 - 1))).toBe(false);
    expect(passwordExpired(set, new Date(set.getTime() + 90 * 86_400_000))).toBe(true);
    expect(passwordExpired(set, new Date('2030-01-01'), { ...DEFAULT_PASSWORD_POLICY, maxAgeDays: 0 })).toBe(false);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  // The RFC's secret is the ASCII of "12345678901234567890"; its 8-digit vectors, and the 6-digit tails.
  const key = Buffer.from('12345678901234567890');
  const secret = base32Encode(key);
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T=%i → %s', (t, code) => {
    expect(totpCode(secret, new Date(t * 1000), 8)).toBe(code);
    expect(totpCode(secret, new Date(t * 1000))).toBe(code.slice(2));
  });
  it('HOTP matches RFC 4226 appendix D', () => {
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });
  it('base32 round-trips and refuses foreign characters', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(base32Decode('MZX1')).toBeNull();
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(DEMO_TOTP_SECRET)?.toString()).toBe('mic2025-demo-totp!!!');
  });
  it('accepts one step either way, refuses two, and never a step twice', () => {
    const at = new Date(1_111_111_111_000);
    const step = Math.floor(1_111_111_111 / 30);
    const codeAt = (s: number) => hotp(key, s);
    expect(verifyTotp(secret, codeAt(step), at, null)).toEqual({ ok: true, step });
    expect(verifyTotp(secret, codeAt(step - 1), at, null)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(secret, codeAt(step + 1), at, null)).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp(secret, codeAt(step + 2), at, null)).toEqual({ ok: false, reason: 'WRONG' });
    expect(verifyTotp(secret, codeAt(step - 2), at, null)).toEqual({ ok: false, reason: 'WRONG' });
    expect(verifyTotp(secret, codeAt(step), at, step)).toEqual({ ok: false, reason: 'REPLAYED' });
    expect(verifyTotp(secret, codeAt(step - 1), at, step)).toEqual({ ok: false, reason: 'REPLAYED' });
    expect(verifyTotp(secret, codeAt(step + 1), at, step)).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp(secret, '12345', at, null)).toEqual({ ok: false, reason: 'WRONG' });
  });
  it('counts down the step and writes the key URI', () => {
    expect(totpSecondsLeft(new Date(59_000))).toBe(1);
    expect(totpSecondsLeft(new Date(60_000))).toBe(30);
    expect(otpauthUri('ABC', 'zhejiang', '平台')).toBe('otpauth://totp/%E5%B9%B3%E5%8F%B0%3Azhejiang?secret=ABC&issuer=%E5%B9%B3%E5%8F%B0&algorithm=SHA1&digits=6&period=30');
  });
});

describe('recovery codes', () => {
  it('are random, stored hashed, and each works once', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(looksLikeRecoveryCode(c)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    const stored = codes.map(hashRecoveryCode);
    expect(stored.join()).not.toContain(codes[0]!.replace(/-/g, ''));
    const left = useRecoveryCode(stored, codes[3]!.toUpperCase());
    expect(left).toHaveLength(9);
    expect(useRecoveryCode(left!, codes[3]!)).toBeNull();
  });
});

describe('lockout and idle arithmetic', () => {
  const now = new Date('2026-06-01T08:00:00Z');
  it('locks on the fifth failure for fifteen minutes', () => {
    expect(afterFailure(3, now, DEFAULT_SESSION_POLICY)).toEqual({ failures: 4, lockedUntil: null });
    const fifth = afterFailure(4, now, DEFAULT_SESSION_POLICY);
    expect(fifth.lockedUntil?.toISOString()).toBe('2026-06-01T08:15:00.000Z');
    expect(isLocked(fifth.lockedUntil, new Date('2026-06-01T08:14:59.999Z'))).toBe(true);
    expect(isLocked(fifth.lockedUntil, new Date('2026-06-01T08:15:00Z'))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
  it('ends a session idle for fifteen minutes, and writes activity at most once a minute', () => {
    expect(idleExpired(now, new Date(now.getTime() + 15 * 60_000 - 1), DEFAULT_SESSION_POLICY)).toBe(false);
    expect(idleExpired(now, new Date(now.getTime() + 15 * 60_000), DEFAULT_SESSION_POLICY)).toBe(true);
    expect(shouldTouch(now, new Date(now.getTime() + 59_999))).toBe(false);
    expect(shouldTouch(now, new Date(now.getTime() + 60_000))).toBe(true);
  });
  it('asks provincial and ministry roles for a second factor; password change comes first', () => {
    expect(ROLES.filter((r) => totpRequired(r, DEFAULT_SESSION_POLICY))).toEqual(['provincial_authority', 'ministry_planning', 'ministry_department']);
    expect(pendingStep({ mustChangePassword: true, totpEnabled: false, role: 'provincial_authority' }, DEFAULT_SESSION_POLICY)).toBe('password_change');
    expect(pendingStep({ mustChangePassword: false, totpEnabled: false, role: 'provincial_authority' }, DEFAULT_SESSION_POLICY)).toBe('totp_enrolment');
    expect(pendingStep({ mustChangePassword: false, totpEnabled: true, role: 'provincial_authority' }, DEFAULT_SESSION_POLICY)).toBeNull();
    expect(pendingStep({ mustChangePassword: false, totpEnabled: false, role: 'city_applicant' }, DEFAULT_SESSION_POLICY)).toBeNull();
  });
  it('reads TOTP_REQUIRED_ROLES', () => {
    expect(parseTotpRoles(undefined, ROLES)).toEqual(DEFAULT_SESSION_POLICY.totpRoles);
    expect(parseTotpRoles('none', ROLES)).toEqual([]);
    expect(parseTotpRoles('city_applicant, expert', ROLES)).toEqual(['city_applicant', 'expert']);
    expect(() => parseTotpRoles('mayor', ROLES)).toThrow(/mayor/);
  });
});
