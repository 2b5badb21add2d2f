import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import {
  canDeactivateUser,
  ORGANISATION_KINDS,
  organisationAbilities,
  passwordProblems,
  ROLE_FOR_KIND,
  userAbilities,
  type UserAction,
} from './account-rules.js';

function actor(role: Role, id = 'me'): Actor {
  return { id, role, organisationId: 'o', divisionCode: '100000', authorityId: null };
}

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

  // [account, active, locked, abilities of the administrator]
  const ACCOUNT_TABLE: [string, string, boolean, boolean, UserAction[]][] = [
    ['another, active', 'other', true, false, ['disable', 'resetPassword']],
    ['another, active and locked', 'other', true, true, ['disable', 'unlock', 'resetPassword']],
    ['another, deactivated', 'other', false, false, ['enable', 'resetPassword']],
    ['another, deactivated and locked', 'other', false, true, ['enable', 'unlock', 'resetPassword']],
    ['own, active', 'me', true, false, ['resetPassword']],
    ['own, locked', 'me', true, true, ['unlock', 'resetPassword']],
  ];
  it.each(ACCOUNT_TABLE)('the administrator on %s account', (_what, id, active, locked, abilities) => {
    expect(userAbilities(actor('platform_admin'), { id, active, locked })).toEqual(abilities);
    expect(canDeactivateUser(actor('platform_admin'), { id })).toBe(id !== 'me');
  });
  it.each(ROLES.filter((r) => r !== 'platform_admin'))('%s may do nothing with accounts or organisations', (role) => {
    for (const [, id, active, locked] of ACCOUNT_TABLE) expect(userAbilities(actor(role), { id, active, locked })).toEqual([]);
    for (const kind of ORGANISATION_KINDS) expect(organisationAbilities(actor(role), { kind })).toEqual([]);
  });
  it('lets the administrator add users to every kind of organisation', () => {
    for (const kind of ORGANISATION_KINDS) expect(organisationAbilities(actor('platform_admin'), { kind })).toEqual(['addUser']);
  });
});
