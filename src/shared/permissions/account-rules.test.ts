import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR_ROLES, ROLES, type Actor, type Role } from '../roles/roles.js';
import {
  canDeactivateUser,
  canManageAccount,
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
  it('maps every organisation kind to a distinct role, covering every role but the security and audit administrators', () => {
    const roles = ORGANISATION_KINDS.map((k) => ROLE_FOR_KIND[k]);
    expect(new Set(roles).size).toBe(roles.length);
    // Those two are appointed on the command line only: no organisation's users get them through the app.
    expect([...roles].sort()).toEqual(ROLES.filter((r) => r !== 'security_admin' && r !== 'audit_admin').sort());
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

  // [account, id, active, locked, abilities of the system administrator, of the security administrator]
  const ACCOUNT_TABLE: [string, string, boolean, boolean, UserAction[], UserAction[]][] = [
    ['another, active', 'other', true, false, ['disable', 'resetPassword'], ['revokeSessions']],
    ['another, active and locked', 'other', true, true, ['disable', 'resetPassword'], ['unlock', 'revokeSessions']],
    ['another, deactivated', 'other', false, false, ['enable', 'resetPassword'], ['revokeSessions']],
    ['another, deactivated and locked', 'other', false, true, ['enable', 'resetPassword'], ['unlock', 'revokeSessions']],
    ['own, active', 'me', true, false, ['resetPassword'], []],
    ['own, locked', 'me', true, true, ['resetPassword'], ['unlock']],
  ];
  const facts = (id: string, active: boolean, locked: boolean, role: Role = 'city_applicant') => ({ id, role, active, locked, sessions: 1 });
  it.each(ACCOUNT_TABLE)('the system and the security administrator on %s account', (_what, id, active, locked, system, security) => {
    expect(userAbilities(actor('platform_admin'), facts(id, active, locked))).toEqual(system);
    expect(userAbilities(actor('security_admin'), facts(id, active, locked))).toEqual(security);
    expect(canDeactivateUser(actor('platform_admin'), { id })).toBe(id !== 'me');
  });
  it('offers to end sessions only where some are open', () => {
    expect(userAbilities(actor('security_admin'), { ...facts('other', true, false), sessions: 0 })).toEqual([]);
  });
  it.each(ADMINISTRATOR_ROLES)('the system administrator cannot deactivate, reactivate or reset another %s account', (role) => {
    expect(userAbilities(actor('platform_admin'), facts('other', true, false, role))).toEqual([]);
    expect(userAbilities(actor('platform_admin'), facts('other', false, false, role))).toEqual([]);
    expect(canManageAccount({ role })).toBe(false);
    // The security administrator still unlocks them and ends their sessions.
    expect(userAbilities(actor('security_admin'), facts('other', true, true, role))).toEqual(['unlock', 'revokeSessions']);
  });
  it.each(ROLES.filter((r) => r !== 'platform_admin' && r !== 'security_admin'))('%s may do nothing with accounts or organisations', (role) => {
    for (const [, id, active, locked] of ACCOUNT_TABLE) expect(userAbilities(actor(role), facts(id, active, locked))).toEqual([]);
    for (const kind of ORGANISATION_KINDS) expect(organisationAbilities(actor(role), { kind })).toEqual([]);
  });
  it('the security administrator adds no user to any organisation', () => {
    for (const kind of ORGANISATION_KINDS) expect(organisationAbilities(actor('security_admin'), { kind })).toEqual([]);
  });
  it('lets the administrator add users to every kind of organisation', () => {
    for (const kind of ORGANISATION_KINDS) expect(organisationAbilities(actor('platform_admin'), { kind })).toEqual(['addUser']);
  });
});
