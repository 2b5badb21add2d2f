/**
 * What a user may do with an amendment 调整优化 of a pilot's contract. Pure: the server passes the
 * actor, the amendment's state and the facts it gathered (the pilot is visible to the actor, which
 * authorities still owe an opinion, whether the pilot still runs); the web reads the abilities.
 *
 * The path: the city proposes → every provincial authority of the pilot's cities gives its opinion
 * (支持 or not) → the planning department approves or refuses. The city may withdraw its proposal
 * until the decision.
 */
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

export const AMENDMENT_STATUSES = ['proposed', 'province_reviewed', 'approved', 'refused', 'withdrawn'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const AMENDMENT_ACTIONS = ['giveOpinion', 'approve', 'refuse', 'withdraw'] as const;
export type AmendmentAction = (typeof AMENDMENT_ACTIONS)[number];

export interface AmendmentFacts {
  status: AmendmentStatus;
  /** The pilot is in the actor's scope (pilot-scope.ts canSeePilot). */
  pilotVisible: boolean;
  /** The pilot is in a phase or under rectification (not suspended, cancelled or completed). */
  pilotRunning: boolean;
  /** Authorities whose opinion is still owed. */
  pendingAuthorities: readonly string[];
}

export function amendmentAbilities(actor: Actor, a: AmendmentFacts): AmendmentAction[] {
  if (!a.pilotVisible || !a.pilotRunning) return [];
  const out: AmendmentAction[] = [];
  if (a.status === 'proposed' && can(actor.role, 'amendment.opinion') && actor.authorityId !== null && a.pendingAuthorities.includes(actor.authorityId)) {
    out.push('giveOpinion');
  }
  if (a.status === 'province_reviewed' && can(actor.role, 'amendment.decide')) out.push('approve', 'refuse');
  if ((a.status === 'proposed' || a.status === 'province_reviewed') && can(actor.role, 'amendment.propose')) out.push('withdraw');
  return out;
}
