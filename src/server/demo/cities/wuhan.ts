/** 武汉 (演示数据): a central-region industrial city (汽车, 光电子信息, 钢铁, 装备); figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const WUHAN: CityPlanData = {
  name: '武汉市',
  applicant: '武汉市人民政府',
  cityCodes: ['420100'],
  cityTypes: ['old_industrial_base', 'central_characteristic'],
  sections: {
    'preface.reasons':
      '<p>武汉是国家重要的工业基地和中部地区中心城市,2015年规模以上工业增加值约3900亿元,汽车、钢铁、光电子信息、装备制造等产业在全国具有重要地位。</p><p>为破解重化工业比重偏高、新兴产业规模不大的问题,武汉市申请创建“中国制造2025”试点示范城市,以东湖高新区为引领,推动老工业基地向先进制造业中心转变。</p>',
    'ch1.economy':
      '<p>2015年,武汉市地区生产总值突破1万亿元,常住人口约1060万人,在校大学生约百万人;长江中游航运中心和全国铁路枢纽地位突出。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年规模以上工业企业约2700家,主营业务收入约12500亿元。结构:汽车及零部件、钢铁及深加工、光电子信息三大产业产值占规上工业的一半左右。</p><p>创新:拥有国家级企业技术中心约30家,光纤光缆、激光等领域技术水平国内领先。</p>',
    'ch1.conditions':
      '<p>工作基础:实施工业倍增计划,推进“两化”深度融合。</p><p>制约因素:一是钢铁、石化等产业产能过剩压力大;二是科教资源转化为产业优势不够;三是本地配套率有待提高。</p>',
    'ch1.strengths':
      '<p>优势特色:科教资源丰富,光电子信息产业集聚度高,汽车产业链完整,区位和交通优势明显。</p><p>示范意义:武汉兼具老工业基地和中部产业特色城市特征,其转型路径对中部地区特大城市具有示范作用。</p>',
    'ch2.approach':
      '<p>以创新驱动为核心,实施“中国制造2025”武汉行动,推进智能制造、工业强基、绿色制造、高端装备创新和服务型制造,打造具有国际影响力的先进制造业中心。</p>',
    'ch3.architecture':
      '<p>构建“4+4”产业体系:做强汽车及零部件、电子信息、装备制造、钢铁及深加工,培育集成电路、新能源汽车、生物医药和航空航天产业。</p>',
    'ch3.tasks':
      '<p>智能化:建设智能工厂和数字化车间。高端化:发展存储芯片、激光装备和高端数控机床。绿色化:推进钢铁、石化行业节能减排。</p><p>服务化和“互联网+制造业”:发展工业设计和工业互联网平台。</p>',
    'ch3.layout':
      '<p>以东湖高新区为核心布局光电子信息和生物医药,以武汉经济技术开发区布局汽车,以临港新城布局钢铁深加工和装备。</p>',
    'ch4.carriers':
      '<p>依托高校院所和龙头企业建设光电子、激光制造业创新中心,2017—2019年累计新建省级以上企业技术中心45家。</p>',
    'ch4.platforms':
      '<p>建设科技成果转化、检验检测和工业设计公共服务平台,推动高校院所科技成果在本地转化。</p>',
  },
  targets: {
    't-innovation-rd': [1.7, 1.9, 2.1, 2.3],
    't-innovation-centres': [110, 15, 30, 45],
    't-innovation-patents': [23, 26, 29, 32],
    't-quality-value-added-growth': [8.2, 8, 8, 8],
    't-quality-revenue': [12500, 13500, 14600, 15800],
    't-quality-productivity': [24, 26, 28, 30],
    't-structure-high-tech-share': [12, 2, 4, 6],
    't-structure-big-firms': [20, 2, 4, 6],
    't-structure-producer-services': [45, 47, 49, 51],
    't-sustainability-energy': [0.95, 6, 12, 18],
    't-sustainability-water': [-5, -6, -6, -6],
    't-sustainability-solid-waste': [92, 93, 94, 95],
    't-it-cnc-rate': [43, 47, 51, 55],
    't-it-digital-design': [60, 64, 68, 72],
    't-it-management-system': [50, 40, 80, 120],
    't-it-cloud': [0, 2000, 4500, 7000],
  },
  keyIndustries: [
    { name: '汽车及零部件', description: '发展乘用车、新能源汽车和智能网联汽车。', outputValue: 3200 },
    { name: '电子信息', description: '发展光纤光缆、光通信器件、激光和存储芯片。', outputValue: 2500 },
    { name: '装备制造', description: '发展数控机床、激光装备和船舶海工装备。', outputValue: 1800 },
    { name: '钢铁及深加工', description: '发展高端板材和硅钢等精品钢材。', outputValue: 1500 },
  ],
  parks: [
    { name: '东湖新技术开发区', level: '国家级', leadingIndustries: '光电子信息、生物医药' },
    { name: '武汉经济技术开发区', level: '国家级', leadingIndustries: '汽车及零部件' },
  ],
  coreEnterprises: [
    { name: '东风汽车集团有限公司', industry: '汽车及零部件', role: '整车龙头,建设新能源汽车研发平台' },
    { name: '长飞光纤光缆股份有限公司', industry: '电子信息', role: '光纤预制棒和光缆骨干企业' },
  ],
  innovationCarriers: [
    { name: '武汉光电子制造业创新中心(筹)', kind: '制造业创新中心', level: '市级(争创国家级)' },
    { name: '武汉市激光产业技术创新联盟', kind: '产业创新联盟', level: '市级' },
  ],
  taskDivision: [
    { task: '成立试点示范工作领导小组', responsibleUnit: '市经济和信息化委员会', deadline: '2016-12' },
    { task: '将试点目标纳入各区目标管理考核,滚动报告完成情况', responsibleUnit: '市经济和信息化委员会、各区人民政府', deadline: '2019-12' },
    { task: '建设光电子制造业创新中心', responsibleUnit: '东湖新技术开发区管委会', deadline: '2018-12' },
    { task: '推进钢铁、石化行业节能改造', responsibleUnit: '市发展和改革委员会', deadline: '2019年底' },
  ],
  contact: { name: '张伟', title: '规划处处长', organisation: '武汉市经济和信息化委员会', phone: '027-85770001', mobile: '13907100001', email: 'ghc@wh.example.cn' },
};
