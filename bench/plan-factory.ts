/**
 * Builds complete, realistic implementation plans (申报书 + 实施方案) for the benchmark data set:
 * every outline part filled with a few sentences, twelve targets across the five dimensions and
 * the tables (key industries, parks, core enterprises, innovation carriers, task division) filled.
 * Deterministic for a given random source.
 */
import { ALL_PART_KEYS } from '../src/shared/plan/outline.js';
import type { CityType, Plan, Target, TargetDimension, TargetKind } from '../src/shared/plan/plan-schema.js';

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const intBetween = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function sample<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.min(n, copy.length));
}

const INDUSTRIES = [
  '高端装备制造', '新一代信息技术', '新能源汽车', '新材料', '生物医药及高性能医疗器械', '节能环保装备',
  '智能制造装备', '航空航天装备', '海洋工程装备及高技术船舶', '先进轨道交通装备', '电力装备', '农机装备',
  '集成电路', '绿色石化', '现代纺织服装', '精品钢材', '有色金属精深加工', '食品精深加工', '工业机器人', '汽车及零部件',
];
const PARK_KINDS = ['经济技术开发区', '高新技术产业开发区', '综合保税区', '新型工业化产业示范基地', '产业集聚区'];
const PARK_LEVELS = ['国家级', '省级'];
const ENTERPRISE_SUFFIX = ['集团股份有限公司', '科技股份有限公司', '重工有限公司', '智能装备有限公司', '新材料股份有限公司', '汽车有限公司'];
const ENTERPRISE_WORDS = ['华', '兴', '宏', '科', '瑞', '达', '盛', '恒', '通', '海', '天', '鑫', '远', '东', '精', '特'];
const CARRIER_KINDS = ['制造业创新中心', '企业技术中心', '产业创新联盟', '公共服务平台', '工程技术研究中心', '重点实验室'];
const UNITS = ['市经信委', '市发展改革委', '市科技局', '市财政局', '市人社局', '市国土资源局', '市环保局', '市商务局', '市质监局', '市金融办'];

interface TargetTemplate {
  dimension: TargetDimension;
  indicator: string;
  unit: string;
  direction: 'higher' | 'lower';
  kind: TargetKind;
  base: [number, number];
  step: [number, number];
  source: string;
}

const TARGET_TEMPLATES: readonly TargetTemplate[] = [
  { dimension: 'innovation', indicator: '规模以上制造业研发经费内部支出占主营业务收入比重', unit: '%', direction: 'higher', kind: 'level', base: [0.8, 1.6], step: [0.1, 0.3], source: '市统计局' },
  { dimension: 'innovation', indicator: '规模以上制造业每亿元主营业务收入有效发明专利数', unit: '件', direction: 'higher', kind: 'level', base: [0.4, 1.2], step: [0.1, 0.3], source: '市知识产权局' },
  { dimension: 'innovation', indicator: '新建省级以上企业技术中心', unit: '家', direction: 'higher', kind: 'count', base: [0, 0], step: [5, 12], source: '市经信委' },
  { dimension: 'quality_efficiency', indicator: '制造业质量竞争力指数', unit: '', direction: 'higher', kind: 'level', base: [82, 86], step: [0.3, 0.8], source: '市质监局' },
  { dimension: 'quality_efficiency', indicator: '制造业增加值率', unit: '%', direction: 'higher', kind: 'pp_change', base: [19, 24], step: [0.5, 1], source: '市统计局' },
  { dimension: 'quality_efficiency', indicator: '制造业全员劳动生产率增速', unit: '%', direction: 'higher', kind: 'annual_growth', base: [6, 8], step: [0, 0], source: '市统计局' },
  { dimension: 'structure', indicator: '高技术制造业增加值占规模以上工业增加值比重', unit: '%', direction: 'higher', kind: 'level', base: [8, 18], step: [1, 2.5], source: '市统计局' },
  { dimension: 'structure', indicator: '主营业务收入超百亿元企业数', unit: '家', direction: 'higher', kind: 'count', base: [0, 0], step: [1, 4], source: '市经信委' },
  { dimension: 'sustainability', indicator: '规模以上单位工业增加值能耗', unit: '%', direction: 'lower', kind: 'change_vs_base', base: [0, 0], step: [4, 7], source: '市统计局、市经信委' },
  { dimension: 'sustainability', indicator: '工业固体废物综合利用率', unit: '%', direction: 'higher', kind: 'level', base: [70, 85], step: [1, 3], source: '市环保局' },
  { dimension: 'it_integration', indicator: '数字化研发设计工具普及率', unit: '%', direction: 'higher', kind: 'level', base: [52, 66], step: [3, 5], source: '市经信委' },
  { dimension: 'it_integration', indicator: '关键工序数控化率', unit: '%', direction: 'higher', kind: 'level', base: [30, 45], step: [3, 5], source: '市经信委' },
];

const round1 = (n: number) => Math.round(n * 10) / 10;

function buildTarget(rng: Rng, t: TargetTemplate, i: number, year: number): Target {
  const baseline = t.kind === 'count' || t.kind === 'change_vs_base' ? 0 : round1(t.base[0] + rng() * (t.base[1] - t.base[0]));
  const step = t.step[0] + rng() * (t.step[1] - t.step[0]);
  let values: number[];
  let wording: string;
  const y3 = year + 3;
  switch (t.kind) {
    case 'count': {
      const s = Math.max(1, Math.round(step));
      values = [s, 2 * s, 3 * s];
      wording = `到${y3}年，累计${t.indicator}${values[2]}${t.unit}`;
      break;
    }
    case 'change_vs_base':
      values = [round1(step), round1(2 * step), round1(3 * step)];
      wording = `到${y3}年，${t.indicator}比${year - 1}年下降${values[2]}%`;
      break;
    case 'annual_growth':
      values = [baseline, baseline, baseline];
      wording = `${year + 1}—${y3}年，${t.indicator}年均增长${baseline}%`;
      break;
    case 'pp_change':
      values = [round1(step), round1(2 * step), round1(3 * step)];
      wording = `到${y3}年，${t.indicator}比${year - 1}年提高${values[2]}个百分点`;
      break;
    default: {
      const sign = t.direction === 'higher' ? 1 : -1;
      values = [1, 2, 3].map((k) => round1(baseline + sign * k * step));
      wording = `到${y3}年，${t.indicator}达到${values[2]}${t.unit}`;
    }
  }
  return {
    id: `t${i + 1}`,
    dimension: t.dimension,
    indicator: t.indicator,
    unit: t.unit,
    direction: t.direction,
    kind: t.kind,
    qualifier: pick(rng, ['exact', 'at_least', 'exact', 'strive'] as const),
    baseYear: year - 1,
    baselineValue: t.kind === 'count' ? 0 : baseline,
    targetYears: [year + 1, year + 2, y3],
    values,
    dataSource: t.source,
    assessmentMethod: `以${t.source}年度统计数据为准，按年度分解考核，纳入市政府目标责任制考核体系`,
    wording,
  };
}

function sectionText(key: string, city: string, industries: string[], year: number, rng: Rng): string {
  const [i1, i2, i3] = [industries[0] ?? '高端装备制造', industries[1] ?? '新材料', industries[2] ?? '新一代信息技术'];
  const gdp = intBetween(rng, 800, 9000);
  const share = intBetween(rng, 35, 55);
  const s: Record<string, string> = {
    'preface.reasons': `${city}是重要的制造业基地，${i1}、${i2}等产业在全国具有较强竞争力。为贯彻落实《中国制造2025》，加快制造业转型升级，${city}申请创建“中国制造2025”试点示范城市。通过试点示范，探索城市制造业转型升级新路径，为同类城市提供可复制、可推广的经验。`,
    'ch1.economy': `${year - 1}年，${city}实现地区生产总值${gdp}亿元，同比增长${intBetween(rng, 6, 9)}.${intBetween(rng, 0, 9)}%，三次产业结构持续优化。全市一般公共预算收入稳步增长，城乡居民收入持续提高，为制造业发展提供了坚实基础。`,
    'ch1.manufacturing': `全市规模以上工业企业${intBetween(rng, 800, 9000)}家，制造业增加值占地区生产总值比重达到${share}%。已形成以${i1}、${i2}、${i3}为主导的产业体系，拥有一批行业龙头企业和国家级、省级重点园区，研发投入强度逐年提高。`,
    'ch1.conditions': `${city}具备开展试点示范的产业基础、创新资源和政策环境，但仍存在产业层次偏低、核心技术对外依存度较高、高端人才不足、资源环境约束趋紧等问题，亟需通过改革创新加以破解。`,
    'ch1.strengths': `${city}区位优势明显，产业配套完善，民营经济活跃。开展试点示范对推动${i1}等产业迈向中高端、带动区域制造业协同发展具有重要示范意义。`,
    'ch2.approach': `以提高制造业创新能力和基础能力为核心，以推进智能制造为主攻方向，坚持创新驱动、质量为先、绿色发展、结构优化、人才为本，着力打造新型制造业体系。`,
    'ch2.targets': `到${year + 3}年，制造业创新能力显著增强，质量效益明显提高，产业结构持续优化，绿色发展水平和两化融合水平大幅提升，建成具有较强竞争力的先进制造业基地。具体目标见目标体系表。`,
    'ch3.approach': `围绕${i1}、${i2}、${i3}等重点产业，推动产业链、创新链、资金链深度融合，培育一批具有核心竞争力的企业和产业集群。`,
    'ch3.architecture': `构建“${industries.length}+N”产业体系：做强${i1}、${i2}，做大${i3}，同步改造提升传统优势产业，加快发展生产性服务业。`,
    'ch3.tasks': `推进高端化，实施重大技术装备攻关；推进智能化，建设${intBetween(rng, 20, 80)}个智能工厂和数字化车间；推进绿色化，创建绿色工厂和绿色园区；推进服务化，发展服务型制造；深入推进“互联网+制造业”，培育工业互联网平台。`,
    'ch3.layout': `按照“一核多园”布局，引导重点产业向国家级、省级园区集聚，发挥核心企业带动作用，形成分工合理、特色鲜明的产业空间布局。`,
    'ch4.approach': `完善以企业为主体、市场为导向、产学研用相结合的区域协同创新体系，提升关键共性技术供给能力。`,
    'ch4.enterprise': `支持企业加大研发投入，落实研发费用加计扣除政策；鼓励龙头企业建设研究院，推动创新资源向企业集聚。`,
    'ch4.carriers': `争创国家和省级制造业创新中心，新建一批企业技术中心、工程技术研究中心，组建${i1}等产业创新联盟。`,
    'ch4.platforms': `建设工业设计、检验检测、知识产权、技术交易等公共服务平台，为中小企业提供全方位服务。`,
    'ch4.environment': `完善众创空间、孵化器、加速器全链条孵化体系，营造鼓励创新、宽容失败的良好环境。`,
    'ch5.approach': `实施制造业人才支撑计划，构建多层次人才培养、引进和使用机制。`,
    'ch5.attraction': `面向海内外引进一批领军人才和创新团队，落实住房、子女入学、医疗等保障措施。`,
    'ch5.skills': `深化产教融合、校企合作，推行现代学徒制，每年培训产业工人${intBetween(rng, 2, 10)}万人次。`,
    'ch6.innovation': `落实国家和省支持创新的各项政策，完善科技成果转化收益分配机制。`,
    'ch6.industry': `制定重点产业发展指导目录，实施产业链招商，严控高耗能、高污染项目。`,
    'ch6.fiscal': `市财政每年安排制造业发展专项资金${intBetween(rng, 3, 20)}亿元，重点支持智能化改造和创新能力建设。`,
    'ch6.finance': `设立制造业转型升级产业基金，发展融资租赁、供应链金融，拓宽企业融资渠道。`,
    'ch6.tax': `落实高新技术企业所得税优惠、研发费用加计扣除、固定资产加速折旧等税收政策。`,
    'ch6.sme': `实施中小企业成长工程，培育“专精特新”企业，完善中小企业信用担保体系。`,
    'ch6.land': `优先保障重点项目用地，推行工业用地弹性出让和“标准地”改革，盘活存量低效用地。`,
    'ch7.mechanism': `成立由市长任组长的试点示范工作领导小组，办公室设在市经信委，统筹推进试点各项工作。`,
    'ch7.division': `按照任务分工表明确各部门职责和完成时限，建立月调度、季通报、年考核工作机制。`,
    'ch7.evaluation': `将试点目标任务纳入各区县和部门年度目标责任制考核，引入第三方评估，定期向社会公布进展。`,
    'ch8.other': `${city}将严格按照工业和信息化部的要求，认真组织实施，确保试点示范取得实效。`,
  };
  return `<p>${s[key] ?? `${city}围绕该部分内容制定具体措施，明确目标任务和责任分工，确保落到实处。`}</p>`;
}

export interface BenchPlanInput {
  /** Name printed on the cover, e.g. 宁波市人民政府. */
  applicant: string;
  /** Short name used in the text, e.g. 宁波. */
  cityName: string;
  cityCodes: string[];
  applicationYear: number;
  title: string;
  cityTypes: CityType[];
  rng: Rng;
}

export function buildBenchPlan(input: BenchPlanInput): Plan {
  const { rng, cityName, applicationYear: year } = input;
  const industries = sample(rng, INDUSTRIES, intBetween(rng, 4, 6));
  const sections: Record<string, string> = {};
  for (const key of ALL_PART_KEYS) sections[key] = sectionText(key, cityName, industries, year, rng);
  const enterprise = () => `${cityName}${pick(rng, ENTERPRISE_WORDS)}${pick(rng, ENTERPRISE_WORDS)}${pick(rng, ENTERPRISE_SUFFIX)}`;
  return {
    format: 'mic2025-plan',
    version: 1,
    cover: {
      title: input.title,
      applicant: input.applicant,
      cityCodes: input.cityCodes,
      filingDate: `${year}-${String(intBetween(rng, 3, 9)).padStart(2, '0')}-${String(intBetween(rng, 1, 28)).padStart(2, '0')}`,
      applicationYear: year,
    },
    cityTypes: input.cityTypes,
    sections,
    targets: TARGET_TEMPLATES.map((t, i) => buildTarget(rng, t, i, year)),
    keyIndustries: industries.map((name) => ({
      name,
      description: `${cityName}${name}产业集聚发展，拥有较完整的产业链和一批骨干企业，${year - 1}年主营业务收入保持两位数增长。`,
      outputValue: intBetween(rng, 80, 3000),
    })),
    parks: Array.from({ length: intBetween(rng, 3, 5) }, (_, i) => ({
      name: `${cityName}${['东部', '西部', '南部', '北部', '滨江', '临港'][i % 6]}${pick(rng, PARK_KINDS)}`,
      level: pick(rng, PARK_LEVELS),
      leadingIndustries: sample(rng, industries, 2).join('、'),
    })),
    coreEnterprises: Array.from({ length: intBetween(rng, 6, 10) }, () => ({
      name: enterprise(),
      industry: pick(rng, industries),
      role: '行业龙头企业，牵头实施智能化改造和关键技术攻关，带动上下游配套企业协同发展',
    })),
    innovationCarriers: Array.from({ length: intBetween(rng, 5, 8) }, () => {
      const kind = pick(rng, CARRIER_KINDS);
      return { name: `${cityName}${pick(rng, industries)}${kind}`, kind, level: pick(rng, PARK_LEVELS) };
    }),
    taskDivision: Array.from({ length: intBetween(rng, 8, 12) }, (_, i) => ({
      task: `${['推进智能制造', '建设创新载体', '培育龙头企业', '实施绿色制造', '发展服务型制造', '引进高端人才', '完善公共服务平台', '推动两化融合', '优化产业布局', '强化质量品牌', '深化开放合作', '加强要素保障'][i % 12]}专项行动`,
      responsibleUnit: `${pick(rng, UNITS)}牵头，${pick(rng, UNITS)}配合`,
      deadline: `${year + 1 + (i % 3)}年底`,
    })),
    contact: {
      name: pick(rng, ['王明', '李华', '张伟', '刘洋', '陈静', '赵强', '周敏', '吴刚']),
      title: '规划处处长',
      organisation: `${cityName}市经济和信息化委员会`,
      phone: `0${intBetween(rng, 10, 999)}-${intBetween(rng, 60000000, 89999999)}`,
      mobile: `1${intBetween(rng, 30, 89)}${intBetween(rng, 10000000, 99999999)}`,
      email: `ghc${intBetween(rng, 1, 999)}@example.gov.cn`,
    },
  };
}
