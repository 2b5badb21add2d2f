/**
 * Scope of the province's part (通知 一): a provincial authority keeps its own refined work plan and
 * supporting policies and sees the overview of its own pilots; the ministry reads every
 * authority's. Pure: the server passes the actor and the authority id in question.
 */
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

/** Whether the actor may read this authority's work plan, policies and overview. */
export function canReadProvinceWork(actor: Actor, authorityId: string): boolean {
  if (!can(actor.role, 'province_work.read')) return false;
  if (actor.role === 'provincial_authority') return actor.authorityId !== null && actor.authorityId === authorityId;
  return true;
}

/** Whether the actor may change this authority's work plan and policies: only the authority itself. */
export function canManageProvinceWork(actor: Actor, authorityId: string): boolean {
  return can(actor.role, 'province_work.manage') && actor.authorityId !== null && actor.authorityId === authorityId;
}

export const PROVINCE_WORK_ACTIONS = ['edit'] as const;
export type ProvinceWorkAction = (typeof PROVINCE_WORK_ACTIONS)[number];

export function provinceWorkAbilities(actor: Actor, authorityId: string): ProvinceWorkAction[] {
  return canManageProvinceWork(actor, authorityId) ? ['edit'] : [];
}

/** The authority "me" stands for: a provincial authority's own, nobody else's. */
export function resolveAuthority(actor: Actor, requested: string): string | null {
  if (requested !== 'me') return requested;
  return actor.role === 'provincial_authority' ? actor.authorityId : null;
}
