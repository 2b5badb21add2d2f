import { describe, expect, it } from 'vitest';
import { listDivisions } from './divisions.js';
import { PROVINCE_TILES, TILE_GRID_COLS, TILE_GRID_ROWS, provinceTileOf } from './province-tiles.js';

describe('province tile grid', () => {
  it('has one tile for each of the 31 divisions in the data and for 台湾, 香港 and 澳门: 34 in all', () => {
    // The divisions data covers the programme's mainland divisions; the schematic shows the whole country.
    const provinces = listDivisions().filter((d) => d.level === 'province').map((d) => d.code);
    expect(provinces).toHaveLength(31);
    expect(PROVINCE_TILES.map((t) => t.code).sort()).toEqual([...provinces, '710000', '810000', '820000'].sort());
    expect(PROVINCE_TILES).toHaveLength(34);
  });

  it('places no two tiles on one square and keeps every tile inside the grid', () => {
    const squares = new Set(PROVINCE_TILES.map((t) => `${t.row}:${t.col}`));
    expect(squares.size).toBe(PROVINCE_TILES.length);
    for (const t of PROVINCE_TILES) {
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_GRID_ROWS);
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_GRID_COLS);
    }
  });

  it('finds the province tile of a city or district code, and none for an unknown prefix', () => {
    expect(provinceTileOf('330200')?.label).toBe('浙江');
    expect(provinceTileOf('110105')?.label).toBe('北京');
    expect(provinceTileOf('990000')).toBeUndefined();
  });
});
