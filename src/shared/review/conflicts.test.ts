import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../plan/plan-schema';
import {
  applicationFromPlan,
  CONFLICT_RULE_CODES,
  CONFLICT_RULES,
  cityOf,
  excludedPairs,
  findConflicts,
  normaliseOrganisationName,
  organisationNamesMatch,
  provinceOf,
  type ApplicationForConflicts,
  type ConflictRuleCode,
  type DeclaredRelation,
  type ExpertForConflicts,
} from './conflicts';

// GB/T 2260 codes used below.
const ZHEJIANG = '330000';
const HANGZHOU = '330100';
const NINGBO = '330200'; // 计划单列市 in 浙江
const NINGBO_YINZHOU = '330212'; // a district of 宁波
const FOSHAN = '440600';
const FOSHAN_CHANCHENG = '440604';
const FOSHAN_SHUNDE = '440606'; // member of 珠江西岸六市一区
const ZHUHAI = '440400';
const SHENZHEN = '440300'; // 计划单列市 in 广东
const SHANGHAI = '310000';
const SHANGHAI_XUHUI = '310104';
const SHANGHAI_PUDONG = '310115';
const XIANTAO = '429004'; // county-level city directly under 湖北
const QIANJIANG = '429005';
const BEIJING = '110000';
const BEIJING_HAIDIAN = '110108';
const SUZHOU = '320500';
const WUXI = '320200';

/** A Beijing expert with no ties: no rule fires against the applications below. */
function expert(over: Partial<ExpertForConflicts> = {}): ExpertForConflicts {
  return {
    id: 'e1',
    name: '王某',
    organisation: '清华大学',
    provinceCode: BEIJING,
    cityCode: BEIJING_HAIDIAN,
    declaredRelations: [],
    ...over,
  };
}
function application(cityCodes: string[], over: Partial<ApplicationForConflicts> = {}): ApplicationForConflicts {
  return { id: 'a1', cityCodes, parks: [], coreEnterprises: [], innovationCarriers: [], ...over };
}
function relation(cityCode: string, kind: DeclaredRelation['kind'] = 'advised', note = ''): DeclaredRelation {
  return { cityCode, kind, note };
}
function rules(e: ExpertForConflicts, a: ApplicationForConflicts): ConflictRuleCode[] {
  return findConflicts(e, a).map((c) => c.rule);
}

describe('divisions', () => {
  it.each([
    [NINGBO, ZHEJIANG],
    [NINGBO_YINZHOU, ZHEJIANG],
    [FOSHAN_SHUNDE, '440000'],
    [SHANGHAI_PUDONG, SHANGHAI],
    [XIANTAO, '420000'],
  ])('provinceOf(%s) = %s', (code, province) => {
    expect(provinceOf(code)).toBe(province);
  });

  it.each([
    [NINGBO, NINGBO],
    [NINGBO_YINZHOU, NINGBO],
    [FOSHAN_SHUNDE, FOSHAN],
    [XIANTAO, XIANTAO],
    [SHANGHAI_PUDONG, SHANGHAI_PUDONG],
    [SHANGHAI, null],
    ['310100', null],
    [ZHEJIANG, null],
  ])('cityOf(%s) = %s', (code, city) => {
    expect(cityOf(code)).toBe(city);
  });

  it('rejects malformed codes', () => {
    expect(() => provinceOf('33020')).toThrow(RangeError);
    expect(() => findConflicts(expert({ cityCode: '' }), application([NINGBO]))).toThrow(RangeError);
    expect(() => findConflicts(expert(), application(['ningbo']))).toThrow(RangeError);
    expect(() => findConflicts(expert({ declaredRelations: [relation('3302')] }), application([NINGBO]))).toThrow(RangeError);
  });
});

describe('rules as data', () => {
  it('has the four rules with zh and en names and descriptions', () => {
    expect(Object.keys(CONFLICT_RULES)).toEqual([...CONFLICT_RULE_CODES]);
    for (const code of CONFLICT_RULE_CODES) {
      const r = CONFLICT_RULES[code];
      expect(r.code).toBe(code);
      expect(r.zh).toMatch(/回避/);
      expect(r.en.length).toBeGreaterThan(0);
      expect(r.description.zh.length).toBeGreaterThan(10);
      expect(r.description.en.length).toBeGreaterThan(10);
    }
  });
});

describe('findConflicts: division rules', () => {
  const cases: { what: string; e: ExpertForConflicts; a: ApplicationForConflicts; expected: ConflictRuleCode[] }[] = [
    { what: 'no tie (Beijing expert, Ningbo)', e: expert(), a: application([NINGBO]), expected: [] },
    {
      what: 'Hangzhou expert, Ningbo (计划单列市 counts in its province)',
      e: expert({ provinceCode: ZHEJIANG, cityCode: HANGZHOU }),
      a: application([NINGBO]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: 'Ningbo expert, Hangzhou',
      e: expert({ provinceCode: ZHEJIANG, cityCode: NINGBO }),
      a: application([HANGZHOU]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: 'Shenzhen expert, 顺德区',
      e: expert({ provinceCode: '440000', cityCode: SHENZHEN }),
      a: application([FOSHAN_SHUNDE]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: 'Ningbo expert, Ningbo',
      e: expert({ provinceCode: ZHEJIANG, cityCode: NINGBO }),
      a: application([NINGBO]),
      expected: ['SAME_PROVINCE', 'SAME_CITY'],
    },
    {
      what: 'expert in a district of Ningbo, Ningbo',
      e: expert({ provinceCode: ZHEJIANG, cityCode: NINGBO_YINZHOU }),
      a: application([NINGBO]),
      expected: ['SAME_PROVINCE', 'SAME_CITY'],
    },
    {
      what: 'expert in 禅城区, application from 顺德区 (both in 佛山)',
      e: expert({ provinceCode: '440000', cityCode: FOSHAN_CHANCHENG }),
      a: application([FOSHAN_SHUNDE]),
      expected: ['SAME_PROVINCE', 'SAME_CITY'],
    },
    {
      what: 'expert whose city is only known as the province',
      e: expert({ provinceCode: ZHEJIANG, cityCode: ZHEJIANG }),
      a: application([NINGBO]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: 'two different Shanghai districts',
      e: expert({ provinceCode: SHANGHAI, cityCode: SHANGHAI_XUHUI }),
      a: application([SHANGHAI_PUDONG]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: 'Shanghai as a whole, 浦东新区',
      e: expert({ provinceCode: SHANGHAI, cityCode: SHANGHAI }),
      a: application([SHANGHAI_PUDONG]),
      expected: ['SAME_PROVINCE', 'SAME_CITY'],
    },
    {
      what: 'Shanghai container 310100, 浦东新区',
      e: expert({ provinceCode: SHANGHAI, cityCode: '310100' }),
      a: application([SHANGHAI_PUDONG]),
      expected: ['SAME_PROVINCE', 'SAME_CITY'],
    },
    {
      what: '仙桃 expert, 潜江 (two province-direct cities)',
      e: expert({ provinceCode: '420000', cityCode: XIANTAO }),
      a: application([QIANJIANG]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: '仙桃 expert, 仙桃',
      e: expert({ provinceCode: '420000', cityCode: XIANTAO }),
      a: application([XIANTAO]),
      expected: ['SAME_PROVINCE', 'SAME_CITY'],
    },
    {
      what: 'inconsistent profile (Beijing province, Hangzhou city), Ningbo',
      e: expert({ provinceCode: BEIJING, cityCode: HANGZHOU }),
      a: application([NINGBO]),
      expected: ['SAME_PROVINCE'],
    },
    {
      what: 'Zhejiang expert, a cluster in Jiangsu',
      e: expert({ provinceCode: ZHEJIANG, cityCode: HANGZHOU }),
      a: application([SUZHOU, WUXI]),
      expected: [],
    },
  ];
  it.each(cases)('$what → $expected', ({ e, a, expected }) => {
    expect(rules(e, a)).toEqual(expected);
  });

  it('groups a cluster: one SAME_PROVINCE per province and one SAME_CITY per expert city, naming the cities', () => {
    const e = expert({ provinceCode: '440000', cityCode: FOSHAN });
    const conflicts = findConflicts(e, application([ZHUHAI, FOSHAN, FOSHAN_SHUNDE]));
    expect(conflicts.map((c) => [c.rule, c.matched, c.applicationCityCodes])).toEqual([
      ['SAME_PROVINCE', '440000', [ZHUHAI, FOSHAN, FOSHAN_SHUNDE]],
      ['SAME_CITY', FOSHAN, [FOSHAN, FOSHAN_SHUNDE]],
    ]);
  });

  it('explains with division names when a resolver is given, codes otherwise', () => {
    const names: Record<string, string> = { [ZHEJIANG]: '浙江省', [NINGBO]: '宁波市', [HANGZHOU]: '杭州市' };
    const e = expert({ provinceCode: ZHEJIANG, cityCode: HANGZHOU });
    const [named] = findConflicts(e, application([NINGBO]), { divisionName: (c) => names[c] });
    expect(named!.explanation.zh).toBe('专家所在省份浙江省（330000）与申报城市“宁波市（330200）”属同一省份');
    expect(named!.explanation.en).toBe("The expert's home province 浙江省 (330000) is the province of the applying city 宁波市 (330200)");
    const [bare] = findConflicts(e, application([NINGBO]));
    expect(bare!.explanation.zh).toBe('专家所在省份330000与申报城市“330200”属同一省份');
    expect(bare).toMatchObject({ expertId: 'e1', applicationId: 'a1', rule: 'SAME_PROVINCE' });
  });
});

describe('findConflicts: DECLARED_RELATION', () => {
  const cases: { what: string; rel: DeclaredRelation; cities: string[]; fires: boolean }[] = [
    { what: 'relation with the applying city', rel: relation(NINGBO, 'drafted_plan'), cities: [NINGBO], fires: true },
    { what: 'relation with a district of the applying city', rel: relation(NINGBO_YINZHOU), cities: [NINGBO], fires: true },
    { what: 'relation with the city of an applying district', rel: relation(FOSHAN, 'employed'), cities: [FOSHAN_SHUNDE], fires: true },
    { what: 'relation with the province of the applying city', rel: relation(ZHEJIANG), cities: [NINGBO], fires: true },
    { what: 'relation with another city of the province', rel: relation(HANGZHOU), cities: [NINGBO], fires: false },
    { what: 'relation with another Shanghai district', rel: relation(SHANGHAI_XUHUI), cities: [SHANGHAI_PUDONG], fires: false },
    { what: 'relation with Shanghai as a whole', rel: relation(SHANGHAI), cities: [SHANGHAI_PUDONG], fires: true },
    { what: 'relation with one member of a cluster', rel: relation(WUXI, 'other'), cities: [SUZHOU, WUXI], fires: true },
  ];
  it.each(cases)('$what → fires: $fires', ({ rel, cities, fires }) => {
    expect(rules(expert({ declaredRelations: [rel] }), application(cities))).toEqual(fires ? ['DECLARED_RELATION'] : []);
  });

  it('names the relation, its kind and note, one conflict per relation', () => {
    const e = expert({ declaredRelations: [relation(NINGBO, 'drafted_plan', '2016年受托编制实施方案'), relation(HANGZHOU), relation(NINGBO_YINZHOU)] });
    const conflicts = findConflicts(e, application([NINGBO]));
    expect(conflicts.map((c) => c.matched)).toEqual([NINGBO, NINGBO_YINZHOU]);
    expect(conflicts[0]!.relation).toEqual({ cityCode: NINGBO, kind: 'drafted_plan', note: '2016年受托编制实施方案' });
    expect(conflicts[0]!.explanation.zh).toBe('专家申报与330200存在关联关系（参与编制实施方案：2016年受托编制实施方案），涉及申报城市“330200”');
    expect(conflicts[1]!.explanation.zh).toBe('专家申报与330212存在关联关系（提供咨询服务），涉及申报城市“330200”');
  });
});

describe('organisation names', () => {
  it.each([
    ['宁波舟山港股份有限公司', '宁波舟山港'],
    ['  华为技术有限公司 ', '华为技术'],
    ['浙江吉利控股集团有限公司', '浙江吉利控股'],
    ['某某(集团)有限公司', '某某'],
    ['某某（集团）股份有限公司', '某某'],
    ['ＢＹＤ　Ｃｏ．，Ｌｔｄ．', 'byd'],
    ['BYD Company Limited', 'byd'],
    ['Cisco', 'cisco'],
    ['Zinc Group Inc.', 'zinc'],
    ['中国电子科技集团公司第五十二研究所', '中国电子科技集团公司第五十二研究所'],
    ['浙江大學', '浙江大学'],
    ['公司', '公司'],
    ['“宁波”智能制造 · 研究院', '宁波智能制造研究院'],
  ])('normalise %j → %j', (name, normalised) => {
    expect(normaliseOrganisationName(name)).toBe(normalised);
  });

  it.each([
    ['浙江大学', '浙江大学宁波研究院', true], // containment, ≥ 4 characters: a body of the university
    ['浙江大学宁波研究院', '浙江大学', true], // either way
    ['浙江大学', '浙江工业大学', false],
    ['宁波舟山港集团有限公司', '宁波舟山港股份有限公司', true],
    ['吉利控股集团', '浙江吉利控股集团有限公司', true],
    ['ＢＹＤ　Ｃｏ．，Ｌｔｄ．', 'BYD Company Limited', true],
    ['方太集团', '方太', true], // equal after stripping, short names match exactly
    ['方太', '宁波方太厨具有限公司', false], // 2 characters: no containment
    ['大学', '浙江大学', false],
    ['中国科学院', '中国科学院宁波材料技术与工程研究所', true],
    ['中科院', '中国科学院宁波材料技术与工程研究所', false], // aliases are not resolved
    ['浙江大學', '浙江大学宁波研究院', true], // traditional characters
    ['', '浙江大学', false],
    ['某某公司', '公司', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(organisationNamesMatch(a, b)).toBe(expected);
  });
});

describe('findConflicts: ORGANISATION_IN_PLAN', () => {
  const ningbo = application([NINGBO], {
    parks: ['宁波杭州湾新区'],
    coreEnterprises: ['宁波舟山港股份有限公司', '  '],
    innovationCarriers: ['浙江大学宁波研究院', '浙江大学宁波研究院', '中国科学院宁波材料技术与工程研究所'],
  });
  const cases: { what: string; organisation: string; expected: [string, string][] }[] = [
    { what: 'university with an institute in the plan', organisation: '浙江大学', expected: [['innovationCarriers', '浙江大学宁波研究院']] },
    { what: 'same company, another legal form', organisation: '宁波舟山港集团有限公司', expected: [['coreEnterprises', '宁波舟山港股份有限公司']] },
    { what: 'park developer', organisation: '宁波杭州湾新区开发建设有限公司', expected: [['parks', '宁波杭州湾新区']] },
    { what: 'a different university', organisation: '浙江工业大学', expected: [] },
    { what: 'an alias', organisation: '中科院', expected: [] },
    { what: 'a blank organisation', organisation: '   ', expected: [] },
  ];
  it.each(cases)('$what', ({ organisation, expected }) => {
    const conflicts = findConflicts(expert({ organisation }), ningbo);
    expect(conflicts.map((c) => [c.planList, c.matched])).toEqual(expected);
    for (const c of conflicts) {
      expect(c.rule).toBe('ORGANISATION_IN_PLAN');
      expect(c.applicationCityCodes).toEqual([]);
    }
  });

  it('explains an exact listing and a containment differently, naming both', () => {
    const exact = findConflicts(expert({ organisation: '浙江大学宁波研究院' }), ningbo);
    expect(exact.map((c) => c.explanation.zh)).toEqual(['专家所在单位“浙江大学宁波研究院”列于方案的创新载体中（“浙江大学宁波研究院”）']);
    const contained = findConflicts(expert({ organisation: '浙江大学' }), ningbo);
    expect(contained[0]!.explanation.zh).toBe('专家所在单位“浙江大学”与方案创新载体“浙江大学宁波研究院”名称相互包含，视为同一单位或其下属机构');
    expect(contained[0]!.explanation.en).toContain('innovation carrier "浙江大学宁波研究院"');
  });
});

describe('applicationFromPlan', () => {
  it('takes the cities and the non-blank names from the plan', () => {
    const plan = emptyPlan(2016, '宁波市', [NINGBO]);
    plan.parks.push({ name: '宁波国家高新技术产业开发区', level: '国家级', leadingIndustries: '新材料' });
    plan.coreEnterprises.push({ name: '方太集团', industry: '家电', role: '龙头' }, { name: ' ', industry: '', role: '' });
    plan.innovationCarriers.push({ name: '浙江大学宁波研究院', kind: '公共服务平台', level: '省级' });
    expect(applicationFromPlan('app-1', plan)).toEqual({
      id: 'app-1',
      cityCodes: [NINGBO],
      parks: ['宁波国家高新技术产业开发区'],
      coreEnterprises: ['方太集团'],
      innovationCarriers: ['浙江大学宁波研究院'],
    });
  });
});

describe('excludedPairs', () => {
  const experts: ExpertForConflicts[] = [
    expert({ id: 'hz', provinceCode: ZHEJIANG, cityCode: HANGZHOU, organisation: '浙江工业大学' }),
    expert({ id: 'bj-rel', declaredRelations: [relation(WUXI, 'advised')] }),
    expert({ id: 'zju', organisation: '浙江大学' }),
    expert({ id: 'clean' }),
    expert({ id: 'sz', provinceCode: '320000', cityCode: SUZHOU, organisation: '浙江大学' }),
  ];
  const applications: ApplicationForConflicts[] = [
    application([NINGBO], { id: 'ningbo', innovationCarriers: ['浙江大学宁波研究院'] }),
    application([SUZHOU, WUXI], { id: 'sunan' }),
  ];

  it('lists every excluded pair with the rules that fired, in application then expert order', () => {
    const pairs = excludedPairs(experts, applications);
    expect(pairs.map((p) => [p.applicationId, p.expertId, p.rules])).toEqual([
      ['ningbo', 'hz', ['SAME_PROVINCE']],
      ['ningbo', 'zju', ['ORGANISATION_IN_PLAN']],
      ['ningbo', 'sz', ['ORGANISATION_IN_PLAN']],
      ['sunan', 'bj-rel', ['DECLARED_RELATION']],
      ['sunan', 'sz', ['SAME_PROVINCE', 'SAME_CITY']],
    ]);
    for (const p of pairs) {
      expect(p.conflicts.length).toBeGreaterThan(0);
      for (const c of p.conflicts) expect([c.expertId, c.applicationId]).toEqual([p.expertId, p.applicationId]);
    }
  });

  it('never lists the expert without ties', () => {
    expect(excludedPairs(experts, applications).some((p) => p.expertId === 'clean')).toBe(false);
  });

  it('is empty for an empty batch', () => {
    expect(excludedPairs([], applications)).toEqual([]);
    expect(excludedPairs(experts, [])).toEqual([]);
  });
});
