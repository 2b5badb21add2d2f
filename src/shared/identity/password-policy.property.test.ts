/** Properties of the password policy: total, monotone in what it counts, and accepting the passwords it describes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterClasses, DEFAULT_PASSWORD_POLICY, nextPasswordHistory, passwordExpired, passwordProblems, PASSWORD_PROBLEMS } from './password-policy.js';

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 32 }), fc.string({ maxLength: 32 }));
const pick = (chars: string) => fc.constantFrom(...chars.split(''));
/** A password the policy describes: long enough, of every class, random enough never to be on the breached list. */
const strongPassword = fc
  .tuple(
    fc.array(pick('abcdefghijkmnpqrstuvwxyz'), { minLength: 3, maxLength: 6 }),
    fc.array(pick('ABCDEFGHJKLMNPQRSTUVWXYZ'), { minLength: 3, maxLength: 6 }),
    fc.array(pick('23456789'), { minLength: 3, maxLength: 6 }),
    fc.array(pick('!@#$%^&*-_=+'), { minLength: 1, maxLength: 3 }),
  )
  .chain((parts) => fc.shuffledSubarray(parts.flat(), { minLength: parts.flat().length }))
  .map((chars) => chars.join(''));

describe('password policy', () => {
  it('never throws on any password and any user name, and names only known problems', () => {
    fc.assert(
      fc.property(anyText, anyText, (password, username) => {
        for (const p of passwordProblems(password, username)) expect(PASSWORD_PROBLEMS).toContain(p);
      }),
      { numRuns: 3000 },
    );
  });

  it('says TOO_SHORT exactly when the password has fewer characters (code points) than the minimum', () => {
    fc.assert(
      fc.property(anyText, (password) => {
        expect(passwordProblems(password, '').includes('TOO_SHORT')).toBe([...password].length < DEFAULT_PASSWORD_POLICY.minLength);
      }),
    );
  });

  it('counts classes monotonically: adding characters never removes a class', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const before = characterClasses(a);
        const after = characterClasses(a + b);
        for (const c of before) expect(after.has(c)).toBe(true);
      }),
    );
  });

  it('accepts every password of the kind it asks for, unless it contains the user name', () => {
    fc.assert(
      fc.property(strongPassword, fc.stringMatching(/^[a-z]{3,10}$/), (password, username) => {
        const problems = passwordProblems(password, username);
        expect(problems.filter((p) => p !== 'CONTAINS_USERNAME')).toEqual([]);
        expect(problems.includes('CONTAINS_USERNAME')).toBe(password.toLowerCase().includes(username));
        expect(passwordProblems(`${password}${username}`, username)).toContain('CONTAINS_USERNAME');
      }),
    );
  });

  it('keeps a history of at most historySize hashes, the newest first', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), fc.string(), fc.integer({ min: 0, max: 10 }), (history, hash, historySize) => {
        const next = nextPasswordHistory(history, hash, { ...DEFAULT_PASSWORD_POLICY, historySize });
        expect(next[0]).toBe(hash);
        expect(next.length).toBeLessThanOrEqual(Math.max(1, historySize));
        expect(next.slice(1)).toEqual(history.slice(0, next.length - 1));
      }),
    );
  });

  it('expires a password exactly maxAgeDays after it was set, and never when the rule is off', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 400 * 86_400_000 }), fc.integer({ min: -1, max: 365 }), (changedAt, elapsed, maxAgeDays) => {
        const now = new Date(changedAt.getTime() + elapsed);
        const expired = passwordExpired(changedAt, now, { ...DEFAULT_PASSWORD_POLICY, maxAgeDays });
        expect(expired).toBe(maxAgeDays > 0 && elapsed >= maxAgeDays * 86_400_000);
      }),
    );
  });
});
