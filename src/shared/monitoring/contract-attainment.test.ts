import { describe, expect, it } from 'vitest';
import { computeAttainment } from './attainment.js';
import {
  actualsFromReports,
  overallStatus,
  pilotAttainment,
  summariseAttainment,
  versionInForce,
  type ActualFigure,
  type ReportedValue,
} from './contract-attainment.js';
import { deriveIndicator } from './indicators.js';
import { makeTarget, PERIOD } from './test-support.js';

const figures = (byTarget: Record<string, Record<number, number>>) =>
  new Map(Object.entries(byTarget).map(([id, years]) => [id, new Map(Object.entries(years).map(([y, v]) => [Number(y), { value: v, period: y } satisfies ActualFigure]))]));

describe('versionInForce', () => {
  const versions = [
    { version: 2, effectiveFromYear: 2018 },
    { version: 1, effectiveFromYear: 2017 },
    { version: 3, effectiveFromYear: 2019 },
  ];
  it('takes the highest version effective from the year or earlier', () => {
    expect(versionInForce(versions, 2017)?.version).toBe(1);
    expect(versionInForce(versions, 2018)?.version).toBe(2);
    expect(versionInForce(versions, 2019)?.version).toBe(3);
    expect(versionInForce(versions, 2025)?.version).toBe(3);
  });
  it('gives a year before every version the first one, and nothing without versions', () => {
    expect(versionInForce(versions, 2016)?.version).toBe(1);
    expect(versionInForce([], 2018)).toBeNull();
  });
  it('lets a later version effective from the same year win', () => {
    expect(versionInForce([{ version: 1, effectiveFromYear: 2017 }, { version: 2, effectiveFromYear: 2019 }, { version: 3, effectiveFromYear: 2019 }], 2019)?.version).toBe(3);
  });
});

describe('actualsFromReports', () => {
  const row = (over: Partial<ReportedValue>): ReportedValue => ({ year: 2018, period: '2018', periodEnd: '2018-12-31', targetId: 't-1', actual: 1, ...over });
  it('takes the latest confirmed period of each year, whatever the row order', () => {
    const m = actualsFromReports([
      row({ period: '2018-Q3', periodEnd: '2018-09-30', actual: 1.5 }),
      row({ period: '2018-Q1', periodEnd: '2018-03-31', actual: 1.3 }),
      row({ year: 2017, period: '2017-Q4', periodEnd: '2017-12-31', actual: 1.25 }),
    ]);
    expect(m.get('t-1')).toEqual(
      new Map([
        [2018, { value: 1.5, period: '2018-Q3' }],
        [2017, { value: 1.25, period: '2017-Q4' }],
      ]),
    );
  });
  it('keeps an earlier figure when a later report leaves it empty', () => {
    const m = actualsFromReports([row({ period: '2018-Q1', periodEnd: '2018-03-31', actual: 1.3 }), row({ period: '2018-Q2', periodEnd: '2018-06-30', actual: null })]);
    expect(m.get('t-1')?.get(2018)).toEqual({ value: 1.3, period: '2018-Q1' });
  });
  it('has no entry for a target without figures', () => {
    expect(actualsFromReports([row({ actual: null })]).has('t-1')).toBe(false);
  });
});

describe('pilotAttainment', () => {
  const v1 = { version: 1, effectiveFromYear: 2017, targets: [makeTarget({ id: 'rd' }), makeTarget({ id: 'old', dimension: 'structure' })] };
  // From 2019 the R&D target is raised to 2.0 and a new target joins; 'old' is dropped.
  const v2 = {
    version: 2,
    effectiveFromYear: 2019,
    targets: [makeTarget({ id: 'rd', values: [1.4, 1.6, 2.0] }), makeTarget({ id: 'new', dimension: 'quality_efficiency', values: [10, 20, 30], baselineValue: 0 })],
  };

  it('without amendments equals computeAttainment of each target', () => {
    const target = makeTarget({ id: 'rd' });
    const actuals = figures({ rd: { 2017: 1.3, 2018: 1.62 } });
    const r = pilotAttainment({ period: PERIOD, versions: [{ version: 1, effectiveFromYear: 2017, targets: [target] }], actuals });
    const plain = computeAttainment(deriveIndicator(target, PERIOD), { 2017: 1.3, 2018: 1.62 });
    const { years, ...rest } = r.items[0]!.attainment;
    const { years: plainYears, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(years.map(({ contractVersion: _v, requiredSource: _s, actualPeriod: _p, ...y }) => y)).toEqual(plainYears);
    expect(years.map((y) => [y.contractVersion, y.requiredSource, y.actualPeriod])).toEqual([
      [1, 'plan', '2017'],
      [1, 'plan', '2018'],
      [1, 'plan', null],
    ]);
  });

  it('measures each year against the version in force that year, and the final target against the last', () => {
    const r = pilotAttainment({ period: PERIOD, versions: [v2, v1], actuals: figures({ rd: { 2017: 1.4, 2018: 1.6, 2019: 1.8 }, old: { 2017: 1.4 } }) });
    expect(r.yearVersions).toEqual([
      { year: 2017, contractVersion: 1 },
      { year: 2018, contractVersion: 1 },
      { year: 2019, contractVersion: 2 },
    ]);
    // The contract of the final year lists the targets: 'old' was dropped, 'new' added.
    expect(r.items.map((i) => i.target.id)).toEqual(['rd', 'new']);
    const rd = r.items[0]!;
    expect(rd.indicator.finalTarget).toBe(2.0);
    expect(rd.attainment.years.map((y) => [y.year, y.required, y.status, y.contractVersion])).toEqual([
      [2017, 1.4, 'on_track', 1],
      [2018, 1.6, 'on_track', 1],
      // 1.8 against the raised 2.0: (1.8 − 1.2) / (2.0 − 1.2) = 0.75 → off track.
      [2019, 2.0, 'off_track', 2],
    ]);
    expect(rd.attainment.years[2]!.progress).toBeCloseTo(0.75, 9);
    expect(rd.attainment).toMatchObject({ latestYear: 2019, status: 'off_track', finalStatus: 'off_track' });
    // Progress toward the final target is toward version 2's 2.0 in every year.
    expect(rd.attainment.years[1]!.progressToFinal).toBeCloseTo(0.5, 9);
  });

  it('gives a year whose version lacks the target no required value, and lets the last year with data decide', () => {
    const r = pilotAttainment({ period: PERIOD, versions: [v1, v2], actuals: figures({ new: { 2017: 12, 2018: 15 } }) });
    const added = r.items.find((i) => i.target.id === 'new')!;
    expect(added.attainment.years.map((y) => [y.required, y.actual, y.status, y.contractVersion])).toEqual([
      [null, 12, 'no_data', null],
      [null, 15, 'no_data', null],
      [30, null, 'no_data', 2],
    ]);
    expect(added.attainment).toMatchObject({ latestYear: null, progress: null, status: 'no_data' });
    // The projection still reads the trend of the figures there are.
    expect(added.attainment.projection.value).not.toBeNull();
  });

  it('rolls up per dimension and for the pilot', () => {
    const r = pilotAttainment({ period: PERIOD, versions: [v1, v2], actuals: figures({ rd: { 2019: 1.8 } }) });
    expect(r.rollup.pilot.statusCounts).toEqual({ on_track: 0, at_risk: 0, off_track: 1, no_data: 1 });
    expect(r.rollup.byDimension.innovation.meanProgress).toBeCloseTo(0.75, 9);
    expect(r.rollup.byDimension.quality_efficiency).toMatchObject({ indicators: 1, withData: 0, meanProgress: null });
  });

  it('has nothing to list without a contract', () => {
    expect(pilotAttainment({ period: PERIOD, versions: [], actuals: new Map() }).items).toEqual([]);
  });

  it('applies the thresholds and indicator options it is given', () => {
    const target = makeTarget({ id: 'rd' });
    const versions = [{ version: 1, effectiveFromYear: 2017, targets: [target] }];
    const actuals = figures({ rd: { 2017: 1.35 } }); // progress 0.75
    expect(pilotAttainment({ period: PERIOD, versions, actuals }).items[0]!.attainment.status).toBe('off_track');
    expect(pilotAttainment({ period: PERIOD, versions, actuals, thresholds: { atRisk: 0.7 } }).items[0]!.attainment.status).toBe('at_risk');
    const count = makeTarget({ id: 'rd', kind: 'count', unit: '家', values: [5, 5, 5] });
    const perYear = pilotAttainment({ period: PERIOD, versions: [{ version: 1, effectiveFromYear: 2017, targets: [count] }], actuals, indicatorOptions: { rd: { countMode: 'per_year' } } });
    expect(perYear.items[0]!.indicator).toMatchObject({ measure: 'per_year_count', finalTarget: 15 });
  });
});

describe('overallStatus and summariseAttainment', () => {
  it('takes the worst status with data', () => {
    expect(overallStatus({ on_track: 3, at_risk: 1, off_track: 1, no_data: 4 })).toBe('off_track');
    expect(overallStatus({ on_track: 3, at_risk: 1, off_track: 0, no_data: 4 })).toBe('at_risk');
    expect(overallStatus({ on_track: 3, at_risk: 0, off_track: 0, no_data: 4 })).toBe('on_track');
    expect(overallStatus({ on_track: 0, at_risk: 0, off_track: 0, no_data: 4 })).toBe('no_data');
  });

  it('keeps the counts, means and the latest year with a figure', () => {
    const versions = [{ version: 1, effectiveFromYear: 2017, targets: [makeTarget({ id: 'a' }), makeTarget({ id: 'b', dimension: 'structure' })] }];
    const actuals = figures({ a: { 2017: 1.4, 2018: 1.45 }, b: { 2017: 1.4 } });
    const s = summariseAttainment(pilotAttainment({ period: PERIOD, versions, actuals }), actuals);
    expect(s).toMatchObject({ latestYear: 2018, indicators: 2, overallStatus: 'off_track', counts: { on_track: 1, at_risk: 0, off_track: 1, no_data: 0 } });
    expect(s.byDimension.structure).toEqual({ indicators: 1, meanProgress: 1, counts: { on_track: 1, at_risk: 0, off_track: 0, no_data: 0 } });
    expect(s.byDimension.sustainability).toEqual({ indicators: 0, meanProgress: null, counts: { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 } });
    expect(summariseAttainment(pilotAttainment({ period: PERIOD, versions, actuals: new Map() }), new Map())).toMatchObject({ latestYear: null, overallStatus: 'no_data', meanProgress: null });
  });
});
