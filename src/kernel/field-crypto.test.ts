import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  developmentProtection,
  FieldCryptoError,
  isSealed,
  normaliseForIndex,
  openField,
  parseDataProtection,
  resealField,
  sealedKid,
  sealField,
  maskPhone,
  type DataProtection,
} from './field-crypto';

const K1 = '00112233445566778899aabbccddeeff';
const K2 = 'ffeeddccbbaa99887766554433221100';
const IDX = '0123456789abcdef0123456789abcdef';
const INT = 'fedcba9876543210fedcba9876543210';
const keys = (dataKeys: string): DataProtection => parseDataProtection({ DATA_KEYS: dataKeys, BLIND_INDEX_KEY: IDX, INTEGRITY_KEY: INT }, true);

describe('SM4 field encryption', () => {
  const p = keys(`k1:${K1}`);

  it('round-trips, with a fresh IV each time, in the versioned format naming the key', () => {
    const a = sealField('13812345678', 'experts.phone', p);
    const b = sealField('13812345678', 'experts.phone', p);
    expect(a).toMatch(/^sm4:v1:k1:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(openField(a, 'experts.phone', p)).toBe('13812345678');
    expect(openField(b, 'experts.phone', p)).toBe('13812345678');
    expect(sealedKid(a)).toBe('k1');
    expect(openField(sealField('张三@例子.中国', 'x', p), 'x', p)).toBe('张三@例子.中国');
    expect(openField(sealField('', 'x', p), 'x', p)).toBe('');
  });

  it('passes null through and reads legacy plaintext as it is', () => {
    expect(sealField(null, 'experts.phone', p)).toBeNull();
    expect(openField(null, 'experts.phone', p)).toBeNull();
    expect(openField('010-59300000', 'experts.phone', p)).toBe('010-59300000');
    expect(isSealed('010-59300000')).toBe(false);
  });

  it('refuses a ciphertext under a key that is not configured', () => {
    const sealed = sealField('13812345678', 'experts.phone', p);
    const other = keys(`k2:${K2}`);
    expect(() => openField(sealed, 'experts.phone', other)).toThrow(FieldCryptoError);
    // Same key id, different key: the MAC fails.
    const impostor = keys(`k1:${K2}`);
    expect(() => openField(sealed, 'experts.phone', impostor)).toThrow(/does not authenticate/);
  });

  it('refuses any altered part, and a ciphertext moved to another field', () => {
    const sealed = sealField('13812345678', 'experts.phone', p);
    const parts = sealed.split(':');
    for (const i of [3, 4, 5]) {
      const bytes = Buffer.from(parts[i]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      const altered = [...parts];
      altered[i] = bytes.toString('base64url');
      expect(() => openField(altered.join(':'), 'experts.phone', p), `part ${i}`).toThrow(FieldCryptoError);
    }
    expect(() => openField(sealed, 'experts.email', p)).toThrow(/does not authenticate/);
    expect(() => openField('sm4:v1:k1:abc', 'experts.phone', p)).toThrow(/known version/);
    expect(() => openField(sealed.replace('sm4:v1:', 'sm4:v9:'), 'experts.phone', p)).toThrow(/known version/);
  });

  it('rotates: the newest key encrypts, old keys still decrypt, resealing moves a value to the newest key', () => {
    const old = sealField('a@example.org', 'users.email', keys(`k1:${K1}`));
    const both = keys(`k2:${K2},k1:${K1}`);
    expect(both.currentKid).toBe('k2');
    expect(openField(old, 'users.email', both)).toBe('a@example.org');
    const fresh = resealField(old, 'users.email', both)!;
    expect(sealedKid(fresh)).toBe('k2');
    expect(resealField(fresh, 'users.email', both)).toBe(fresh);
    expect(sealedKid(resealField('plain@example.org', 'users.email', both))).toBe('k2');
    // After the rotation the old key can go.
    expect(openField(fresh, 'users.email', keys(`k2:${K2}`))).toBe('a@example.org');
    expect(() => openField(old, 'users.email', keys(`k2:${K2}`))).toThrow(/not configured/);
  });
});

describe('blind index', () => {
  const p = keys(`k1:${K1}`);
  it('gives equal digests for the same normalised value and different ones otherwise', () => {
    expect(blindIndex('phone', '138 1234 5678', p)).toBe(blindIndex('phone', '+86 138-1234-5678', p));
    expect(blindIndex('phone', '13812345678', p)).not.toBe(blindIndex('phone', '13812345679', p));
    expect(blindIndex('email', ' Lin@Example.org ', p)).toBe(blindIndex('email', 'lin@example.org', p));
    expect(blindIndex('id_number', '11010519491231002x', p)).toBe(blindIndex('id_number', '11010519491231002X', p));
    // The kind is part of the digest; no value, no digest.
    expect(blindIndex('email', '13812345678', p)).not.toBe(blindIndex('phone', '13812345678', p));
    expect(blindIndex('phone', '', p)).toBeNull();
    expect(blindIndex('phone', null, p)).toBeNull();
  });
  it('depends on the index key, not on the data key (a rotation keeps it)', () => {
    const a = blindIndex('phone', '13812345678', keys(`k1:${K1}`));
    expect(blindIndex('phone', '13812345678', keys(`k2:${K2},k1:${K1}`))).toBe(a);
    expect(blindIndex('phone', '13812345678', developmentProtection())).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
  it('normalises', () => {
    expect(normaliseForIndex('phone', '０１０－５９３０００００')).toBe('01059300000');
    expect(normaliseForIndex('phone', '008613812345678')).toBe('13812345678');
  });
});

describe('configuration', () => {
  it('uses the development keys, labelled, when none is given outside production', () => {
    const p = parseDataProtection({}, false);
    expect(p.development).toBe(true);
    expect(p.currentKid).toBe('dev');
  });
  it('refuses to run in production without keys, naming what is missing', () => {
    expect(() => parseDataProtection({}, true)).toThrow(/DATA_KEYS.*BLIND_INDEX_KEY.*INTEGRITY_KEY/);
    expect(() => parseDataProtection({ DATA_KEY: K1, BLIND_INDEX_KEY: IDX }, true)).toThrow(/INTEGRITY_KEY/);
    const p = parseDataProtection({ DATA_KEY: K1, BLIND_INDEX_KEY: IDX, INTEGRITY_KEY: INT }, true);
    expect(p.currentKid).toBe('k1');
    expect(p.development).toBe(false);
  });
  it('refuses malformed keys', () => {
    expect(() => parseDataProtection({ DATA_KEYS: 'k1:abcd' }, false)).toThrow(/16 bytes/);
    expect(() => parseDataProtection({ DATA_KEYS: `${K1}` }, false)).toThrow(/kid:hex/);
    expect(() => parseDataProtection({ DATA_KEYS: `k1:${K1},k1:${K2}` }, false)).toThrow(/twice/);
    expect(() => parseDataProtection({ BLIND_INDEX_KEY: 'zz' }, false)).toThrow(/hexadecimal/);
    expect(() => parseDataProtection({ INTEGRITY_KEY: 'abcd' }, false)).toThrow(/at least 16 bytes/);
  });
});

describe('masking', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-59300000')).toBe('010*****0000');
    expect(maskPhone(null)).toBeNull();
  });
});
