/**
 * Which role an organisation of each kind may hold, the password policy, and what the platform
 * administrator may do with an account or an organisation. Pure: shared by the administration API
 * and its web form (which shows the abilities the API sends and decides nothing itself).
 */
import { isAdministratorRole, type Actor, type Role } from '../roles/roles.js';
import { can } from './policy.js';

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

/** The facts of an account that decide what may be done with it. */
export interface AccountFacts {
  id: string;
  role: Role;
  active: boolean;
  /** Locked after repeated wrong passwords, and the lock has not run out yet. */
  locked: boolean;
  /** Sessions open now. */
  sessions: number;
}

/** Nobody deactivates their own account: the platform would be left without the one who may undo it. */
export function canDeactivateUser(actor: Pick<Actor, 'id'>, target: Pick<AccountFacts, 'id'>): boolean {
  return target.id !== actor.id;
}

/**
 * Accounts of the three administrators (三权分立) are the operator's to manage on the command line:
 * in the web application the system administrator may not deactivate, reactivate or reset another
 * administrator's account, or the one who keeps the accounts could take over the auditor's. Their own
 * password they may reset.
 */
export function canManageAccount(target: Pick<AccountFacts, 'role'>): boolean {
  return !isAdministratorRole(target.role);
}

export const USER_ACTIONS = ['disable', 'enable', 'unlock', 'resetPassword', 'revokeSessions'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * What the actor may do with an account now. The system administrator (user.manage): deactivate an
 * active one (not their own), reactivate, reset the password — of accounts that are not another
 * administrator's. The security administrator: unlock a locked account (user.unlock) and end the open
 * sessions of someone else (session.revoke).
 */
export function userAbilities(actor: Actor, target: AccountFacts): UserAction[] {
  const out: UserAction[] = [];
  const manage = can(actor.role, 'user.manage');
  const managed = canManageAccount(target);
  if (manage && managed && target.active && canDeactivateUser(actor, target)) out.push('disable');
  if (manage && managed && !target.active) out.push('enable');
  if (can(actor.role, 'user.unlock') && target.locked) out.push('unlock');
  if (manage && (managed || target.id === actor.id)) out.push('resetPassword');
  if (can(actor.role, 'session.revoke') && target.sessions > 0 && target.id !== actor.id) out.push('revokeSessions');
  return out;
}

export const ORGANISATION_ACTIONS = ['addUser'] as const;
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

/** Every kind of organisation has a role for its users, so an administrator may add users to any. */
export function organisationAbilities(actor: Actor, org: { kind: OrganisationKind }): OrganisationAction[] {
  return can(actor.role, 'user.manage') && ROLE_FOR_KIND[org.kind] !== undefined ? ['addUser'] : [];
}
