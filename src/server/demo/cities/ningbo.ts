/**
 * 宁波 (演示数据): a 计划单列市 and port city of 浙江, the programme's first pilot. Facts from public
 * reports (first pilot, special funds of at least 100亿元 over three years, labour productivity and
 * the share of the province's industrial value added as targets); the other figures are demo estimates.
 */
import type { CityPlanData } from '../city-plan.js';

export const NINGBO: CityPlanData = {
  name: '宁波市',
  applicant: '宁波市人民政府',
  cityCodes: ['330200'],
  cityTypes: ['eastern_innovative'],
  sections: {
    'preface.reasons':
      '<p>宁波是长三角南翼的制造业大市和国际港口城市,制造业是立市之本、强市之基。2015年全市规模以上工业增加值约2900亿元,绿色石化、汽车及零部件、电工电器、纺织服装和家用电器形成了较完整的产业链。</p><p>面对要素成本上升、传统产业比重偏高、关键技术受制于人等问题,宁波市申请创建“中国制造2025”试点示范城市,以智能制造为主攻方向,探索沿海民营经济发达地区制造业由大变强的路径。</p>',
    'ch1.economy':
      '<p>2015年,宁波市实现地区生产总值约8000亿元,一般公共预算收入约1000亿元,常住人口约780万人。宁波舟山港货物吞吐量居全球港口前列,外贸依存度高,民营经济贡献了全市六成以上的工业产值。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年全市规模以上工业企业7000余家,主营业务收入约13700亿元。结构:绿色石化、汽车及零部件产值均超过千亿元,高技术制造业增加值占比8.5%。</p><p>创新:拥有国家级企业技术中心20余家、省级以上企业技术中心约120家,制造业单项冠军企业数量居全国城市前列。</p>',
    'ch1.conditions':
      '<p>工作基础:市政府已连续多年实施“机器换人”和工业投资专项行动,设立工业转型升级专项资金。</p><p>制约因素:一是产业层次总体偏低,临港重化工业比重高;二是规上企业研发投入强度不足1.5%;三是高端人才和高技能人才短缺;四是土地、能源、环境容量约束趋紧。</p>',
    'ch1.strengths':
      '<p>优势特色:港口和开放优势突出,民营企业机制灵活,一批企业在细分领域居全球前列;模具、注塑机、汽车零部件等配套体系完整。</p><p>示范意义:宁波作为东部沿海计划单列市,其以智能制造推动民营制造企业转型的做法,对东部创新型城市推进制造业提质增效具有示范作用。</p>',
    'ch2.approach':
      '<p>以提质增效为中心,以智能制造为主攻方向,以“互联网+”和工业强基为支撑,实施智能制造推进、创新能力提升、质量品牌提升、绿色制造和服务型制造五大工程,推动绿色石化、汽车、高端装备、新材料、电子信息产业向中高端迈进。</p>',
    'ch3.architecture':
      '<p>构建“5+5”产业体系:做强绿色石化、汽车及零部件、电工电器、纺织服装、家用电器五大优势产业,培育高端装备、新材料、电子信息、生物医药、节能环保五大新兴产业。</p>',
    'ch3.tasks':
      '<p>智能化:每年实施智能化改造项目500个以上,建设数字化车间和智能工厂。高端化:推动石化产业向化工新材料延伸,汽车产业向新能源和智能网联延伸。绿色化:推进临港工业循环化改造。</p><p>服务化和“互联网+制造业”:发展工业设计、检验检测和供应链服务,建设面向模具、注塑、纺织行业的工业互联网平台。</p>',
    'ch3.layout':
      '<p>按照“一核三带多园”布局:以宁波国家高新区为创新核,北部沿湾布局汽车和智能装备,东部临港布局绿色石化和新材料,南部布局时尚纺织和家电;各区县(市)依托开发区发展特色产业集群。</p>',
    'ch4.carriers':
      '<p>依托中国科学院宁波材料技术与工程研究所等机构建设新材料创新平台,争创国家级制造业创新中心。2017—2019年累计新建省级以上企业技术中心45家,组建模具、注塑装备等产业技术创新联盟。</p>',
    'ch4.platforms':
      '<p>建设工业设计、检验检测、知识产权和智能制造服务平台,推行科技创新券;支持龙头企业开放试验验证资源,为中小企业提供共性技术服务。</p>',
    'ch6.fiscal':
      '<p>三年统筹安排不少于100亿元的专项资金支持试点示范,整合工业转型升级、科技创新和人才等资金,采用事后奖补、贷款贴息和股权投资等方式提高资金使用效益。</p>',
  },
  targets: {
    't-innovation-rd': [1.5, 1.7, 1.85, 2],
    't-innovation-centres': [120, 15, 30, 45],
    't-innovation-patents': [16.5, 19, 21.5, 24],
    't-quality-value-added-growth': [6.1, 7, 7, 7],
    't-quality-revenue': [13700, 14800, 15900, 17000],
    't-quality-productivity': [18.1, 21, 23.5, 26],
    't-structure-high-tech-share': [8.5, 1.5, 3, 4.5],
    't-structure-big-firms': [9, 1, 3, 5],
    't-structure-producer-services': [50, 52, 54, 56],
    't-sustainability-energy': [0.78, 5, 10, 15],
    't-sustainability-water': [-4, -5, -5, -5],
    't-sustainability-solid-waste': [93, 94, 95, 96],
    't-it-cnc-rate': [45, 50, 55, 60],
    't-it-digital-design': [62, 66, 70, 75],
    't-it-management-system': [30, 30, 60, 100],
    't-it-cloud': [0, 1500, 3500, 6000],
  },
  extraTargets: [
    {
      id: 't-structure-province-share',
      dimension: 'structure',
      indicator: '规上工业增加值占全省比重',
      unit: '个百分点',
      direction: 'higher',
      kind: 'pp_change',
      qualifier: 'exact',
      baseYear: 2015,
      baselineValue: 19.5,
      targetYears: [2017, 2018, 2019],
      values: [1.5, 3, 4],
      dataSource: '浙江省统计局',
      assessmentMethod: '当年宁波市规上工业增加值占全省比重减去2015年比重(19.5%)',
      wording: '到2019年,规上工业增加值占全省比重比2015年提高4个百分点',
    },
  ],
  keyIndustries: [
    { name: '绿色石化', description: '延伸乙烯、芳烃产业链,发展高端合成材料和专用化学品。', outputValue: 2800 },
    { name: '汽车及零部件', description: '发展整车、新能源汽车和汽车电子,提升关键零部件本地配套率。', outputValue: 1800 },
    { name: '高端装备', description: '重点发展智能成型装备、数控机床和工业机器人。', outputValue: 1400 },
    { name: '新材料', description: '发展磁性材料、高性能金属材料和化工新材料。', outputValue: 900 },
    { name: '电子信息', description: '发展集成电路材料、光学电子和工业软件。', outputValue: 700 },
  ],
  parks: [
    { name: '宁波国家高新技术产业开发区', level: '国家级', leadingIndustries: '新材料、电子信息、智能装备' },
    { name: '宁波经济技术开发区', level: '国家级', leadingIndustries: '装备制造、汽车零部件、临港物流' },
    { name: '宁波石化经济技术开发区', level: '国家级', leadingIndustries: '绿色石化、化工新材料' },
    { name: '宁波杭州湾新区', level: '省级', leadingIndustries: '汽车、智能家电、生命健康' },
  ],
  coreEnterprises: [
    { name: '宁波均胜电子股份有限公司', industry: '汽车及零部件', role: '汽车电子骨干企业,建设智能工厂示范' },
    { name: '海天塑机集团有限公司', industry: '高端装备', role: '注塑装备龙头,牵头注塑装备产业技术创新联盟' },
    { name: '宁波方太厨具有限公司', industry: '家用电器', role: '质量品牌标杆企业' },
  ],
  innovationCarriers: [
    { name: '中国科学院宁波材料技术与工程研究所', kind: '公共服务平台', level: '国家级' },
    { name: '宁波市智能成型装备产业技术创新联盟', kind: '产业创新联盟', level: '市级' },
    { name: '宁波市新材料制造业创新中心(筹)', kind: '制造业创新中心', level: '市级(争创国家级)' },
  ],
  taskDivision: [
    { task: '成立试点示范工作领导小组,建立部省市联动工作机制', responsibleUnit: '市经济和信息化委员会', deadline: '2016-12' },
    { task: '每年实施智能化改造项目500个以上', responsibleUnit: '市经济和信息化委员会、各区县(市)人民政府', deadline: '2019-12' },
    { task: '建设新材料创新平台,争创国家级制造业创新中心', responsibleUnit: '市科学技术局、市经济和信息化委员会', deadline: '2018-12' },
    { task: '统筹不少于100亿元专项资金支持试点示范', responsibleUnit: '市财政局', deadline: '2019-12' },
    { task: '开展工业企业“亩均效益”综合评价', responsibleUnit: '市经济和信息化委员会、市国土资源局', deadline: '2017年底' },
    { task: '实施制造业人才引进和高技能人才培养计划', responsibleUnit: '市人力资源和社会保障局', deadline: '2019年底' },
  ],
  contact: { name: '王明', title: '规划处处长', organisation: '宁波市经济和信息化委员会', phone: '0574-89180001', mobile: '13905740001', email: 'ghc@nb.example.cn' },
};
