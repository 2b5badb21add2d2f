/**
 * Demo typical cases 典型案例 (演示数据) for the demo pilots, written and reviewed through the same
 * services as the API at instants before the seed's `now`: five published (宁波 twice, one of them
 * written by the ministry, 长株潭衡, 沈阳), one under the ministry's review (沈阳), and one draft that
 * 宁波 made from its nominated typical experience (宁波 is in the summary phase). A case of a demo
 * pilot is demo data, and says so.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pilots } from '../../db/schema.js';
import type { createCaseBody } from '../../features/cases/cases.contract.js';
import { createCase, createFromNomination, evidenceOptions, transitionCase } from '../../features/cases/cases.service.js';
import { createNomination } from '../../features/pilots/summary.service.js';
import { evidenceKey, type EvidenceRef } from '../../shared/cases/case-evidence.js';
import type { Actor } from '../../shared/roles/roles.js';
import type { z } from 'zod';

type Body = z.output<typeof createCaseBody>;
const DAY = 86_400_000;

interface DemoCase {
  author: string;
  pilot: string;
  /** Cite the pilot's first targets and confirmed figures (that many of each). */
  evidence?: number;
  /** published (default) or under_review */
  ends?: 'published' | 'under_review';
  daysAgo: number;
  body: Omit<Body, 'pilotId' | 'evidence'>;
}

const CASES: DemoCase[] = [
  {
    author: 'ningbo',
    pilot: '宁波市人民政府',
    evidence: 2,
    daysAgo: 120,
    body: {
      title: '宁波市以智能制造推动“机器换人”',
      summary: '宁波以智能制造为主攻方向，分行业推进“机器换人”和数字化车间建设，带动规上工业劳动生产率持续提高。',
      body: '宁波市制定智能制造专项行动计划，按照“点、线、面”推进：企业层面开展“机器换人”技术改造，行业层面培育智能制造系统解决方案供应商，区域层面建设智能制造示范园区。\n市财政设立专项资金，对智能化改造项目按设备投资额给予补助，并组织专家诊断服务进企业。\n三年来全市累计实施智能化改造项目上千个，建成一批数字化车间和智能工厂，企业生产效率和产品质量明显提升。',
      cityTypes: ['eastern_innovative'],
      regions: ['east'],
      industries: ['equipment', 'automotive'],
      themes: ['smart_manufacturing'],
    },
  },
  {
    author: 'ningbo',
    pilot: '宁波市人民政府',
    daysAgo: 90,
    body: {
      title: '宁波市创建绿色工厂和绿色园区',
      summary: '宁波推行绿色制造体系建设，以绿色工厂、绿色园区和绿色供应链为抓手，推动石化、纺织等行业节能降耗。',
      body: '宁波市建立绿色制造梯度培育机制，分批遴选市级绿色工厂，择优推荐国家级绿色工厂。\n石化园区推行循环化改造，实施清洁生产审核，单位工业增加值能耗稳步下降。',
      cityTypes: ['eastern_innovative'],
      regions: ['east'],
      industries: ['petrochemical', 'textiles'],
      themes: ['green_manufacturing'],
    },
  },
  {
    author: 'guihuasi',
    pilot: '宁波市人民政府',
    daysAgo: 60,
    body: {
      title: '首个试点城市的探索：部省市联动推进宁波试点',
      summary: '宁波是首个“中国制造2025”试点示范城市。工业和信息化部、浙江省和宁波市建立联动机制，政策、资金和项目向试点倾斜。',
      body: '部省市三级建立年度会议制度，协调解决试点中的重大问题。\n工业转型升级、智能制造等专项对宁波试点给予支持，专家咨询委员会提供智库咨询。',
      cityTypes: ['eastern_innovative'],
      regions: ['east'],
      industries: ['general'],
      themes: ['policy'],
    },
  },
  {
    author: 'changsha',
    pilot: '长株潭衡',
    evidence: 1,
    daysAgo: 45,
    body: {
      title: '长株潭衡城市群共建工程机械和轨道交通装备产业集群',
      summary: '长沙、株洲、湘潭、衡阳四市协同布局，共建工程机械、轨道交通装备产业集群和制造业创新中心。',
      body: '城市群统一规划产业布局，长沙发展工程机械，株洲发展轨道交通装备，湘潭和衡阳配套关键零部件。\n四市共建创新中心和公共服务平台，推动产业链上下游协同。',
      cityTypes: ['central_characteristic'],
      regions: ['central'],
      industries: ['equipment', 'rail'],
      themes: ['innovation_center', 'policy'],
    },
  },
  {
    author: 'shenyang',
    pilot: '沈阳市人民政府',
    daysAgo: 30,
    body: {
      title: '沈阳市老工业基地发展服务型制造',
      summary: '沈阳推动装备制造企业由卖产品向卖服务转变，发展总集成总承包、远程运维和融资租赁等服务型制造。',
      body: '沈阳市遴选服务型制造示范企业，支持装备企业建设远程运维平台。\n通过产融结合，推广设备融资租赁，带动装备销售和服务收入同步增长。',
      cityTypes: ['old_industrial_base'],
      regions: ['northeast'],
      industries: ['equipment'],
      themes: ['service_manufacturing', 'industry_finance'],
    },
  },
  {
    author: 'shenyang',
    pilot: '沈阳市人民政府',
    ends: 'under_review',
    daysAgo: 10,
    body: {
      title: '沈阳市建设工业互联网平台赋能中小企业',
      summary: '沈阳依托龙头企业建设工业互联网平台，推动中小企业上云用云。',
      body: '沈阳市支持龙头企业开放工业互联网平台能力，为中小企业提供设备联网和数据分析服务。\n市里对企业上云给予补贴，组织平台服务商进园区。',
      cityTypes: ['old_industrial_base'],
      regions: ['northeast'],
      industries: ['equipment', 'electronics'],
      themes: ['internet_plus'],
    },
  },
];

export async function seedDemoCases(db: Db, now: Date, who: (username: string) => Actor): Promise<void> {
  const pilotRows = await db.select({ id: pilots.id, name: pilots.name }).from(pilots).where(eq(pilots.isDemo, true));
  const pilotId = (name: string) => {
    const p = pilotRows.find((r) => r.name === name);
    if (!p) throw new Error(`demo pilot ${name} missing`);
    return p.id;
  };
  const ministry = who('guihuasi');
  for (const c of CASES) {
    const author = who(c.author);
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    const id = pilotId(c.pilot);
    let evidence: EvidenceRef[] = [];
    if (c.evidence) {
      const options = await evidenceOptions(db, author, id);
      evidence = [...options.targets.slice(0, c.evidence), ...options.reportValues.slice(0, c.evidence)].map((e) =>
        e.kind === 'target' ? { kind: 'target', targetId: e.targetId } : { kind: 'report_value', reportValueId: e.reportValueId },
      );
      if (new Set(evidence.map(evidenceKey)).size !== evidence.length) throw new Error('demo evidence repeated');
    }
    const made = await createCase(db, author, at(c.daysAgo), { ...c.body, pilotId: id, evidence });
    let v = (await transitionCase(db, author, at(c.daysAgo - 2), made.id, 'submit', { version: made.version, comment: '' })).version;
    v = (await transitionCase(db, ministry, at(c.daysAgo - 4), made.id, 'start_review', { version: v, comment: '' })).version;
    if (c.ends !== 'under_review') await transitionCase(db, ministry, at(c.daysAgo - 7), made.id, 'publish', { version: v, comment: '' });
  }
  // A pilot in its summary phase (宁波 on most days of the year) nominates typical experience and
  // makes a case draft of it. Nominations open with the summary phase, so on a seed date when no demo
  // pilot has reached it there is no nomination, as in the programme.
  const nominating = (await db.select({ name: pilots.name, state: pilots.state }).from(pilots).where(eq(pilots.isDemo, true))).filter((p) => p.state === 'summary' || p.state === 'completed');
  const city = NOMINATING_CITIES.find((c) => nominating.some((p) => p.name === c.pilot));
  if (!city) return;
  const author = who(city.author);
  const nomination = await createNomination(db, author, pilotId(city.pilot), city.nomination);
  // The nomination is stamped by the pilots' service when it is written; the draft follows it at once.
  await createFromNomination(db, author, now, nomination.id);
}

/** Who nominates, in order of preference: the first of them in its summary phase. */
const NOMINATING_CITIES = [
  {
    author: 'ningbo',
    pilot: '宁波市人民政府',
    nomination: {
      title: '宁波市“亩均论英雄”改革',
      summary: '以亩均效益综合评价为导向，实行用地、用能等要素差别化配置，倒逼低效企业转型。',
      body: '宁波市对规上工业企业开展亩均效益综合评价，按评价结果分类施策。\n评价结果与用地、用电、排污等要素配置挂钩，引导资源向高效企业集聚。',
    },
  },
  {
    author: 'shenyang',
    pilot: '沈阳市人民政府',
    nomination: {
      title: '沈阳市老工业区搬迁改造',
      summary: '以老工业区搬迁改造为契机，推动装备制造企业技术改造和产业集聚。',
      body: '沈阳市统筹老工业区搬迁改造，企业在搬迁中同步实施技术改造。\n腾退土地用于发展生产性服务业。',
    },
  },
  {
    author: 'changsha',
    pilot: '长株潭衡',
    nomination: {
      title: '长株潭衡城市群协同推进机制',
      summary: '四市建立联席会议制度，协同推进产业布局、创新平台和要素市场一体化。',
      body: '长株潭衡四市建立联席会议制度，统一编制产业规划。\n共建共享创新平台和公共服务平台。',
    },
  },
];
