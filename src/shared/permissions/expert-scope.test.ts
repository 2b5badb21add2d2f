import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canManageExperts, canSeeExpert, expertAbilities, isOwnExpertRecord, type ExpertAction } from './expert-scope.js';

function actor(role: Role, id = 'u1'): Actor {
  return { id, role, organisationId: 'o', divisionCode: '110000', authorityId: null };
}

const own = { userId: 'u1' };
const other = { userId: 'u2' };
const unlinked = { userId: null };

// [who, actor, record, manages, own, sees, abilities]
const TABLE: [string, Actor, { userId: string | null }, boolean, boolean, boolean, ExpertAction[]][] = [
  ['ministry planning: any record', actor('ministry_planning'), other, true, false, true, ['edit', 'setAvailable', 'downloadScores']],
  ['ministry planning: a record without account', actor('ministry_planning'), unlinked, true, false, true, ['edit', 'setAvailable', 'downloadScores']],
  ['expert: own record', actor('expert'), own, false, true, true, []],
  ['expert: another expert', actor('expert'), other, false, false, false, []],
  ['expert: a record without account', actor('expert'), unlinked, false, false, false, []],
  ['ministry department', actor('ministry_department'), other, false, false, false, []],
  ['city', actor('city_applicant'), other, false, false, false, []],
  ['city whose user id matches: not an expert', actor('city_applicant', 'u1'), own, false, false, false, []],
  ['province', actor('provincial_authority'), other, false, false, false, []],
  ['leading group', actor('leading_group_observer'), other, false, false, false, []],
  ['administrator', actor('platform_admin'), other, false, false, false, []],
  ['security administrator', actor('security_admin'), other, false, false, false, []],
  ['audit administrator', actor('audit_admin'), other, false, false, false, []],
];

describe('expert scope', () => {
  it.each(TABLE)('%s', (_who, a, record, manages, isOwn, sees, abilities) => {
    expect(canManageExperts(a)).toBe(manages);
    expect(isOwnExpertRecord(a, record)).toBe(isOwn);
    expect(canSeeExpert(a, record)).toBe(sees);
    expect(expertAbilities(a, record)).toEqual(abilities);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('denies by default: an unknown role manages nothing', () => {
    expect(canManageExperts({ role: 'nobody' as Role })).toBe(false);
    expect(expertAbilities(actor('nobody' as Role), other)).toEqual([]);
  });
});
