/** 吴忠 (演示数据): a small western city of 宁夏 (铝及铝加工, 仪器仪表, 乳制品, 新能源). Figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const WUZHONG: CityPlanData = {
  name: '吴忠市',
  applicant: '吴忠市人民政府',
  cityCodes: ['640300'],
  cityTypes: ['western_traditional', 'green_transformation'],
  sections: {
    'preface.reasons':
      '<p>吴忠地处宁夏沿黄城市带,是西部传统工业城市,2015年规模以上工业增加值约170亿元,铝及铝加工、仪器仪表、乳制品、新能源产业具有一定基础,自动化仪表和控制阀产品在国内有较高知名度。</p><p>吴忠市申请创建“中国制造2025”试点示范城市,探索西部中小工业城市以特色产业和绿色能源带动制造业升级的路径。</p>',
    'ch1.economy':
      '<p>2015年,吴忠市实现地区生产总值约400亿元,一般公共预算收入约30亿元,常住人口约140万人;光伏、风电资源丰富,黄河灌区农业基础好。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年规模以上工业企业约300家,主营业务收入约520亿元。结构:铝及铝加工、电力和化工等原材料产业占规上工业的六成以上,装备制造和食品产业规模较小。</p>',
    'ch1.conditions':
      '<p>工作基础:已建成太阳山开发区和金积工业园区,仪表产业形成一定配套。</p><p>制约因素:一是产业结构偏重、单位工业增加值能耗高;二是研发投入强度不足0.6%;三是人才引进难、留住难;四是财力有限。</p>',
    'ch1.strengths':
      '<p>优势特色:新能源资源和电价有优势,仪器仪表、乳制品产业有品牌基础。</p><p>示范意义:吴忠以绿色能源和特色装备推动原材料型工业转型,对西部传统工业城市有借鉴意义。</p>',
    'ch2.approach':
      '<p>以绿色化、智能化为方向,实施仪器仪表提升、铝材精深加工、清洁能源替代和特色食品品牌工程,推动原材料产业链向下游延伸。</p>',
    'ch3.architecture':
      '<p>做强仪器仪表和铝及铝加工,提升乳制品和现代纺织,培育光伏装备和储能产业。</p>',
    'ch3.tasks':
      '<p>智能化:推动仪表企业建设数字化车间。高端化:发展智能控制阀和高端铝合金型材。绿色化:推进电解铝和化工企业节能改造,提高新能源消纳比重。</p><p>服务化:发展仪表远程运维服务。</p>',
    'ch3.layout':
      '<p>利通区布局仪器仪表和乳制品,太阳山开发区布局新能源和化工,青铜峡布局铝及铝加工。</p>',
    'ch4.carriers':
      '<p>与区内外高校共建仪器仪表研发中心,2017—2019年累计新建省级以上企业技术中心9家。</p>',
    'ch4.platforms':
      '<p>建设仪器仪表检验检测平台和中小企业公共服务平台。</p>',
    'ch6.fiscal':
      '<p>每年安排不少于1亿元工业发展专项资金支持试点示范重点项目,积极争取国家和自治区专项资金。</p>',
    'ch6.finance':
      '<p>设立5亿元产业发展基金;推动政银企对接,建立重点项目融资需求清单。</p>',
  },
  targets: {
    't-innovation-rd': [0.6, 0.8, 1, 1.2],
    't-innovation-centres': [12, 3, 6, 9],
    't-innovation-patents': [1.1, 1.5, 1.9, 2.3],
    't-quality-value-added-growth': [8.5, 9, 9, 9],
    't-quality-revenue': [520, 600, 680, 760],
    't-quality-productivity': [28, 30, 32, 34],
    't-structure-high-tech-share': [3, 1, 2, 3],
    't-structure-producer-services': [35, 37, 39, 41],
    't-sustainability-energy': [2.3, 5, 10, 15],
    't-sustainability-water': [-5, -6, -6, -6],
    't-sustainability-solid-waste': [70, 73, 76, 80],
    't-it-cnc-rate': [30, 34, 38, 42],
    't-it-digital-design': [40, 44, 48, 52],
    't-it-management-system': [3, 3, 6, 10],
    't-it-cloud': [0, 100, 250, 400],
  },
  keyIndustries: [
    { name: '仪器仪表', description: '发展智能控制阀、流量计和自动化仪表。', outputValue: 40 },
    { name: '铝及铝加工', description: '延伸电解铝产业链,发展高端铝合金型材。', outputValue: 160 },
    { name: '乳制品', description: '发展高端乳制品和奶源基地。', outputValue: 60 },
    { name: '新能源', description: '发展光伏、风电装备和储能。', outputValue: 50 },
  ],
  parks: [
    { name: '太阳山开发区', level: '省级', leadingIndustries: '新能源、化工' },
    { name: '金积工业园区', level: '省级', leadingIndustries: '仪器仪表、装备制造' },
  ],
  coreEnterprises: [{ name: '吴忠仪表有限责任公司', industry: '仪器仪表', role: '控制阀骨干企业,建设数字化车间' }],
  innovationCarriers: [{ name: '吴忠市仪器仪表研发中心', kind: '企业技术中心', level: '省级' }],
  taskDivision: [
    { task: '成立试点示范工作领导小组', responsibleUnit: '市经济和信息化局', deadline: '2016-12' },
    { task: '推进电解铝和化工企业节能改造', responsibleUnit: '市经济和信息化局、市发展和改革委员会', deadline: '2018-12' },
    { task: '建设仪器仪表检验检测平台', responsibleUnit: '市科学技术局', deadline: '2018-06' },
  ],
  contact: { name: '马军', title: '规划科科长', organisation: '吴忠市经济和信息化局', phone: '0953-2020001', mobile: '13909530001', email: 'ghk@wz.example.cn' },
};
