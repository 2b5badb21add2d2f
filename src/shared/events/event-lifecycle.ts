/**
 * Events 活动 of the programme's promotion and coordination (steps 7–8 of the work plan): on-site
 * meetings 现场会, exchange meetings 经验交流会, training 培训研讨班 and the yearly
 * ministry–province–city meeting 年度会议. One lifecycle table for server and web: the states, each
 * action's from-states and target, and whether it needs a reason. Pure.
 */

export const EVENT_KINDS = ['onsite_meeting', 'exchange_meeting', 'training', 'annual_meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, { zh: string; en: string }> = {
  onsite_meeting: { zh: '现场会', en: 'On-site meeting' },
  exchange_meeting: { zh: '经验交流会', en: 'Exchange meeting' },
  training: { zh: '培训研讨班', en: 'Training seminar' },
  annual_meeting: { zh: '年度会议', en: 'Yearly ministry–province–city meeting' },
};

/** A participant's part in the event, and whether they came. */
export const PARTICIPANT_ROLES = ['host', 'speaker', 'attendee', 'observer'] as const;
export const ATTENDANCE = ['invited', 'confirmed', 'attended', 'absent'] as const;

export const EVENT_STATES = ['planned', 'held', 'minutes_published', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

export const EVENT_STATE_LABELS: Record<EventState, { zh: string; en: string }> = {
  planned: { zh: '筹备中', en: 'Planned' },
  held: { zh: '已召开', en: 'Held' },
  minutes_published: { zh: '纪要已印发', en: 'Minutes published' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The transitions; editing the event's details and its minutes are not transitions (see EDITABLE_IN). */
export const EVENT_TRANSITIONS = {
  hold: { from: ['planned'], to: 'held', needsReason: false },
  publishMinutes: { from: ['held'], to: 'minutes_published', needsReason: false },
  // A correction of published minutes takes them back to the held state, with the reason recorded.
  withdrawMinutes: { from: ['minutes_published'], to: 'held', needsReason: true },
  cancel: { from: ['planned'], to: 'cancelled', needsReason: true },
} as const satisfies Record<string, { from: readonly EventState[]; to: EventState; needsReason: boolean }>;

export type EventTransition = keyof typeof EVENT_TRANSITIONS;
export const EVENT_TRANSITION_NAMES = Object.keys(EVENT_TRANSITIONS) as [EventTransition, ...EventTransition[]];

/** The states in which the details (dates, agenda, participants, materials) may still change. */
export const EDITABLE_IN: readonly EventState[] = ['planned', 'held'];
/** The states in which the minutes may be written. */
export const MINUTES_EDITABLE_IN: readonly EventState[] = ['held'];
/** The states in which action items may be added to the event. */
export const ACTIONS_OPEN_IN: readonly EventState[] = ['planned', 'held', 'minutes_published'];

export function canTransition(state: string, action: EventTransition): boolean {
  return (EVENT_TRANSITIONS[action].from as readonly string[]).includes(state);
}

export function nextState(state: string, action: EventTransition): EventState | null {
  return canTransition(state, action) ? EVENT_TRANSITIONS[action].to : null;
}

/** The minutes are shown to those outside the ministry only once published. */
export function minutesVisibleToAll(state: string): boolean {
  return state === 'minutes_published';
}

/** An event's dates are a range in China's calendar; the end may equal the start. */
export function validDates(startsOn: string, endsOn: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(startsOn) && /^\d{4}-\d{2}-\d{2}$/.test(endsOn) && startsOn <= endsOn;
}

/** Holding an event before its first day is not possible: it has not taken place. */
export function mayHoldOn(startsOn: string, today: string): boolean {
  return startsOn <= today;
}
