/**
 * The account administration API as it crosses the wire (user.read to see; user.manage, user.unlock
 * and session.revoke to change): organisations
 * bound to divisions, users with one role each, and the changes to a user (deactivate, reactivate,
 * unlock, reset the password). Each object says what the administrator may do with it.
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { ORGANISATION_ACTIONS, ORGANISATION_KINDS, USER_ACTIONS } from '../../shared/permissions/account-rules.js';
import { ROLES } from '../../shared/roles/roles.js';

export const userParams = z.object({ id: z.uuid() });
export const userSessionParams = z.object({ id: z.uuid(), sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

/** What an administrator may do with an account: the account rules' actions, and resetting the second factor (security administrator). */
export const ADMIN_USER_ACTIONS = [...USER_ACTIONS, 'resetSecondFactor'] as const;
export type AdminUserAction = (typeof ADMIN_USER_ACTIONS)[number];

export const newOrganisationBody = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ORGANISATION_KINDS),
  divisionCode: z.string().regex(/^\d{6}$/),
  authorityId: z.string().max(10).optional(),
});

export const newUserBody = z.object({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/),
  password: z.string().max(200),
  displayName: z.string().trim().min(1).max(100),
  organisationId: z.uuid(),
  role: z.enum(ROLES).optional().describe('Must be the role of the organisation, when given'),
  email: z.email().optional(),
});

export const userChangeBody = z
  .object({ active: z.boolean().optional(), unlock: z.literal(true).optional(), password: z.string().max(200).optional() })
  .refine((b) => b.active !== undefined || b.unlock || b.password !== undefined, { message: 'nothing to change' });

export const createdSchema = z.object({ id: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });
export const revokedSchema = z.object({ ended: z.number().int().describe('Sessions ended') });

export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    divisionCode: z.string(),
    authorityId: z.string().nullable().describe('For provincial authorities: the review authority'),
    isDemo: z.boolean(),
    createdAt: isoDateTime,
    abilities: abilitiesOf(ORGANISATION_ACTIONS),
  })
  .describe('An organisation bound to a division');

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    email: z.string().nullable(),
    active: z.boolean(),
    failedLogins: z.number().int(),
    lockedUntil: isoDateTime.nullable(),
    locked: z.boolean().describe('Locked now (lockedUntil lies ahead)'),
    createdAt: isoDateTime,
    organisationId: z.string(),
    organisationName: z.string(),
    organisationKind: z.enum(ORGANISATION_KINDS),
    divisionCode: z.string(),
    authorityId: z.string().nullable(),
    sessions: z.number().int().describe('Sessions open now'),
    totpEnabled: z.boolean().describe('Signs in with a TOTP second factor'),
    mustChangePassword: z.boolean().describe('A temporary or expired password, to be changed at the next sign-in'),
    passwordChangedAt: isoDateTime,
    abilities: abilitiesOf(ADMIN_USER_ACTIONS),
  })
  .describe('A user account');

export const adminSessionSchema = z
  .object({ id: z.string(), createdAt: isoDateTime, lastSeenAt: isoDateTime, address: z.string().nullable(), userAgent: z.string().nullable() })
  .describe('An open session of a user');
export const adminSessionListSchema = listOf(adminSessionSchema);

export const organisationListSchema = listOf(organisationSchema);
export const userListSchema = listOf(userSchema);

export type NewOrganisation = z.input<typeof newOrganisationBody>;
export type NewUser = z.input<typeof newUserBody>;
export type UserChange = z.input<typeof userChangeBody>;
export type AdminOrganisation = z.infer<typeof organisationSchema>;
export type AdminUser = z.infer<typeof userSchema>;
export type OrganisationList = z.infer<typeof organisationListSchema>;
export type UserList = z.infer<typeof userListSchema>;
export type Created = z.infer<typeof createdSchema>;
export type Revoked = z.infer<typeof revokedSchema>;
export type AdminSession = z.infer<typeof adminSessionSchema>;
export type AdminSessionList = z.infer<typeof adminSessionListSchema>;
