import { describe, expect, it } from 'vitest';
import { PILOT_STATES } from '../monitoring/pilot-lifecycle.js';
import { PROVINCE_TILES } from '../reference/province-tiles.js';
import { contrastRatio, countByState, provincesOf, STATE_STYLE, tilesWithPilots } from './tile-map.js';

describe('the tile map of pilots', () => {
  const pilots = [
    { id: 'ningbo', cityCodes: ['330200'], state: 'summary' },
    { id: 'cluster', cityCodes: ['430100', '430200', '420100'], state: 'implementation' },
    { id: 'shanghai', cityCodes: ['310000'], state: 'cancelled' },
  ];

  it('places each pilot on the tiles of its provinces, a cross-province one on each', () => {
    const tiles = tilesWithPilots(pilots);
    expect(tiles).toHaveLength(PROVINCE_TILES.length);
    const of = (code: string) => tiles.find((t) => t.tile.code === code)!.pilots.map((p) => p.id);
    expect(of('330000')).toEqual(['ningbo']);
    expect(of('430000')).toEqual(['cluster']);
    expect(of('420000')).toEqual(['cluster']);
    expect(of('310000')).toEqual(['shanghai']);
    expect(of('710000')).toEqual([]);
    expect(provincesOf(pilots[1]!)).toEqual(['430000', '420000']);
  });

  it('counts every state, zeros included', () => {
    const counts = countByState(pilots);
    expect(Object.keys(counts)).toEqual([...PILOT_STATES]);
    expect(counts).toMatchObject({ summary: 1, implementation: 1, cancelled: 1, midterm: 0 });
  });

  it('gives every state a distinct symbol and a colour with white text at 4.5:1 or more', () => {
    const symbols = PILOT_STATES.map((s) => STATE_STYLE[s].symbol);
    expect(new Set(symbols).size).toBe(PILOT_STATES.length);
    for (const s of PILOT_STATES) expect(contrastRatio(STATE_STYLE[s].colour, '#ffffff'), s).toBeGreaterThanOrEqual(4.5);
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
