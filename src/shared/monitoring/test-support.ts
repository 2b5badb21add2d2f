/** Test support: a plan target with sensible defaults (the sample plan's shape, period 2017–2019). */
import type { Target } from '../plan/plan-schema.js';
import type { PilotPeriod } from './indicators.js';

export const PERIOD: PilotPeriod = [2017, 2018, 2019];

export function makeTarget(over: Partial<Target> = {}): Target {
  return {
    id: 't-1',
    dimension: 'innovation',
    indicator: '研发经费占比',
    unit: '%',
    direction: 'higher',
    kind: 'level',
    qualifier: 'exact',
    baseYear: 2015,
    baselineValue: 1.2,
    targetYears: [2017, 2018, 2019],
    values: [1.4, 1.6, 1.8],
    dataSource: '市统计局',
    assessmentMethod: '',
    wording: '',
    ...over,
  };
}
