import { describe, expect, it } from 'vitest';
import { canTransition, EVENT_STATES, EVENT_TRANSITION_NAMES, EVENT_TRANSITIONS, mayHoldOn, minutesVisibleToAll, nextState, validDates, type EventState, type EventTransition } from './event-lifecycle.js';

/** Every state × action: where it leads, or null when refused. */
const TABLE: Record<EventState, Record<EventTransition, EventState | null>> = {
  planned: { hold: 'held', publishMinutes: null, withdrawMinutes: null, cancel: 'cancelled' },
  held: { hold: null, publishMinutes: 'minutes_published', withdrawMinutes: null, cancel: null },
  minutes_published: { hold: null, publishMinutes: null, withdrawMinutes: 'held', cancel: null },
  cancelled: { hold: null, publishMinutes: null, withdrawMinutes: null, cancel: null },
};

describe('event lifecycle', () => {
  for (const state of EVENT_STATES) {
    for (const action of EVENT_TRANSITION_NAMES) {
      it(`${state} × ${action} → ${TABLE[state][action] ?? 'refused'}`, () => {
        expect(nextState(state, action)).toBe(TABLE[state][action]);
        expect(canTransition(state, action)).toBe(TABLE[state][action] !== null);
      });
    }
  }
  it('refuses an unknown state', () => {
    expect(canTransition('archived', 'hold')).toBe(false);
  });
  it('needs a reason to cancel and to withdraw the minutes, none to hold or publish', () => {
    expect(EVENT_TRANSITION_NAMES.filter((a) => EVENT_TRANSITIONS[a].needsReason)).toEqual(['withdrawMinutes', 'cancel']);
  });
  it('shows the minutes to all only once published', () => {
    expect(EVENT_STATES.filter(minutesVisibleToAll)).toEqual(['minutes_published']);
  });
  it('checks the dates: a range, the end not before the start', () => {
    expect(validDates('2026-05-10', '2026-05-10')).toBe(true);
    expect(validDates('2026-05-10', '2026-05-12')).toBe(true);
    expect(validDates('2026-05-12', '2026-05-10')).toBe(false);
    expect(validDates('2026-5-1', '2026-05-10')).toBe(false);
  });
  it('holds an event only from its first day', () => {
    expect(mayHoldOn('2026-05-10', '2026-05-09')).toBe(false);
    expect(mayHoldOn('2026-05-10', '2026-05-10')).toBe(true);
  });
});
