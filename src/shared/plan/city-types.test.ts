import { describe, expect, it } from 'vitest';
import { REGIONS } from '../reference/regions';
import { cityTypeRegion, cityTypesOutsideRegion, regionalCityType } from './city-types';
import { CITY_TYPES } from './plan-schema';

describe('city types bound to a region', () => {
  it('binds the three regional types and leaves the others free', () => {
    expect(cityTypeRegion('eastern_innovative')).toBe('east');
    expect(cityTypeRegion('central_characteristic')).toBe('central');
    expect(cityTypeRegion('western_traditional')).toBe('west');
    for (const t of ['old_industrial_base', 'resource_based', 'green_transformation'] as const) expect(cityTypeRegion(t)).toBeNull();
    for (const r of REGIONS) {
      const t = regionalCityType(r);
      if (t !== null) expect(cityTypeRegion(t)).toBe(r);
    }
    expect(regionalCityType('northeast')).toBeNull();
    expect(CITY_TYPES.filter((t) => cityTypeRegion(t) !== null)).toHaveLength(3);
  });

  it('flags a type whose region none of the cities is in', () => {
    // 湖州 is in the east; 中部产业特色城市 is for the central region.
    expect(cityTypesOutsideRegion(['central_characteristic'], ['330500'])).toEqual([{ type: 'central_characteristic', region: 'central' }]);
    expect(cityTypesOutsideRegion(['eastern_innovative', 'resource_based'], ['330500'])).toEqual([]);
    // 武汉 (central) claims it rightly; a cluster with one member in the region is enough.
    expect(cityTypesOutsideRegion(['central_characteristic'], ['420100'])).toEqual([]);
    expect(cityTypesOutsideRegion(['western_traditional'], ['330500', '500101'])).toEqual([]);
    // No cities yet: the cover check reports that instead.
    expect(cityTypesOutsideRegion(['western_traditional'], [])).toEqual([]);
  });
});
