/**
 * What a user may do with one application beyond seeing it (seeing is `canSeeApplication` in
 * policy.ts): the lifecycle actions open to them now, and the abilities the API sends with every
 * application so that the web shows buttons without working the rules out again. Pure: the server
 * gathers the facts (the scope, and whether the actor's authority still has to decide).
 */
import { availableActions, type ApplicationAction } from '../lifecycle/application-lifecycle.js';
import type { Actor } from '../roles/roles.js';
import { canUploadAttachment } from './attachment-scope.js';
import { can, canSeeApplication, type ApplicationScope, type Permission } from './policy.js';

/** The coarse permission each lifecycle action needs on top of the lifecycle's roles. */
export const ACTION_PERMISSIONS: Record<ApplicationAction, Permission> = {
  save: 'application.update',
  submit: 'application.submit',
  forward: 'application.forward',
  return: 'application.return',
  receive: 'application.receive',
  open_review: 'application.decide',
  approve: 'application.decide',
  send_back: 'application.decide',
  reject: 'application.decide',
};

/** The facts about one application that decide what this actor may do with it. */
export interface ApplicationFacts extends ApplicationScope {
  /** The actor's review authority has a pending decision in the current round. */
  actorAuthorityPending: boolean;
}

/**
 * The lifecycle actions this actor may take now. Guards that the web explains (blocking findings,
 * outstanding scores) are not applied here: the server checks them when the action is taken.
 */
export function allowedApplicationActions(actor: Actor, app: ApplicationFacts): ApplicationAction[] {
  if (!canSeeApplication(actor, app)) return [];
  return availableActions(app.status, actor.role).filter((action) => {
    if (!can(actor.role, ACTION_PERMISSIONS[action])) return false;
    // Each authority decides once per round, for its own cities.
    if (action === 'forward' || action === 'return') return app.actorAuthorityPending;
    return true;
  });
}

export const APPLICATION_ABILITIES = [
  'open',
  'edit',
  'submit',
  'forward',
  'return',
  'receive',
  'openReview',
  'approve',
  'sendBack',
  'reject',
  'export',
  'uploadAttachment',
] as const;
export type ApplicationAbility = (typeof APPLICATION_ABILITIES)[number];

const ABILITY_OF_ACTION: Record<ApplicationAction, ApplicationAbility> = {
  save: 'edit',
  submit: 'submit',
  forward: 'forward',
  return: 'return',
  receive: 'receive',
  open_review: 'openReview',
  approve: 'approve',
  send_back: 'sendBack',
  reject: 'reject',
};

/** What the actor may do with the application, in the order of APPLICATION_ABILITIES. */
export function applicationAbilities(actor: Actor, app: ApplicationFacts): ApplicationAbility[] {
  if (!canSeeApplication(actor, app)) return [];
  const granted = new Set<ApplicationAbility>(['open']);
  for (const action of allowedApplicationActions(actor, app)) granted.add(ABILITY_OF_ACTION[action]);
  if (can(actor.role, 'application.export')) granted.add('export');
  if (canUploadAttachment(actor, app)) granted.add('uploadAttachment');
  return APPLICATION_ABILITIES.filter((a) => granted.has(a));
}
