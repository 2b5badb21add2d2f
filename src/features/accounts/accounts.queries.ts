import { hashPassword } from '../../kernel/password-hash.js';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, sessions, users } from '../../db/schema.js';
import type { Role } from '../../shared/roles/roles.js';

import type { OrganisationKind } from '../../shared/permissions/account-rules.js';

export type { OrganisationKind };

export async function createOrganisation(
  db: Db,
  o: { name: string; kind: OrganisationKind; divisionCode: string; authorityId?: string | null; isDemo?: boolean },
) {
  const [row] = await db
    .insert(organisations)
    .values({ ...o, authorityId: o.authorityId ?? null })
    .returning({ id: organisations.id });
  return row!.id;
}

// The hashing lives in the kernel (auth checks passwords too); kept here for the callers that create users.
export { hashPassword, verifyPassword } from '../../kernel/password-hash.js';

export async function createUser(
  db: Db,
  u: {
    username: string;
    password?: string;
    passwordHash?: string;
    displayName: string;
    role: Role;
    organisationId: string;
    email?: string;
    /** Set by an administrator: to be changed at the first sign-in. */
    temporaryPassword?: boolean;
    /** Enrolled with this TOTP secret already (demo and test accounts). */
    totpSecret?: string;
  },
) {
  const passwordHash = u.passwordHash ?? (await hashPassword(u.password ?? ''));
  const [row] = await db
    .insert(users)
    .values({
      username: u.username,
      passwordHash,
      displayName: u.displayName,
      role: u.role,
      organisationId: u.organisationId,
      email: u.email ?? null,
      passwordHistory: [passwordHash],
      mustChangePassword: u.temporaryPassword ?? false,
      ...(u.totpSecret ? { totpSecret: u.totpSecret, totpEnabledAt: new Date() } : {}),
    })
    .returning({ id: users.id });
  return row!.id;
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

export async function findUserByUsername(db: Db, username: string) {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}

export async function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      email: users.email,
      active: users.active,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      createdAt: users.createdAt,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      divisionCode: organisations.divisionCode,
      authorityId: organisations.authorityId,
      sessions: sql<number>`(select count(*)::int from ${sessions} where ${sessions.userId} = ${users.id} and ${sessions.expiresAt} > now())`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(organisations.divisionCode, users.username);
}

export async function listOrganisations(db: Db) {
  return db.select().from(organisations).orderBy(organisations.divisionCode, organisations.name);
}

export async function getOrganisationById(db: Db, id: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function updateUser(
  db: Db,
  id: string,
  set: Partial<{ active: boolean; passwordHash: string; displayName: string; email: string | null; failedLogins: number; lockedUntil: Date | null }>,
) {
  const rows = await db.update(users).set(set).where(eq(users.id, id)).returning({ id: users.id });
  return rows.length === 1;
}

/** Removes a user's second factor (the security administrator's reset): they enrol again at the next sign-in. */
export async function resetSecondFactor(db: Db, id: string) {
  await db.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] }).where(eq(users.id, id));
}

/** A user's open sessions, newest activity first. */
export async function listSessionsOfUser(db: Db, userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, address: sessions.address, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function deleteOneSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).returning({ id: sessions.id });
  return rows.length === 1;
}

/** Ends every session of a user (deactivation, password reset, the security administrator's revocation); returns how many. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}
