/**
 * The password rules of 等级保护 2.0 level 3 (identification and authentication), configurable with
 * its defaults: at least 8 characters from at least three of the four classes (lower case, upper
 * case, digits, symbols), a change every 90 days, none of the last 5 again, and nothing from the
 * breached-password list that ships with the platform. Pure: the server decides with these, the
 * web explains each refusal by its code.
 */
import { isBreachedPassword } from './breached.js';

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four character classes a password must use. */
  minClasses: number;
  /** Days a password may be used before it must be changed (0: never expires). */
  maxAgeDays: number;
  /** How many previous passwords may not be used again. */
  historySize: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 90, historySize: 5 };

export const CHARACTER_CLASSES = ['lower', 'upper', 'digit', 'symbol'] as const;
export type CharacterClass = (typeof CHARACTER_CLASSES)[number];

/** The classes a password uses; anything that is not an ASCII letter or digit counts as a symbol. */
export function characterClasses(password: string): Set<CharacterClass> {
  const out = new Set<CharacterClass>();
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') out.add('lower');
    else if (ch >= 'A' && ch <= 'Z') out.add('upper');
    else if (ch >= '0' && ch <= '9') out.add('digit');
    else out.add('symbol');
  }
  return out;
}

export const PASSWORD_PROBLEMS = ['TOO_SHORT', 'TOO_FEW_CLASSES', 'CONTAINS_USERNAME', 'BREACHED', 'REUSED'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** What is wrong with a new password by the rules that need no stored history (REUSED is checked against hashes). */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('TOO_SHORT');
  if (characterClasses(password).size < policy.minClasses) problems.push('TOO_FEW_CLASSES');
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push('CONTAINS_USERNAME');
  if (isBreachedPassword(password)) problems.push('BREACHED');
  return problems;
}

/** Whether a password set at `changedAt` must be changed at `now`. */
export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() >= policy.maxAgeDays * 86_400_000;
}

/** The history after a change: the new hash first, at most `historySize` kept (the current one included). */
export function nextPasswordHistory(history: readonly string[], newHash: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string[] {
  return [newHash, ...history].slice(0, Math.max(1, policy.historySize));
}

/**
 * Whether a password is one of the last `historySize` (the current one included), given a verifier
 * for one stored hash (argon2 on the server). Stops at the first match.
 */
export async function reusesPassword(
  password: string,
  history: readonly string[],
  verify: (hash: string, password: string) => Promise<boolean>,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): Promise<boolean> {
  for (const hash of history.slice(0, policy.historySize)) if (await verify(hash, password)) return true;
  return false;
}
