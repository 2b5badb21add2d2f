/** 包头 (演示数据): 内蒙古's old industrial and resource-based city (钢铁, 铝, 稀土, 兵器装备). Figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const BAOTOU: CityPlanData = {
  name: '包头市',
  applicant: '包头市人民政府',
  cityCodes: ['150200'],
  cityTypes: ['old_industrial_base', 'resource_based', 'western_traditional'],
  sections: {
    'preface.reasons':
      '<p>包头是“一五”时期国家布局的重点工业城市和全国最大的稀土产业基地,2015年规模以上工业增加值约1400亿元,钢铁、铝、稀土、装备制造和煤化工构成工业主体。</p><p>面对钢铁、铝等产品价格下行和资源型产业比重过高的问题,包头市申请创建“中国制造2025”试点示范城市,以稀土新材料和装备制造带动老工业基地转型。</p>',
    'ch1.economy':
      '<p>2015年,包头市实现地区生产总值约3720亿元,常住人口约285万人,是呼包鄂城市群的重要组成部分。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年规模以上工业企业约800家,主营业务收入约3600亿元。结构:钢铁、铝、电力和煤化工占规上工业的七成左右,稀土新材料及应用产业产值约300亿元。</p>',
    'ch1.conditions':
      '<p>工作基础:已建成稀土高新区和一批稀土功能材料项目。</p><p>制约因素:一是资源型产业比重高、抗风险能力弱;二是单位工业增加值能耗高;三是稀土产业链下游应用不足;四是创新人才短缺。</p>',
    'ch1.strengths':
      '<p>优势特色:稀土资源和产业规模全国领先,重型装备和兵器装备制造能力强。</p><p>示范意义:包头作为资源型老工业城市,其由原材料向新材料和装备延伸的路径,对西部资源型城市有示范意义。</p>',
    'ch2.approach':
      '<p>以稀土新材料和装备制造为突破口,实施稀土产业链延伸、钢铝精深加工、装备制造升级和绿色制造工程,推动资源型产业向精深加工和高端制造转型。</p>',
    'ch3.architecture':
      '<p>做强稀土新材料及应用、钢铁和铝精深加工、装备制造三大产业,培育新能源装备和煤基新材料。</p>',
    'ch3.tasks':
      '<p>高端化:发展稀土永磁、抛光和储氢材料。智能化:推进钢铁、铝企业数字化改造。绿色化:推进工业固废综合利用和余热利用。</p><p>服务化:发展重型装备总集成服务。</p>',
    'ch3.layout':
      '<p>以稀土高新区布局稀土新材料,以昆都仑区和东河区布局钢铁和铝精深加工,以青山区布局装备制造。</p>',
    'ch4.carriers':
      '<p>依托稀土研究机构建设稀土功能材料创新中心,2017—2019年累计新建省级以上企业技术中心15家。</p>',
    'ch4.platforms':
      '<p>建设稀土新材料检验检测和成果转化服务平台。</p>',
  },
  targets: {
    't-innovation-rd': [0.8, 1, 1.2, 1.4],
    't-innovation-centres': [30, 5, 10, 15],
    't-innovation-patents': [3.5, 4.2, 4.9, 5.6],
    't-quality-value-added-growth': [8.4, 8, 8, 8],
    't-quality-revenue': [3600, 3900, 4200, 4500],
    't-quality-productivity': [30, 32, 34, 36],
    't-structure-high-tech-share': [4, 1, 2, 3],
    't-structure-big-firms': [5, 1, 2, 3],
    't-structure-producer-services': [40, 42, 44, 46],
    't-sustainability-energy': [2.6, 6, 12, 18],
    't-sustainability-water': [-5, -6, -6, -6],
    't-sustainability-solid-waste': [55, 60, 65, 70],
    't-it-cnc-rate': [35, 39, 43, 47],
    't-it-digital-design': [45, 49, 53, 57],
    't-it-management-system': [10, 8, 16, 25],
    't-it-cloud': [0, 300, 700, 1200],
  },
  extraTargets: [
    {
      id: 't-structure-rare-earth',
      dimension: 'structure',
      indicator: '稀土新材料及应用产业产值',
      unit: '亿元',
      direction: 'higher',
      kind: 'level',
      qualifier: 'exact',
      baseYear: 2015,
      baselineValue: 300,
      targetYears: [2017, 2018, 2019],
      values: [400, 500, 600],
      dataSource: '市统计局',
      assessmentMethod: '以市统计局公布的年度数据为准',
      wording: '到2019年,稀土新材料及应用产业产值达到600亿元',
    },
  ],
  keyIndustries: [
    { name: '稀土新材料', description: '发展稀土永磁、抛光、储氢和催化材料及应用产品。', outputValue: 300 },
    { name: '钢铁', description: '发展稀土钢、高端板材和无缝钢管。', outputValue: 900 },
    { name: '铝及铝加工', description: '发展铝合金和铝板带箔精深加工。', outputValue: 500 },
    { name: '装备制造', description: '发展重型车辆、专用车和新能源装备。', outputValue: 600 },
  ],
  parks: [
    { name: '包头稀土高新技术产业开发区', level: '国家级', leadingIndustries: '稀土新材料、装备制造' },
    { name: '包头装备制造产业园区', level: '省级', leadingIndustries: '重型装备、专用车' },
  ],
  coreEnterprises: [
    { name: '中国北方稀土(集团)高科技股份有限公司', industry: '稀土新材料', role: '稀土龙头,延伸功能材料产业链' },
    { name: '包头钢铁(集团)有限责任公司', industry: '钢铁', role: '钢铁骨干企业,发展稀土钢' },
  ],
  innovationCarriers: [
    { name: '包头稀土研究院', kind: '公共服务平台', level: '国家级' },
    { name: '包头市稀土功能材料创新中心(筹)', kind: '制造业创新中心', level: '市级' },
  ],
  taskDivision: [
    { task: '成立试点示范工作领导小组', responsibleUnit: '市经济和信息化委员会', deadline: '2016-12' },
    { task: '建设稀土功能材料创新中心', responsibleUnit: '稀土高新区管委会', deadline: '2018-12' },
    { task: '推进钢铁、铝企业节能和固废综合利用改造', responsibleUnit: '市经济和信息化委员会、市环境保护局', deadline: '2019-12' },
  ],
  contact: { name: '白云', title: '规划科科长', organisation: '包头市经济和信息化委员会', phone: '0472-5150001', mobile: '13904720001', email: 'ghk@bt.example.cn' },
};
