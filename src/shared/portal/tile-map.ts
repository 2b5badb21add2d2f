/**
 * The portal's schematic (ADR 0016): the province tile grid (src/shared/reference/province-tiles.ts)
 * with the published pilots placed on it, and how each pilot state is drawn. Pure. A pilot whose
 * cities lie in two provinces counts in each. Each state has a symbol as well as a colour, so the
 * grid does not speak by colour alone (WCAG 1.4.1); the colours keep 4.5:1 against white text.
 */
import { PILOT_STATES, PILOT_STATE_LABELS, type PilotState } from '../monitoring/pilot-lifecycle.js';
import { PROVINCE_TILES, provinceTileOf, type ProvinceTile } from '../reference/province-tiles.js';

export interface MappedPilot {
  id: string;
  cityCodes: readonly string[];
  state: string;
}

export interface TileWithPilots<P extends MappedPilot> {
  tile: ProvinceTile;
  pilots: P[];
}

/** Every tile of the grid, with the pilots that have a city in its province. */
export function tilesWithPilots<P extends MappedPilot>(pilots: readonly P[]): TileWithPilots<P>[] {
  return PROVINCE_TILES.map((tile) => ({ tile, pilots: pilots.filter((p) => provincesOf(p).includes(tile.code)) }));
}

/** The province codes of a pilot's cities (each once, in the cities' order). */
export function provincesOf(p: { cityCodes: readonly string[] }): string[] {
  return [...new Set(p.cityCodes.map((c) => provinceTileOf(c)?.code).filter((c): c is string => c !== undefined))];
}

export function asPilotState(s: string): PilotState {
  return (PILOT_STATES as readonly string[]).includes(s) ? (s as PilotState) : 'implementation';
}

/** How many pilots are in each state (every state listed, zeros included). */
export function countByState(pilots: readonly { state: string }[]): Record<PilotState, number> {
  const out = Object.fromEntries(PILOT_STATES.map((s) => [s, 0])) as Record<PilotState, number>;
  for (const p of pilots) out[asPilotState(p.state)] += 1;
  return out;
}

/** The legend: a one-character symbol and a colour (white text on it passes 4.5:1) per state. */
export const STATE_STYLE: Record<PilotState, { symbol: string; colour: string }> = {
  implementation: { symbol: '实', colour: '#1f5fa8' },
  midterm: { symbol: '中', colour: '#0b6e6e' },
  summary: { symbol: '总', colour: '#6a3d9a' },
  completed: { symbol: '示', colour: '#2e6b1f' },
  rectification: { symbol: '改', colour: '#8a4b00' },
  suspended: { symbol: '停', colour: '#a3262a' },
  cancelled: { symbol: '消', colour: '#4a4a4a' },
};

export function stateLabel(s: string): string {
  return PILOT_STATE_LABELS[asPilotState(s)].zh;
}

/** WCAG relative luminance contrast of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}
