import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import {
  canConfigureProgrammes,
  canRecordResource,
  canSeeProvinceTotal,
  canSeeResources,
  resourceAbilities,
  resourceListAbilities,
} from './resource-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const hangzhou = { cityCodes: ['330100'] };
const ningbo = { cityCodes: ['330200'] }; // 计划单列市: its own authority
const joint = { cityCodes: ['330500', '341800'] }; // 湖州 + 宣城 across two provinces

// [who, actor, pilot, sees, records, configures]
const TABLE: [string, Actor, { cityCodes: string[] }, boolean, boolean, boolean][] = [
  ['city: own pilot', actor('city_applicant', '330100'), hangzhou, true, false, false],
  ['city: another city', actor('city_applicant', '420100'), hangzhou, false, false, false],
  ['city: member of a joint pilot', actor('city_applicant', '341800'), joint, true, false, false],
  ['province: a city it reviews', actor('provincial_authority', '330000', '330000'), hangzhou, true, false, false],
  ['province: another province', actor('provincial_authority', '420000', '420000'), hangzhou, false, false, false],
  ['province: a 计划单列市 in it', actor('provincial_authority', '330000', '330000'), ningbo, false, false, false],
  ['计划单列市 authority: its own city', actor('provincial_authority', '330200', '330200'), ningbo, true, false, false],
  ['province: one side of a joint pilot', actor('provincial_authority', '340000', '340000'), joint, true, false, false],
  ['ministry planning: any, records, configures', actor('ministry_planning', '110000'), hangzhou, true, true, true],
  ['ministry department: any, records', actor('ministry_department', '110000'), joint, true, true, false],
  ['leading group: none', actor('leading_group_observer', '110000'), hangzhou, false, false, false],
  ['expert: none', actor('expert', '110000'), hangzhou, false, false, false],
  ['administrator: none', actor('platform_admin', '110000'), hangzhou, false, false, false],
  ['security administrator: none', actor('security_admin', '110000'), hangzhou, false, false, false],
  ['audit administrator: none', actor('audit_admin', '110000'), hangzhou, false, false, false],
];

describe('policy resource scope', () => {
  it.each(TABLE)('%s', (_who, a, pilot, sees, records, configures) => {
    expect(canSeeResources(a, pilot)).toBe(sees);
    expect(canRecordResource(a, pilot)).toBe(records);
    expect(canConfigureProgrammes(a)).toBe(configures);
    expect(resourceAbilities(a, pilot)).toEqual(records ? ['delete'] : []);
    expect(resourceListAbilities(a, pilot)).toEqual(records ? ['record', 'export'] : sees ? ['export'] : []);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('shows a province only its own row of the totals by province', () => {
    expect(canSeeProvinceTotal(actor('provincial_authority', '340000', '340000'), '340000')).toBe(true);
    expect(canSeeProvinceTotal(actor('provincial_authority', '340000', '340000'), '330000')).toBe(false);
    expect(canSeeProvinceTotal(actor('ministry_department', '110000'), '330000')).toBe(true);
    expect(canSeeProvinceTotal(actor('expert', '110000'), '330000')).toBe(false);
  });
});
