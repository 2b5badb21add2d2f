import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canSeeEvaluation, evaluationAbilities, type EvaluationFacts } from './evaluation-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const facts = (over: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  cityCodes: ['330100'],
  status: 'scoring',
  seated: false,
  submitted: false,
  hasPanel: true,
  ...over,
});

const city = actor('city_applicant', '330100');
const province = actor('provincial_authority', '330000', '330000');
const ministry = actor('ministry_planning', '110000');
const department = actor('ministry_department', '110000');
const expert = actor('expert', '110000');

// [who, actor, facts, sees]
const SCOPE: [string, Actor, EvaluationFacts, boolean][] = [
  ['city: own pilot while scoring', city, facts(), false],
  ['city: own pilot decided', city, facts({ status: 'decided' }), true],
  ['city: another city decided', actor('city_applicant', '420100'), facts({ status: 'decided' }), false],
  ['province: its city decided', province, facts({ status: 'decided' }), true],
  ['province: its city while scoring', province, facts(), false],
  ['province: another province', actor('provincial_authority', '420000', '420000'), facts({ status: 'decided' }), false],
  ['expert: seated', expert, facts({ seated: true }), true],
  ['expert: not seated', expert, facts(), false],
  ['ministry planning: any', ministry, facts(), true],
  ['ministry department: any', department, facts(), true],
  ['leading group: any', actor('leading_group_observer', '110000'), facts(), true],
  ['administrator: none', actor('platform_admin', '110000'), facts({ status: 'decided' }), false],
  ['security administrator: none', actor('security_admin', '110000'), facts({ status: 'decided' }), false],
  ['audit administrator: none', actor('audit_admin', '110000'), facts({ status: 'decided' }), false],
];

describe('evaluation scope', () => {
  it.each(SCOPE)('%s', (_who, a, f, sees) => {
    expect(canSeeEvaluation(a, f)).toBe(sees);
    if (!sees) expect(evaluationAbilities(a, f)).toEqual([]);
  });
  it('covers every role', () => {
    expect(new Set(SCOPE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });
});

describe('evaluation abilities', () => {
  it.each([
    ['no panel yet', facts({ hasPanel: false }), ['assign', 'decide', 'seeScores'], ['giveOpinion'], []],
    ['scoring, expert seated', facts({ seated: true }), ['decide', 'seeScores'], ['giveOpinion'], ['score']],
    ['scoring, expert submitted', facts({ seated: true, submitted: true }), ['decide', 'seeScores'], ['giveOpinion'], ['seeScores']],
    ['decided', facts({ status: 'decided', seated: true, submitted: true }), ['seeScores'], [], ['seeScores']],
  ] as const)('%s', (_what, f, forMinistry, forDepartment, forExpert) => {
    expect(evaluationAbilities(ministry, f)).toEqual(forMinistry);
    expect(evaluationAbilities(department, f)).toEqual(forDepartment);
    expect(evaluationAbilities(expert, f)).toEqual(forExpert);
    expect(evaluationAbilities(city, { ...f, status: 'decided' })).toEqual([]);
  });
});
