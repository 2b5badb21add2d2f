/**
 * Personal data at rest (issue 8 point 4): SM4 field encryption, blind indexes, and the keys for the
 * records' SM3 integrity MACs.
 *
 * Node's OpenSSL offers SM4 in ECB, CBC, CFB, OFB and CTR but not GCM, so a field is sealed as
 * SM4-CTR under a random 128-bit IV, then authenticated with HMAC-SM3 over the version, key id, the
 * field's context (table.column), IV and ciphertext — encrypt-then-MAC. The encryption and MAC keys are
 * derived from one 16-byte data key per key id with HMAC-SM3, so one configured key never serves two
 * purposes. The stored text is
 *
 *   sm4:v1:<kid>:<iv>:<ciphertext>:<mac>          (iv, ciphertext, mac in base64url)
 *
 * so a rotation finds the records under an old key by their prefix. A value without the `sm4:` prefix
 * is a legacy plaintext written before encryption; it is read as it is until `encrypt-data` (or the
 * start-up pass) seals it.
 *
 * Keys come from configuration (src/server/config.ts): DATA_KEYS `kid:hex,kid:hex` (the first encrypts,
 * every one listed decrypts) or DATA_KEY `hex` (key id `k1`); BLIND_INDEX_KEY and INTEGRITY_KEY, hex.
 * In demo and development a fixed development key set, labelled as such, applies; production without
 * demo data refuses to start without them.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface DataProtection {
  /** Key id → 16-byte SM4 data key. */
  dataKeys: ReadonlyMap<string, Buffer>;
  /** The key id new values are sealed under. */
  currentKid: string;
  /** HMAC-SM3 key of the blind indexes (lookups on encrypted fields); kept across data-key rotations. */
  indexKey: Buffer;
  /** HMAC-SM3 key of the key records' integrity MACs. */
  integrityKey: Buffer;
  /** The published development keys: demo and development only. */
  development: boolean;
}

export class FieldCryptoError extends Error {
  constructor(
    message: string,
    readonly reason: 'malformed' | 'unknown_key' | 'tampered',
  ) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

const PREFIX = 'sm4:v1:';
const KID = /^[A-Za-z0-9_-]{1,32}$/;

/** Derived from a public label: anyone can compute these, so they protect nothing outside development. */
function developmentKey(label: string, bytes: number): Buffer {
  return createHash('sm3').update(`mic2025 DEVELOPMENT KEY, NOT SECRET: ${label}`).digest().subarray(0, bytes);
}

export const DEVELOPMENT_KID = 'dev';

export function developmentProtection(): DataProtection {
  return {
    dataKeys: new Map([[DEVELOPMENT_KID, developmentKey('data', 16)]]),
    currentKid: DEVELOPMENT_KID,
    indexKey: developmentKey('blind-index', 32),
    integrityKey: developmentKey('integrity', 32),
    development: true,
  };
}

function hexKey(name: string, value: string, minBytes: number, exactBytes?: number): Buffer {
  const v = value.trim();
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(v)) throw new Error(`${name} must be hexadecimal`);
  const key = Buffer.from(v, 'hex');
  if (exactBytes !== undefined && key.length !== exactBytes) throw new Error(`${name} must be ${exactBytes} bytes (${exactBytes * 2} hex digits), got ${key.length}`);
  if (key.length < minBytes) throw new Error(`${name} must be at least ${minBytes} bytes (${minBytes * 2} hex digits), got ${key.length}`);
  return key;
}

/**
 * The keys from the environment. `requireKeys` (production without demo data): every key must be
 * configured. Otherwise a missing key falls back to its development key; a key that is given but
 * malformed is refused either way.
 */
export function parseDataProtection(env: NodeJS.ProcessEnv, requireKeys: boolean): DataProtection {
  const dev = developmentProtection();
  const list = env.DATA_KEYS?.trim() ? env.DATA_KEYS : env.DATA_KEY?.trim() ? `k1:${env.DATA_KEY.trim()}` : '';
  const missing = [!list && 'DATA_KEYS (or DATA_KEY)', !env.BLIND_INDEX_KEY?.trim() && 'BLIND_INDEX_KEY', !env.INTEGRITY_KEY?.trim() && 'INTEGRITY_KEY'].filter(Boolean);
  if (requireKeys && missing.length > 0) {
    throw new Error(`拒绝启动:生产环境须配置数据密钥 Refusing to start in production without ${missing.join(', ')} (see docs/security.md, “Data protection”)`);
  }
  let dataKeys: Map<string, Buffer> = new Map(dev.dataKeys);
  let currentKid = dev.currentKid;
  if (list) {
    dataKeys = new Map();
    for (const part of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const i = part.indexOf(':');
      const kid = i > 0 ? part.slice(0, i) : '';
      if (!KID.test(kid)) throw new Error(`DATA_KEYS: each key is kid:hex with a key id of 1–32 letters, digits, - or _ (got “${part.slice(0, 40)}”)`);
      if (dataKeys.has(kid)) throw new Error(`DATA_KEYS: key id ${kid} is listed twice`);
      dataKeys.set(kid, hexKey(`DATA_KEYS ${kid}`, part.slice(i + 1), 16, 16));
      if (dataKeys.size === 1) currentKid = kid;
    }
    if (dataKeys.size === 0) throw new Error('DATA_KEYS lists no key');
  }
  return {
    dataKeys,
    currentKid,
    indexKey: env.BLIND_INDEX_KEY?.trim() ? hexKey('BLIND_INDEX_KEY', env.BLIND_INDEX_KEY, 16) : dev.indexKey,
    integrityKey: env.INTEGRITY_KEY?.trim() ? hexKey('INTEGRITY_KEY', env.INTEGRITY_KEY, 16) : dev.integrityKey,
    development: !list && !env.BLIND_INDEX_KEY?.trim() && !env.INTEGRITY_KEY?.trim(),
  };
}

// The keys in force in this process: set once at start (buildApp, the CLI); the development keys until then.
let active: DataProtection = developmentProtection();

export function configureDataProtection(p: DataProtection): void {
  if (!p.dataKeys.has(p.currentKid)) throw new Error(`the current data key ${p.currentKid} is not among the keys`);
  active = p;
}

export function dataProtection(): DataProtection {
  return active;
}

const subkey = (key: Buffer, purpose: 'enc' | 'mac') => createHmac('sm3', key).update(`mic2025 field ${purpose}`).digest();

function macOf(key: Buffer, kid: string, context: string, iv: Buffer, ct: Buffer): Buffer {
  return createHmac('sm3', subkey(key, 'mac')).update(`${PREFIX}${kid}\n${context}\n`).update(iv).update(ct).digest();
}

/** Whether a stored value is sealed (any key), as opposed to a legacy plaintext or null. */
export function isSealed(stored: string | null | undefined): boolean {
  return typeof stored === 'string' && stored.startsWith('sm4:');
}

/** The key id a stored value is sealed under; null for plaintext or null. */
export function sealedKid(stored: string | null | undefined): string | null {
  if (!isSealed(stored)) return null;
  return stored!.split(':')[2] ?? null;
}

/**
 * Encrypts one field's value under the current key. `context` names the field (e.g. `experts.phone`):
 * it is authenticated, so a ciphertext copied into another field does not open there.
 */
export function sealField(plain: string, context: string, p?: DataProtection): string;
export function sealField(plain: string | null, context: string, p?: DataProtection): string | null;
export function sealField(plain: string | null, context: string, p: DataProtection = active): string | null {
  if (plain === null) return null;
  if (isSealed(plain)) return plain;
  const kid = p.currentKid;
  const key = p.dataKeys.get(kid)!;
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-ctr', subkey(key, 'enc').subarray(0, 16), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = macOf(key, kid, context, iv, ct);
  return `${PREFIX}${kid}:${iv.toString('base64url')}:${ct.toString('base64url')}:${mac.toString('base64url')}`;
}

/**
 * Decrypts a stored value; a legacy plaintext (no `sm4:` prefix) comes back as it is. A ciphertext under
 * a key that is no longer configured, or one that was altered, is refused with a FieldCryptoError.
 */
export function openField(stored: string, context: string, p?: DataProtection): string;
export function openField(stored: string | null, context: string, p?: DataProtection): string | null;
export function openField(stored: string | null, context: string, p: DataProtection = active): string | null {
  if (stored === null || !isSealed(stored)) return stored;
  const parts = stored.split(':');
  if (parts.length !== 6 || parts[1] !== 'v1') throw new FieldCryptoError(`${context}: not a field ciphertext of a known version`, 'malformed');
  const [, , kid, ivText, ctText, macText] = parts as [string, string, string, string, string, string];
  const key = p.dataKeys.get(kid);
  if (!key) throw new FieldCryptoError(`${context}: sealed under key ${kid}, which is not configured`, 'unknown_key');
  const iv = Buffer.from(ivText, 'base64url');
  const ct = Buffer.from(ctText, 'base64url');
  const mac = Buffer.from(macText, 'base64url');
  const expected = macOf(key, kid, context, iv, ct);
  if (iv.length !== 16 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
    throw new FieldCryptoError(`${context}: the ciphertext does not authenticate (altered, or another field's)`, 'tampered');
  }
  const decipher = createDecipheriv('sm4-ctr', subkey(key, 'enc').subarray(0, 16), iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Re-seals a value under the current key (plaintext is sealed; a value already under it is kept). */
export function resealField(stored: string | null, context: string, p: DataProtection = active): string | null {
  if (stored === null) return null;
  if (sealedKid(stored) === p.currentKid) return stored;
  return sealField(openField(stored, context, p), context, p);
}

export type BlindIndexKind = 'phone' | 'email' | 'id_number';

/** What counts as the same value: digits of a phone (a +86/0086 prefix dropped), an e-mail in lower case, an ID number in upper case. */
export function normaliseForIndex(kind: BlindIndexKind, value: string): string {
  const v = value.normalize('NFKC').trim();
  if (kind === 'email') return v.toLowerCase();
  if (kind === 'id_number') return v.replace(/\s+/g, '').toUpperCase();
  const digits = v.replace(/\D/g, '');
  return digits.replace(/^(?:0086|86)(?=1\d{10}$)/, '');
}

/**
 * A keyed digest of the normalised value (HMAC-SM3 under the blind-index key, hex): equal values give
 * equal digests, so a lookup or a uniqueness check runs on this column without decrypting, while the
 * column alone tells nothing without the key. Null for an empty value.
 */
export function blindIndex(kind: BlindIndexKind, value: string | null | undefined, p: DataProtection = active): string | null {
  if (value === null || value === undefined) return null;
  const n = normaliseForIndex(kind, value);
  if (!n) return null;
  return createHmac('sm3', p.indexKey).update(`${kind}\n${n}`).digest('hex');
}

/** Shows the start and end of a phone number only (138****5678), for lists where the whole number is not needed. */
export function maskPhone(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  if (v.length <= 7) return v.replace(/.(?=.{2})/g, '*');
  return `${v.slice(0, 3)}${'*'.repeat(Math.max(4, v.length - 7))}${v.slice(-4)}`;
}
