/**
 * Row scope of rectification cases (限期整改) and what a user may do with one. Pure: the server
 * gathers the facts (the pilot's cities and state, the case's status, whether its deadline has
 * passed on the server's clock); the web shows the resulting abilities and never decides itself.
 *
 * Who does what, following the notice's 部省市联动: the ministry's planning department opens the
 * case, re-assesses it, suspends and cancels; the city answers with its rectification report and
 * evidence; its province gives an opinion on the answer. Other central bodies read.
 */
import { canSeePilot } from './pilot-scope.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

/** The facts of a pilot that decide who sees its cases: the cities it names. */
export interface RectificationScope {
  cityCodes: readonly string[];
}

/** Whoever may see the pilot may see its cases, given the permission to read them. */
export function canSeeRectification(actor: Actor, scope: RectificationScope): boolean {
  return can(actor.role, 'rectification.read') && canSeePilot(actor, scope);
}

export const RECTIFICATION_CASE_STATUSES = ['open', 'answered', 'province_reviewed', 'passed', 'failed'] as const;
export type RectificationCaseStatus = (typeof RECTIFICATION_CASE_STATUSES)[number];

export const RECTIFICATION_ACTIONS = ['answer', 'uploadEvidence', 'giveOpinion', 'reassess', 'suspend', 'cancel'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export interface RectificationCaseFacts extends RectificationScope {
  status: RectificationCaseStatus;
  /** The pilot's lifecycle state (pilot-lifecycle.ts). */
  pilotState: string;
  /** The deadline lies before today on the server's clock. */
  deadlinePassed: boolean;
}

/**
 * What the actor may do with a case. Each step follows the one before: the answer while the case
 * is open, the province's opinion on an answer, the re-assessment after the opinion. Suspension
 * (中止) needs the pilot still in rectification and a reason the notice gives — the deadline passed
 * or the re-assessment failed — and cancellation (通报取消) a suspended pilot whose case failed.
 */
export function rectificationAbilities(actor: Actor, c: RectificationCaseFacts): RectificationAction[] {
  if (!canSeeRectification(actor, c)) return [];
  const actions: RectificationAction[] = [];
  const inRectification = c.pilotState === 'rectification';
  if (can(actor.role, 'rectification.answer') && inRectification && c.status === 'open') actions.push('answer', 'uploadEvidence');
  if (can(actor.role, 'rectification.opinion') && inRectification && c.status === 'answered') actions.push('giveOpinion');
  if (can(actor.role, 'rectification.manage')) {
    if (inRectification && c.status === 'province_reviewed') actions.push('reassess');
    const open = c.status === 'open' || c.status === 'answered' || c.status === 'province_reviewed';
    if (inRectification && (c.status === 'failed' || (open && c.deadlinePassed))) actions.push('suspend');
    if (c.pilotState === 'suspended' && c.status === 'failed') actions.push('cancel');
  }
  return actions;
}

export const PILOT_RECTIFICATION_ACTIONS = ['open'] as const;
export type PilotRectificationAction = (typeof PILOT_RECTIFICATION_ACTIONS)[number];

/** Whether the actor may open a case on a pilot: the planning department, while the pilot is in one of its phases. */
export function pilotRectificationAbilities(actor: Actor, pilot: RectificationScope & { state: string }): PilotRectificationAction[] {
  if (!canSeeRectification(actor, pilot) || !can(actor.role, 'rectification.manage')) return [];
  return ['implementation', 'midterm', 'summary'].includes(pilot.state) ? ['open'] : [];
}
