/**
 * A copy of edits the server has not accepted yet, kept in this browser (localStorage) so they
 * survive a lost session, a closed tab or a failed save. Cleared once a save succeeds.
 */
import type { Plan } from '../../../../shared/plan/plan-schema';

export interface Stash {
  plan: Plan;
  /** The version the edits were based on. */
  version: number;
  savedAt: number;
}

export function stashKey(userId: string, applicationId: string): string {
  return `mic2025.unsaved.${userId}.${applicationId}`;
}

export function writeStash(key: string, stash: Stash): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(stash));
  } catch {
    // storage full or unavailable: the conflict dialog and export remain
  }
}

export function readStash(key: string): Stash | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const s = JSON.parse(raw) as Stash;
    return s && typeof s === 'object' && s.plan && typeof s.version === 'number' ? s : null;
  } catch {
    return null;
  }
}

export function clearStash(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}
