/**
 * Where this feature meets the pilots feature, and only here: reading a pilot row, carrying out a
 * lifecycle transition (decided by the one lifecycle table, compare-and-set and audited there), and
 * recording the case's steps that do not move the pilot (the province's opinion, a failed
 * re-assessment, an evidence upload) in the same audit trail.
 */
import type { Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import type { PilotLifecycleAction } from '../../shared/monitoring/pilot-lifecycle.js';
import type { Actor } from '../../shared/roles/roles.js';
import { insertPilotEvent, scheduleConfig, transitionPilot, visiblePilot, type PilotRow } from '../pilots/public.js';

export type { PilotRow };

/** The pilot as the actor may see it; null outside the pilots feature's scope (which matches ours). */
export async function getPilotRow(db: Tx, actor: Actor, id: string): Promise<PilotRow | null> {
  try {
    return await visiblePilot(db, actor, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

export interface PilotStep {
  pilotId: string;
  /** The pilot's version the client read; omitted where the case's own compare-and-set guards the step. */
  version?: number;
  action: PilotLifecycleAction;
  actor: Actor;
  comment: string | null;
  data: Record<string, unknown>;
  now: Date;
  indicatorsOffTrack?: boolean;
}

export async function pilotTransition(tx: Tx, step: PilotStep) {
  const { indicatorsOffTrack, ...rest } = step;
  return transitionPilot(tx, { ...rest, ...(indicatorsOffTrack === undefined ? {} : { facts: { indicatorsOffTrack } }) });
}

export async function recordPilotEvent(
  tx: Tx,
  e: { pilotId: string; actorId: string; action: string; state: string; comment: string | null; data: Record<string, unknown> },
): Promise<void> {
  await insertPilotEvent(tx, { pilotId: e.pilotId, actorId: e.actorId, action: e.action, fromState: e.state, toState: e.state, comment: e.comment, data: e.data });
}

/** The configured calendar defaults (their rectificationMonths gives a case's default deadline). */
export async function calendarConfig(db: Tx) {
  return scheduleConfig(db);
}
