/**
 * Lockout and idle-timeout arithmetic (等保 2.0: 登录失败处理, 连接超时自动退出), and which roles must
 * sign in with a second factor. Pure: the server applies them with its session clock.
 */
import type { Role } from '../roles/roles.js';

export interface SessionPolicy {
  /** Wrong passwords or codes in a row that lock an account. */
  maxFailures: number;
  lockMinutes: number;
  /** A session unused for this long is over (401 SESSION_EXPIRED). */
  idleMinutes: number;
  /** Roles that must sign in with a TOTP code. */
  totpRoles: readonly Role[];
}

export const DEFAULT_TOTP_ROLES: readonly Role[] = ['provincial_authority', 'ministry_planning', 'ministry_department'];
export const DEFAULT_SESSION_POLICY: SessionPolicy = { maxFailures: 5, lockMinutes: 15, idleMinutes: 15, totpRoles: DEFAULT_TOTP_ROLES };

/** A session's last activity is written at most this often (not on every request). */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** After one more failure: the new count, and the lock's end when this failure reaches the limit. */
export function afterFailure(failures: number, now: Date, policy: SessionPolicy): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  return { failures: next, lockedUntil: next >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** Whether a session last used at `lastSeen` has been idle past the limit at `now`. */
export function idleExpired(lastSeen: Date, now: Date, policy: Pick<SessionPolicy, 'idleMinutes'>): boolean {
  return now.getTime() - lastSeen.getTime() >= policy.idleMinutes * 60_000;
}

/** Whether this request should write the session's last activity (it is older than the resolution). */
export function shouldTouch(lastSeen: Date, now: Date): boolean {
  return now.getTime() - lastSeen.getTime() >= LAST_SEEN_RESOLUTION_MS;
}

export function totpRequired(role: Role, policy: Pick<SessionPolicy, 'totpRoles'>): boolean {
  return policy.totpRoles.includes(role);
}

/**
 * What a signed-in user must do before anything else: change the password (expired, or a temporary
 * one set by an administrator), then enrol a second factor when the role requires one.
 */
export type PendingStep = 'password_change' | 'totp_enrolment';
export function pendingStep(u: { mustChangePassword: boolean; totpEnabled: boolean; role: Role }, policy: Pick<SessionPolicy, 'totpRoles'>): PendingStep | null {
  if (u.mustChangePassword) return 'password_change';
  if (!u.totpEnabled && totpRequired(u.role, policy)) return 'totp_enrolment';
  return null;
}

/** Parses TOTP_REQUIRED_ROLES: comma-separated roles, "none" for nobody; unknown roles are an error. */
export function parseTotpRoles(value: string | undefined, known: readonly Role[]): readonly Role[] {
  const v = value?.trim();
  if (v === undefined || v === '') return DEFAULT_TOTP_ROLES;
  if (v === 'none') return [];
  const roles = v.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(known as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`TOTP_REQUIRED_ROLES names unknown roles: ${unknown.join(', ')}`);
  return roles as Role[];
}
