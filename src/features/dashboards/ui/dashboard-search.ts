/** The dashboard's URL search parameters: the drill-down (province) and the filters. */
import { PILOT_STATES, type PilotState } from '../../../shared/monitoring/pilot-states';
import { CITY_TYPES, type CityType } from '../../../shared/plan/city-types';
import { REGIONS, type Region } from '../../../shared/reference/regions';

export interface DashboardSearch {
  province?: string;
  region?: Region;
  cityType?: CityType;
  phase?: PilotState;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined);

export function parseDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  // A province code may arrive parsed as a number.
  const p = raw.province;
  if ((typeof p === 'string' || typeof p === 'number') && /^\d{2}0000$/.test(String(p))) out.province = String(p);
  const region = oneOf(REGIONS, raw.region);
  if (region) out.region = region;
  const cityType = oneOf(CITY_TYPES, raw.cityType);
  if (cityType) out.cityType = cityType;
  const phase = oneOf(PILOT_STATES, raw.phase);
  if (phase) out.phase = phase;
  return out;
}
