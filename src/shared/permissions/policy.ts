/**
 * The one permission policy. Permissions are `resource.action` strings granted to roles;
 * anything not granted here is refused (deny by default). Scope — which rows a role may touch —
 * is decided by the functions below from facts the server gathers, never by the client.
 */
import type { ApplicationState } from '../lifecycle/application-lifecycle.js';
import type { Actor, Role } from '../roles/roles.js';

export const PERMISSIONS = [
  'application.create',
  'application.read',
  'application.update',
  'application.submit',
  'application.forward',
  'application.return',
  'application.receive',
  'application.decide',
  'application.export',
  'attachment.upload',
  'attachment.read',
  'plan.check',
  'reference.read',
  'user.manage',
  // Separation of duties 三权分立 (issue 8): the security administrator's and the audit administrator's work
  'user.read',
  'user.unlock',
  'session.revoke',
  'audit.read',
  'audit.export',
  'audit.verify',
  // Ministry review
  'expert.manage',
  'review.manage',
  'review.read',
  'review.score',
  'review.opinion',
  'review.discuss',
  'pilot.read',
  // Policy resources, think-tank consulting and the province's part (issue 7)
  'resource.read',
  'resource.record',
  'resource.configure',
  'consulting.read',
  'consulting.request',
  'consulting.match',
  'province_work.read',
  'province_work.manage',
  // Rectification 限期整改 and public notices 通报 (issue 7)
  'rectification.read',
  'rectification.manage',
  'rectification.answer',
  'rectification.opinion',
  'notice.read',
  // The pilot's lifecycle, amendments 调整优化 and the summary 总结示范 (issue 7)
  'pilot.manage',
  'amendment.propose',
  'amendment.opinion',
  'amendment.decide',
  'summary.write',
  // Progress reports 进度报告 (issue 7)
  'report.read',
  'report.edit',
  'report.review',
  'report.correct',
  // Evaluation 考核评估 (issue 7)
  'evaluation.read',
  'evaluation.manage',
  'evaluation.score',
  'evaluation.opinion',
  // The typical-case library 典型案例 (issue 10)
  'case.read',
  'case.write',
  'case.review',
  // Events 活动 and their action items 督办事项 (issue 10)
  'event.read',
  'event.manage',
  'event_action.update',
  // The dashboards 统计看板 (issue 10)
  'dashboard.read',
  // The public portal 公开门户: what of a pilot the ministry publishes (issue 10)
  'portal.publish',
  // The one-click dossier 完整档案 (issue 10)
  'dossier.download',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  city_applicant: [
    'application.create',
    'application.read',
    'application.update',
    'application.submit',
    'application.export',
    'attachment.upload',
    'attachment.read',
    'plan.check',
    'reference.read',
    'pilot.read',
    'resource.read',
    'consulting.read',
    'consulting.request',
    'rectification.read',
    'rectification.answer',
    'notice.read',
    'amendment.propose',
    'summary.write',
    'report.read',
    'report.edit',
    'report.correct',
    'evaluation.read',
    'case.read',
    'case.write',
    'event.read',
    'event_action.update',
    'dossier.download',
  ],
  provincial_authority: [
    'application.read',
    'application.forward',
    'application.return',
    'application.export',
    'attachment.read',
    'plan.check',
    'reference.read',
    'pilot.read',
    'resource.read',
    'consulting.read',
    'province_work.read',
    'province_work.manage',
    'rectification.read',
    'rectification.opinion',
    'notice.read',
    'amendment.opinion',
    'report.read',
    'report.review',
    'report.correct',
    'evaluation.read',
    'case.read',
    'event.read',
    'event_action.update',
    'dashboard.read',
    'dossier.download',
  ],
  ministry_planning: [
    'application.read',
    'application.receive',
    'application.decide',
    'application.export',
    'attachment.read',
    'plan.check',
    'reference.read',
    'expert.manage',
    'review.manage',
    'review.read',
    'review.discuss',
    'pilot.read',
    'resource.read',
    'resource.record',
    'resource.configure',
    'consulting.read',
    'consulting.match',
    'province_work.read',
    'rectification.read',
    'rectification.manage',
    'notice.read',
    'pilot.manage',
    'amendment.decide',
    'report.read',
    'evaluation.read',
    'evaluation.manage',
    'case.read',
    'case.write',
    'case.review',
    'event.read',
    'event.manage',
    'event_action.update',
    'dashboard.read',
    'portal.publish',
    'dossier.download',
  ],
  ministry_department: [
    'application.read',
    'application.export',
    'attachment.read',
    'plan.check',
    'reference.read',
    'review.read',
    'review.opinion',
    'review.discuss',
    'pilot.read',
    'resource.read',
    'resource.record',
    'consulting.read',
    'province_work.read',
    'rectification.read',
    'notice.read',
    'report.read',
    'evaluation.read',
    'evaluation.opinion',
    'case.read',
    'event.read',
    'event_action.update',
    'dashboard.read',
  ],
  // Experts see applications only through their panel assignments (review routes check membership).
  expert: ['plan.check', 'reference.read', 'review.score', 'review.discuss', 'evaluation.read', 'evaluation.score', 'case.read'],
  // The leading group reads the approved plans filed with it.
  leading_group_observer: ['application.read', 'reference.read', 'pilot.read', 'rectification.read', 'notice.read', 'report.read', 'evaluation.read', 'case.read', 'event.read', 'dashboard.read'],
  // 三权分立: the system administrator manages accounts and organisations but cannot read the audit log
  // nor unlock accounts; the security administrator unlocks accounts and ends sessions but creates no
  // account; the audit administrator reads, exports and verifies the audit log and nothing else.
  // Nobody holds a permission to change or delete audit records: no such permission exists.
  platform_admin: ['user.manage', 'user.read', 'reference.read', 'plan.check'],
  security_admin: ['user.read', 'user.unlock', 'session.revoke', 'reference.read'],
  audit_admin: ['audit.read', 'audit.export', 'audit.verify', 'reference.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role]?.includes(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...(GRANTS[role] ?? [])];
}

/** The facts about an application that decide who may see it. */
export interface ApplicationScope {
  status: ApplicationState;
  /** Codes of the cities the application names. */
  cityCodes: readonly string[];
  /** Review authorities of those cities. */
  authorityIds: readonly string[];
  /** Set once every authority has forwarded it to the ministry. */
  forwardedAt: Date | string | null;
}

/**
 * Row-level scope: a city sees the applications naming its city; a provincial authority those of
 * cities under it once submitted; ministry roles those forwarded to the ministry.
 */
export function canSeeApplication(actor: Actor, app: ApplicationScope): boolean {
  if (!can(actor.role, 'application.read')) return false;
  switch (actor.role) {
    case 'city_applicant':
      return app.cityCodes.includes(actor.divisionCode);
    case 'provincial_authority':
      return app.status !== 'draft' && actor.authorityId !== null && app.authorityIds.includes(actor.authorityId);
    case 'ministry_planning':
    case 'ministry_department':
      return app.forwardedAt !== null;
    case 'leading_group_observer':
      return app.status === 'approved';
    default:
      return false;
  }
}
