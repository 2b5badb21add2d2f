/**
 * Row scope of evaluations (考核评估) and what a user may do with one. Pure: the server gathers the
 * facts (the pilot's cities, the evaluation's status, whether the user's expert sits on it and has
 * submitted); the web shows the resulting abilities.
 *
 * Decisions:
 * - The planning department organises (opens rounds, seats experts, decides); ministry departments
 *   give their opinion; experts score only the evaluations they are seated on; the leading group reads.
 * - A city and its province see their pilot's evaluation once it is decided — the grade and the
 *   items, never who scored what — so the scoring stays free of pressure.
 * - Expert scores stay hidden from other experts until an expert has submitted his own (the review's
 *   rule); the planning department sees every submitted score; everyone else none.
 */
import { reviewAuthoritiesFor } from '../reference/divisions.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

export interface EvaluationFacts {
  cityCodes: readonly string[];
  /** scoring | decided */
  status: string;
  /** The actor's expert sits on the evaluation (and has not recused). */
  seated: boolean;
  /** The actor's expert has submitted his scores. */
  submitted: boolean;
  /** Experts are seated on it. */
  hasPanel: boolean;
}

export function canSeeEvaluation(actor: Actor, e: EvaluationFacts): boolean {
  if (!can(actor.role, 'evaluation.read')) return false;
  switch (actor.role) {
    case 'city_applicant':
      return e.status === 'decided' && e.cityCodes.includes(actor.divisionCode);
    case 'provincial_authority': {
      const authority = actor.authorityId;
      return e.status === 'decided' && authority !== null && e.cityCodes.some((c) => reviewAuthoritiesFor(c).includes(authority));
    }
    case 'expert':
      return e.seated;
    case 'ministry_planning':
    case 'ministry_department':
    case 'leading_group_observer':
      return true;
    default:
      return false;
  }
}

export const EVALUATION_ACTIONS = ['assign', 'score', 'giveOpinion', 'decide', 'seeScores'] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

export function evaluationAbilities(actor: Actor, e: EvaluationFacts): EvaluationAction[] {
  if (!canSeeEvaluation(actor, e)) return [];
  const scoring = e.status === 'scoring';
  const out: EvaluationAction[] = [];
  if (can(actor.role, 'evaluation.manage') && scoring && !e.hasPanel) out.push('assign');
  if (can(actor.role, 'evaluation.score') && scoring && e.seated && !e.submitted) out.push('score');
  if (can(actor.role, 'evaluation.opinion') && scoring) out.push('giveOpinion');
  if (can(actor.role, 'evaluation.manage') && scoring) out.push('decide');
  if (can(actor.role, 'evaluation.manage') || (actor.role === 'expert' && e.seated && e.submitted)) out.push('seeScores');
  return out;
}
