import { hashPassword } from '../../kernel/password-hash.js';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { organisations, sessions, users } from '../../db/schema.js';
import { blindIndex, openField, sealField } from '../../kernel/field-crypto.js';
import type { Role } from '../../shared/roles/roles.js';

import type { OrganisationKind } from '../../shared/permissions/account-rules.js';

export type { OrganisationKind };

/**
 * A user's e-mail is sealed at rest (SM4, src/kernel/field-crypto.ts) under this context, with its blind
 * index in `email_bidx`; only these queries write or open it, the other features ask `userEmailsOf`.
 * A legacy plaintext (written before sealing) opens as it is until encrypt-data seals it.
 */
export const USER_EMAIL_CONTEXT = 'users.email';

/** The stored columns of an e-mail as given (trimmed; empty is none). */
function sealedEmail(email: string | null | undefined): { email: string | null; emailIndex: string | null } {
  const plain = email?.trim() ? email.trim() : null;
  return { email: sealField(plain, USER_EMAIL_CONTEXT), emailIndex: blindIndex('email', plain) };
}

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
      ...sealedEmail(u.email),
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
  const rows = await db
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
  return rows.map((r) => ({ ...r, email: openField(r.email, USER_EMAIL_CONTEXT) }));
}

/**
 * The opened e-mail of each of these users that has one (what other features use to address a
 * reminder; the column itself is sealed). Users without an address, or unknown, are absent.
 */
export async function userEmailsOf(db: Pick<Db, 'select'>, userIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, ids.slice(i, i + 1000)));
    for (const r of rows) {
      const email = openField(r.email, USER_EMAIL_CONTEXT)?.trim();
      if (email) out.set(r.id, email);
    }
  }
  return out;
}

/** The accounts whose e-mail is this one (case and surrounding spaces aside), found by the blind index. */
export async function findUsersByEmail(db: Pick<Db, 'select'>, email: string): Promise<{ id: string; username: string }[]> {
  const index = blindIndex('email', email);
  if (!index) return [];
  return db.select({ id: users.id, username: users.username }).from(users).where(eq(users.emailIndex, index)).orderBy(users.username);
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
  const { email, ...rest } = set;
  const values = email === undefined ? rest : { ...rest, ...sealedEmail(email) };
  const rows = await db.update(users).set(values).where(eq(users.id, id)).returning({ id: users.id });
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

// ---- whom other features' reminders go to (through public.ts) ---------------------------------------

/** The active users of a role, by id (the overdue notices to the ministry). */
export async function activeUsersWithRole(db: Tx, role: string): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.id));
}

/** The active users of the organisations (an event's action items go to their owners' users). */
export async function activeUsersOf(db: Tx, organisationIds: readonly string[]): Promise<{ id: string; organisationId: string; displayName: string }[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({ id: users.id, organisationId: users.organisationId, displayName: users.displayName })
    .from(users)
    .where(and(inArray(users.organisationId, [...organisationIds]), eq(users.active, true)))
    .orderBy(asc(users.id));
}

/** The active users of the cities and of the review authorities (a pilot's report reminder), by id. */
export async function activeUsersOfCitiesAndAuthorities(db: Tx, cityCodes: readonly string[], authorityIds: readonly string[]) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, kind: organisations.kind, divisionCode: organisations.divisionCode, authorityId: organisations.authorityId })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.active, true), inArray(users.role, ['city_applicant', 'provincial_authority'])))
    .orderBy(asc(users.id));
  return rows.filter((u) =>
    u.role === 'city_applicant' ? u.kind === 'city' && cityCodes.includes(u.divisionCode) : u.authorityId !== null && authorityIds.includes(u.authorityId),
  );
}
