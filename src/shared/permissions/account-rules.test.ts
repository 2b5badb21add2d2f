import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.js';
import { ORGANISATION_KINDS, passwordProblems, ROLE_FOR_KIND } from './account-rules.js';

describe('account rules', () => {
  it('maps every organisation kind to a distinct role, covering every role', () => {
    const roles = ORGANISATION_KINDS.map((k) => ROLE_FOR_KIND[k]);
    expect(new Set(roles).size).toBe(roles.length);
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });
  it.each([
    ['Abcdefgh12', 'zhang', []],
    ['short1', 'zhang', ['TOO_SHORT']],
    ['abcdefghijk', 'zhang', ['NEEDS_LETTER_AND_DIGIT']],
    ['1234567890', 'zhang', ['NEEDS_LETTER_AND_DIGIT']],
    ['Zhang-2016-x', 'zhang', ['CONTAINS_USERNAME']],
    ['ab1', 'ab', ['TOO_SHORT']],
  ])('password %s for %s → %j', (pw, user, problems) => {
    expect(passwordProblems(pw, user)).toEqual(problems);
  });
});
