/**
 * Row scope of the dashboards (统计看板). The ministry's planning department, its other departments
 * and the leading group see the national dashboard and may narrow it to any province; a provincial
 * authority sees its own province only: its dashboard is that province's, and asking for another
 * province is refused (403, DASHBOARD_PROVINCE_OUT_OF_SCOPE) rather than silently answered with its
 * own, so that a link or an export never shows figures under another province's name. Within the
 * province, the rows are the pilots the authority reviews (a 计划单列市's authority: its city only).
 * Each block then follows its own rule (reports, rectifications, resources): the dashboard widens
 * nothing. Pure.
 */
import { getReviewAuthority } from '../reference/divisions.js';
import type { Actor } from '../roles/roles.js';
import { canSeePilot, type PilotScope } from './pilot-scope.js';
import { can } from './policy.js';

export type DashboardScope = { level: 'national' } | { level: 'province'; provinceCode: string; authorityId: string };

/** The dashboard the actor sees, or null when it sees none. */
export function dashboardScopeOf(actor: Actor): DashboardScope | null {
  if (!can(actor.role, 'dashboard.read')) return null;
  switch (actor.role) {
    case 'ministry_planning':
    case 'ministry_department':
    case 'leading_group_observer':
      return { level: 'national' };
    case 'provincial_authority': {
      const authority = actor.authorityId === null ? undefined : getReviewAuthority(actor.authorityId);
      return authority ? { level: 'province', provinceCode: authority.provinceCode, authorityId: authority.id } : null;
    }
    default:
      return null;
  }
}

export type ProvinceResolution = { ok: true; province: string | undefined } | { ok: false };

/**
 * The province the dashboard is narrowed to: for the national scope, the one asked for (or none);
 * for a province's scope, always its own — asking for it is fine, asking for another is refused.
 */
export function resolveDashboardProvince(scope: DashboardScope, requested: string | undefined): ProvinceResolution {
  if (scope.level === 'national') return { ok: true, province: requested };
  if (requested === undefined || requested === scope.provinceCode) return { ok: true, province: scope.provinceCode };
  return { ok: false };
}

/** Whether a pilot is one of the dashboard's rows for this actor. */
export function canSeeOnDashboard(actor: Actor, pilot: PilotScope): boolean {
  return dashboardScopeOf(actor) !== null && canSeePilot(actor, pilot);
}
