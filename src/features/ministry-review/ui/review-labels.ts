/** Labels and colours of the review's own states (stances, seats, assignments). */
import { type MessageKey } from './i18n';
import type { DepartmentStance } from '../../../shared/review/review-terms';

export const STANCE_KEYS: Record<DepartmentStance, MessageKey> = {
  support: 'review.stance.support',
  support_with_conditions: 'review.stance.support_with_conditions',
  object: 'review.stance.object',
};

export const STANCE_COLORS: Record<DepartmentStance, string> = {
  support: 'green',
  support_with_conditions: 'gold',
  object: 'red',
};

/** Where an expert stands on one panel seat, in the order the seat moves through. */
export type SeatState = 'recused' | 'submitted' | 'overdue' | 'pending_declaration' | 'pending_scores' | 'backup' | 'closed';

export const SEAT_STATE_KEYS: Record<SeatState, MessageKey> = {
  recused: 'seat.recused',
  submitted: 'seat.submitted',
  overdue: 'seat.overdue',
  pending_declaration: 'seat.pendingDeclaration',
  pending_scores: 'seat.pendingScores',
  backup: 'seat.backup',
  closed: 'seat.closed',
};

export const SEAT_STATE_COLORS: Record<SeatState, string> = {
  recused: 'default',
  submitted: 'green',
  overdue: 'red',
  pending_declaration: 'gold',
  pending_scores: 'blue',
  backup: 'purple',
  closed: 'default',
};

/** The state of an expert's seat as the expert's task list shows it. */
export function seatState(s: { role: string; declaredAt: string | null; recusedAt: string | null; submitted: boolean; overdue: boolean; status?: string }): SeatState {
  if (s.recusedAt) return 'recused';
  if (s.submitted) return 'submitted';
  if (s.overdue) return 'overdue';
  if (s.status !== undefined && s.status !== 'open') return 'closed';
  if (!s.declaredAt) return 'pending_declaration';
  if (s.role !== 'member') return 'backup';
  return 'pending_scores';
}
