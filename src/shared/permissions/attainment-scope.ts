/**
 * Row scope of attainment (指标达成): who sees a pilot's attainment and the ministry's overview.
 * Attainment is computed from confirmed report figures, so it follows both the pilot's scope and the
 * reports' (a city sees its own pilot, a province the pilots of the cities it reviews, the ministry's
 * departments and the leading group every pilot). Pure: the server passes the actor and the pilot's
 * cities; the web reads the abilities and never decides itself.
 */
import type { Actor } from '../roles/roles.js';
import { canSeePilot, type PilotScope } from './pilot-scope.js';
import { canListReports } from './report-scope.js';

/** Whether the actor sees the pilot's attainment dashboard (its indicators and their figures). */
export function canSeeAttainment(actor: Actor, pilot: PilotScope): boolean {
  return canSeePilot(actor, pilot) && canListReports(actor, pilot);
}

export const ATTAINMENT_ACTIONS = ['export'] as const;
export type AttainmentAction = (typeof ATTAINMENT_ACTIONS)[number];

/** What the actor may do with a pilot's attainment or with the overview: whoever sees it may export it. */
export function attainmentAbilities(actor: Actor, pilot: PilotScope): AttainmentAction[] {
  return canSeeAttainment(actor, pilot) ? ['export'] : [];
}
