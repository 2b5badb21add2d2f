import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
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

export async function hashPassword(password: string) {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Whether a password matches a stored hash; a malformed hash is simply no match. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export async function createUser(
  db: Db,
  u: { username: string; password?: string; passwordHash?: string; displayName: string; role: Role; organisationId: string; email?: string },
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
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      divisionCode: organisations.divisionCode,
      authorityId: organisations.authorityId,
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

/** Ends every session of a user (deactivation, password reset). */
export async function deleteSessionsOf(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
