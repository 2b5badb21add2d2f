import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, users } from '../../db/schema.js';
import type { Role } from '../../shared/permissions/roles.js';

export type OrganisationKind =
  | 'city'
  | 'province_authority'
  | 'ministry_planning'
  | 'ministry_department'
  | 'expert_committee'
  | 'leading_group'
  | 'platform';

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
