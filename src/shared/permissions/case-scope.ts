/**
 * Row scope of typical cases 典型案例 and what a user may do with one. Pure: the server passes the
 * actor and the case's facts; the web reads the resulting abilities.
 *
 * - A published case is visible to every role that reads the library (`case.read`).
 * - A case's authors see it in every state: for a city's case, the cities of its pilot; for the
 *   ministry's own, the planning department.
 * - The ministry's editorial office (the planning department) sees every case once submitted —
 *   under review, returned, published or unpublished — but not a city's draft that was never sent.
 * - Nobody else sees an unpublished case: it answers 404, as if it did not exist.
 */
import { availableTransitions, isEditable, type CaseSide, type CaseState, type CaseTransition } from '../cases/case-lifecycle.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

export interface CaseScope {
  status: CaseState;
  authorKind: 'city' | 'ministry';
  /** The cities of the case's pilot (a city's case); may be empty for a ministry case. */
  cityCodes: readonly string[];
  /** Set once the case was first submitted. */
  submittedAt: Date | string | null;
}

export function caseSides(actor: Actor, c: CaseScope): CaseSide[] {
  const sides: CaseSide[] = [];
  if (can(actor.role, 'case.write')) {
    const author =
      c.authorKind === 'city'
        ? actor.role === 'city_applicant' && c.cityCodes.includes(actor.divisionCode)
        : actor.role === 'ministry_planning';
    if (author) sides.push('author');
  }
  if (can(actor.role, 'case.review')) sides.push('editor');
  return sides;
}

export function canSeeCase(actor: Actor, c: CaseScope): boolean {
  if (!can(actor.role, 'case.read')) return false;
  if (c.status === 'published') return true;
  const sides = caseSides(actor, c);
  if (sides.includes('author')) return true;
  return sides.includes('editor') && c.submittedAt !== null;
}

export const CASE_ACTIONS = ['edit', 'submit', 'startReview', 'return', 'publish', 'unpublish'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const ACTION_OF: Record<CaseTransition, CaseAction> = {
  submit: 'submit',
  start_review: 'startReview',
  return: 'return',
  publish: 'publish',
  unpublish: 'unpublish',
};

/** What the actor may do with a case it can see, from the one lifecycle table. */
export function caseAbilities(actor: Actor, c: CaseScope): CaseAction[] {
  if (!canSeeCase(actor, c)) return [];
  const sides = caseSides(actor, c);
  const out: CaseAction[] = [];
  if (sides.includes('author') && isEditable(c.status)) out.push('edit');
  for (const t of availableTransitions(c.status, sides)) out.push(ACTION_OF[t]);
  return out;
}

/** Who may start a case: a city for its own pilot, the planning department for any pilot or none. */
export function canWriteCaseFor(actor: Actor, pilot: { cityCodes: readonly string[] } | null): boolean {
  if (!can(actor.role, 'case.write')) return false;
  if (actor.role === 'city_applicant') return pilot !== null && pilot.cityCodes.includes(actor.divisionCode);
  return actor.role === 'ministry_planning';
}
