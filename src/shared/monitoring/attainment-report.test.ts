import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attainmentReport, type AttainmentReport, type ReportTarget } from './attainment-report.js';

const example: Record<string, unknown> = JSON.parse(readFileSync(new URL('./fixtures/attainment-example.json', import.meta.url), 'utf8'));

function reportOf(input: unknown): AttainmentReport {
  const r = attainmentReport(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.report;
}

const byId = (report: AttainmentReport, id: string): ReportTarget => {
  const t = report.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
};

describe('attainmentReport on the example file', () => {
  const report = reportOf(example);

  it('reports every target in input order, with the format marker and the thresholds used', () => {
    expect(report.format).toBe('mic2025-attainment-report');
    expect(report.version).toBe(1);
    expect(report.period).toEqual([2017, 2018, 2019]);
    expect(report.thresholds).toEqual({ onTrack: 1, atRisk: 0.8, progressCap: 1.5 });
    expect(report.targets.map((t) => t.id)).toEqual([
      't-innovation-rd',
      't-innovation-centres',
      't-quality-value-added-growth',
      't-quality-productivity',
      't-structure-high-tech-share',
      't-sustainability-energy',
      't-sustainability-water',
      't-it-cloud',
      't-vague',
    ]);
  });

  it('gives required values, progress and status per year, rounded', () => {
    const energy = byId(report, 't-sustainability-energy');
    expect(energy.years).toEqual([
      { year: 2017, required: 0.874, requiredSource: 'plan', actual: 0.88, progress: 0.869565, progressToFinal: 0.271739, status: 'at_risk' },
      { year: 2018, required: 0.828, requiredSource: 'plan', actual: 0.84, progress: 0.869565, progressToFinal: 0.543478, status: 'at_risk' },
      { year: 2019, required: 0.7728, requiredSource: 'plan', actual: null, progress: null, progressToFinal: null, status: 'no_data' },
    ]);
    expect(energy).toMatchObject({ measure: 'level', direction: 'lower', baseline: 0.92, finalTarget: 0.7728, unit: null });
    expect(energy.current).toEqual({ year: 2018, progress: 0.869565, status: 'at_risk' });
    expect(energy.final).toEqual({ progress: 0.543478, status: 'off_track' });
  });

  it('projects the final value', () => {
    expect(byId(report, 't-innovation-centres').projection).toEqual({ value: 15.5, method: 'least_squares', progress: 0.775, status: 'off_track' });
    expect(byId(report, 't-structure-high-tech-share').projection).toEqual({ value: 15.9, method: 'from_baseline', progress: 0.85, status: 'at_risk' });
    expect(byId(report, 't-sustainability-water').projection).toMatchObject({ value: -4.2, method: 'flat', status: 'on_track' });
  });

  it('applies the qualifiers', () => {
    const productivity = byId(report, 't-quality-productivity');
    expect(productivity.tolerance).toBe(0.05);
    expect(productivity.years[1]).toMatchObject({ progress: 0.7, status: 'on_track' }); // 23.6 is within 5 % of 24.5
    expect(byId(report, 't-it-cloud')).toMatchObject({ stretch: true, measure: 'cumulative_count', bound: null });
    expect(byId(report, 't-quality-value-added-growth')).toMatchObject({ bound: 'floor', measure: 'growth_rate', unit: '%' });
  });

  it('reports a target that cannot be derived, with the reason', () => {
    expect(byId(report, 't-vague')).toMatchObject({
      derivable: false,
      reason: 'KIND_MISSING',
      finalTarget: null,
      current: { year: null, progress: null, status: 'no_data' },
    });
  });

  it('rolls up per dimension and for the pilot', () => {
    expect(report.rollup.pilot).toMatchObject({
      indicators: 9,
      notDerivable: 1,
      withData: 8,
      statusCounts: { on_track: 3, at_risk: 5, off_track: 0, no_data: 1 },
    });
    expect(report.rollup.byDimension.innovation).toMatchObject({ indicators: 2, withData: 2, meanProgress: 0.899038 });
    expect(report.rollup.byDimension.it_integration).toMatchObject({ indicators: 2, notDerivable: 1, withData: 1 });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('attainmentReport options', () => {
  it('takes indicator options for what the plan format does not carry', () => {
    const input = {
      ...example,
      indicatorOptions: { 't-innovation-centres': { countMode: 'per_year' }, 't-quality-productivity': { aboutTolerance: 0.01 } },
    };
    const report = reportOf(input);
    expect(byId(report, 't-innovation-centres')).toMatchObject({ measure: 'per_year_count', finalTarget: 39 });
    expect(byId(report, 't-quality-productivity').years[1]!.status).toBe('off_track');
  });

  it('uses the default thresholds when none are given, and the given ones otherwise', () => {
    const { thresholds: _t, ...rest } = example;
    expect(reportOf(rest).thresholds).toEqual({ onTrack: 1, atRisk: 0.8, progressCap: 1.5 });
    const lax = reportOf({ ...rest, thresholds: { atRisk: 0.5 } });
    expect(byId(lax, 't-it-cloud').years[0]!.status).toBe('at_risk');
  });

  it('accepts a file without actuals', () => {
    const { actuals: _a, ...rest } = example;
    expect(reportOf(rest).rollup.pilot.withData).toBe(0);
  });
});

describe('attainmentReport validation', () => {
  const issuesOf = (input: unknown) => {
    const r = attainmentReport(input);
    if (r.ok) throw new Error('expected issues');
    return r.issues;
  };

  it('rejects what is not an object', () => {
    expect(issuesOf(null).length).toBeGreaterThan(0);
    expect(issuesOf([]).length).toBeGreaterThan(0);
  });

  it('names the path of a bad field', () => {
    const targets = (example.targets as Record<string, unknown>[]).map((t, i) => (i === 2 ? { ...t, values: [8, 'x', 8] } : t));
    expect(issuesOf({ ...example, targets }).map((i) => i.path)).toEqual(['targets.2.values.1']);
  });

  it('rejects unknown top-level keys, an unknown target in actuals and a malformed year', () => {
    expect(issuesOf({ ...example, actual: {} }).map((i) => i.path)).toEqual(['']);
    expect(issuesOf({ ...example, actuals: { 't-nope': { '2017': 1 } } })).toEqual([{ path: 'actuals.t-nope', message: 'no target with id "t-nope"' }]);
    expect(issuesOf({ ...example, actuals: { 't-innovation-rd': { '17': 1 } } })[0]!.path).toBe('actuals.t-innovation-rd.17');
    expect(issuesOf({ ...example, indicatorOptions: { 't-nope': {} } })[0]!.path).toBe('indicatorOptions.t-nope');
  });

  it('rejects a broken period, duplicate ids and inconsistent thresholds', () => {
    expect(issuesOf({ ...example, period: [2017, 2019, 2020] })[0]!.path).toBe('period');
    expect(issuesOf({ ...example, period: [2017, 2018] })[0]!.path).toBe('period');
    const targets = example.targets as Record<string, unknown>[];
    expect(issuesOf({ ...example, targets: [...targets, targets[0]] }).map((i) => i.message)).toContain('duplicate target id "t-innovation-rd"');
    expect(issuesOf({ ...example, thresholds: { onTrack: 0.7, atRisk: 0.8 } })[0]!.path).toBe('thresholds.atRisk');
  });
});
