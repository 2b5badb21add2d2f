import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { can } from './policy.js';
import { attainmentAbilities, canSeeAttainment } from './attainment-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const hangzhou = ['330100'];
const ningbo = ['330200']; // 计划单列市: its own authority, not 浙江
const joint = ['330500', '341800']; // 湖州 + 宣城

// [who, actor, cities, sees]
const TABLE: [string, Actor, string[], boolean][] = [
  ['city: own pilot', actor('city_applicant', '330100'), hangzhou, true],
  ['city: member of a joint pilot', actor('city_applicant', '341800'), joint, true],
  ['city: another city’s pilot', actor('city_applicant', '420100'), hangzhou, false],
  ['province: own', actor('provincial_authority', '330000', '330000'), hangzhou, true],
  ['province: one side of a joint pilot', actor('provincial_authority', '340000', '340000'), joint, true],
  ['province: another province', actor('provincial_authority', '420000', '420000'), hangzhou, false],
  ['province: a 计划单列市 in it', actor('provincial_authority', '330000', '330000'), ningbo, false],
  ['计划单列市 authority: its own city', actor('provincial_authority', '330200', '330200'), ningbo, true],
  ['province without an authority', actor('provincial_authority', '330000', null), hangzhou, false],
  ['ministry planning', actor('ministry_planning', '110000'), hangzhou, true],
  ['ministry department', actor('ministry_department', '110000'), joint, true],
  ['leading group', actor('leading_group_observer', '110000'), ningbo, true],
  ['expert', actor('expert', '110000'), hangzhou, false],
  ['administrator', actor('platform_admin', '110000'), hangzhou, false],
  ['security administrator', actor('security_admin', '110000'), hangzhou, false],
  ['audit administrator', actor('audit_admin', '110000'), hangzhou, false],
];

describe('attainment scope', () => {
  it.each(TABLE)('%s', (_who, a, cityCodes, sees) => {
    expect(canSeeAttainment(a, { cityCodes })).toBe(sees);
    expect(attainmentAbilities(a, { cityCodes })).toEqual(sees ? ['export'] : []);
  });

  it('is denied to every role without both pilot.read and report.read', () => {
    for (const role of ROLES) {
      if (can(role, 'pilot.read') && can(role, 'report.read')) continue;
      expect(canSeeAttainment(actor(role, '330100', '330000'), { cityCodes: hangzhou }), role).toBe(false);
    }
  });
});
