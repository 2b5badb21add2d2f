/**
 * Row scope of the ministry review: who sees which panel, seat and score sheet, and what each
 * actor may do with them now. Pure: the review service gathers the facts, refuses with the codes
 * these functions give, and presents the abilities they compute, so the web never works a rule out
 * again. Which applications a ministry role sees at all is `canSeeApplication` in policy.ts.
 */
import { decideTransition, type ApplicationAction, type ApplicationState, type TransitionContext } from '../lifecycle/application-lifecycle.js';
import type { PanelStatus, SeatRole } from '../review/review-terms.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

/** An expert's own seat on a panel, as far as the rules need it. */
export interface SeatFacts {
  role: SeatRole | string;
  declared: boolean;
  recused: boolean;
  /** The expert's sheet of the panel's current round is in. */
  submitted: boolean;
}

export interface PanelFacts {
  status: PanelStatus | string;
}

/** What the application's review looks like to the ministry. */
export interface ReviewFacts {
  status: ApplicationState;
  /** The current panel, or null before one is confirmed. */
  panel: PanelFacts | null;
  /** Members (not recused) who still owe scores in the current round. */
  scoresOutstanding: number;
}

export const SEAT_ABILITIES = ['declare', 'recuse', 'score', 'viewScores'] as const;
export type SeatAbility = (typeof SEAT_ABILITIES)[number];

export const REVIEW_ABILITIES = ['confirm', 'rescore', 'opinion', 'discuss', 'approve', 'decide', 'exportScores'] as const;
export type ReviewAbility = (typeof REVIEW_ABILITIES)[number];

export const MEMBER_ABILITIES = ['promote'] as const;
export type MemberAbility = (typeof MEMBER_ABILITIES)[number];

type Refusal<C extends string> = C | null;

// ---------------------------------------------------------------------------------------------
// The expert's side: a panel exists for an expert only through their own seat on it.

/** An expert sees a panel (its assignment) only when they sit on it, as member or backup. */
export function canSeeAssignment(actor: Actor, seat: SeatFacts | null): boolean {
  return can(actor.role, 'review.score') && seat !== null;
}

/** The plan and the discussion open to an expert once they declared no conflict, unless they recused. */
export function canReadPlan(seat: SeatFacts): boolean {
  return seat.declared && !seat.recused;
}

/**
 * The panel's score sheets: the ministry's reviewing roles see them on any application they see;
 * an expert only on their own panel, and only once their own sheet of the current round is in.
 */
export function canSeePanelScores(actor: Actor, facts: { seesApplication: boolean; seat: SeatFacts | null }): boolean {
  if (can(actor.role, 'review.read')) return facts.seesApplication;
  if (can(actor.role, 'review.score')) return facts.seat !== null && facts.seat.submitted;
  return false;
}

export function declareRefusal(seat: SeatFacts): Refusal<'RECUSED'> {
  return seat.recused ? 'RECUSED' : null;
}

export function recuseRefusal(seat: SeatFacts): Refusal<'RECUSED'> {
  return seat.recused ? 'RECUSED' : null;
}

/** Why this seat may not score now; a second sheet in the same round is refused when it is stored. */
export function scoreRefusal(seat: SeatFacts, panel: PanelFacts): Refusal<'RECUSED' | 'FORBIDDEN' | 'DECLARATION_REQUIRED' | 'INVALID_TRANSITION'> {
  if (seat.recused) return 'RECUSED';
  if (seat.role !== 'member') return 'FORBIDDEN';
  if (!seat.declared) return 'DECLARATION_REQUIRED';
  if (panel.status !== 'open') return 'INVALID_TRANSITION';
  return null;
}

/**
 * Discussion: the ministry's roles on any application they see; an expert only on the current
 * panel of the application, once declared and not recused.
 */
export function canDiscuss(actor: Actor, facts: { seesApplication: boolean; seat: SeatFacts | null }): boolean {
  if (!can(actor.role, 'review.discuss')) return false;
  if (can(actor.role, 'review.score')) return facts.seat !== null && canReadPlan(facts.seat);
  return facts.seesApplication;
}

/** What the expert may do with their seat now (the buttons of the assignment page). */
export function seatAbilities(actor: Actor, seat: SeatFacts, panel: PanelFacts): SeatAbility[] {
  if (!canSeeAssignment(actor, seat)) return [];
  const open = panel.status === 'open';
  const out: SeatAbility[] = [];
  if (open && !seat.declared && declareRefusal(seat) === null) out.push('declare');
  if (open && recuseRefusal(seat) === null) out.push('recuse');
  if (!seat.submitted && scoreRefusal(seat, panel) === null) out.push('score');
  if (canSeePanelScores(actor, { seesApplication: false, seat })) out.push('viewScores');
  return out;
}

// ---------------------------------------------------------------------------------------------
// The ministry's side, on an application the actor already sees.

const NO_GUARDS: TransitionContext = { blockingFindings: 0, actorAuthorityPending: false, otherAuthoritiesPending: 0 };

function transitionAllowed(actor: Actor, facts: ReviewFacts, action: ApplicationAction): boolean {
  return decideTransition(facts.status, action, actor.role, { ...NO_GUARDS, scoresOutstanding: facts.scoresOutstanding }).ok;
}

/** A department's opinion is taken while the ministry reviews the application. */
export function opinionRefusal(status: ApplicationState): Refusal<'INVALID_TRANSITION'> {
  return status === 'received' || status === 'under_review' ? null : 'INVALID_TRANSITION';
}

/** A re-score needs an open panel on an application under review. */
export function rescoreRefusal(facts: Pick<ReviewFacts, 'status' | 'panel'>): Refusal<'INVALID_TRANSITION'> {
  if (facts.status !== 'under_review' || !facts.panel || facts.panel.status !== 'open') return 'INVALID_TRANSITION';
  return null;
}

/** Seating a backup as a member: only a backup who has not recused, while the review runs. */
export function promoteRefusal(facts: { status: ApplicationState; seat: Pick<SeatFacts, 'role' | 'recused'> | null }): Refusal<'INVALID_TRANSITION' | 'NOT_FOUND' | 'RECUSED'> {
  if (facts.status !== 'under_review') return 'INVALID_TRANSITION';
  if (!facts.seat || facts.seat.role !== 'backup') return 'NOT_FOUND';
  if (facts.seat.recused) return 'RECUSED';
  return null;
}

/** What the actor may do with the application's review now (the review tab and action bar). */
export function reviewAbilities(actor: Actor, facts: ReviewFacts): ReviewAbility[] {
  if (!can(actor.role, 'review.read')) return [];
  const out: ReviewAbility[] = [];
  if (can(actor.role, 'review.manage') && transitionAllowed(actor, facts, 'open_review')) out.push('confirm');
  if (can(actor.role, 'review.manage') && rescoreRefusal(facts) === null) out.push('rescore');
  if (can(actor.role, 'review.opinion') && opinionRefusal(facts.status) === null) out.push('opinion');
  if (canDiscuss(actor, { seesApplication: true, seat: null })) out.push('discuss');
  if (can(actor.role, 'application.decide') && transitionAllowed(actor, facts, 'approve')) out.push('approve');
  if (can(actor.role, 'application.decide') && transitionAllowed(actor, facts, 'send_back') && transitionAllowed(actor, facts, 'reject')) out.push('decide');
  if (facts.panel !== null) out.push('exportScores');
  return out;
}

/** What the actor may do with one seat of the panel (the members table). */
export function memberAbilities(actor: Actor, facts: { status: ApplicationState; seat: Pick<SeatFacts, 'role' | 'recused'> }): MemberAbility[] {
  return can(actor.role, 'review.manage') && promoteRefusal(facts) === null ? ['promote'] : [];
}
