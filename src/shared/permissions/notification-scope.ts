/**
 * Row scope of notices (通知): every role has them, and each user sees and marks only their own.
 * Pure: the server passes the actor and the notice's owner; the web reads the resulting abilities.
 */
import type { Actor } from '../roles/roles.js';

/** The facts of a notice that decide who may see it and what may be done with it. */
export interface NotificationFacts {
  userId: string;
  readAt: Date | string | null;
}

/** The filter every list and bulk change of notices runs under: the actor's own. */
export function notificationScopeOf(actor: Pick<Actor, 'id'>): { userId: string } {
  return { userId: actor.id };
}

export function canSeeNotification(actor: Pick<Actor, 'id'>, notice: Pick<NotificationFacts, 'userId'>): boolean {
  return notice.userId === actor.id;
}

export const NOTIFICATION_ACTIONS = ['markRead'] as const;
export type NotificationAction = (typeof NOTIFICATION_ACTIONS)[number];

/** The owner may mark an unread notice read; a read one has nothing left to do. */
export function notificationAbilities(actor: Pick<Actor, 'id'>, notice: NotificationFacts): NotificationAction[] {
  return canSeeNotification(actor, notice) && notice.readAt === null ? ['markRead'] : [];
}
