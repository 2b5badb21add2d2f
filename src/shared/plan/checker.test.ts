import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeCompletePlan, makeFlawedPlan } from '../../../test/fixtures/plans';
import { checkPlan, FINDING_CODES, hasBlocking, plainText, type Finding, type FindingCode } from './checker';
import { ALL_PART_KEYS } from './outline';
import { planSchema, TARGET_DIMENSIONS, type Plan, type Target } from './plan-schema';

function target(plan: Plan, id: string): Target {
  const t = plan.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id} in the fixture`);
  return t;
}
function indexOf(plan: Plan, id: string): number {
  return plan.targets.findIndex((x) => x.id === id);
}

// Target ids of the complete fixture used below.
const RD = 't-innovation-rd'; // level, %, 1.4 / 1.6 / 1.8, "到2019年…达到1.8%"
const CENTRES = 't-innovation-centres'; // count, 家, 6 / 13 / 20
const GROWTH = 't-quality-value-added-growth'; // annual_growth, %, 8 / 8 / 8, at_least
const REVENUE = 't-quality-revenue'; // level, 亿元, 5200
const HIGH_TECH = 't-structure-high-tech-share'; // pp_change, 个百分点, baseline 12.5, 1.5 / 3 / 4
const BIG_FIRMS = 't-structure-big-firms'; // count, no year in the wording
const ENERGY = 't-sustainability-energy'; // change_vs_base, lower, %, 5 / 10 / 16
const WASTE = 't-sustainability-solid-waste'; // level, %, 80 / 82 / 85, at_least

interface Case {
  code: FindingCode;
  /** What the change is, for the test name. */
  what: string;
  mutate: (plan: Plan) => void;
  /** Expected path; a function when it depends on target positions. */
  path: string | ((plan: Plan) => string);
  /** Other codes that the same change necessarily brings. */
  also?: FindingCode[];
}

const CASES: Case[] = [
  { code: 'COVER_TITLE_MISSING', what: 'blank title', mutate: (p) => void (p.cover.title = '  '), path: 'cover.title' },
  { code: 'COVER_APPLICANT_MISSING', what: 'no applicant', mutate: (p) => void (p.cover.applicant = ''), path: 'cover.applicant' },
  { code: 'COVER_CITY_MISSING', what: 'no city code', mutate: (p) => void (p.cover.cityCodes = []), path: 'cover.cityCodes' },
  {
    code: 'COVER_CITY_DUPLICATE',
    what: 'a city code twice',
    mutate: (p) => void (p.cover.cityCodes = ['420600', '420600']),
    path: 'cover.cityCodes[1]',
  },
  { code: 'COVER_FILING_DATE_MISSING', what: 'no filing date', mutate: (p) => void (p.cover.filingDate = ''), path: 'cover.filingDate' },
  {
    code: 'COVER_FILING_DATE_INVALID',
    what: 'a date that does not exist',
    mutate: (p) => void (p.cover.filingDate = '2016-02-30'),
    path: 'cover.filingDate',
  },
  {
    code: 'COVER_FILING_DATE_INVALID',
    what: 'a date in another format',
    mutate: (p) => void (p.cover.filingDate = '2016/06/30'),
    path: 'cover.filingDate',
  },
  {
    code: 'COVER_FILING_DATE_YEAR',
    what: 'a filing date before the application year',
    mutate: (p) => void (p.cover.filingDate = '2015-12-30'),
    path: 'cover.filingDate',
  },
  { code: 'CITY_TYPE_MISSING', what: 'no city type', mutate: (p) => void (p.cityTypes = []), path: 'cityTypes' },
  {
    code: 'CITY_TYPE_REGION_MISMATCH',
    what: 'an eastern city (湖州) claiming the central region’s city type',
    mutate: (p) => {
      p.cover.cityCodes = ['330500'];
      p.cityTypes = ['old_industrial_base', 'central_characteristic'];
    },
    path: 'cityTypes.1',
  },
  { code: 'CONTACT_NAME_MISSING', what: 'no contact name', mutate: (p) => void (p.contact.name = ''), path: 'contact.name' },
  {
    code: 'CONTACT_PHONE_MISSING',
    what: 'neither phone nor mobile',
    mutate: (p) => {
      p.contact.phone = '';
      p.contact.mobile = ' ';
    },
    path: 'contact.phone',
  },
  {
    code: 'CONTACT_PHONE_INVALID',
    what: 'a mobile number too short',
    mutate: (p) => void (p.contact.mobile = '1390710'),
    path: 'contact.mobile',
  },
  {
    code: 'CONTACT_EMAIL_INVALID',
    what: 'an e-mail without domain',
    mutate: (p) => void (p.contact.email = 'ghk@example'),
    path: 'contact.email',
  },
  {
    code: 'SECTION_MISSING',
    what: 'an outline part left out',
    mutate: (p) => void delete p.sections['ch1.economy'],
    path: 'sections.ch1.economy',
  },
  {
    code: 'SECTION_MISSING',
    what: 'an outline part with only empty markup',
    mutate: (p) => void (p.sections['ch4.platforms'] = '<p> </p><p>&nbsp;</p>'),
    path: 'sections.ch4.platforms',
  },
  {
    code: 'SECTION_PLACEHOLDER',
    what: '待补充',
    mutate: (p) => void (p.sections['ch5.skills'] = '<p>待补充</p>'),
    path: 'sections.ch5.skills',
  },
  { code: 'SECTION_PLACEHOLDER', what: '略', mutate: (p) => void (p.sections['ch6.land'] = '略'), path: 'sections.ch6.land' },
  { code: 'SECTION_PLACEHOLDER', what: 'TODO', mutate: (p) => void (p.sections['ch6.tax'] = '<p>TODO</p>'), path: 'sections.ch6.tax' },
  {
    code: 'SECTION_PLACEHOLDER',
    what: '(此处內容待補充……)',
    mutate: (p) => void (p.sections['ch8.other'] = '<p>(此处內容待補充……)</p>'),
    path: 'sections.ch8.other',
  },
  {
    code: 'SECTION_UNKNOWN',
    what: 'a part outside the outline',
    mutate: (p) => void (p.sections['ch9.extra'] = '<p>附加说明。</p>'),
    path: 'sections.ch9.extra',
  },
  {
    code: 'TARGETS_DIMENSION_MISSING',
    what: 'no IT-integration target',
    mutate: (p) => void (p.targets = p.targets.filter((t) => t.dimension !== 'it_integration')),
    path: 'targets',
  },
  {
    code: 'TARGET_ID_DUPLICATE',
    what: 'two targets with one id',
    mutate: (p) => void (p.targets[1]!.id = p.targets[0]!.id),
    path: 'targets[1].id',
  },
  {
    code: 'TARGET_DUPLICATE',
    what: 'the same indicator and kind twice',
    mutate: (p) => void p.targets.push({ ...structuredClone(target(p, RD)), id: 't-copy', indicator: '规模以上工业企业研发经费内部支出占主营业务收入比重' }),
    path: (p) => `targets[${p.targets.length - 1}].indicator`,
  },
  { code: 'TARGET_NO_INDICATOR', what: 'no indicator', mutate: (p) => void (target(p, RD).indicator = ''), path: (p) => `targets[${indexOf(p, RD)}].indicator` },
  { code: 'TARGET_NO_DIMENSION', what: 'no dimension', mutate: (p) => void (target(p, RD).dimension = null), path: (p) => `targets[${indexOf(p, RD)}].dimension` },
  { code: 'TARGET_NO_KIND', what: 'no kind', mutate: (p) => void (target(p, RD).kind = null), path: (p) => `targets[${indexOf(p, RD)}].kind` },
  { code: 'TARGET_NO_UNIT', what: 'no unit', mutate: (p) => void (target(p, RD).unit = ' '), path: (p) => `targets[${indexOf(p, RD)}].unit` },
  {
    code: 'TARGET_UNIT_KIND_MISMATCH',
    what: 'a change in percentage points entered in %',
    mutate: (p) => void (target(p, HIGH_TECH).unit = '%'),
    path: (p) => `targets[${indexOf(p, HIGH_TECH)}].unit`,
    also: ['TARGET_WORDING_MISMATCH'],
  },
  {
    code: 'TARGET_UNIT_KIND_MISMATCH',
    what: 'an annual growth entered in 亿元',
    mutate: (p) => void (target(p, GROWTH).unit = '亿元'),
    path: (p) => `targets[${indexOf(p, GROWTH)}].unit`,
    also: ['TARGET_WORDING_MISMATCH'],
  },
  { code: 'TARGET_NO_BASE_YEAR', what: 'no base year', mutate: (p) => void (target(p, RD).baseYear = null), path: (p) => `targets[${indexOf(p, RD)}].baseYear` },
  {
    code: 'TARGET_BASE_YEAR_LATE',
    what: 'a base year after the application year',
    mutate: (p) => void (target(p, RD).baseYear = 2017),
    path: (p) => `targets[${indexOf(p, RD)}].baseYear`,
  },
  {
    code: 'TARGET_NO_BASELINE',
    what: 'no baseline value',
    mutate: (p) => void (target(p, RD).baselineValue = null),
    path: (p) => `targets[${indexOf(p, RD)}].baselineValue`,
  },
  {
    code: 'TARGET_YEARS_WRONG',
    what: 'target years starting in the application year',
    mutate: (p) => void (target(p, BIG_FIRMS).targetYears = [2016, 2017, 2018]),
    path: (p) => `targets[${indexOf(p, BIG_FIRMS)}].targetYears`,
  },
  {
    code: 'TARGET_YEARS_WRONG',
    what: 'only two target years',
    mutate: (p) => void (target(p, BIG_FIRMS).targetYears = [2017, 2018]),
    path: (p) => `targets[${indexOf(p, BIG_FIRMS)}].targetYears`,
  },
  {
    code: 'TARGET_VALUE_MISSING',
    what: 'no value for the second year',
    mutate: (p) => void (target(p, RD).values = [1.4, null, 1.8]),
    path: (p) => `targets[${indexOf(p, RD)}].values[1]`,
  },
  {
    code: 'TARGET_VALUE_MISSING',
    what: 'only two values',
    mutate: (p) => void (target(p, RD).values = [1.4, 1.6]),
    path: (p) => `targets[${indexOf(p, RD)}].values[2]`,
  },
  {
    code: 'TARGET_NO_DATA_SOURCE',
    what: 'no data source',
    mutate: (p) => void (target(p, RD).dataSource = ''),
    path: (p) => `targets[${indexOf(p, RD)}].dataSource`,
  },
  {
    code: 'TARGET_AGAINST_DIRECTION',
    what: 'a higher-is-better level that dips',
    mutate: (p) => void (target(p, RD).values = [1.4, 1.3, 1.8]),
    path: (p) => `targets[${indexOf(p, RD)}].values[1]`,
  },
  {
    code: 'TARGET_AGAINST_DIRECTION',
    what: 'a higher-is-better level whose first value is below the baseline',
    mutate: (p) => void (target(p, RD).values = [1.1, 1.6, 1.8]),
    path: (p) => `targets[${indexOf(p, RD)}].values[0]`,
  },
  {
    code: 'TARGET_CUMULATIVE_SHRINKS',
    what: 'a cumulative count that falls',
    mutate: (p) => void (target(p, CENTRES).values = [6, 5, 20]),
    path: (p) => `targets[${indexOf(p, CENTRES)}].values[1]`,
  },
  {
    code: 'TARGET_CUMULATIVE_SHRINKS',
    what: 'a cumulative cut that gets smaller',
    mutate: (p) => {
      target(p, ENERGY).values = [5, 17, 16];
    },
    path: (p) => `targets[${indexOf(p, ENERGY)}].values[2]`,
  },
  {
    code: 'TARGET_CHANGE_NEGATIVE',
    what: 'a cut entered as a negative number',
    mutate: (p) => void (target(p, ENERGY).values = [-5, 10, 16]),
    path: (p) => `targets[${indexOf(p, ENERGY)}].values[0]`,
  },
  {
    code: 'TARGET_GROWTH_NOT_POSITIVE',
    what: 'zero growth where higher is better',
    mutate: (p) => void (target(p, GROWTH).values = [0, 12, 12]),
    path: (p) => `targets[${indexOf(p, GROWTH)}].values[0]`,
  },
  {
    code: 'TARGET_PERCENT_OUT_OF_RANGE',
    what: 'a percentage level above 100',
    mutate: (p) => {
      const t = target(p, WASTE);
      t.values = [80, 82, 105];
      t.wording = '到2019年,工业固体废物综合利用率达到105%以上';
    },
    path: (p) => `targets[${indexOf(p, WASTE)}].values[2]`,
  },
  {
    code: 'TARGET_PERCENT_OUT_OF_RANGE',
    what: 'a cut of 100 %',
    mutate: (p) => {
      const t = target(p, ENERGY);
      t.values = [5, 10, 100];
      t.wording = '到2019年,单位工业增加值能耗比2015年下降100%';
    },
    path: (p) => `targets[${indexOf(p, ENERGY)}].values[2]`,
  },
  {
    code: 'TARGET_PERCENT_OUT_OF_RANGE',
    what: 'a share raised beyond 100 %',
    mutate: (p) => void (target(p, HIGH_TECH).baselineValue = 98),
    path: (p) => `targets[${indexOf(p, HIGH_TECH)}].values[2]`,
  },
  {
    code: 'TARGET_FIGURE_IMPLAUSIBLE',
    what: 'an annual growth of 60 %',
    mutate: (p) => {
      const t = target(p, GROWTH);
      t.values = [60, 60, 60];
      t.wording = '规上工业增加值年均增长60%以上';
    },
    path: (p) => `targets[${indexOf(p, GROWTH)}].values[0]`,
  },
  {
    code: 'TARGET_WORDING_MISSING',
    what: 'no wording',
    mutate: (p) => void (target(p, RD).wording = ''),
    path: (p) => `targets[${indexOf(p, RD)}].wording`,
  },
  {
    code: 'TARGET_WORDING_NO_FIGURE',
    what: 'a wording without any figure',
    mutate: (p) => void (target(p, CENTRES).wording = '加快建设省级以上企业技术中心'),
    path: (p) => `targets[${indexOf(p, CENTRES)}].wording`,
  },
  {
    code: 'TARGET_WORDING_VAGUE',
    what: '显著增强',
    mutate: (p) => void (target(p, RD).wording = '到2019年,企业创新能力显著增强'),
    path: (p) => `targets[${indexOf(p, RD)}].wording`,
  },
  {
    code: 'TARGET_WORDING_VAGUE',
    what: '進一步優化 in traditional characters',
    mutate: (p) => void (target(p, HIGH_TECH).wording = '產業結構進一步優化'),
    path: (p) => `targets[${indexOf(p, HIGH_TECH)}].wording`,
  },
  {
    code: 'TARGET_WORDING_MISMATCH',
    what: 'the third-year value differs from the wording',
    mutate: (p) => void (target(p, ENERGY).values = [5, 10, 18]),
    path: (p) => `targets[${indexOf(p, ENERGY)}].wording`,
  },
  {
    code: 'TARGET_WORDING_MISMATCH',
    what: 'the target year differs from the wording',
    mutate: (p) => void (target(p, RD).wording = '到2018年,规上工业企业研发经费内部支出占主营业务收入比重达到1.8%'),
    path: (p) => `targets[${indexOf(p, RD)}].wording`,
  },
  {
    code: 'TARGET_WORDING_MISMATCH',
    what: 'the base year differs from the wording',
    mutate: (p) => void (target(p, ENERGY).wording = '到2019年,单位工业增加值能耗比2014年下降16%'),
    path: (p) => `targets[${indexOf(p, ENERGY)}].wording`,
  },
  {
    code: 'TARGET_WORDING_MISMATCH',
    what: 'the wording reads as another kind',
    mutate: (p) => void (target(p, ENERGY).wording = '到2019年,单位工业增加值能耗年均下降16%'),
    path: (p) => `targets[${indexOf(p, ENERGY)}].wording`,
  },
  {
    code: 'TARGET_WORDING_MISMATCH',
    what: 'the wording says 下降 but the direction is higher',
    mutate: (p) => void (target(p, ENERGY).direction = 'higher'),
    path: (p) => `targets[${indexOf(p, ENERGY)}].wording`,
  },
  {
    code: 'TARGET_WORDING_MISMATCH',
    what: 'the annual growth rate differs from the wording',
    mutate: (p) => void (target(p, GROWTH).values = [7, 7, 7]),
    path: (p) => `targets[${indexOf(p, GROWTH)}].wording`,
  },
  {
    code: 'TARGET_QUALIFIER_MISMATCH',
    what: '以上 entered for an exact wording',
    mutate: (p) => void (target(p, RD).qualifier = 'at_least'),
    path: (p) => `targets[${indexOf(p, RD)}].qualifier`,
  },
  { code: 'TABLE_EMPTY', what: 'no park', mutate: (p) => void (p.parks = []), path: 'parks' },
  { code: 'TABLE_EMPTY', what: 'no key industry', mutate: (p) => void (p.keyIndustries = []), path: 'keyIndustries' },
  { code: 'TABLE_EMPTY', what: 'no core enterprise', mutate: (p) => void (p.coreEnterprises = []), path: 'coreEnterprises' },
  { code: 'TABLE_EMPTY', what: 'no innovation carrier', mutate: (p) => void (p.innovationCarriers = []), path: 'innovationCarriers' },
  { code: 'TABLE_EMPTY', what: 'no task division', mutate: (p) => void (p.taskDivision = []), path: 'taskDivision' },
  {
    code: 'TABLE_ROW_INCOMPLETE',
    what: 'a task without deadline',
    mutate: (p) => void (p.taskDivision[1]!.deadline = ''),
    path: 'taskDivision[1].deadline',
  },
  {
    code: 'TABLE_ROW_INCOMPLETE',
    what: 'a park without name',
    mutate: (p) => void (p.parks[2]!.name = ' '),
    path: 'parks[2].name',
  },
  {
    code: 'TASK_DEADLINE_OUT_OF_PERIOD',
    what: 'a deadline after the target period',
    mutate: (p) => void (p.taskDivision[0]!.deadline = '2021年底'),
    path: 'taskDivision[0].deadline',
  },
];

describe('checkPlan on the complete sample plan', () => {
  it('is a valid plan and yields no finding at all', () => {
    const plan = planSchema.parse(makeCompletePlan());
    expect(checkPlan(plan)).toEqual([]);
    expect(hasBlocking(checkPlan(plan))).toBe(false);
  });

  it('has every outline part, every dimension and every kind of target', () => {
    const plan = makeCompletePlan();
    expect(Object.keys(plan.sections).sort()).toEqual([...ALL_PART_KEYS].sort());
    for (const dimension of TARGET_DIMENSIONS) {
      expect(plan.targets.filter((t) => t.dimension === dimension).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(plan.targets.map((t) => t.kind))).toEqual(new Set(['level', 'change_vs_base', 'annual_growth', 'pp_change', 'count']));
  });

  it('makeCompletePlan returns independent copies and merges overrides', () => {
    const a = makeCompletePlan();
    a.targets.pop();
    a.cover.title = 'changed';
    const b = makeCompletePlan({ cover: { applicant: '另一市' } as Plan['cover'] });
    expect(b.targets.length).toBe(a.targets.length + 1);
    expect(b.cover.title).not.toBe('changed');
    expect(b.cover.applicant).toBe('另一市');
    expect(b.cover.applicationYear).toBe(2016);
  });
});

describe('checkPlan finding codes', () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.what}`, c] as const))('%s', (_name, c) => {
    const plan = makeCompletePlan();
    c.mutate(plan);
    planSchema.parse(plan);
    const findings = checkPlan(plan);
    const path = typeof c.path === 'string' ? c.path : c.path(plan);
    const hit = findings.find((f) => f.code === c.code && f.path === path);
    expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(hit!.severity).toBe(FINDING_CODES[c.code].severity);
    expect(hit!.message['zh-CN'].length).toBeGreaterThan(5);
    expect(hit!.message['en-US'].length).toBeGreaterThan(5);
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual([...new Set([c.code, ...(c.also ?? [])])].sort());
  });

  it('has a test case for every code', () => {
    const tested = new Set(CASES.map((c) => c.code));
    expect(Object.keys(FINDING_CODES).filter((code) => !tested.has(code as FindingCode))).toEqual([]);
  });

  it('lists every code with its severity in docs/plan-format.md', () => {
    const doc = readFileSync(new URL('../../../docs/plan-format.md', import.meta.url), 'utf8');
    for (const [code, info] of Object.entries(FINDING_CODES)) {
      expect(doc, code).toContain(`| \`${code}\` | ${info.severity} |`);
    }
  });

  it('uses stable UPPER_SNAKE codes with a severity and descriptions', () => {
    for (const [code, info] of Object.entries(FINDING_CODES)) {
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(['blocking', 'warning']).toContain(info.severity);
      expect(info.zh.length).toBeGreaterThan(0);
      expect(info.en.length).toBeGreaterThan(0);
    }
  });
});

describe('checkPlan details', () => {
  const run = (mutate: (p: Plan) => void): Finding[] => {
    const plan = makeCompletePlan();
    mutate(plan);
    return checkPlan(plan);
  };

  it('names both figures and the indicator in a wording mismatch', () => {
    const [f] = run((p) => void (target(p, ENERGY).values = [5, 10, 18]));
    expect(f!.message['zh-CN']).toContain('单位工业增加值能耗');
    expect(f!.message['zh-CN']).toContain('16%');
    expect(f!.message['zh-CN']).toContain('18%');
    expect(f!.message['en-US']).toContain('16%');
    expect(f!.message['en-US']).toContain('18%');
    expect(f!.targetId).toBe(ENERGY);
  });

  it('sets sectionKey on section findings only', () => {
    const findings = run((p) => {
      delete p.sections['ch2.approach'];
      p.parks = [];
    });
    expect(findings.find((f) => f.code === 'SECTION_MISSING')?.sectionKey).toBe('ch2.approach');
    expect(findings.find((f) => f.code === 'TABLE_EMPTY')?.sectionKey).toBeUndefined();
  });

  it('reports one missing dimension per dimension', () => {
    const findings = run((p) => void (p.targets = []));
    expect(findings.filter((f) => f.code === 'TARGETS_DIMENSION_MISSING')).toHaveLength(5);
  });

  it('compares figures across magnitude units (5200亿元 = 52000000万元)', () => {
    const findings = run((p) => {
      const t = target(p, REVENUE);
      t.unit = '万元';
      t.baselineValue = 41_000_000;
      t.values = [44_000_000, 48_000_000, 52_000_000];
    });
    expect(findings).toEqual([]);
  });

  it('accepts a wording in traditional characters that agrees with the fields', () => {
    const findings = run((p) => void (target(p, ENERGY).wording = '到2019年,單位工業增加值能耗比2015年下降16%'));
    expect(findings).toEqual([]);
  });

  it('accepts an annual growth whose wording states the mean of the yearly rates', () => {
    const findings = run((p) => void (target(p, GROWTH).values = [7.5, 8, 8.5]));
    expect(findings).toEqual([]);
  });

  it('matches the fields against the right figure of a compound wording', () => {
    const findings = run((p) => void (target(p, GROWTH).wording = '到2019年,规上工业增加值达到1800亿元,年均增长8%以上'));
    expect(findings).toEqual([]);
  });

  it('accepts a stock of things reached entered as a count', () => {
    const findings = run((p) => {
      const t = target(p, CENTRES);
      t.wording = '到2019年,新建省级以上企业技术中心达到20家';
    });
    expect(findings).toEqual([]);
  });

  it('accepts yearly values listed with 分别 and flags the one that differs', () => {
    const ok = run((p) => void (target(p, RD).wording = '2017—2019年,规上工业企业研发经费内部支出占主营业务收入比重分别达到1.4%、1.6%、1.8%'));
    expect(ok).toEqual([]);
    const bad = run((p) => void (target(p, RD).wording = '2017—2019年,规上工业企业研发经费内部支出占主营业务收入比重分别达到1.4%、1.7%、1.8%'));
    expect(bad.map((f) => f.code)).toEqual(['TARGET_WORDING_MISMATCH']);
    expect(bad[0]!.message['zh-CN']).toContain('2018');
  });

  it('finds the problems of the flawed sample plan', () => {
    const findings = checkPlan(planSchema.parse(makeFlawedPlan()));
    expect(hasBlocking(findings)).toBe(true);
    const codes = new Set(findings.map((f) => f.code));
    for (const code of [
      'COVER_FILING_DATE_INVALID',
      'CITY_TYPE_MISSING',
      'CONTACT_EMAIL_INVALID',
      'SECTION_MISSING',
      'SECTION_PLACEHOLDER',
      'TARGETS_DIMENSION_MISSING',
      'TARGET_WORDING_VAGUE',
      'TARGET_WORDING_MISMATCH',
      'TARGET_YEARS_WRONG',
      'TARGET_UNIT_KIND_MISMATCH',
      'TARGET_VALUE_MISSING',
      'TABLE_EMPTY',
      'TABLE_ROW_INCOMPLETE',
    ] as const) {
      expect(codes, code).toContain(code);
    }
  });
});

describe('hasBlocking', () => {
  const f = (severity: 'blocking' | 'warning'): Finding => ({
    code: 'TARGET_NO_DATA_SOURCE',
    severity,
    path: 'targets[0].dataSource',
    message: { 'zh-CN': '', 'en-US': '' },
  });
  it('is true only when a finding blocks', () => {
    expect(hasBlocking([])).toBe(false);
    expect(hasBlocking([f('warning')])).toBe(false);
    expect(hasBlocking([f('warning'), f('blocking')])).toBe(true);
  });
});

describe('plainText', () => {
  it('drops tags and decodes entities', () => {
    expect(plainText('<p>一&nbsp;二</p><script>x</script><b>&lt;三&gt;</b>&#x56DB;')).toBe('一 二 <三> 四');
  });
});
