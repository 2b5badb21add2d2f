import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canRequestConsulting, canSeeConsulting, CONSULTING_STATUSES, consultingAbilities, mayConsulting } from './consulting-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const hangzhou = { cityCodes: ['330100'] };
const joint = { cityCodes: ['330500', '341800'] };

// [who, actor, pilot, sees, asks, matches]
const TABLE: [string, Actor, { cityCodes: string[] }, boolean, boolean, boolean][] = [
  ['city: own pilot', actor('city_applicant', '330100'), hangzhou, true, true, false],
  ['city: another city', actor('city_applicant', '420100'), hangzhou, false, false, false],
  ['city: member of a joint pilot', actor('city_applicant', '341800'), joint, true, true, false],
  ['province: a city it reviews', actor('provincial_authority', '330000', '330000'), hangzhou, true, false, false],
  ['province: another province', actor('provincial_authority', '420000', '420000'), hangzhou, false, false, false],
  ['ministry planning: matches', actor('ministry_planning', '110000'), hangzhou, true, false, true],
  ['ministry department: reads', actor('ministry_department', '110000'), joint, true, false, false],
  ['leading group: none', actor('leading_group_observer', '110000'), hangzhou, false, false, false],
  ['expert: none', actor('expert', '110000'), hangzhou, false, false, false],
  ['administrator: none', actor('platform_admin', '110000'), hangzhou, false, false, false],
  ['security administrator: none', actor('security_admin', '110000'), hangzhou, false, false, false],
  ['audit administrator: none', actor('audit_admin', '110000'), hangzhou, false, false, false],
];

/** What the planning department may do in each status. */
const BY_STATUS: Record<string, string[]> = {
  requested: ['match', 'close'],
  matched: ['match', 'serve', 'close'],
  served: [],
  closed: [],
};

describe('consulting scope', () => {
  it.each(TABLE)('%s', (_who, a, pilot, sees, asks, matches) => {
    expect(canSeeConsulting(a, pilot)).toBe(sees);
    expect(canRequestConsulting(a, pilot)).toBe(asks);
    for (const status of CONSULTING_STATUSES) {
      expect(consultingAbilities(a, pilot, status)).toEqual(matches ? BY_STATUS[status] : []);
    }
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('refuses an unknown status', () => {
    expect(mayConsulting(actor('ministry_planning', '110000'), hangzhou, 'archived', 'match')).toBe(false);
  });
});
