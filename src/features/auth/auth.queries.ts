import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Role } from '../../shared/roles/roles.js';
import type { SessionUser } from '../../kernel/request-guards.js';
import { loginThrottle, organisations, sessions, users } from '../../db/schema.js';

export async function findUserForLogin(db: Db, username: string) {
  const rows = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      active: users.active,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return rows[0] ?? null;
}

export async function recordLoginFailure(db: Db, userId: string, maxFailures: number, lockMinutes: number) {
  await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function resetLoginFailures(db: Db, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** The count in a key's current window, without counting anything (0 once the window has passed). */
export async function peekThrottle(db: Db, key: string, windowSeconds: number): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then 0 else ${loginThrottle.count} end` })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key))
    .limit(1);
  return Number(rows[0]?.count ?? 0);
}

/** Counts one attempt in a fixed window and returns the count so far (atomic upsert). */
export async function bumpThrottle(db: Db, key: string, windowSeconds: number): Promise<number> {
  const rows = await db
    .insert(loginThrottle)
    .values({ key, count: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        count: sql`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${loginThrottle.count} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then now() else ${loginThrottle.windowStart} end`,
      },
    })
    .returning({ count: loginThrottle.count });
  return rows[0]?.count ?? 1;
}

export async function insertSession(
  db: Db,
  row: { id: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

/**
 * The session behind a cookie: one indexed query per request (sessions' primary key, then the
 * user's and organisation's). It runs on every request, so it is built once per database as a
 * prepared statement instead of being composed anew each time.
 */
function sessionLookup(db: Db) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      divisionCode: organisations.divisionCode,
      authorityId: organisations.authorityId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare('find_session');
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>();

export async function findSession(db: Db, id: string) {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = sessionLookup(db)));
  const rows = await lookup.execute({ id });
  return rows[0] ?? null;
}

export async function getSessionUserById(db: Db, userId: string): Promise<SessionUser | null> {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      divisionCode: organisations.divisionCode,
      authorityId: organisations.authorityId,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  const row = rows[0];
  return row ? { ...row, role: row.role as Role } : null;
}
