/**
 * City types bound to a region: 东部创新型城市 only in the east, 中部产业特色城市 only in the centre,
 * 西部传统工业大市 only in the west. The other types may be claimed anywhere.
 */
import { regionOfCode, type Region } from '../reference/regions.js';

export const CITY_TYPES = [
  'old_industrial_base', // 老工业基地
  'eastern_innovative', // 东部创新型城市
  'central_characteristic', // 中部产业特色城市
  'western_traditional', // 西部传统工业大市
  'resource_based', // 资源型城市
  'green_transformation', // 区域工业绿色转型发展试点城市
] as const;
export type CityType = (typeof CITY_TYPES)[number];

export const CITY_TYPE_LABELS: Record<CityType, { zh: string; en: string }> = {
  old_industrial_base: { zh: '老工业基地', en: 'Old industrial base' },
  eastern_innovative: { zh: '东部创新型城市', en: 'Eastern innovative city' },
  central_characteristic: { zh: '中部产业特色城市', en: 'Central industry-characteristic city' },
  western_traditional: { zh: '西部传统工业大市', en: 'Western traditional industrial city' },
  resource_based: { zh: '资源型城市', en: 'Resource-based city' },
  green_transformation: { zh: '区域工业绿色转型发展试点城市', en: 'Regional industrial green-transformation pilot city' },
};


const REGION_OF_TYPE: Readonly<Partial<Record<CityType, Region>>> = {
  eastern_innovative: 'east',
  central_characteristic: 'central',
  western_traditional: 'west',
};

/** The region a city type is bound to, or null when it may be claimed in any region. */
export function cityTypeRegion(type: CityType): Region | null {
  return REGION_OF_TYPE[type] ?? null;
}

/** The city type named after the region (东部创新型城市 for east ...); none for the northeast. */
export function regionalCityType(region: Region): CityType | null {
  const found = (Object.keys(REGION_OF_TYPE) as CityType[]).find((t) => REGION_OF_TYPE[t] === region);
  return found ?? null;
}

/** The claimed types whose region none of the applying cities is in. */
export function cityTypesOutsideRegion(types: readonly CityType[], cityCodes: readonly string[]): { type: CityType; region: Region }[] {
  const regions = new Set(cityCodes.map(regionOfCode).filter((r) => r !== null));
  const out: { type: CityType; region: Region }[] = [];
  for (const type of types) {
    const region = cityTypeRegion(type);
    if (region && cityCodes.length > 0 && !regions.has(region)) out.push({ type, region });
  }
  return out;
}
