/** 苏南五市 (演示数据): the 南京 无锡 常州 苏州 镇江 cluster of 江苏; figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const SUNAN: CityPlanData = {
  name: '苏南五市',
  applicant: '南京、无锡、常州、苏州、镇江市人民政府',
  cityCodes: ['320500', '320100', '320200', '320400', '321100'],
  cityTypes: ['eastern_innovative'],
  sections: {
    'preface.reasons':
      '<p>苏南五市(南京、无锡、常州、苏州、镇江)是我国制造业最密集的地区之一,2015年规模以上工业主营业务收入合计约7.8万亿元,电子信息、装备制造、新材料、生物医药等产业集群规模大。</p><p>五市联合申请创建“中国制造2025”试点示范城市群,以苏南国家自主创新示范区为依托,率先建成具有国际竞争力的先进制造业基地。</p>',
    'ch1.economy':
      '<p>2015年,五市地区生产总值合计约4.1万亿元,常住人口约3300万人,外向型经济发达,高校和科研院所密集。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年五市规模以上工业企业约3万家。结构:电子信息、装备制造和新材料三大产业占规上工业的六成左右;高技术制造业增加值占比约20%。</p>',
    'ch1.conditions':
      '<p>工作基础:苏南国家自主创新示范区建设全面推进,五市建立了协同发展机制。</p><p>制约因素:一是外资企业核心技术掌控力不足;二是土地和环境容量约束突出;三是五市产业同构现象仍然存在。</p>',
    'ch1.strengths':
      '<p>优势特色:产业门类齐全、配套能力强,开放型经济和民营经济并举,创新资源集聚。</p><p>示范意义:五市协同推进制造业高端化,对东部发达地区城市群具有示范作用。</p>',
    'ch2.approach':
      '<p>以苏南国家自主创新示范区为引领,实施协同创新、智能制造、质量品牌、绿色制造和开放合作工程,推动五市错位发展、协同升级。</p>',
    'ch3.architecture':
      '<p>南京发展新一代信息技术和智能电网,无锡发展物联网和集成电路,常州发展智能装备和新能源,苏州发展纳米技术和生物医药,镇江发展航空航天和新材料。</p>',
    'ch3.tasks':
      '<p>智能化:推广工业机器人和智能生产线。高端化:发展集成电路、高端装备和新型显示。绿色化:推进化工园区整治。</p><p>服务化和“互联网+制造业”:建设物联网和工业互联网平台。</p>',
    'ch3.layout':
      '<p>沿沪宁产业创新带布局新兴产业,五市国家级高新区和经济技术开发区为主要载体。</p>',
    'ch4.carriers':
      '<p>共建制造业创新中心和产业技术研究院,2017—2019年累计新建省级以上企业技术中心180家。</p>',
    'ch4.platforms':
      '<p>建设区域科技资源共享平台和知识产权运营服务平台。</p>',
    'ch7.mechanism':
      '<p>在省政府领导下成立苏南城市群试点示范工作领导小组,建立五市联席会议和部省市联动机制。</p>',
  },
  targets: {
    't-innovation-rd': [1.9, 2.1, 2.3, 2.5],
    't-innovation-centres': [600, 60, 120, 180],
    't-innovation-patents': [25, 29, 33, 37],
    't-quality-value-added-growth': [7.5, 7.5, 7.5, 7.5],
    't-quality-revenue': [78000, 82000, 86000, 90000],
    't-quality-productivity': [22, 24, 26, 28],
    't-structure-high-tech-share': [20, 1.5, 3, 4.5],
    't-structure-big-firms': [60, 5, 10, 15],
    't-structure-producer-services': [48, 50, 52, 54],
    't-sustainability-energy': [0.6, 5, 10, 15],
    't-sustainability-water': [-4, -5, -5, -5],
    't-sustainability-solid-waste': [95, 96, 96.5, 97],
    't-it-cnc-rate': [50, 54, 58, 62],
    't-it-digital-design': [70, 73, 76, 80],
    't-it-management-system': [200, 100, 200, 300],
    't-it-cloud': [0, 8000, 18000, 30000],
  },
  keyIndustries: [
    { name: '电子信息', description: '发展集成电路、物联网和新型显示。', outputValue: 22000 },
    { name: '高端装备', description: '发展智能装备、轨道交通装备和智能电网装备。', outputValue: 15000 },
    { name: '新材料', description: '发展纳米材料、先进碳材料和高性能金属材料。', outputValue: 9000 },
  ],
  parks: [
    { name: '苏州工业园区', level: '国家级', leadingIndustries: '纳米技术、生物医药' },
    { name: '南京高新技术产业开发区', level: '国家级', leadingIndustries: '软件和信息服务' },
  ],
  coreEnterprises: [{ name: '无锡华润微电子有限公司', industry: '电子信息', role: '集成电路骨干企业' }],
  innovationCarriers: [{ name: '江苏省产业技术研究院', kind: '公共服务平台', level: '省级' }],
  taskDivision: [
    { task: '建立五市联席会议机制', responsibleUnit: '省经济和信息化委员会', deadline: '2016-12' },
    { task: '共建区域科技资源共享平台', responsibleUnit: '五市科学技术局', deadline: '2018-06' },
  ],
  contact: { name: '陈静', title: '规划处副处长', organisation: '苏州市经济和信息化委员会', phone: '0512-68610001', mobile: '13905120001', email: 'ghc@sz.example.cn' },
};
