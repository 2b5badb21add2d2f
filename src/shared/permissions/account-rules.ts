/**
 * Which role an organisation of each kind may hold, and the password policy. Pure: shared by the
 * administration API and its web form.
 */
import type { Role } from './roles.js';

export const ORGANISATION_KINDS = [
  'city',
  'province_authority',
  'ministry_planning',
  'ministry_department',
  'expert_committee',
  'leading_group',
  'platform',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, { zh: string; en: string }> = {
  city: { zh: '城市人民政府', en: 'City government' },
  province_authority: { zh: '省级工信主管部门', en: 'Provincial authority' },
  ministry_planning: { zh: '工信部规划司', en: 'Ministry planning department' },
  ministry_department: { zh: '工信部其他司局', en: 'Other ministry department' },
  expert_committee: { zh: '专家咨询委员会', en: 'Expert committee' },
  leading_group: { zh: '国家制造强国建设领导小组', en: 'National leading group' },
  platform: { zh: '平台运维', en: 'Platform operations' },
};

export const ROLE_FOR_KIND: Record<OrganisationKind, Role> = {
  city: 'city_applicant',
  province_authority: 'provincial_authority',
  ministry_planning: 'ministry_planning',
  ministry_department: 'ministry_department',
  expert_committee: 'expert',
  leading_group: 'leading_group_observer',
  platform: 'platform_admin',
};

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'TOO_SHORT' | 'NEEDS_LETTER_AND_DIGIT' | 'CONTAINS_USERNAME';

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push('TOO_SHORT');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('NEEDS_LETTER_AND_DIGIT');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('CONTAINS_USERNAME');
  return problems;
}
