import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import {
  canSeeRectification,
  pilotRectificationAbilities,
  rectificationAbilities,
  type RectificationCaseFacts,
  type RectificationCaseStatus,
} from './rectification-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const hangzhou = { cityCodes: ['330100'] };
const ningbo = { cityCodes: ['330200'] };
const joint = { cityCodes: ['330500', '341800'] };

const city = actor('city_applicant', '330100');
const province = actor('provincial_authority', '330000', '330000');
const ministry = actor('ministry_planning', '110000');

// [who, actor, pilot, sees]
const SCOPE: [string, Actor, { cityCodes: string[] }, boolean][] = [
  ['city: own pilot', city, hangzhou, true],
  ['city: another city', actor('city_applicant', '420100'), hangzhou, false],
  ['city: member of a joint pilot', actor('city_applicant', '341800'), joint, true],
  ['province: a city it reviews', province, hangzhou, true],
  ['province: another province', actor('provincial_authority', '420000', '420000'), hangzhou, false],
  ['province: a 计划单列市 in it, reviewed by that city', province, ningbo, false],
  ['计划单列市 authority: its own city', actor('provincial_authority', '330200', '330200'), ningbo, true],
  ['province: one side of a joint pilot', actor('provincial_authority', '340000', '340000'), joint, true],
  ['province without an authority', actor('provincial_authority', '330000', null), hangzhou, false],
  ['ministry planning: any', ministry, hangzhou, true],
  ['ministry department: any', actor('ministry_department', '110000'), joint, true],
  ['leading group: any', actor('leading_group_observer', '110000'), ningbo, true],
  ['expert: none', actor('expert', '110000'), hangzhou, false],
  ['administrator: none', actor('platform_admin', '110000'), hangzhou, false],
  ['security administrator: none', actor('security_admin', '110000'), hangzhou, false],
  ['audit administrator: none', actor('audit_admin', '110000'), hangzhou, false],
];

describe('rectification scope', () => {
  it.each(SCOPE)('%s', (_who, a, pilot, sees) => {
    expect(canSeeRectification(a, pilot)).toBe(sees);
    if (!sees) expect(rectificationAbilities(a, { ...pilot, status: 'open', pilotState: 'rectification', deadlinePassed: true })).toEqual([]);
  });

  it('covers every role', () => {
    expect(new Set(SCOPE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('denies by default: an unknown role sees nothing', () => {
    expect(canSeeRectification(actor('nobody' as Role, '330100'), hangzhou)).toBe(false);
  });
});

const facts = (status: RectificationCaseStatus, pilotState = 'rectification', deadlinePassed = false): RectificationCaseFacts => ({
  ...hangzhou,
  status,
  pilotState,
  deadlinePassed,
});

// [case, city, province, ministry]
const ABILITIES: [string, RectificationCaseFacts, string[], string[], string[]][] = [
  ['open, before the deadline', facts('open'), ['answer', 'uploadEvidence'], [], []],
  ['open, deadline passed', facts('open', 'rectification', true), ['answer', 'uploadEvidence'], [], ['suspend']],
  ['answered', facts('answered'), [], ['giveOpinion'], []],
  ['answered, deadline passed', facts('answered', 'rectification', true), [], ['giveOpinion'], ['suspend']],
  ['province reviewed', facts('province_reviewed'), [], [], ['reassess']],
  ['province reviewed, deadline passed', facts('province_reviewed', 'rectification', true), [], [], ['reassess', 'suspend']],
  ['re-assessment failed', facts('failed'), [], [], ['suspend']],
  ['failed, pilot suspended', facts('failed', 'suspended'), [], [], ['cancel']],
  ['failed, pilot cancelled', facts('failed', 'cancelled', true), [], [], []],
  ['passed, back in its phase', facts('passed', 'midterm', true), [], [], []],
];

describe('rectification abilities', () => {
  it.each(ABILITIES)('%s', (_what, c, forCity, forProvince, forMinistry) => {
    expect(rectificationAbilities(city, c)).toEqual(forCity);
    expect(rectificationAbilities(province, c)).toEqual(forProvince);
    expect(rectificationAbilities(ministry, c)).toEqual(forMinistry);
    expect(rectificationAbilities(actor('ministry_department', '110000'), c)).toEqual([]);
    expect(rectificationAbilities(actor('leading_group_observer', '110000'), c)).toEqual([]);
  });

  it('lets only the planning department open a case, and only in a phase', () => {
    for (const state of ['implementation', 'midterm', 'summary']) {
      expect(pilotRectificationAbilities(ministry, { ...hangzhou, state })).toEqual(['open']);
      expect(pilotRectificationAbilities(city, { ...hangzhou, state })).toEqual([]);
      expect(pilotRectificationAbilities(province, { ...hangzhou, state })).toEqual([]);
      expect(pilotRectificationAbilities(actor('ministry_department', '110000'), { ...hangzhou, state })).toEqual([]);
    }
    for (const state of ['rectification', 'suspended', 'cancelled', 'completed']) {
      expect(pilotRectificationAbilities(ministry, { ...hangzhou, state })).toEqual([]);
    }
  });
});
