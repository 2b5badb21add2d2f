import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
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
      role: users.role,
      passwordChangedAt: users.passwordChangedAt,
      mustChangePassword: users.mustChangePassword,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
      recoveryCodes: users.recoveryCodes,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return rows[0] ?? null;
}

/** Counts one wrong password or code; the lock starts when the count reaches the limit (atomic). */
export async function recordLoginFailure(db: Db, userId: string, maxFailures: number, lockMinutes: number, now: Date) {
  const rows = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then ${now.toISOString()}::timestamptz + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins });
  return rows[0]?.failedLogins ?? 0;
}

/** Accepts a TOTP step only if it is later than the last one (compare-and-set: two sign-ins with one code, one wins). */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Uses up one recovery code (compare-and-set on the list as read). */
export async function replaceRecoveryCodes(db: Db, userId: string, before: string[], after: string[]): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ recoveryCodes: after })
    .where(and(eq(users.id, userId), sql`${users.recoveryCodes} = ${JSON.stringify(before)}::jsonb`))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function getIdentity(db: Db, userId: string) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      passwordHash: users.passwordHash,
      passwordHistory: users.passwordHistory,
      passwordChangedAt: users.passwordChangedAt,
      mustChangePassword: users.mustChangePassword,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
      recoveryCodes: users.recoveryCodes,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateIdentity(
  db: Db,
  userId: string,
  set: Partial<{
    passwordHash: string;
    passwordHistory: string[];
    passwordChangedAt: Date;
    mustChangePassword: boolean;
    totpSecret: string | null;
    totpEnabledAt: Date | null;
    totpLastStep: number | null;
    recoveryCodes: string[];
  }>,
) {
  await db.update(users).set(set).where(eq(users.id, userId));
}

export async function setMustChangePassword(db: Db, userId: string) {
  await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId));
}

/** A user's open sessions, newest activity first. */
export async function listSessionsOf(db: Db, userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, address: sessions.address, userAgent: sessions.userAgent, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one session of a user; false when it is not theirs or gone. */
export async function deleteSessionOf(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).returning({ id: sessions.id });
  return rows.length === 1;
}

/** Writes a session's last activity (at most once a minute per session, see shouldTouch). */
export async function touchSession(db: Db, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
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
  row: { id: string; userId: string; csrfToken: string; expiresAt: Date; lastSeenAt: Date; address: string | null; userAgent: string | null },
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
      lastSeenAt: sessions.lastSeenAt,
      mustChangePassword: users.mustChangePassword,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
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
