/**
 * Who may download the one-click dossier 完整档案 of an application or a pilot, and what it holds for
 * them. The ministry's planning department (规划司) for any it sees; a province and a city for their
 * own (the application's and the pilot's row scope); nobody else. The expert panel's record (seats,
 * declarations, each expert's scores) is the ministry's: a province's or a city's dossier leaves it
 * out and says so. Pure: the server passes the actor and the scope facts.
 */
import type { Actor } from '../roles/roles.js';
import { canSeePilot, type PilotScope } from './pilot-scope.js';
import { can, canSeeApplication, type ApplicationScope } from './policy.js';

export type DossierDecision = { ok: true } | { ok: false; reason: 'FORBIDDEN' | 'NOT_FOUND' };

const refuse = (actor: Actor, sees: boolean): DossierDecision => {
  if (!can(actor.role, 'dossier.download')) return { ok: false, reason: 'FORBIDDEN' };
  // Outside the scope the object is "not found", as everywhere else.
  return sees ? { ok: true } : { ok: false, reason: 'NOT_FOUND' };
};

export function decideApplicationDossier(actor: Actor, app: ApplicationScope): DossierDecision {
  return refuse(actor, canSeeApplication(actor, app));
}

export function decidePilotDossier(actor: Actor, pilot: PilotScope): DossierDecision {
  return refuse(actor, canSeePilot(actor, pilot));
}

/** Whether the dossier carries the expert panel's record: only for those who may read the review. */
export function dossierHoldsPanelRecord(actor: Actor): boolean {
  return can(actor.role, 'dossier.download') && can(actor.role, 'review.read');
}

/** For the web: whether to offer the button on a page the user already sees. */
export function mayDownloadDossier(actor: Pick<Actor, 'role'>): boolean {
  return can(actor.role, 'dossier.download');
}
