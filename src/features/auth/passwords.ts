/**
 * Setting a password under the identity rules (src/shared/identity/password-policy.ts): length,
 * classes, the user name, the breached list, and none of the last ones again (their argon2 hashes are
 * kept, newest first). A user's own change ends the password's expiry; an administrator's sets a
 * temporary password that must be changed at the next sign-in.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../kernel/app-error.js';
import type { ErrorCode } from '../../shared/errors/error-codes.js';
import { nextPasswordHistory, passwordProblems, reusesPassword, type PasswordPolicy, type PasswordProblem } from '../../shared/identity/password-policy.js';
import { hashPassword, verifyPassword } from '../../kernel/password-hash.js';

const REFUSAL: Record<PasswordProblem, ErrorCode> = {
  TOO_SHORT: 'PASSWORD_TOO_SHORT',
  TOO_FEW_CLASSES: 'PASSWORD_TOO_FEW_CLASSES',
  CONTAINS_USERNAME: 'PASSWORD_CONTAINS_USERNAME',
  BREACHED: 'PASSWORD_BREACHED',
  REUSED: 'PASSWORD_REUSED',
};

/** Refuses a password that breaks a rule needing no history: the first problem's code, all of them in the details. */
export function refuseWeakPassword(password: string, username: string, policy: PasswordPolicy): void {
  const problems = passwordProblems(password, username, policy);
  if (problems.length) throw new AppError(REFUSAL[problems[0]!], { problems, minLength: policy.minLength, minClasses: policy.minClasses });
}

/**
 * Sets a user's password after every rule, the history included. `temporary`: set by an
 * administrator, to be changed at the next sign-in. Returns false when the user does not exist.
 */
export async function setPassword(db: Db, userId: string, password: string, policy: PasswordPolicy, opts: { temporary: boolean; now: Date }): Promise<boolean> {
  const [user] = await db
    .select({ username: users.username, passwordHash: users.passwordHash, passwordHistory: users.passwordHistory })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return false;
  refuseWeakPassword(password, user.username, policy);
  // The current hash counts as the newest of the history (accounts from before the history was kept have none).
  const history = user.passwordHistory.length && user.passwordHistory[0] === user.passwordHash ? user.passwordHistory : [user.passwordHash, ...user.passwordHistory];
  if (await reusesPassword(password, history, verifyPassword, policy)) {
    throw new AppError('PASSWORD_REUSED', { problems: ['REUSED'], historySize: policy.historySize });
  }
  const passwordHash = await hashPassword(password);
  await db
    .update(users)
    .set({
      passwordHash,
      passwordHistory: nextPasswordHistory(history, passwordHash, policy),
      passwordChangedAt: opts.now,
      mustChangePassword: opts.temporary,
      failedLogins: 0,
      lockedUntil: null,
    })
    .where(eq(users.id, userId));
  return true;
}
