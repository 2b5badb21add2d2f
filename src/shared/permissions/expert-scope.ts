/**
 * Scope of the expert pool (专家库): who may see and manage expert records, which record is an
 * expert's own, and what a user may do with one record. Pure: the server passes the actor and the
 * facts of the record; the web shows the resulting abilities.
 */
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

/** The facts of an expert record that decide who may touch it: the account linked to it, if any. */
export interface ExpertScope {
  userId: string | null;
}

/** The pool is managed (listed, added, edited, exported, imported) by holders of expert.manage. */
export function canManageExperts(actor: Pick<Actor, 'role'>): boolean {
  return can(actor.role, 'expert.manage');
}

/** The record linked to the signed-in expert's own account: the one an expert acts as on panels. */
export function isOwnExpertRecord(actor: Actor, expert: ExpertScope): boolean {
  return actor.role === 'expert' && expert.userId !== null && expert.userId === actor.id;
}

/** Managers see every record; an expert only the record that is their own. */
export function canSeeExpert(actor: Actor, expert: ExpertScope): boolean {
  return canManageExperts(actor) || isOwnExpertRecord(actor, expert);
}

export const EXPERT_ACTIONS = ['edit', 'setAvailable', 'downloadScores'] as const;
export type ExpertAction = (typeof EXPERT_ACTIONS)[number];

/**
 * What the actor may do with one record: managers edit it and switch its availability; whoever
 * manages the review may download every score the expert gave. An expert's own record is read-only.
 */
export function expertAbilities(actor: Actor, expert: ExpertScope): ExpertAction[] {
  if (!canSeeExpert(actor, expert)) return [];
  const out: ExpertAction[] = [];
  if (canManageExperts(actor)) out.push('edit', 'setAvailable');
  if (can(actor.role, 'review.manage')) out.push('downloadScores');
  return out;
}
