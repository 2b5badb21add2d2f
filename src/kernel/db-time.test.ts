import { describe, expect, it } from 'vitest';
import { isoFromDb } from './db-time.js';

describe('isoFromDb', () => {
  it('rearranges a UTC stamp as Date would write it, whatever its fraction', () => {
    for (const s of ['2016-02-07 20:36:00+00', '2016-02-07 20:36:00.1+00', '2016-02-07 20:36:00.12+00', '2016-02-07 20:36:00.123+00', '2016-02-07 20:36:00.123999+00', '2026-12-31 23:59:59.999999+00']) {
      expect(isoFromDb(s)).toBe(new Date(s).toISOString());
    }
  });

  it('agrees with Date on random stamps', () => {
    for (let i = 0; i < 2000; i++) {
      const d = new Date(Date.UTC(1990 + (i % 60), i % 12, 1 + (i % 28), i % 24, (i * 7) % 60, (i * 13) % 60));
      const micros = String((i * 7919) % 1_000_000).padStart(6, '0').replace(/0+$/, '');
      const s = `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}${micros ? `.${micros}` : ''}+00`;
      expect(isoFromDb(s)).toBe(new Date(s).toISOString());
    }
  });

  it('takes another offset, a Date and null as Drizzle would', () => {
    expect(isoFromDb('2016-02-07 20:36:00+08')).toBe('2016-02-07T12:36:00.000Z');
    expect(isoFromDb('2016-02-07 20:36:00.5+05:30')).toBe('2016-02-07T15:06:00.500Z');
    expect(isoFromDb(new Date('2020-01-01T00:00:00.001Z'))).toBe('2020-01-01T00:00:00.001Z');
    expect(isoFromDb(null)).toBeNull();
  });

  it('fails as Date fails on what is no time stamp', () => {
    expect(() => isoFromDb('not a time')).toThrow(RangeError);
  });
});
