/**
 * Recovery codes for a lost authenticator: ten random codes shown once at enrolment, stored only as
 * SHA-256 digests (each has about 59 bits of randomness, so a slow hash adds nothing), each usable once.
 */
import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Codes like "k7qm-x2rt-9wbn" (12 characters of 31, in groups of four). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

/** Whether text looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 12;
}

/** The stored digests after using `code`, or null when it is not one of them. */
export function useRecoveryCode(stored: readonly string[], code: string): string[] | null {
  const h = hashRecoveryCode(code);
  const i = stored.indexOf(h);
  return i < 0 ? null : [...stored.slice(0, i), ...stored.slice(i + 1)];
}
