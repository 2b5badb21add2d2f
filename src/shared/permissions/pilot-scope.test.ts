import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canSeePilot, pilotAbilities } from './pilot-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const hangzhou = { cityCodes: ['330100'] };
const ningbo = { cityCodes: ['330200'] }; // 计划单列市: reviewed by its own authority, not 浙江
const joint = { cityCodes: ['330500', '341800'] }; // 湖州 + 宣城 across two provinces

// [who, actor, pilot, sees]
const TABLE: [string, Actor, { cityCodes: string[] }, boolean][] = [
  ['city: own pilot', actor('city_applicant', '330100'), hangzhou, true],
  ['city: another city', actor('city_applicant', '420100'), hangzhou, false],
  ['city: member of a joint pilot', actor('city_applicant', '341800'), joint, true],
  ['province: a city it reviews', actor('provincial_authority', '330000', '330000'), hangzhou, true],
  ['province: another province', actor('provincial_authority', '420000', '420000'), hangzhou, false],
  ['province: a 计划单列市 in it, reviewed by that city', actor('provincial_authority', '330000', '330000'), ningbo, false],
  ['计划单列市 authority: its own city', actor('provincial_authority', '330200', '330200'), ningbo, true],
  ['province: one side of a joint pilot', actor('provincial_authority', '340000', '340000'), joint, true],
  ['province without an authority', actor('provincial_authority', '330000', null), hangzhou, false],
  ['ministry planning: any', actor('ministry_planning', '110000'), hangzhou, true],
  ['ministry department: any', actor('ministry_department', '110000'), joint, true],
  ['leading group: any', actor('leading_group_observer', '110000'), ningbo, true],
  ['expert: none', actor('expert', '110000'), hangzhou, false],
  ['administrator: none', actor('platform_admin', '110000'), hangzhou, false],
];

describe('pilot scope', () => {
  it.each(TABLE)('%s', (_who, a, pilot, sees) => {
    expect(canSeePilot(a, pilot)).toBe(sees);
    expect(pilotAbilities(a, pilot)).toEqual(sees ? ['downloadApproval'] : []);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('denies by default: an unknown role sees nothing', () => {
    expect(canSeePilot(actor('nobody' as Role, '330100'), hangzhou)).toBe(false);
  });
});
