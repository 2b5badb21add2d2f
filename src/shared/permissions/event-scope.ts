/**
 * Row scope of events 活动 and their action items 督办事项, and what a user may do with each. Pure.
 *
 * The ministry's planning department plans and runs events and sees every one; other central bodies
 * read them all. A province or a city sees the national events, the events concerning it (its
 * authority named, or a related pilot of its own or under it) and those where its organisation takes
 * part or owns an action item. An item's owner organisation updates and closes it; the planning
 * department edits, reassigns and reopens.
 */
import { ACTION_ITEM_TRANSITIONS } from '../events/action-item-rules.js';
import { ACTIONS_OPEN_IN, canTransition, EDITABLE_IN, EVENT_TRANSITION_NAMES, MINUTES_EDITABLE_IN, minutesVisibleToAll, type EventTransition } from '../events/event-lifecycle.js';
import { reviewAuthoritiesFor } from '../reference/divisions.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

/** The facts of an event that decide who sees it. */
export interface EventScope {
  /** A national event concerns every province and pilot city. */
  national: boolean;
  /** Review authorities the event concerns (province codes, 计划单列市 codes, 'xpcc'). */
  authorityIds: readonly string[];
  /** Cities of the event's related pilots. */
  pilotCityCodes: readonly string[];
  /** Organisations taking part, and those owning one of its action items. */
  organisationIds: readonly string[];
}

function authoritiesOf(cityCode: string): string[] {
  try {
    return reviewAuthoritiesFor(cityCode);
  } catch {
    return [];
  }
}

const CENTRAL = ['ministry_planning', 'ministry_department', 'leading_group_observer'];

export function canSeeEvent(actor: Actor, ev: EventScope): boolean {
  if (!can(actor.role, 'event.read')) return false;
  if (CENTRAL.includes(actor.role)) return true;
  if (actor.role !== 'city_applicant' && actor.role !== 'provincial_authority') return false;
  if (ev.national || ev.organisationIds.includes(actor.organisationId)) return true;
  if (actor.role === 'city_applicant') {
    if (ev.pilotCityCodes.includes(actor.divisionCode)) return true;
    return authoritiesOf(actor.divisionCode).some((a) => ev.authorityIds.includes(a));
  }
  const authority = actor.authorityId;
  if (authority === null) return false;
  return ev.authorityIds.includes(authority) || ev.pilotCityCodes.some((c) => authoritiesOf(c).includes(authority));
}

export const EVENT_ABILITIES = ['edit', ...EVENT_TRANSITION_NAMES, 'editMinutes', 'addMaterial', 'addActionItem', 'downloadMinutes'] as const;
export type EventAbility = (typeof EVENT_ABILITIES)[number];

export function mayManageEvent(actor: Actor, ev: EventScope): boolean {
  return can(actor.role, 'event.manage') && canSeeEvent(actor, ev);
}

export function mayTransitionEvent(actor: Actor, ev: EventScope, state: string, action: EventTransition): boolean {
  return mayManageEvent(actor, ev) && canTransition(state, action);
}

/** What the actor may do with an event in this state; `hasMinutes`: the minutes are written. */
export function eventAbilities(actor: Actor, ev: EventScope, state: string, hasMinutes: boolean): EventAbility[] {
  if (!canSeeEvent(actor, ev)) return [];
  const out: EventAbility[] = [];
  const manage = can(actor.role, 'event.manage');
  if (manage) {
    if (EDITABLE_IN.includes(state as never)) out.push('edit');
    for (const t of EVENT_TRANSITION_NAMES) if (canTransition(state, t)) out.push(t);
    if (MINUTES_EDITABLE_IN.includes(state as never)) out.push('editMinutes');
    if (EDITABLE_IN.includes(state as never)) out.push('addMaterial');
    if (ACTIONS_OPEN_IN.includes(state as never)) out.push('addActionItem');
  }
  if (hasMinutes && (minutesVisibleToAll(state) || (manage && state === 'held'))) out.push('downloadMinutes');
  return out;
}

/** Whether the actor may read the minutes' text (the ministry's drafts stay in the ministry). */
export function mayReadMinutes(actor: Actor, ev: EventScope, state: string): boolean {
  if (!canSeeEvent(actor, ev)) return false;
  return minutesVisibleToAll(state) || can(actor.role, 'event.manage');
}

/** The facts of an action item that decide who may act on it. */
export interface ActionItemScope {
  ownerOrganisationId: string;
  /** Stored status: open | done. */
  status: string;
}

export function ownsActionItem(actor: Actor, item: ActionItemScope): boolean {
  return can(actor.role, 'event_action.update') && actor.organisationId === item.ownerOrganisationId;
}

/** The owner sees its items; whoever sees the event sees the event's items. */
export function canSeeActionItem(actor: Actor, item: ActionItemScope, ev: EventScope): boolean {
  return ownsActionItem(actor, item) || canSeeEvent(actor, ev);
}

export const ACTION_ITEM_ABILITIES = ['update', 'close', 'reopen', 'edit'] as const;
export type ActionItemAbility = (typeof ACTION_ITEM_ABILITIES)[number];

export function actionItemAbilities(actor: Actor, item: ActionItemScope, ev: EventScope): ActionItemAbility[] {
  if (!canSeeActionItem(actor, item, ev)) return [];
  const manage = mayManageEvent(actor, ev);
  const owner = ownsActionItem(actor, item);
  const open = item.status === 'open';
  const out: ActionItemAbility[] = [];
  if (open && (owner || manage)) out.push('update');
  if (owner && (ACTION_ITEM_TRANSITIONS.close.from as readonly string[]).includes(item.status)) out.push('close');
  if (manage && (ACTION_ITEM_TRANSITIONS.reopen.from as readonly string[]).includes(item.status)) out.push('reopen');
  if (manage && open) out.push('edit');
  return out;
}
