/** 湖州 (演示数据): 浙江's second pilot; green transformation and 亩均效益 are its public themes. Figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const HUZHOU: CityPlanData = {
  name: '湖州市',
  applicant: '湖州市人民政府',
  cityCodes: ['330500'],
  cityTypes: ['eastern_innovative', 'green_transformation'],
  sections: {
    'preface.reasons':
      '<p>湖州地处长三角中心区域,是“绿水青山就是金山银山”理念的诞生地。2015年全市规模以上工业增加值约900亿元,形成了金属新材料、现代纺织、绿色家居、高端装备等特色产业。</p><p>为破解产业层次偏低、资源环境约束趋紧的问题,湖州市申请创建“中国制造2025”试点示范城市,走绿色智造的发展路子。</p>',
    'ch1.economy':
      '<p>2015年,湖州市实现地区生产总值约2080亿元,一般公共预算收入约200亿元,常住人口约295万人;城乡居民收入差距处于全国较低水平,生态环境质量持续改善。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年规模以上工业企业约3500家,主营业务收入约4200亿元。结构:金属新材料、现代纺织、绿色家居三大传统产业占规上工业产值近一半,高技术制造业增加值占比9%。</p><p>创新:拥有省级以上企业技术中心约60家,规上工业企业研发投入强度约1.6%。</p>',
    'ch1.conditions':
      '<p>工作基础:在全省率先推行工业企业“亩均效益”综合评价,完成一批低效企业整治和用地腾退。</p><p>制约因素:一是传统产业比重高,龙头企业偏少;二是高端要素集聚能力不强;三是环境容量和用能指标紧张。</p>',
    'ch1.strengths':
      '<p>优势特色:生态环境优良,绿色制造和循环经济基础较好;地处沪杭苏之间,承接科创资源外溢便利。</p><p>示范意义:湖州探索生态优先、绿色发展的制造业转型路径,对东部地区同类中等城市具有借鉴意义。</p>',
    'ch2.approach':
      '<p>以绿色智造为主线,坚持生态优先、创新驱动,实施绿色制造、智能制造、质量品牌、企业培育和人才集聚五大行动,推动传统产业改造提升和新兴产业培育壮大。</p>',
    'ch3.architecture':
      '<p>构建“3+3”产业体系:改造提升金属新材料、现代纺织、绿色家居三大传统产业,培育高端装备、新能源汽车及关键零部件、生物医药三大新兴产业。</p>',
    'ch3.tasks':
      '<p>绿色化:全面推行清洁生产,创建绿色工厂和绿色园区。智能化:在纺织、家居行业推广数字化车间。高端化:推动金属新材料向高端特种材料延伸。</p><p>服务化:发展工业设计和检验检测服务。“互联网+制造业”:建设面向中小企业的工业云平台。</p>',
    'ch3.layout':
      '<p>依托湖州经济技术开发区和莫干山高新技术产业开发区布局新兴产业,各县(区)围绕金属新材料、现代纺织、绿色家居等特色产业建设专业园区。</p>',
    'ch4.carriers':
      '<p>与在沪在杭高校院所共建产业创新服务综合体,2017—2019年累计新建省级以上企业技术中心25家,组建绿色家居和特种材料产业技术创新联盟。</p>',
    'ch4.platforms':
      '<p>建设绿色制造评价、检验检测和工业设计公共服务平台,为中小企业提供节能诊断、清洁生产审核等服务。</p>',
  },
  targets: {
    't-innovation-rd': [1.6, 1.8, 2, 2.2],
    't-innovation-centres': [60, 8, 16, 25],
    't-innovation-patents': [10, 12, 14, 16],
    't-quality-value-added-growth': [7.1, 7.5, 7.5, 7.5],
    't-quality-revenue': [4200, 4600, 5000, 5500],
    't-quality-productivity': [17, 19, 20.5, 22],
    't-structure-high-tech-share': [9, 1.5, 3, 5],
    't-structure-big-firms': [3, 1, 2, 3],
    't-structure-producer-services': [42, 44, 46, 48],
    't-sustainability-energy': [0.85, 5, 11, 17],
    't-sustainability-water': [-4, -5, -5, -5],
    't-sustainability-solid-waste': [95, 96, 96.5, 97],
    't-it-cnc-rate': [42, 46, 50, 55],
    't-it-digital-design': [55, 60, 64, 68],
    't-it-management-system': [15, 15, 30, 45],
    't-it-cloud': [0, 800, 1800, 3000],
  },
  keyIndustries: [
    { name: '金属新材料', description: '发展特种钢管、高性能合金和铜铝精深加工。', outputValue: 900 },
    { name: '现代纺织', description: '发展功能性纤维、产业用纺织品和童装等品牌服装。', outputValue: 700 },
    { name: '绿色家居', description: '发展定制家居、竹木制品和智能家居。', outputValue: 500 },
    { name: '高端装备', description: '发展智能物流装备、电梯和节能环保装备。', outputValue: 450 },
  ],
  parks: [
    { name: '湖州经济技术开发区', level: '国家级', leadingIndustries: '高端装备、生物医药' },
    { name: '莫干山高新技术产业开发区', level: '国家级', leadingIndustries: '地理信息、新能源汽车零部件' },
  ],
  coreEnterprises: [
    { name: '久立特材科技股份有限公司', industry: '金属新材料', role: '特种不锈钢管骨干企业,建设数字化车间' },
    { name: '浙江大东吴集团有限公司', industry: '绿色家居', role: '绿色建筑和家居示范' },
  ],
  innovationCarriers: [
    { name: '湖州市绿色家居产业创新服务综合体', kind: '公共服务平台', level: '省级' },
    { name: '湖州市特种材料产业技术创新联盟', kind: '产业创新联盟', level: '市级' },
  ],
  taskDivision: [
    { task: '成立试点示范工作领导小组', responsibleUnit: '市经济和信息化委员会', deadline: '2016-12' },
    { task: '全面推行工业企业“亩均效益”综合评价', responsibleUnit: '市经济和信息化委员会、市国土资源局', deadline: '2017年底' },
    { task: '累计创建绿色工厂50家', responsibleUnit: '市经济和信息化委员会、市环境保护局', deadline: '2019-12' },
    { task: '建设产业创新服务综合体', responsibleUnit: '市科学技术局', deadline: '2018-12' },
  ],
  contact: { name: '李华', title: '规划科科长', organisation: '湖州市经济和信息化委员会', phone: '0572-2390001', mobile: '13905720001', email: 'ghk@hz.example.cn' },
};
