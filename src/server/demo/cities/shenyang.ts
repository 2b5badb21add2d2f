/** 沈阳 (演示数据): 东北 old industrial base, positioned as a pilot area for intelligent transformation of manufacturing (国家制造业智能化转型先行试验区). Figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const SHENYANG: CityPlanData = {
  name: '沈阳市',
  applicant: '沈阳市人民政府',
  cityCodes: ['210100'],
  cityTypes: ['old_industrial_base'],
  sections: {
    'preface.reasons':
      '<p>沈阳是新中国重要的装备制造业基地,机床、输变电装备、航空、汽车和机器人产业基础雄厚。2015年全市规模以上工业增加值增速放缓至3%左右,传统装备产品市场需求下降,转型压力突出。</p><p>沈阳市申请创建“中国制造2025”试点示范城市,定位为国家制造业智能化转型先行试验区,以智能制造推动老工业基地振兴。</p>',
    'ch1.economy':
      '<p>2015年,沈阳市实现地区生产总值约7280亿元,常住人口约830万人,是东北地区重要的中心城市和交通枢纽。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年规模以上工业企业约2600家,主营业务收入约9500亿元。结构:装备制造业产值占规上工业的一半以上,汽车及零部件产值超过2000亿元。</p><p>创新:机器人、数控机床和航空装备领域拥有一批国家级研发机构。</p>',
    'ch1.conditions':
      '<p>工作基础:已建成一批数字化车间,机器人产业形成集聚。</p><p>制约因素:一是国有企业改革任务重;二是产品结构偏重、附加值偏低;三是民营经济活力不足;四是人才外流。</p>',
    'ch1.strengths':
      '<p>优势特色:装备制造门类齐全,机器人和智能装备产业有先发优势,科研院所和产业工人队伍基础好。</p><p>示范意义:沈阳以智能化改造推动老工业基地转型,对东北地区同类城市具有示范作用。</p>',
    'ch2.approach':
      '<p>以智能制造为主攻方向,实施智能装备突破、传统产业智能化改造、工业强基、服务型制造和国资国企改革五大工程,建设国家制造业智能化转型先行试验区。</p>',
    'ch3.architecture':
      '<p>做强机器人及智能装备、数控机床、输变电装备、航空装备和汽车五大产业,培育集成电路装备和新材料产业。</p>',
    'ch3.tasks':
      '<p>智能化:建设数字化车间和智能工厂,推广工业机器人。高端化:发展五轴联动数控机床和特高压输变电装备。绿色化:推进老工业区搬迁改造。</p><p>服务化:推动装备企业由卖产品向卖服务转变。</p>',
    'ch3.layout':
      '<p>以浑南区布局机器人和集成电路装备,铁西区布局数控机床和重型装备,大东区布局汽车及零部件。</p>',
    'ch4.carriers':
      '<p>依托中国科学院沈阳自动化研究所等机构建设机器人制造业创新中心,2017—2019年累计新建省级以上企业技术中心30家。</p>',
    'ch4.platforms':
      '<p>建设智能制造系统解决方案服务平台和工业大数据平台,为中小企业提供智能化改造诊断。</p>',
  },
  targets: {
    't-innovation-rd': [1.4, 1.6, 1.8, 2],
    't-innovation-centres': [80, 10, 20, 30],
    't-innovation-patents': [12, 13.5, 15, 16.5],
    't-quality-value-added-growth': [3.2, 6, 6, 6],
    't-quality-revenue': [9500, 10000, 10800, 11600],
    't-quality-productivity': [20, 22, 23.5, 25],
    't-structure-high-tech-share': [10, 1.5, 3, 4.5],
    't-structure-big-firms': [8, 1, 2, 3],
    't-structure-producer-services': [45, 47, 49, 51],
    't-sustainability-energy': [0.9, 5, 10, 15],
    't-sustainability-water': [-4, -5, -5, -5],
    't-sustainability-solid-waste': [75, 78, 80, 82],
    't-it-cnc-rate': [48, 52, 56, 60],
    't-it-digital-design': [58, 62, 66, 70],
    't-it-management-system': [25, 20, 40, 60],
    't-it-cloud': [0, 800, 1800, 3000],
  },
  extraTargets: [
    {
      id: 't-it-smart-factories',
      dimension: 'it_integration',
      indicator: '建设数字化车间和智能工厂',
      unit: '个',
      direction: 'higher',
      kind: 'count',
      qualifier: 'exact',
      baseYear: 2015,
      baselineValue: 0,
      targetYears: [2017, 2018, 2019],
      values: [20, 40, 60],
      dataSource: '市经济和信息化委员会',
      assessmentMethod: '以市级以上认定的数字化车间和智能工厂名单为准',
      wording: '2017—2019年累计建设数字化车间和智能工厂60个',
    },
  ],
  keyIndustries: [
    { name: '装备制造', description: '发展数控机床、输变电装备和重型成套装备。', outputValue: 3000 },
    { name: '智能制造', description: '发展工业机器人、智能控制系统和系统集成服务。', outputValue: 400 },
    { name: '汽车及零部件', description: '发展高端乘用车和关键零部件。', outputValue: 2200 },
    { name: '航空航天', description: '发展航空零部件和通用航空装备。', outputValue: 300 },
  ],
  parks: [
    { name: '沈阳高新技术产业开发区', level: '国家级', leadingIndustries: '机器人、集成电路装备' },
    { name: '沈阳经济技术开发区', level: '国家级', leadingIndustries: '数控机床、重型装备' },
  ],
  coreEnterprises: [
    { name: '沈阳新松机器人自动化股份有限公司', industry: '智能制造', role: '机器人龙头,建设机器人制造业创新中心' },
    { name: '沈阳机床(集团)有限责任公司', industry: '装备制造', role: '数控机床骨干企业' },
  ],
  innovationCarriers: [
    { name: '中国科学院沈阳自动化研究所', kind: '公共服务平台', level: '国家级' },
    { name: '沈阳市机器人制造业创新中心(筹)', kind: '制造业创新中心', level: '市级(争创国家级)' },
  ],
  taskDivision: [
    { task: '成立试点示范工作领导小组', responsibleUnit: '市经济和信息化委员会', deadline: '2016-12' },
    { task: '累计建设数字化车间和智能工厂60个', responsibleUnit: '市经济和信息化委员会、各区人民政府', deadline: '2019-12' },
    { task: '建设机器人制造业创新中心', responsibleUnit: '市科学技术局', deadline: '2018-12' },
    { task: '推进国有装备企业混合所有制改革', responsibleUnit: '市国有资产监督管理委员会', deadline: '2019年底' },
  ],
  contact: { name: '高峰', title: '规划处处长', organisation: '沈阳市经济和信息化委员会', phone: '024-22720001', mobile: '13904240001', email: 'ghc@sy.example.cn' },
};
