import { describe, expect, it } from 'vitest';
import { seatState, type SeatState } from './review-labels';

const seat = (patch: Partial<Parameters<typeof seatState>[0]> = {}) => ({
  role: 'member',
  declaredAt: null,
  recusedAt: null,
  submitted: false,
  overdue: false,
  status: 'open',
  ...patch,
});

/** The facts the server sends with a seat, and the state the task list shows for them. */
const TABLE: [string, ReturnType<typeof seat>, SeatState][] = [
  ['a new seat', seat(), 'pending_declaration'],
  ['declared, scoring', seat({ declaredAt: '2026-01-01T00:00:00.000Z' }), 'pending_scores'],
  ['declared backup', seat({ role: 'backup', declaredAt: '2026-01-01T00:00:00.000Z' }), 'backup'],
  ['scored', seat({ declaredAt: '2026-01-01T00:00:00.000Z', submitted: true }), 'submitted'],
  ['late', seat({ declaredAt: '2026-01-01T00:00:00.000Z', overdue: true }), 'overdue'],
  ['recused, whatever else holds', seat({ recusedAt: '2026-01-02T00:00:00.000Z', submitted: true, overdue: true }), 'recused'],
  ['panel closed before scoring', seat({ status: 'closed' }), 'closed'],
  ['panel closed after scoring', seat({ status: 'closed', submitted: true }), 'submitted'],
];

describe('seat state of an assignment', () => {
  it.each(TABLE)('%s', (_name, s, expected) => {
    expect(seatState(s)).toBe(expected);
  });
});
