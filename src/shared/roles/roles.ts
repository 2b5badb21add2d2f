export const ROLES = [
  'city_applicant', // 申报城市
  'provincial_authority', // 省级工信主管部门 (incl. 计划单列市, 兵团)
  'ministry_planning', // 规划司
  'ministry_department', // 其他司局
  'expert', // 专家咨询委
  'leading_group_observer', // 国家制造强国建设领导小组 (read-only)
  'platform_admin', // 平台管理员 = 系统管理员: accounts, organisations, settings
  'security_admin', // 安全管理员: unlocking, revoking sessions, security settings
  'audit_admin', // 审计管理员: reads, exports and verifies the audit log
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  city_applicant: { zh: '申报城市', en: 'City applicant' },
  provincial_authority: { zh: '省级工信主管部门', en: 'Provincial authority' },
  ministry_planning: { zh: '工信部规划司', en: 'Ministry planning department' },
  ministry_department: { zh: '工信部相关司局', en: 'Ministry department' },
  expert: { zh: '专家咨询委员会专家', en: 'Expert' },
  leading_group_observer: { zh: '国家制造强国建设领导小组', en: 'Leading group observer' },
  platform_admin: { zh: '平台管理员', en: 'Platform administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
};

/**
 * The three administrators of 三权分立 (separation of duties): the system (platform) administrator,
 * the security administrator and the audit administrator. None holds another's permissions
 * (src/shared/permissions/policy.ts), and their accounts are appointed by the deployment's operator
 * on the command line (`npm run cli -- create-admin`), never granted through the web application.
 */
export const ADMINISTRATOR_ROLES = ['platform_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];

export function isAdministratorRole(role: Role): boolean {
  return (ADMINISTRATOR_ROLES as readonly Role[]).includes(role);
}

/** What the server knows of the signed-in user; the policy decides on this alone. */
export interface Actor {
  id: string;
  role: Role;
  organisationId: string;
  /** The organisation's division (a city's code for city users). */
  divisionCode: string;
  /** For provincial authorities: the review authority id. */
  authorityId: string | null;
}
