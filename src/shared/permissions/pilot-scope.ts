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

export const PILOT_ACTIONS = [
  'downloadApproval',
  'setReporting',
  'proposeAmendment',
  'giveAmendmentOpinion',
  'decideAmendment',
  'writeSummary',
  'nominateExperience',
] as const;
export type PilotAction = (typeof PILOT_ACTIONS)[number];

/** The lifecycle state of the pilot, where the ability depends on it (absent: only reading is decided). */
export interface PilotStateScope extends PilotScope {
  state?: string;
}

/** States in which the contract can still change and reports still run: the phases and rectification. */
const RUNNING = ['implementation', 'midterm', 'summary', 'rectification'];

/**
 * What the actor may do with a pilot: whoever may see it may download its approval reply; the
 * ministry sets the reporting frequency of a running pilot and decides amendments; the city proposes
 * amendments while it runs, writes its summary in the summary phase and nominates typical experience
 * from then on; the province gives its opinion on amendments.
 */
export function pilotAbilities(actor: Actor, pilot: PilotStateScope): PilotAction[] {
  if (!canSeePilot(actor, pilot)) return [];
  const out: PilotAction[] = ['downloadApproval'];
  const running = pilot.state !== undefined && RUNNING.includes(pilot.state);
  if (running && can(actor.role, 'pilot.manage')) out.push('setReporting');
  if (running && can(actor.role, 'amendment.propose')) out.push('proposeAmendment');
  if (running && can(actor.role, 'amendment.opinion')) out.push('giveAmendmentOpinion');
  if (running && can(actor.role, 'amendment.decide')) out.push('decideAmendment');
  if (pilot.state === 'summary' && can(actor.role, 'summary.write')) out.push('writeSummary');
  if ((pilot.state === 'summary' || pilot.state === 'completed') && can(actor.role, 'summary.write')) out.push('nominateExperience');
  return out;
}
