import { describe, expect, it } from 'vitest';
import { TARGET_DIMENSIONS } from '../plan/plan-schema.js';
import { aggregateDashboard, pilotMatches, type DashboardInput, type DashboardPilotInput, type StatusCounts } from './aggregate.js';

const counts = (on: number, risk: number, off: number, none: number): StatusCounts => ({ on_track: on, at_risk: risk, off_track: off, no_data: none });
const dims = (c: StatusCounts) => Object.fromEntries(TARGET_DIMENSIONS.map((d) => [d, d === 'innovation' ? c : counts(0, 0, 0, 0)])) as Record<(typeof TARGET_DIMENSIONS)[number], StatusCounts>;

const pilot = (id: string, cityCodes: string[], extra: Partial<DashboardPilotInput> = {}): DashboardPilotInput => ({
  id,
  name: `试点${id}`,
  cityCodes,
  cityTypes: [],
  state: 'implementation',
  isDemo: false,
  attainment: null,
  ...extra,
});

const PILOTS: DashboardPilotInput[] = [
  pilot('hz', ['330100'], { cityTypes: ['eastern_innovative'], attainment: { overallStatus: 'on_track', meanProgress: 1, byDimension: dims(counts(2, 0, 0, 0)) } }),
  pilot('nb', ['330200'], { cityTypes: ['eastern_innovative', 'old_industrial_base'], state: 'midterm', attainment: { overallStatus: 'off_track', meanProgress: 0.5, byDimension: dims(counts(0, 1, 1, 0)) } }),
  pilot('wh', ['420100'], { cityTypes: ['central_characteristic'], state: 'rectification' }),
  // A cluster across two provinces (浙江 and 安徽): counts once in the totals, once in each province.
  pilot('cl', ['330500', '341800'], { cityTypes: ['green_transformation'], attainment: { overallStatus: 'at_risk', meanProgress: 0.8, byDimension: dims(counts(1, 1, 0, 1)) } }),
  pilot('sy', ['210100'], { cityTypes: ['old_industrial_base', 'resource_based'], state: 'completed' }),
];

const input = (over: Partial<DashboardInput> = {}): DashboardInput => ({
  pilots: PILOTS,
  filters: {},
  today: '2019-03-01',
  overdueReports: [
    { reportId: 'r1', pilotId: 'hz', period: '2018', periodText: { zh: '2018年度', en: '2018' }, dueDate: '2019-01-31', status: 'draft' },
    { reportId: 'r2', pilotId: 'wh', period: '2018', periodText: { zh: '2018年度', en: '2018' }, dueDate: '2019-01-15', status: 'returned' },
  ],
  openCases: [
    { caseId: 'c1', pilotId: 'wh', status: 'open', deadline: '2019-02-01' },
    { caseId: 'c2', pilotId: 'nb', status: 'answered', deadline: '2019-06-30' },
  ],
  resources: [
    { pilotId: 'hz', programme: 'transformation', amount: 1000.5, count: 2 },
    { pilotId: 'nb', programme: 'transformation', amount: 500, count: 1 },
    { pilotId: 'wh', programme: 'intelligent', amount: 300, count: 1 },
  ],
  programmes: [
    { key: 'transformation', zh: '工业转型升级', en: 'Transformation' },
    { key: 'intelligent', zh: '智能制造', en: 'Intelligent manufacturing' },
    { key: 'renovation', zh: '技术改造', en: 'Renovation' },
  ],
  ...over,
});

describe('the dashboard aggregation', () => {
  it('counts pilots by region, city type, phase and province, a cross-province cluster in each of its provinces', () => {
    const d = aggregateDashboard(input());
    expect(d.totals).toMatchObject({ pilots: 5, cities: 6, overdueReports: 2, openRectifications: 2, resourceAmount: 1800.5, resourceRecords: 4 });
    expect(d.byRegion).toEqual([
      { key: 'east', pilots: 3 },
      { key: 'central', pilots: 2 },
      { key: 'west', pilots: 0 },
      { key: 'northeast', pilots: 1 },
    ]);
    expect(Object.fromEntries(d.byCityType.map((t) => [t.key, t.pilots]))).toEqual({
      old_industrial_base: 2,
      eastern_innovative: 2,
      central_characteristic: 1,
      western_traditional: 0,
      resource_based: 1,
      green_transformation: 1,
    });
    expect(Object.fromEntries(d.byPhase.map((p) => [p.key, p.pilots]))).toMatchObject({ implementation: 2, midterm: 1, rectification: 1, completed: 1, suspended: 0 });
    const prov = Object.fromEntries(d.byProvince.map((p) => [p.code, p]));
    expect(d.byProvince).toHaveLength(34);
    expect(prov['330000']).toMatchObject({ name: '浙江省', label: '浙江', region: 'east', pilots: 3, meanProgress: round((1 + 0.5 + 0.8) / 3) });
    expect(prov['340000']).toMatchObject({ pilots: 1, meanProgress: 0.8 });
    expect(prov['420000']).toMatchObject({ pilots: 1, meanProgress: null });
    expect(prov['710000']).toMatchObject({ pilots: 0, region: null });
  });

  it('sums the attainment status per dimension from the pilots’ summaries, and the pilots by overall status', () => {
    const d = aggregateDashboard(input());
    expect(d.attainment.pilots).toBe(3);
    expect(d.attainment.byDimension.innovation).toEqual(counts(3, 2, 1, 1));
    expect(d.attainment.byDimension.quality_efficiency).toEqual(counts(0, 0, 0, 0));
    expect(d.attainment.all).toEqual(counts(3, 2, 1, 1));
    expect(d.attainment.byOverallStatus).toEqual(counts(1, 1, 1, 0));
  });

  it('filters by province: only its pilots, and only its own cities of a cluster', () => {
    const d = aggregateDashboard(input({ filters: { province: '330000' } }));
    expect(d.pilots.map((p) => p.id)).toEqual(['hz', 'nb', 'cl']);
    expect(d.cities.map((c) => [c.code, c.name, c.pilots.map((p) => p.id)])).toEqual([
      ['330100', '杭州市', ['hz']],
      ['330200', '宁波市', ['nb']],
      ['330500', '湖州市', ['cl']],
    ]);
    expect(d.overdueReports.map((r) => r.reportId)).toEqual(['r1']);
    expect(d.openRectifications.map((c) => c.caseId)).toEqual(['c2']);
    expect(d.resources!.rows).toEqual([
      { programme: 'transformation', zh: '工业转型升级', en: 'Transformation', amount: 1500.5, count: 3, pilots: 2 },
      { programme: 'intelligent', zh: '智能制造', en: 'Intelligent manufacturing', amount: 0, count: 0, pilots: 0 },
      { programme: 'renovation', zh: '技术改造', en: 'Renovation', amount: 0, count: 0, pilots: 0 },
    ]);
  });

  it('filters by region, city type and phase, together', () => {
    expect(aggregateDashboard(input({ filters: { region: 'central' } })).pilots.map((p) => p.id)).toEqual(['wh', 'cl']);
    expect(aggregateDashboard(input({ filters: { cityType: 'old_industrial_base' } })).pilots.map((p) => p.id)).toEqual(['nb', 'sy']);
    expect(aggregateDashboard(input({ filters: { phase: 'rectification' } })).totals).toMatchObject({ pilots: 1, overdueReports: 1, openRectifications: 1 });
    expect(aggregateDashboard(input({ filters: { region: 'east', cityType: 'old_industrial_base' } })).pilots.map((p) => p.id)).toEqual(['nb']);
    expect(aggregateDashboard(input({ filters: { region: 'west' } })).totals).toMatchObject({ pilots: 0, cities: 0, overdueReports: 0, resourceAmount: 0 });
  });

  it('lists overdue reports by due date and open cases by deadline, flagging a passed deadline, with per-pilot counts', () => {
    const d = aggregateDashboard(input());
    expect(d.overdueReports.map((r) => [r.reportId, r.pilotName])).toEqual([
      ['r2', '试点wh'],
      ['r1', '试点hz'],
    ]);
    expect(d.openRectifications.map((c) => [c.caseId, c.deadlinePassed])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
    const wh = d.pilots.find((p) => p.id === 'wh')!;
    expect(wh).toMatchObject({ overdueReports: 1, openRectifications: 1, overallStatus: null, cityNames: ['武汉市'], provinceCodes: ['420000'] });
  });

  it('leaves resources out for a role that may not read them', () => {
    const d = aggregateDashboard(input({ resources: null }));
    expect(d.resources).toBeNull();
    expect(d.totals).toMatchObject({ resourceAmount: null, resourceRecords: null });
  });

  it('matches filters on any city of a pilot', () => {
    const cluster = PILOTS[3]!;
    expect(pilotMatches(cluster, { province: '340000' })).toBe(true);
    expect(pilotMatches(cluster, { province: '420000' })).toBe(false);
    expect(pilotMatches(cluster, {})).toBe(true);
  });
});

function round(x: number) {
  return Math.round(x * 1e6) / 1e6;
}
