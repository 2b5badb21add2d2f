import { describe, expect, it } from 'vitest';
import { type Actor, type Role } from '../roles/roles.js';
import { amendmentAbilities, type AmendmentFacts } from './amendment-scope.js';

function actor(role: Role, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode: '430100', authorityId };
}
const facts = (f: Partial<AmendmentFacts>): AmendmentFacts => ({ status: 'proposed', pilotVisible: true, pilotRunning: true, pendingAuthorities: ['430000'], ...f });

// [who, actor, facts, abilities]
const TABLE: [string, Actor, AmendmentFacts, string[]][] = [
  ['city on its proposal', actor('city_applicant'), facts({}), ['withdraw']],
  ['city after the opinions', actor('city_applicant'), facts({ status: 'province_reviewed', pendingAuthorities: [] }), ['withdraw']],
  ['city after approval', actor('city_applicant'), facts({ status: 'approved', pendingAuthorities: [] }), []],
  ['province owing its opinion', actor('provincial_authority', '430000'), facts({}), ['giveOpinion']],
  ['province that gave it', actor('provincial_authority', '430000'), facts({ pendingAuthorities: ['440000'] }), []],
  ['province without an authority', actor('provincial_authority'), facts({}), []],
  ['ministry before the opinions', actor('ministry_planning'), facts({}), []],
  ['ministry after the opinions', actor('ministry_planning'), facts({ status: 'province_reviewed', pendingAuthorities: [] }), ['approve', 'refuse']],
  ['ministry on a refused one', actor('ministry_planning'), facts({ status: 'refused', pendingAuthorities: [] }), []],
  ['ministry on a withdrawn one', actor('ministry_planning'), facts({ status: 'withdrawn' }), []],
  ['ministry, pilot suspended', actor('ministry_planning'), facts({ status: 'province_reviewed', pilotRunning: false }), []],
  ['department', actor('ministry_department'), facts({ status: 'province_reviewed' }), []],
  ['leading group', actor('leading_group_observer'), facts({ status: 'province_reviewed' }), []],
  ['anyone, pilot out of scope', actor('city_applicant'), facts({ pilotVisible: false }), []],
  ['expert', actor('expert'), facts({}), []],
  ['administrator', actor('platform_admin'), facts({}), []],
  ['security administrator', actor('security_admin'), facts({}), []],
  ['audit administrator', actor('audit_admin'), facts({}), []],
];

describe('amendment abilities', () => {
  it.each(TABLE)('%s', (_who, a, f, abilities) => {
    expect(amendmentAbilities(a, f)).toEqual(abilities);
  });
});
