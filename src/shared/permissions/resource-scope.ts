/**
 * Row scope of policy resources (政策资源: funds and projects given to a pilot under a named
 * programme). Pure. Whoever may see a pilot and holds resource.read sees its records — a city its
 * own, a province those of the cities it reviews, the ministry all; the ministry's planning
 * department and its other departments record them; the planning department keeps the programme
 * list. The web reads the abilities and never decides itself.
 */
import type { Actor } from '../roles/roles.js';
import { canSeePilot, type PilotScope } from './pilot-scope.js';
import { can } from './policy.js';

export function canSeeResources(actor: Actor, pilot: PilotScope): boolean {
  return can(actor.role, 'resource.read') && canSeePilot(actor, pilot);
}

export function canRecordResource(actor: Actor, pilot: PilotScope): boolean {
  return can(actor.role, 'resource.record') && canSeePilot(actor, pilot);
}

export function canConfigureProgrammes(actor: Actor): boolean {
  return can(actor.role, 'resource.configure');
}

/** What the actor may do with a pilot's records as a whole. */
export const RESOURCE_LIST_ACTIONS = ['record', 'export'] as const;
export type ResourceListAction = (typeof RESOURCE_LIST_ACTIONS)[number];

export function resourceListAbilities(actor: Actor, pilot: PilotScope): ResourceListAction[] {
  if (!canSeeResources(actor, pilot)) return [];
  return canRecordResource(actor, pilot) ? ['record', 'export'] : ['export'];
}

/** What the actor may do with one record: those who record may withdraw a wrong one. */
export const RESOURCE_ACTIONS = ['delete'] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

export function resourceAbilities(actor: Actor, pilot: PilotScope): ResourceAction[] {
  return canRecordResource(actor, pilot) ? ['delete'] : [];
}

/**
 * The rows of a "totals by province" answer this actor may see: a provincial authority only its
 * own (a cluster spanning provinces also counts under the other province, which is not its to see).
 */
export function canSeeProvinceTotal(actor: Actor, authorityId: string): boolean {
  if (!can(actor.role, 'resource.read')) return false;
  // A city's totals come from its own pilots only, so every row it gets is its own.
  return actor.role !== 'provincial_authority' || actor.authorityId === authorityId;
}
