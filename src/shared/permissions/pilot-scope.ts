/**
 * Row scope of pilot cities (试点城市) and what a user may do with one. Pure: the server passes the
 * actor and the pilot's cities; the web reads the resulting abilities and never decides itself.
 */
import { reviewAuthoritiesFor } from '../reference/divisions.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

/** The facts of a pilot that decide who sees it: the cities it names. */
export interface PilotScope {
  cityCodes: readonly string[];
}

/** A city sees its own pilots, a province those of the cities it reviews, central bodies all. */
export function canSeePilot(actor: Actor, pilot: PilotScope): boolean {
  if (!can(actor.role, 'pilot.read')) return false;
  switch (actor.role) {
    case 'city_applicant':
      return pilot.cityCodes.includes(actor.divisionCode);
    case 'provincial_authority': {
      const authority = actor.authorityId;
      return authority !== null && pilot.cityCodes.some((c) => reviewAuthoritiesFor(c).includes(authority));
    }
    case 'ministry_planning':
    case 'ministry_department':
    case 'leading_group_observer':
      return true;
    default:
      return false;
  }
}

export const PILOT_ACTIONS = ['downloadApproval'] as const;
export type PilotAction = (typeof PILOT_ACTIONS)[number];

/** What the actor may do with a pilot: whoever may see it may download its approval reply. */
export function pilotAbilities(actor: Actor, pilot: PilotScope): PilotAction[] {
  return canSeePilot(actor, pilot) ? ['downloadApproval'] : [];
}
