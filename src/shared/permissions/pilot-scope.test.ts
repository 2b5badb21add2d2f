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
  ['security administrator: none', actor('security_admin', '110000'), hangzhou, false],
  ['audit administrator: none', actor('audit_admin', '110000'), hangzhou, false],
];

describe('pilot scope', () => {
  it.each(TABLE)('%s', (_who, a, pilot, sees) => {
    expect(canSeePilot(a, pilot)).toBe(sees);
    expect(pilotAbilities(a, pilot)).toEqual(sees ? ['downloadApproval'] : []);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  // [who, actor, state, abilities]
  const ABILITIES: [string, Actor, string, string[]][] = [
    ['city in implementation', actor('city_applicant', '330100'), 'implementation', ['downloadApproval', 'proposeAmendment']],
    ['city in summary', actor('city_applicant', '330100'), 'summary', ['downloadApproval', 'proposeAmendment', 'writeSummary', 'nominateExperience']],
    ['city of a demonstration city', actor('city_applicant', '330100'), 'completed', ['downloadApproval', 'nominateExperience']],
    ['city of a suspended pilot', actor('city_applicant', '330100'), 'suspended', ['downloadApproval']],
    ['province in rectification', actor('provincial_authority', '330000', '330000'), 'rectification', ['downloadApproval', 'giveAmendmentOpinion']],
    ['ministry planning in midterm', actor('ministry_planning', '110000'), 'midterm', ['downloadApproval', 'setReporting', 'decideAmendment']],
    ['ministry planning of a cancelled pilot', actor('ministry_planning', '110000'), 'cancelled', ['downloadApproval']],
    ['ministry department in summary', actor('ministry_department', '110000'), 'summary', ['downloadApproval']],
    ['leading group in implementation', actor('leading_group_observer', '110000'), 'implementation', ['downloadApproval']],
    ['another city', actor('city_applicant', '420100'), 'summary', []],
  ];
  it.each(ABILITIES)('abilities: %s', (_who, a, state, abilities) => {
    expect(pilotAbilities(a, { ...hangzhou, state })).toEqual(abilities);
  });

  it('denies by default: an unknown role sees nothing', () => {
    expect(canSeePilot(actor('nobody' as Role, '330100'), hangzhou)).toBe(false);
  });
});
