import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../roles/roles.js';
import { canSeeNotification, notificationAbilities, notificationScopeOf, type NotificationAction } from './notification-scope.js';

function actor(role: Role, id: string): Actor {
  return { id, role, organisationId: 'o', divisionCode: '110000', authorityId: null };
}

const READ_AT = new Date('2016-09-30T10:00:00Z');

type Case = [whose: string, owner: string, readAt: Date | string | null, sees: boolean, abilities: NotificationAction[]];
const CASES: Case[] = [
  ['own', 'me', null, true, ['markRead']],
  ['own', 'me', READ_AT, true, []],
  ['own', 'me', READ_AT.toISOString(), true, []],
  ["someone else's", 'other', null, false, []],
  ["someone else's", 'other', READ_AT, false, []],
];
// Every role × own / someone else's × unread / read.
const TABLE = ROLES.flatMap((role) => CASES.map((c) => [role, ...c] as const));

describe('notification scope', () => {
  it.each(TABLE)('%s, %s notice (read at %s)', (role, _whose, owner, readAt, sees, abilities) => {
    const a = actor(role, 'me');
    const notice = { userId: owner, readAt };
    expect(canSeeNotification(a, notice)).toBe(sees);
    expect(notificationAbilities(a, notice)).toEqual(abilities);
  });

  it('scopes lists and bulk changes to the actor alone, whatever the role', () => {
    for (const role of ROLES) expect(notificationScopeOf(actor(role, 'u-1'))).toEqual({ userId: 'u-1' });
  });
});
