/** 郑洛新 (演示数据): the 郑州–洛阳–新乡 cluster of 河南 (电子信息, 装备, 新材料, 新能源电池); figures are demo estimates. */
import type { CityPlanData } from '../city-plan.js';

export const ZHENGLUOXIN: CityPlanData = {
  name: '郑洛新城市群',
  applicant: '郑州市、洛阳市、新乡市人民政府',
  cityCodes: ['410100', '410300', '410700'],
  cityTypes: ['central_characteristic', 'old_industrial_base'],
  sections: {
    'preface.reasons':
      '<p>郑州、洛阳、新乡三市是河南制造业的核心区,2015年合计规模以上工业增加值约6000亿元,电子信息、装备制造、新材料、汽车和新能源电池产业各具特色;洛阳是“一五”时期国家布局的重要工业城市。</p><p>三市联合申请创建“中国制造2025”试点示范城市群,以协同创新带动中原地区制造业转型。</p>',
    'ch1.economy':
      '<p>2015年,郑州、洛阳、新乡三市地区生产总值合计约12800亿元,常住人口约2100万人;郑州航空港经济综合实验区和中原城市群交通枢纽地位突出。</p>',
    'ch1.manufacturing':
      '<p>规模:2015年三市规模以上工业主营业务收入约24000亿元。结构:郑州以电子信息、汽车和装备为主,洛阳以重型装备、农机和有色新材料为主,新乡以起重装备、电池和生物医药为主。</p>',
    'ch1.conditions':
      '<p>工作基础:三市已建立联席会议机制,共建郑洛新国家自主创新示范区。</p><p>制约因素:一是传统产业比重偏高;二是研发投入强度低于全国平均;三是城市间产业协同不够。</p>',
    'ch1.strengths':
      '<p>优势特色:洛阳重型装备和农机装备基础雄厚,郑州电子信息产业规模大,新乡新能源电池特色鲜明。</p><p>示范意义:城市群内部分工协作、共建创新平台的做法,对中部地区城市群具有借鉴意义。</p>',
    'ch2.approach':
      '<p>以郑洛新国家自主创新示范区为引领,实施协同创新、智能制造、工业强基和绿色制造工程,构建分工合理、优势互补的城市群制造业体系。</p>',
    'ch3.architecture':
      '<p>郑州重点发展电子信息、汽车和装备,洛阳重点发展高端装备和新材料,新乡重点发展电池及新能源汽车、起重装备和生物医药。</p>',
    'ch3.tasks':
      '<p>智能化:在装备、汽车行业建设智能工厂。高端化:发展大型成套装备、智能农机和高性能新材料。绿色化:推进有色、化工行业清洁生产。</p><p>服务化:推动装备企业发展总集成总承包服务。</p>',
    'ch3.layout':
      '<p>以郑州航空港经济综合实验区和三市高新区为核心载体,沿郑洛、郑新产业带布局装备、新材料和电池产业。</p>',
    'ch4.carriers':
      '<p>共建智能农机、轴承和新能源电池产业技术创新联盟,2017—2019年累计新建省级以上企业技术中心60家。</p>',
    'ch4.platforms':
      '<p>建设城市群科技资源共享、检验检测和成果转化服务平台,实现大型仪器设备开放共享。</p>',
    'ch7.mechanism':
      '<p>成立由省政府分管领导牵头、三市市长参加的试点示范工作领导小组,建立三市联席会议和部省市联动机制。</p>',
  },
  targets: {
    't-innovation-rd': [1.1, 1.3, 1.5, 1.7],
    't-innovation-centres': [150, 20, 40, 60],
    't-innovation-patents': [6, 7.5, 9, 10.5],
    't-quality-value-added-growth': [9.5, 9, 9, 9],
    't-quality-revenue': [24000, 26500, 29000, 32000],
    't-quality-productivity': [15, 17, 18.5, 20],
    't-structure-high-tech-share': [15, 2, 4, 6],
    't-structure-big-firms': [15, 2, 4, 6],
    't-structure-producer-services': [38, 40, 42, 44],
    't-sustainability-energy': [1.1, 6, 12, 18],
    't-sustainability-water': [-5, -6, -6, -6],
    't-sustainability-solid-waste': [78, 80, 82, 85],
    't-it-cnc-rate': [35, 39, 43, 47],
    't-it-digital-design': [48, 52, 56, 60],
    't-it-management-system': [40, 30, 60, 90],
    't-it-cloud': [0, 2000, 5000, 8000],
  },
  keyIndustries: [
    { name: '电子信息', description: '发展智能终端、信息安全和智能传感器。', outputValue: 3000 },
    { name: '高端装备', description: '发展重型成套装备、智能农机、起重装备和轴承。', outputValue: 2600 },
    { name: '新材料', description: '发展钼钨、铝镁合金和超硬材料。', outputValue: 1800 },
    { name: '新能源电池', description: '发展动力电池及材料和新能源客车。', outputValue: 700 },
  ],
  parks: [
    { name: '郑州航空港经济综合实验区', level: '国家级', leadingIndustries: '智能终端、航空物流' },
    { name: '洛阳高新技术产业开发区', level: '国家级', leadingIndustries: '高端装备、新材料' },
    { name: '新乡高新技术产业开发区', level: '国家级', leadingIndustries: '电池、生物医药' },
  ],
  coreEnterprises: [
    { name: '宇通客车股份有限公司', industry: '汽车', role: '新能源客车龙头' },
    { name: '中国一拖集团有限公司', industry: '高端装备', role: '智能农机骨干企业' },
  ],
  innovationCarriers: [
    { name: '郑洛新智能农机产业技术创新联盟', kind: '产业创新联盟', level: '省级' },
    { name: '城市群科技资源共享服务平台', kind: '公共服务平台', level: '省级' },
  ],
  taskDivision: [
    { task: '建立三市联席会议和试点示范工作机制', responsibleUnit: '省工业和信息化委员会、三市人民政府', deadline: '2016-12' },
    { task: '共建产业技术创新联盟和科技资源共享平台', responsibleUnit: '三市科学技术局', deadline: '2018-06' },
    { task: '推进装备、汽车行业智能工厂建设', responsibleUnit: '三市工业和信息化委员会', deadline: '2019-12' },
  ],
  contact: { name: '赵强', title: '规划处处长', organisation: '郑州市工业和信息化委员会', phone: '0371-67180001', mobile: '13903710001', email: 'ghc@zz.example.cn' },
};
