/**
 * The auth API as it crosses the wire: sign-in, the current user (with the session's CSRF token
 * and the role's permissions) and sign-out. The routes validate and serialise with these schemas;
 * the web takes its types from them (type-only imports).
 */
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/permissions/policy.js';
import { ROLES } from '../../shared/roles/roles.js';

export const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const sessionUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organisationId: z.string(),
    organisationName: z.string(),
    organisationKind: z.string(),
    divisionCode: z.string(),
    authorityId: z.string().nullable(),
  })
  .describe('The signed-in user and their organisation');

export const meSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().describe('Send back in the x-csrf-token header on every write'),
    permissions: z.array(z.enum(PERMISSIONS)).describe("The role's permissions (resource.action)"),
  })
  .describe('The current session');

export const logoutResponse = z.null().describe('No content');

export type LoginBody = z.infer<typeof loginBody>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type Me = z.infer<typeof meSchema>;
