/**
 * Row scope of think-tank consulting (智库咨询) and what a user may do with a request. Pure. A city
 * asks for its own pilot; whoever may see the pilot and holds consulting.read sees its requests;
 * the ministry's planning department matches experts, records the service, or closes a request
 * it cannot serve. Which action fits which status is decided here, once, for server and web.
 */
import type { Actor } from '../roles/roles.js';
import { canSeePilot, type PilotScope } from './pilot-scope.js';
import { can } from './policy.js';

export const CONSULTING_STATUSES = ['requested', 'matched', 'served', 'closed'] as const;
export type ConsultingStatus = (typeof CONSULTING_STATUSES)[number];

export const CONSULTING_ACTIONS = ['match', 'serve', 'close'] as const;
export type ConsultingAction = (typeof CONSULTING_ACTIONS)[number];

/** The statuses each action starts from, and where it leads. */
export const CONSULTING_TRANSITIONS: Record<ConsultingAction, { from: readonly ConsultingStatus[]; to: ConsultingStatus }> = {
  // Matching again before the service replaces the chosen experts.
  match: { from: ['requested', 'matched'], to: 'matched' },
  serve: { from: ['matched'], to: 'served' },
  close: { from: ['requested', 'matched'], to: 'closed' },
};

export function canSeeConsulting(actor: Actor, pilot: PilotScope): boolean {
  return can(actor.role, 'consulting.read') && canSeePilot(actor, pilot);
}

export function canRequestConsulting(actor: Actor, pilot: PilotScope): boolean {
  return can(actor.role, 'consulting.request') && canSeePilot(actor, pilot);
}

/** Whether the action may be taken on a request in this status by this actor (role and scope). */
export function mayConsulting(actor: Actor, pilot: PilotScope, status: string, action: ConsultingAction): boolean {
  if (!can(actor.role, 'consulting.match') || !canSeePilot(actor, pilot)) return false;
  return (CONSULTING_TRANSITIONS[action].from as readonly string[]).includes(status);
}

export function consultingAbilities(actor: Actor, pilot: PilotScope, status: string): ConsultingAction[] {
  return CONSULTING_ACTIONS.filter((a) => mayConsulting(actor, pilot, status, a));
}
