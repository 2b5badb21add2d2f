/**
 * 长株潭 (演示数据): the 长沙–株洲–湘潭 cluster of 湖南 (工程机械, 轨道交通装备, 航空动力, 钢铁新材料).
 * In the real programme 衡阳 joined in 2017 and the pilot became 长株潭衡; the demo replays that as an
 * amendment. Figures are demo estimates.
 */
import type { CityPlanData } from '../city-plan.js';

export const CHANGZHUTAN: CityPlanData = {
  name: '长株潭',
  applicant: '长沙市、株洲市、湘潭市人民政府',
  cityCodes: ['430100', '430200', '430300'],
  cityTypes: ['central_characteristic', 'old_industrial_base'],
  sections: {
    'preface.reasons':
      '<p>长沙、株洲、湘潭三市是湖南制造业的核心区,2015年合计规模以上工业增加值约5000亿元,工程机械、轨道交通装备、中小航空发动机、钢铁新材料产业在全国具有重要影响;株洲是“一五”时期国家布局的重点工业城市。</p><p>三市联合申请创建“中国制造2025”试点示范城市群,以装备制造为突破口,打造中部地区智能制造高地。</p>',
    'ch1.economy':
      '<p>2015年,三市地区生产总值合计约12500亿元,常住人口约1450万人;长株潭城市群是国家“两型社会”建设综合配套改革试验区。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年三市规模以上工业主营业务收入约17000亿元。结构:长沙以工程机械和汽车为主,株洲以轨道交通装备和航空动力为主,湘潭以钢铁及新材料和电工装备为主。</p>',
    'ch1.conditions':
      '<p>工作基础:三市已建立城市群一体化协调机制,一批龙头企业建成智能制造示范车间。</p><p>制约因素:一是工程机械行业周期性波动明显;二是核心零部件配套能力不足;三是城市间创新资源共享不够。</p>',
    'ch1.strengths':
      '<p>优势特色:工程机械和轨道交通装备产业集群规模居全国前列,龙头企业国际化程度高。</p><p>示范意义:三市以装备制造为纽带协同发展,对中部地区城市群具有示范作用。</p>',
    'ch2.approach':
      '<p>以智能制造为主攻方向,实施装备制造高端化、核心零部件强基、两型制造和协同创新工程,推动城市群由装备制造大市向装备制造强市转变。</p>',
    'ch3.architecture':
      '<p>做强工程机械、轨道交通装备、航空动力三大标志性产业,提升汽车、钢铁新材料、电工装备,培育新一代信息技术和生物医药。</p>',
    'ch3.tasks':
      '<p>智能化:建设工程机械和轨道交通装备智能工厂。高端化:突破液压件、轴承、电机等核心零部件。绿色化:推进钢铁行业超低排放改造。</p><p>服务化:发展装备远程运维和融资租赁服务。</p>',
    'ch3.layout':
      '<p>长沙经济技术开发区布局工程机械,株洲高新区布局轨道交通装备和航空动力,湘潭高新区布局新材料和电工装备。</p>',
    'ch4.carriers':
      '<p>组建轨道交通装备和工程机械制造业创新中心,2017—2019年累计新建省级以上企业技术中心45家。</p>',
    'ch4.platforms':
      '<p>建设装备制造检验检测、工业设计和科技成果转化服务平台。</p>',
    'ch7.mechanism':
      '<p>成立由省政府分管领导牵头、三市市长参加的试点示范工作领导小组,建立城市群联席会议和部省市联动机制。</p>',
  },
  targets: {
    't-innovation-rd': [1.5, 1.7, 1.9, 2.1],
    't-innovation-centres': [130, 15, 30, 45],
    't-innovation-patents': [12, 14, 16, 18],
    't-quality-value-added-growth': [9.3, 9, 9, 9],
    't-quality-revenue': [17000, 18700, 20500, 22500],
    't-quality-productivity': [21, 23, 25, 27],
    't-structure-high-tech-share': [11, 2, 4, 6],
    't-structure-big-firms': [14, 2, 4, 6],
    't-structure-producer-services': [44, 46, 48, 50],
    't-sustainability-energy': [0.85, 6, 12, 17],
    't-sustainability-water': [-5, -6, -6, -6],
    't-sustainability-solid-waste': [85, 87, 89, 90],
    't-it-cnc-rate': [40, 44, 48, 52],
    't-it-digital-design': [55, 59, 63, 67],
    't-it-management-system': [45, 30, 60, 90],
    't-it-cloud': [0, 1500, 3500, 6000],
  },
  keyIndustries: [
    { name: '工程机械', description: '发展混凝土机械、起重机械和智能施工装备。', outputValue: 2000 },
    { name: '轨道交通装备', description: '发展电力机车、城轨车辆和牵引传动系统。', outputValue: 1200 },
    { name: '航空动力', description: '发展中小航空发动机和通用航空装备。', outputValue: 300 },
    { name: '钢铁新材料', description: '发展高端板材和先进储能材料。', outputValue: 1300 },
  ],
  parks: [
    { name: '长沙经济技术开发区', level: '国家级', leadingIndustries: '工程机械、汽车' },
    { name: '株洲高新技术产业开发区', level: '国家级', leadingIndustries: '轨道交通装备、航空动力' },
    { name: '湘潭高新技术产业开发区', level: '国家级', leadingIndustries: '新材料、电工装备' },
  ],
  coreEnterprises: [
    { name: '三一集团有限公司', industry: '工程机械', role: '工程机械龙头,建设智能工厂' },
    { name: '中车株洲电力机车有限公司', industry: '轨道交通装备', role: '电力机车骨干企业' },
  ],
  innovationCarriers: [
    { name: '长株潭轨道交通装备制造业创新中心(筹)', kind: '制造业创新中心', level: '省级(争创国家级)' },
    { name: '长株潭工程机械产业技术创新联盟', kind: '产业创新联盟', level: '省级' },
  ],
  taskDivision: [
    { task: '建立城市群试点示范联席会议机制', responsibleUnit: '省经济和信息化委员会、三市人民政府', deadline: '2016-12' },
    { task: '组建轨道交通装备制造业创新中心', responsibleUnit: '株洲市人民政府', deadline: '2018-12' },
    { task: '实施核心零部件强基工程', responsibleUnit: '三市经济和信息化委员会', deadline: '2019-12' },
  ],
  contact: { name: '彭涛', title: '规划处处长', organisation: '长沙市经济和信息化委员会', phone: '0731-88660001', mobile: '13907310001', email: 'ghc@cs.example.cn' },
};
