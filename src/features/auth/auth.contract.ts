/**
 * The auth API as it crosses the wire: sign-in, the current user (with the session's CSRF token
 * and the role's permissions) and sign-out. The routes validate and serialise with these schemas;
 * the web takes its types from them (type-only imports).
 */
import { z } from 'zod';
import { isoDateTime } from '../../shared/contract/wire.js';
import { PERMISSIONS } from '../../shared/permissions/policy.js';
import { ROLES } from '../../shared/roles/roles.js';

export const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  code: z.string().max(40).optional().describe('The TOTP code (6 digits) or a recovery code, when the account has a second factor'),
});

export const PENDING_STEPS = ['password_change', 'totp_enrolment'] as const;

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
    pending: z.enum(PENDING_STEPS).nullable().describe('What the user must do before anything else: change the password, or enrol a second factor'),
    identity: z.object({
      totpEnabled: z.boolean(),
      totpRequired: z.boolean().describe('The role must sign in with a second factor'),
      passwordExpiresAt: isoDateTime.nullable(),
      recoveryCodesLeft: z.number().int(),
    }),
  })
  .describe('The current session');

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const totpStartSchema = z
  .object({ secret: z.string().describe('Base32, to type into an authenticator'), uri: z.string().describe('otpauth:// URI, for a QR code') })
  .describe('A second factor being set up; confirm with a code');
export const totpConfirmBody = z.object({ code: z.string().min(1).max(20) });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).describe('Shown once; each signs in once instead of a code') });

export const sessionSchema = z
  .object({
    id: z.string(),
    createdAt: isoDateTime,
    lastSeenAt: isoDateTime,
    address: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean().describe('The session of this request'),
  })
  .describe('An open session');
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });
export const sessionParams = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });
export const okSchema = z.object({ ok: z.literal(true) });
export const demoCodeSchema = z
  .object({ code: z.string(), secondsLeft: z.number().int(), secret: z.string() })
  .describe('Demo mode only: the current code of the demo accounts’ published secret (演示数据)');

export const logoutResponse = z.null().describe('No content');

export type LoginBody = z.infer<typeof loginBody>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type Me = z.infer<typeof meSchema>;
export type PendingStep = (typeof PENDING_STEPS)[number];
export type PasswordChange = z.infer<typeof passwordChangeBody>;
export type TotpStart = z.infer<typeof totpStartSchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
export type OpenSession = z.infer<typeof sessionSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;
export type DemoCode = z.infer<typeof demoCodeSchema>;
