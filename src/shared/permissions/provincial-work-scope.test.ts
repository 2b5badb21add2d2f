import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canManageProvinceWork, canReadProvinceWork, provinceWorkAbilities, resolveAuthority } from './provincial-work-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

// [who, actor, authority, reads, manages]
const TABLE: [string, Actor, string, boolean, boolean][] = [
  ['province: its own', actor('provincial_authority', '330000', '330000'), '330000', true, true],
  ['province: another', actor('provincial_authority', '330000', '330000'), '420000', false, false],
  ['计划单列市 authority: its own', actor('provincial_authority', '330200', '330200'), '330200', true, true],
  ['计划单列市 authority: its province', actor('provincial_authority', '330200', '330200'), '330000', false, false],
  ['province without an authority', actor('provincial_authority', '330000', null), '330000', false, false],
  ['city: none', actor('city_applicant', '330100'), '330000', false, false],
  ['ministry planning: reads all', actor('ministry_planning', '110000'), '330000', true, false],
  ['ministry department: reads all', actor('ministry_department', '110000'), 'xpcc', true, false],
  ['leading group: none', actor('leading_group_observer', '110000'), '330000', false, false],
  ['expert: none', actor('expert', '110000'), '330000', false, false],
  ['administrator: none', actor('platform_admin', '110000'), '330000', false, false],
  ['security administrator: none', actor('security_admin', '110000'), '330000', false, false],
  ['audit administrator: none', actor('audit_admin', '110000'), '330000', false, false],
];

describe('provincial work scope', () => {
  it.each(TABLE)('%s', (_who, a, authority, reads, manages) => {
    expect(canReadProvinceWork(a, authority)).toBe(reads);
    expect(canManageProvinceWork(a, authority)).toBe(manages);
    expect(provinceWorkAbilities(a, authority)).toEqual(manages ? ['edit'] : []);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('resolves "me" to the authority of a provincial user only', () => {
    expect(resolveAuthority(actor('provincial_authority', '330000', '330000'), 'me')).toBe('330000');
    expect(resolveAuthority(actor('ministry_planning', '110000'), 'me')).toBeNull();
    expect(resolveAuthority(actor('ministry_planning', '110000'), '420000')).toBe('420000');
  });
});
