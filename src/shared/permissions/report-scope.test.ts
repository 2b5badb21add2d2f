import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canListReports, canOpenReport, reportAbilities, reportListScope, type ReportAction } from './report-scope.js';

function actor(role: Role, divisionCode: string, authorityId: string | null = null): Actor {
  return { id: 'u', role, organisationId: 'o', divisionCode, authorityId };
}

const hangzhou = ['330100'];
const ningbo = ['330200']; // 计划单列市: its own authority, not 浙江
const joint = ['330500', '341800']; // 湖州 + 宣城

const city = actor('city_applicant', '330100');
const otherCity = actor('city_applicant', '420100');
const zhejiang = actor('provincial_authority', '330000', '330000');
const hubei = actor('provincial_authority', '420000', '420000');
const anhui = actor('provincial_authority', '340000', '340000');
const ningboSj = actor('provincial_authority', '330200', '330200');
const noAuthority = actor('provincial_authority', '330000', null);
const planning = actor('ministry_planning', '110000');
const department = actor('ministry_department', '110000');
const leading = actor('leading_group_observer', '110000');
const expert = actor('expert', '110000');
const admin = actor('platform_admin', '110000');
const securityAdmin = actor('security_admin', '110000');
const auditAdmin = actor('audit_admin', '110000');

const EDIT: ReportAction[] = ['open', 'edit', 'submit', 'uploadEvidence', 'import'];

// [who, actor, cities, status, periodOpen, lists, abilities]
const TABLE: [string, Actor, string[], string, boolean, boolean, ReportAction[]][] = [
  ['city: own draft', city, hangzhou, 'draft', true, true, EDIT],
  ['city: own draft, period not begun', city, hangzhou, 'draft', false, true, ['open']],
  ['city: own returned', city, hangzhou, 'returned', true, true, EDIT],
  ['city: own submitted', city, hangzhou, 'submitted', true, true, ['open']],
  ['city: own confirmed', city, hangzhou, 'confirmed', true, true, ['open', 'correct']],
  ['city: another city', otherCity, hangzhou, 'draft', true, false, []],
  ['city: member of a joint pilot', actor('city_applicant', '341800'), joint, 'draft', true, true, EDIT],
  ['province: own, draft', zhejiang, hangzhou, 'draft', true, true, ['open']],
  ['province: own, submitted', zhejiang, hangzhou, 'submitted', true, true, ['open', 'confirm', 'return']],
  ['province: own, confirmed', zhejiang, hangzhou, 'confirmed', true, true, ['open', 'correct']],
  ['province: another province', hubei, hangzhou, 'submitted', true, false, []],
  ['province: a 计划单列市 in it', zhejiang, ningbo, 'submitted', true, false, []],
  ['计划单列市 authority: its own city', ningboSj, ningbo, 'submitted', true, true, ['open', 'confirm', 'return']],
  ['province: one side of a joint pilot', anhui, joint, 'submitted', true, true, ['open', 'confirm', 'return']],
  ['province without an authority', noAuthority, hangzhou, 'submitted', true, false, []],
  ['ministry planning: draft (calendar only)', planning, hangzhou, 'draft', true, true, []],
  ['ministry planning: submitted (calendar only)', planning, hangzhou, 'submitted', true, true, []],
  ['ministry planning: confirmed', planning, hangzhou, 'confirmed', true, true, ['open']],
  ['ministry department: confirmed', department, joint, 'confirmed', true, true, ['open']],
  ['leading group: confirmed', leading, ningbo, 'confirmed', true, true, ['open']],
  ['expert: none', expert, hangzhou, 'confirmed', true, false, []],
  ['administrator: none', admin, hangzhou, 'confirmed', true, false, []],
  ['security administrator: none', securityAdmin, hangzhou, 'confirmed', true, false, []],
  ['audit administrator: none', auditAdmin, hangzhou, 'confirmed', true, false, []],
];

describe('report scope', () => {
  it('keeps a cancelled pilot’s reports read only', () => {
    for (const [a, status] of [[city, 'draft'], [zhejiang, 'submitted'], [city, 'confirmed'], [planning, 'confirmed']] as const) {
      expect(reportAbilities(a, { cityCodes: hangzhou, status, periodOpen: true, pilotClosed: true })).toEqual(['open']);
    }
  });

  it.each(TABLE)('%s', (_who, a, cityCodes, status, periodOpen, lists, abilities) => {
    const report = { cityCodes, status, periodOpen };
    expect(canListReports(a, report)).toBe(lists);
    expect(canOpenReport(a, report)).toBe(abilities.includes('open'));
    expect(reportAbilities(a, report)).toEqual(abilities);
    const scope = reportListScope(a);
    expect(scope === 'all' || (typeof scope === 'function' && scope(cityCodes))).toBe(lists);
  });

  it('covers every role', () => {
    expect(new Set(TABLE.map(([, a]) => a.role))).toEqual(new Set(ROLES));
  });

  it('denies by default: an unknown role sees nothing', () => {
    const nobody = actor('nobody' as Role, '330100');
    expect(canListReports(nobody, { cityCodes: hangzhou })).toBe(false);
    expect(reportListScope(nobody)).toBeNull();
  });
});
