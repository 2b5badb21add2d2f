import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../../test/fixtures/plans';
import type { Finding } from '../shared/plan/checker';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPLETE = join(ROOT, 'src/server/demo/sample-plan.json');
const FLAWED = join(ROOT, 'test/fixtures/plans/flawed-plan.json');

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'mic2025-cli-'));
function tmpFile(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('cli check-plan', () => {
  it('exits 0 and says so for the complete plan', () => {
    const r = cli('check-plan', COMPLETE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('未发现问题');
  });

  it('exits 1 and lists the findings of the flawed plan in Chinese', () => {
    const r = cli('check-plan', FLAWED);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[阻断] SECTION_MISSING  sections.ch1.conditions');
    expect(r.stdout).toContain('TARGET_WORDING_VAGUE');
    expect(r.stdout).toMatch(/阻断 \d+ 项/);
  });

  it('prints the findings as a JSON array with --json', () => {
    const r = cli('check-plan', FLAWED, '--json');
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.some((f) => f.code === 'TARGET_WORDING_MISMATCH' && f.severity === 'blocking')).toBe(true);
    expect(findings.every((f) => typeof f.path === 'string' && f.message['zh-CN'] && f.message['en-US'])).toBe(true);

    const clean = cli('check-plan', COMPLETE, '--json');
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual([]);
  });

  it('exits 0 when only warnings remain, and can speak English', () => {
    const plan = makeCompletePlan();
    plan.targets[0]!.dataSource = '';
    const r = cli('check-plan', tmpFile('warning.json', JSON.stringify(plan)), '--lang', 'en-US');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[warning] TARGET_NO_DATA_SOURCE  targets[0].dataSource');
    expect(r.stdout).toContain('names no data source');
  });

  it('exits 2 for a file that is not JSON', () => {
    const r = cli('check-plan', tmpFile('broken.json', '{ "format": '));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('JSON');
    expect(r.stdout).toBe('');
  });

  it('exits 2 with the zod issue paths for a file that does not match the format', () => {
    const plan = makeCompletePlan() as unknown as { cover: Record<string, unknown>; targets: Record<string, unknown>[] };
    plan.cover.applicationYear = '2016';
    plan.targets[2]!.kind = 'percentage';
    const r = cli('check-plan', tmpFile('invalid.json', JSON.stringify(plan)));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cover.applicationYear');
    expect(r.stderr).toContain('targets.2.kind');
  });

  it('exits 2 for a missing file', () => {
    const r = cli('check-plan', join(tmp, 'nowhere.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nowhere.json');
  });
});

describe('cli parse-target', () => {
  it('prints the parsed fields as JSON', () => {
    const r = cli('parse-target', '到2019年,單位工業增加值能耗比2015年下降16%');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'change_vs_base',
      direction: 'lower',
      value: 16,
      unit: '%',
      targetYear: 2019,
      baseYear: 2015,
      indicator: '单位工业增加值能耗',
    });
  });

  it('uses --year for wordings relative to the pilot period', () => {
    const r = cli('parse-target', '试点期末研发投入强度达到2.5%', '--year', '2016');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ targetYear: 2019, value: 2.5 });
  });

  it('exits 2 for a bad --year or no wording', () => {
    expect(cli('parse-target', '达到2.5%', '--year', 'soon').status).toBe(2);
    expect(cli('parse-target').status).toBe(2);
  });
});

describe('cli usage', () => {
  it('prints the usage and exits 2 for an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('frobnicate');
    expect(r.stderr).toContain('check-plan FILE.json');
  });

  it('exits 2 without a command', () => {
    expect(cli().status).toBe(2);
  });
});

describe('cli attainment', () => {
  const EXAMPLE = join(ROOT, 'src/shared/monitoring/fixtures/attainment-example.json');

  it('prints, for each target, the required value per year, progress, status and projection', () => {
    const r = cli('attainment', EXAMPLE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      period: number[];
      targets: { id: string; years: { year: number; required: number | null; progress: number | null; status: string }[]; projection: unknown }[];
    };
    expect(report.period).toEqual([2017, 2018, 2019]);
    const rd = report.targets.find((x) => x.id === 't-innovation-rd')!;
    expect(rd.years.map((y) => y.required)).toEqual([1.4, 1.6, 1.8]);
    expect(rd.years[0]).toMatchObject({ year: 2017, status: 'on_track' });
    expect(rd.years[1]).toMatchObject({ year: 2018, status: 'at_risk' });
    expect(rd).toHaveProperty('projection');
  });

  it('exits 2 and names the fields when the file does not match the format', () => {
    const r = cli('attainment', tmpFile('bad-attainment.json', JSON.stringify({ period: [2017], actuals: {} })));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('docs/attainment-format.md');
    expect(r.stderr).toContain('period');
    expect(r.stderr).toContain('targets');
  });

  it('exits 2 on a file that is not JSON', () => {
    const r = cli('attainment', tmpFile('not-json.json', '{ period: '));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('JSON');
  });
});
