import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, ChainVerifier, GENESIS_HASH, recordHash, storableDetails, storableText, type ChainedRecord } from './audit-chain.js';

function chain(n: number): ChainedRecord[] {
  const out: ChainedRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      at: new Date(Date.UTC(2026, 0, 1, 8, 0, i)),
      actorId: null,
      username: `user${i}`,
      role: 'city_applicant',
      ip: '10.0.0.1',
      method: 'POST',
      route: '/api/v1/applications/:id/submit',
      action: 'write',
      outcome: 'success',
      status: 200,
      objectType: 'applications',
      objectId: String(i),
      details: { params: { id: String(i) }, body: { version: i } },
    };
    const hash = recordHash(content, prev);
    out.push({ ...content, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(records: ChainedRecord[], head = { seq: 5, hash: chain(5)[4]!.hash }) {
  const v = new ChainVerifier();
  for (const r of records) if (!v.push(r)) break;
  return { broken: v.finish(head), checked: v.checked };
}

describe('the SM3 hash chain', () => {
  it('hashes with SM3 over canonical JSON: key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: 'x' }], u: undefined })).toBe('{"a":[1,{"c":"x","d":null}],"b":1}');
    const r = chain(1)[0]!;
    const text = canonicalJson({ ...r, at: r.at.toISOString(), seq: undefined, hash: undefined, prevHash: GENESIS_HASH });
    expect(r.hash).toBe(createHash('sm3').update(text).digest('hex'));
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('accepts an intact chain and checks every record', () => {
    expect(verify(chain(5))).toEqual({ broken: null, checked: 5 });
  });
  it('names an altered record', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, status: 403 };
    expect(verify(c).broken).toEqual({ reason: 'altered', seq: 3, id: c[2]!.id });
    const d = chain(5);
    d[1] = { ...d[1]!, details: { ...d[1]!.details, extra: true } };
    expect(verify(d).broken).toMatchObject({ reason: 'altered', seq: 2 });
  });
  it('names the first missing position of a deleted record', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verify(c).broken).toEqual({ reason: 'missing', seq: 2, id: null });
  });
  it('names a record out of order, also when the positions were renumbered to hide a deletion', () => {
    const c = chain(5);
    const swapped = [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }, c[3]!, c[4]!];
    expect(verify(swapped).broken).toEqual({ reason: 'out_of_order', seq: 2, id: c[2]!.id });
    const renumbered = [c[0]!, ...c.slice(2).map((r, i) => ({ ...r, seq: i + 2 }))];
    expect(verify(renumbered, { seq: 4, hash: c[4]!.hash }).broken).toMatchObject({ reason: 'out_of_order', seq: 2 });
  });
  it('notices removed last records and a missing head', () => {
    const c = chain(5);
    expect(verify(c.slice(0, 4)).broken).toEqual({ reason: 'tail_missing', seq: 5, id: null });
    const v = new ChainVerifier();
    for (const r of c) v.push(r);
    expect(v.finish(null)).toMatchObject({ reason: 'head_missing' });
  });
  it('starts after a checkpoint’s last pruned record', () => {
    const c = chain(5);
    const v = new ChainVerifier({ seq: 3, prevHash: c[1]!.hash });
    for (const r of c.slice(2)) expect(v.push(r)).toBe(true);
    expect(v.finish({ seq: 5, hash: c[4]!.hash })).toBeNull();
    const wrong = new ChainVerifier({ seq: 2, prevHash: c[0]!.hash });
    wrong.push(c[2]!);
    expect(wrong.finish({ seq: 5, hash: c[4]!.hash })).toMatchObject({ reason: 'missing', seq: 2 });
  });
  it('stores what PostgreSQL accepts and hashes what it gives back', () => {
    expect(storableText('a\u0000b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    expect(storableText('城市😀')).toBe('城市😀');
    expect(storableDetails({ when: new Date('2026-01-01T00:00:00Z'), gone: undefined, n: 1 })).toEqual({ when: '2026-01-01T00:00:00.000Z', n: 1 });
  });
});
