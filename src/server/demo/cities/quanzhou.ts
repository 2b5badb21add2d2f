/**
 * 泉州 (演示数据): private manufacturing of 福建. Public facts used: it reported its "数控一代"
 * targets as actual against target (digital production lines 100, domestic industrial robots 1000,
 * domestic CNC systems 5000; large firms' CNC rate 30 % at the start of 2016, target +10 points).
 * Other figures are demo estimates.
 */
import type { CityPlanData } from '../city-plan.js';

export const QUANZHOU: CityPlanData = {
  name: '泉州市',
  applicant: '泉州市人民政府',
  cityCodes: ['350500'],
  cityTypes: ['eastern_innovative'],
  sections: {
    'preface.reasons':
      '<p>泉州是民营经济大市和海上丝绸之路起点城市,2015年工业总产值超过1万亿元,纺织鞋服、石油化工、建材家居、机械装备、食品饮料等产业集群特色鲜明。</p><p>当前全市制造业以劳动密集型为主,装备自主化和数字化水平不高。泉州市申请创建“中国制造2025”试点示范城市,以“数控一代”和智能化改造推动民营制造业转型。</p>',
    'ch1.economy':
      '<p>2015年,泉州市实现地区生产总值约6140亿元,连续多年居全省首位;常住人口约850万人,民营经济贡献了全市八成以上的经济总量。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年规模以上工业企业约6000家,主营业务收入约11000亿元。结构:纺织鞋服、石油化工、建材家居三大产业产值占规上工业的六成左右,高技术制造业增加值占比约6%。</p><p>创新:规上企业研发投入强度约0.9%,大型企业关键工序数控化率约30%。</p>',
    'ch1.conditions':
      '<p>工作基础:已实施“数控一代”示范工程,推动装备企业与用户企业协同研发。</p><p>制约因素:一是企业研发投入偏低;二是高端装备和核心零部件依赖外地;三是产业工人技能结构不适应智能化改造。</p>',
    'ch1.strengths':
      '<p>优势特色:民营企业数量多、市场敏感度高,品牌企业集聚,机械装备企业与传统产业用户“近邻配套”。</p><p>示范意义:泉州以装备数控化带动传统产业升级,为东部民营经济活跃地区提供可复制的经验。</p>',
    'ch2.approach':
      '<p>以智能制造为主攻方向,实施“数控一代”示范、智能化改造、品牌质量提升、创新平台建设和人才培育工程,推动传统产业智能化、新兴产业规模化。</p>',
    'ch3.architecture':
      '<p>构建“传统产业+新兴产业”双轮体系:提升纺织鞋服、石油化工、建材家居、食品饮料,培育智能装备、集成电路、新材料等新兴产业。</p>',
    'ch3.tasks':
      '<p>智能化:推广数字化生产线,应用国产工业机器人和数控系统。高端化:发展高端纺织装备和智能成套装备。绿色化:推进石化、建材行业节能改造。</p><p>服务化和“互联网+制造业”:支持鞋服企业发展个性化定制,建设行业工业互联网平台。</p>',
    'ch3.layout':
      '<p>环泉州湾布局智能装备和集成电路,沿海布局石油化工,各县(市、区)依托特色园区发展纺织鞋服、建材家居和食品产业集群。</p>',
    'ch4.carriers':
      '<p>与高校院所共建装备制造研究院,2017—2019年累计新建省级以上企业技术中心30家,组建数控装备产业技术创新联盟。</p>',
    'ch4.platforms':
      '<p>建设智能制造公共服务平台、纺织鞋服检验检测平台和工业设计中心,为中小企业提供智能化改造诊断。</p>',
  },
  targets: {
    't-innovation-rd': [0.9, 1.1, 1.3, 1.5],
    't-innovation-centres': [70, 10, 20, 30],
    't-innovation-patents': [4.5, 5.5, 6.5, 7.5],
    't-quality-value-added-growth': [8.9, 9, 9, 9],
    't-quality-revenue': [11000, 12000, 13000, 14200],
    't-quality-productivity': [20, 22, 23.5, 25],
    't-structure-high-tech-share': [6, 1.5, 3, 4],
    't-structure-big-firms': [10, 1, 3, 5],
    't-structure-producer-services': [38, 40, 42, 44],
    't-sustainability-energy': [0.55, 4, 9, 14],
    't-sustainability-water': [-3, -4, -4, -4],
    't-sustainability-solid-waste': [88, 90, 91, 92],
    't-it-cnc-rate': [30, 33, 36, 40],
    't-it-digital-design': [50, 55, 60, 65],
    't-it-management-system': [20, 20, 40, 60],
  },
  extraTargets: [
    {
      id: 't-it-digital-lines',
      dimension: 'it_integration',
      indicator: '新建数字化生产线',
      unit: '条',
      direction: 'higher',
      kind: 'count',
      qualifier: 'exact',
      baseYear: 2015,
      baselineValue: 0,
      targetYears: [2017, 2018, 2019],
      values: [30, 65, 100],
      dataSource: '市经济和信息化委员会',
      assessmentMethod: '以验收合格的数字化生产线清单为准',
      wording: '2017—2019年累计新建数字化生产线100条',
    },
    {
      id: 't-it-robots',
      dimension: 'it_integration',
      indicator: '推广应用国产工业机器人',
      unit: '台',
      direction: 'higher',
      kind: 'count',
      qualifier: 'exact',
      baseYear: 2015,
      baselineValue: 0,
      targetYears: [2017, 2018, 2019],
      values: [300, 650, 1000],
      dataSource: '市经济和信息化委员会',
      assessmentMethod: '以企业购置发票和现场核查为准',
      wording: '2017—2019年累计推广应用国产工业机器人1000台',
    },
  ],
  keyIndustries: [
    { name: '纺织鞋服', description: '发展功能性面料、运动鞋服和个性化定制。', outputValue: 3800 },
    { name: '石油化工', description: '延伸炼化一体化产业链,发展化工新材料。', outputValue: 1600 },
    { name: '建材家居', description: '发展绿色建材、智能卫浴和石材精深加工。', outputValue: 1500 },
    { name: '智能装备', description: '发展纺织鞋服装备、数控系统和工业机器人。', outputValue: 600 },
  ],
  parks: [
    { name: '泉州经济技术开发区', level: '国家级', leadingIndustries: '智能装备、电子信息' },
    { name: '泉港石化工业园区', level: '省级', leadingIndustries: '石油化工、化工新材料' },
  ],
  coreEnterprises: [
    { name: '安踏体育用品集团有限公司', industry: '纺织鞋服', role: '品牌龙头,建设智能物流和数字化工厂' },
    { name: '九牧厨卫股份有限公司', industry: '建材家居', role: '智能卫浴骨干企业' },
  ],
  innovationCarriers: [
    { name: '泉州装备制造研究所', kind: '公共服务平台', level: '省级' },
    { name: '泉州市数控装备产业技术创新联盟', kind: '产业创新联盟', level: '市级' },
  ],
  taskDivision: [
    { task: '成立试点示范工作领导小组', responsibleUnit: '市经济和信息化委员会', deadline: '2016-12' },
    { task: '实施“数控一代”示范工程,推广国产数控系统', responsibleUnit: '市经济和信息化委员会、市科学技术局', deadline: '2019-12' },
    { task: '建设智能制造公共服务平台', responsibleUnit: '市经济和信息化委员会', deadline: '2017-12' },
    { task: '开展产业工人智能制造技能培训', responsibleUnit: '市人力资源和社会保障局', deadline: '2019年底' },
  ],
  contact: { name: '林芳', title: '规划科科长', organisation: '泉州市经济和信息化委员会', phone: '0595-22500001', mobile: '13905950001', email: 'ghk@qz.example.cn' },
};
