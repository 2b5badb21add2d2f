import { describe, expect, it } from 'vitest';
import { CITY_TYPES } from '../plan/plan-schema.js';
import {
  REGIONS,
  REGION_LABELS,
  childrenOf,
  citiesUnderAuthority,
  divisionsForSelect,
  findDivisions,
  getDivision,
  getReviewAuthority,
  isCityLevelApplicant,
  isMunicipality,
  listDivisions,
  listReviewAuthorities,
  provinceOf,
  reviewAuthoritiesFor,
  reviewAuthoritiesForCluster,
  type Division,
} from './divisions.js';
import { regionalCityType } from '../plan/city-types.js';

const all = listDivisions();
const provinces = all.filter((d) => d.level === 'province');
const prefectures = all.filter((d) => d.level === 'prefecture');

function division(code: string): Division {
  const d = getDivision(code);
  if (!d) throw new Error(`missing ${code}`);
  return d;
}

describe('provinces and regions', () => {
  it('has the 31 mainland province-level units and leaves out 台湾, 香港, 澳门', () => {
    expect(provinces).toHaveLength(31);
    for (const code of ['710000', '810000', '820000']) expect(getDivision(code)).toBeUndefined();
    expect(provinces.every((p) => p.parentCode === null && p.provinceCode === p.code)).toBe(true);
  });

  it('partitions the provinces into the four regions 10/6/12/3', () => {
    const counts = Object.fromEntries(REGIONS.map((r) => [r, provinces.filter((p) => p.region === r).length]));
    expect(counts).toEqual({ east: 10, central: 6, west: 12, northeast: 3 });
    expect(REGIONS.flatMap((r) => provinces.filter((p) => p.region === r))).toHaveLength(31);
    expect(division('330000').region).toBe('east');
    expect(division('420000').region).toBe('central');
    expect(division('500000').region).toBe('west');
    expect(division('210000').region).toBe('northeast');
    expect(REGION_LABELS.northeast).toEqual({ zh: '东北', en: 'Northeast' });
  });

  it('gives every division the region of its province', () => {
    expect(all.filter((d) => d.region !== division(d.provinceCode).region)).toEqual([]);
  });

  it('knows the four municipalities', () => {
    expect(provinces.filter((p) => isMunicipality(p.code)).map((p) => p.code)).toEqual([
      '110000',
      '120000',
      '310000',
      '500000',
    ]);
    expect(isMunicipality('110101')).toBe(false);
    expect(isMunicipality('11')).toBe(false);
  });

  it('names the regional city types from CITY_TYPES', () => {
    expect(regionalCityType('east')).toBe('eastern_innovative');
    expect(regionalCityType('central')).toBe('central_characteristic');
    expect(regionalCityType('west')).toBe('western_traditional');
    expect(regionalCityType('northeast')).toBeNull();
    for (const r of REGIONS) {
      const t = regionalCityType(r);
      if (t !== null) expect(CITY_TYPES).toContain(t);
    }
  });
});

describe('the division tree', () => {
  it('uses unique 6-digit codes sorted ascending', () => {
    const codes = all.map((d) => d.code);
    expect(codes.filter((c) => !/^\d{6}$/.test(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('gives every prefecture a parent province and every division a consistent province', () => {
    expect(prefectures.length).toBeGreaterThan(300);
    for (const d of prefectures) {
      expect(d.parentCode, d.code).toBe(d.provinceCode);
      expect(getDivision(d.parentCode ?? '')?.level, d.code).toBe('province');
    }
    expect(all.filter((d) => d.provinceCode !== `${d.code.slice(0, 2)}0000`)).toEqual([]);
  });

  it('hangs each district under a prefecture, or under its municipality', () => {
    const districts = all.filter((d) => d.level === 'district');
    expect(districts.length).toBeGreaterThan(2500);
    for (const d of districts) {
      const parent = getDivision(d.parentCode ?? '');
      if (isMunicipality(d.provinceCode)) expect(parent?.code, d.code).toBe(d.provinceCode);
      else expect(parent?.level, d.code).toBe('prefecture');
    }
  });

  it('has 宁波 330200 as a prefecture of 浙江', () => {
    const ningbo = division('330200');
    expect(ningbo).toMatchObject({ name: '宁波市', shortName: '宁波', level: 'prefecture', parentCode: '330000' });
    expect(provinceOf('330200').name).toBe('浙江省');
    expect(provinceOf('330212').code).toBe('330000');
  });

  it('has 顺德区 440606 under 佛山 440600', () => {
    expect(division('440606')).toMatchObject({ name: '顺德区', shortName: '顺德区', level: 'district', parentCode: '440600' });
    expect(division('440600').name).toBe('佛山市');
    expect(childrenOf('440600').map((d) => d.code)).toContain('440606');
  });

  it("makes Beijing's and Chongqing's districts and counties district-level applicants under the municipality", () => {
    const beijing = childrenOf('110000');
    expect(beijing.length).toBeGreaterThanOrEqual(16);
    expect(beijing.every((d) => d.level === 'district' && d.parentCode === '110000')).toBe(true);
    expect(division('110105')).toMatchObject({ name: '朝阳区', level: 'district', parentCode: '110000' });
    expect(beijing.every((d) => isCityLevelApplicant(d.code))).toBe(true);
    expect(division('500229')).toMatchObject({ name: '城口县', parentCode: '500000' });
    for (const container of ['110100', '120100', '310100', '500100', '500200']) expect(getDivision(container)).toBeUndefined();
  });

  it('only counts prefectures and municipality districts as city-level applicants', () => {
    expect(isCityLevelApplicant('330200')).toBe(true);
    expect(isCityLevelApplicant('440606')).toBe(false);
    expect(isCityLevelApplicant('330000')).toBe(false);
    expect(isCityLevelApplicant('000000')).toBe(false);
  });

  it('places directly administered county-level units at prefecture level under the province', () => {
    for (const [code, province] of [['419001', '410000'], ['429004', '420000'], ['469002', '460000']] as const) {
      expect(division(code)).toMatchObject({ level: 'prefecture', parentCode: province, directlyAdministered: true });
    }
    expect(division('330100').directlyAdministered).toBeUndefined();
    for (const container of ['419000', '429000', '469000', '659000']) expect(getDivision(container)).toBeUndefined();
  });

  it('leaves out placeholders and functional zones that are not divisions', () => {
    expect(all.filter((d) => d.name === '市辖区' || /直辖县级行政区划/.test(d.name))).toEqual([]);
    const zones = all.filter((d) => d.level === 'district' && Number(d.code.slice(4)) >= 71 && Number(d.code.slice(4)) <= 80);
    expect(zones).toEqual([]);
    expect(getDivision('320571')).toBeUndefined(); // 苏州工业园区
    expect(getDivision('632857')).toBeUndefined(); // 大柴旦行政委员会
    expect(getDivision('130706')?.name).toBe('下花园区'); // a real district whose name ends in 园区
  });

  it('shortens names by their administrative suffix', () => {
    const short = (code: string) => division(code).shortName;
    expect(short('150000')).toBe('内蒙古');
    expect(short('450000')).toBe('广西');
    expect(short('650000')).toBe('新疆');
    expect(short('540000')).toBe('西藏');
    expect(short('110000')).toBe('北京');
    expect(short('222400')).toBe('延边');
    expect(short('653000')).toBe('克孜勒苏');
    expect(short('654000')).toBe('伊犁');
    expect(short('632800')).toBe('海西');
    expect(short('152200')).toBe('兴安');
    expect(short('652900')).toBe('阿克苏');
    expect(short('469025')).toBe('白沙');
    const bad = all.filter(
      (d) => d.level !== 'district' && (d.shortName.length < 2 || /(省|市|自治|族|地区|盟|特别行政区)$/.test(d.shortName)),
    );
    expect(bad.map((d) => d.shortName)).toEqual([]);
  });

  it('finds the member cities of the known pilots by name', () => {
    const members: Array<[string, string]> = [
      ['浙江', '宁波'], ['江苏', '南京'], ['江苏', '无锡'], ['江苏', '常州'], ['江苏', '苏州'], ['江苏', '镇江'],
      ['广东', '珠海'], ['广东', '佛山'], ['广东', '中山'], ['广东', '江门'], ['广东', '阳江'], ['广东', '肇庆'],
      ['湖北', '武汉'], ['福建', '泉州'], ['辽宁', '沈阳'], ['吉林', '长春'], ['宁夏', '吴忠'], ['四川', '成都'],
      ['山东', '青岛'], ['浙江', '湖州'], ['河南', '郑州'], ['河南', '洛阳'], ['河南', '新乡'], ['安徽', '合肥'],
      ['广东', '广州'], ['内蒙古', '包头'],
    ];
    for (const [province, name] of members) {
      const found = findDivisions(name, { province, level: 'prefecture' });
      expect(found.map((d) => d.shortName), `${province} ${name}`).toEqual([name]);
    }
    expect(findDivisions('顺德区', { province: '440000' }).map((d) => d.code)).toEqual(['440606']);
    expect(findDivisions('吉林').map((d) => d.code)).toEqual(['220000', '220200']);
    expect(findDivisions('宁波', { province: '江苏' })).toEqual([]);
  });

  it('returns the same frozen objects on every call and copies of the lists', () => {
    expect(getDivision('330200')).toBe(getDivision('330200'));
    expect(Object.isFrozen(division('330200'))).toBe(true);
    listDivisions().pop();
    expect(listDivisions()).toHaveLength(all.length);
  });

  it('throws on unknown codes where a division is required', () => {
    expect(() => provinceOf('999999')).toThrow(/unknown/);
    expect(() => reviewAuthoritiesFor('999999')).toThrow(/unknown/);
    expect(() => citiesUnderAuthority('nope')).toThrow(/unknown/);
  });
});

describe('review authorities', () => {
  const authorities = listReviewAuthorities();

  it('has one per province, one per 计划单列市 and the XPCC', () => {
    expect(authorities).toHaveLength(31 + 5 + 1);
    expect(new Set(authorities.map((a) => a.id)).size).toBe(authorities.length);
    expect(authorities.filter((a) => a.kind === 'province').map((a) => a.id)).toEqual(provinces.map((p) => p.code));
    expect(
      authorities
        .filter((a) => a.kind === 'separately_planned')
        .map((a) => a.id)
        .sort(),
    ).toEqual(['210200', '330200', '350200', '370200', '440300']);
    expect(getReviewAuthority('330000')).toMatchObject({ name: '浙江省', label: '浙江省工业和信息化主管部门', region: 'east' });
    expect(getReviewAuthority('330200')).toMatchObject({ name: '宁波市', divisionCode: '330200', provinceCode: '330000' });
    expect(getReviewAuthority('xpcc')).toMatchObject({ kind: 'xpcc', name: '新疆生产建设兵团', divisionCode: null, provinceCode: '650000', region: 'west' });
  });

  it('sends 宁波 to its own authority, not to 浙江', () => {
    expect(reviewAuthoritiesFor('330200')).toEqual(['330200']);
    expect(reviewAuthoritiesFor('330212')).toEqual(['330200']); // 鄞州区
  });

  it('sends 杭州 to 浙江', () => {
    expect(reviewAuthoritiesFor('330100')).toEqual(['330000']);
  });

  it('sends every district of 深圳 to 深圳', () => {
    const districts = childrenOf('440300');
    expect(districts.map((d) => d.code)).toContain('440305'); // 南山区
    expect(districts.every((d) => reviewAuthoritiesFor(d.code).join() === '440300')).toBe(true);
    expect(reviewAuthoritiesFor('440606')).toEqual(['440000']);
  });

  it('sends the XPCC cities to the XPCC and the rest of Xinjiang to Xinjiang', () => {
    expect(division('659001').name).toBe('石河子市');
    expect(reviewAuthoritiesFor('659001')).toEqual(['xpcc']);
    const xpcc = citiesUnderAuthority('xpcc');
    expect(xpcc.map((d) => d.code)).toContain('659001');
    expect(xpcc.every((d) => d.code.startsWith('6590'))).toBe(true);
    expect(reviewAuthoritiesFor('650100')).toEqual(['650000']);
    expect(citiesUnderAuthority('650000').some((d) => d.code.startsWith('6590'))).toBe(false);
  });

  it('gives every city-level applicant exactly one authority', () => {
    const applicants = all.filter((d) => isCityLevelApplicant(d.code)).map((d) => d.code);
    const covered = authorities.flatMap((a) => citiesUnderAuthority(a.id).map((d) => d.code));
    expect(covered.sort()).toEqual(applicants);
    expect(citiesUnderAuthority('330000').map((d) => d.code)).not.toContain('330200');
    expect(citiesUnderAuthority('330200').map((d) => d.code)).toEqual(['330200']);
    expect(citiesUnderAuthority('110000')).toHaveLength(childrenOf('110000').length);
  });

  it('adds the districts of its prefectures on request', () => {
    const ningbo = citiesUnderAuthority('330200', { includeDistricts: true });
    expect(ningbo.map((d) => d.code)).toEqual(['330200', ...childrenOf('330200').map((d) => d.code)]);
    expect(citiesUnderAuthority('440000', { includeDistricts: true }).map((d) => d.code)).toContain('440606');
    expect(citiesUnderAuthority('440000', { includeDistricts: true }).map((d) => d.code)).not.toContain('440305');
  });

  it('sends a cluster to each authority involved, once', () => {
    expect(reviewAuthoritiesForCluster(['320100', '320200', '320400', '320500', '321100'])).toEqual(['320000']);
    expect(reviewAuthoritiesForCluster(['330100', '330200', '330300'])).toEqual(['330000', '330200']);
  });
});

describe('divisionsForSelect', () => {
  it('lists provinces with their prefectures, or the districts of a municipality', () => {
    const tree = divisionsForSelect();
    expect(tree.map((p) => p.code)).toEqual(provinces.map((p) => p.code));
    const zhejiang = tree.find((p) => p.code === '330000');
    expect(zhejiang?.children?.map((c) => c.code)).toContain('330200');
    expect(zhejiang?.children?.every((c) => c.children === undefined)).toBe(true);
    const beijing = tree.find((p) => p.code === '110000');
    expect(beijing?.children?.map((c) => c.code)).toEqual(childrenOf('110000').map((d) => d.code));
    expect(divisionsForSelect()).toBe(tree);
  });

  it('goes down to districts on request', () => {
    const foshan = divisionsForSelect({ districts: true })
      .find((p) => p.code === '440000')
      ?.children?.find((c) => c.code === '440600');
    expect(foshan?.children?.map((c) => c.name)).toContain('顺德区');
    const codes: string[] = [];
    const walk = (nodes: readonly { code: string; children?: readonly unknown[] }[]) => {
      for (const n of nodes) {
        codes.push(n.code);
        if (n.children) walk(n.children as typeof nodes);
      }
    };
    walk(divisionsForSelect({ districts: true }));
    expect(codes.sort()).toEqual(all.map((d) => d.code));
  });
});
