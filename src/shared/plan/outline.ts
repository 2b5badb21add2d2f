/**
 * The reference outline of a city's implementation plan (实施方案参考大纲), annex 2 of the notice.
 * One entry per required part; the editor, the checker and the printed plan all read this list.
 */
export interface OutlinePart {
  key: string;
  zh: string;
  en: string;
}
export interface OutlineChapter {
  key: string;
  zh: string;
  en: string;
  parts: OutlinePart[];
}

export const PLAN_OUTLINE: readonly OutlineChapter[] = [
  {
    key: 'preface',
    zh: '前言',
    en: 'Preface',
    parts: [{ key: 'preface.reasons', zh: '申报理由', en: 'Reasons for applying' }],
  },
  {
    key: 'ch1',
    zh: '第一章 基础条件',
    en: 'Chapter 1 Basic conditions',
    parts: [
      { key: 'ch1.economy', zh: '经济社会发展情况', en: 'Economic and social development' },
      {
        key: 'ch1.manufacturing',
        zh: '制造业发展情况(规模、结构、创新能力、主导产业、龙头企业、重点园区)',
        en: 'Manufacturing (scale, structure, innovation, leading industries and enterprises, main parks)',
      },
      {
        key: 'ch1.conditions',
        zh: '试点示范的条件、基础、制约因素和存在问题',
        en: 'Conditions, foundations, constraints and problems',
      },
      { key: 'ch1.strengths', zh: '优势和示范意义', en: 'Strengths and demonstration value' },
    ],
  },
  {
    key: 'ch2',
    zh: '第二章 总体思路和目标',
    en: 'Chapter 2 Overall approach and targets',
    parts: [
      { key: 'ch2.approach', zh: '总体思路', en: 'Overall approach' },
      { key: 'ch2.targets', zh: '目标体系(量化、可考核)', en: 'Target system (quantified, assessable)' },
    ],
  },
  {
    key: 'ch3',
    zh: '第三章 打造新型制造业体系',
    en: 'Chapter 3 A new manufacturing system',
    parts: [
      { key: 'ch3.approach', zh: '总体思路', en: 'Approach' },
      { key: 'ch3.architecture', zh: '产业体系架构和重点产业', en: 'Architecture and key industries' },
      {
        key: 'ch3.tasks',
        zh: '高端化、智能化、绿色化、服务化及"互联网+制造业"的任务和路径',
        en: 'Tasks and paths: high-end, smart, green, service-oriented, Internet + manufacturing',
      },
      { key: 'ch3.layout', zh: '重点产业、载体园区和核心企业布局', en: 'Layout of industries, parks and core enterprises' },
    ],
  },
  {
    key: 'ch4',
    zh: '第四章 构建区域协同创新体系',
    en: 'Chapter 4 Regional collaborative innovation',
    parts: [
      { key: 'ch4.approach', zh: '总体思路', en: 'Approach' },
      { key: 'ch4.enterprise', zh: '强化企业创新主体地位的措施', en: 'Measures for enterprise innovation' },
      {
        key: 'ch4.carriers',
        zh: '创新载体建设(制造业创新中心、企业技术中心、产业创新联盟)',
        en: 'Innovation carriers (innovation centres, enterprise technology centres, alliances)',
      },
      { key: 'ch4.platforms', zh: '公共服务平台', en: 'Public service platforms' },
      { key: 'ch4.environment', zh: '创新创业环境', en: 'Environment for innovation and entrepreneurship' },
    ],
  },
  {
    key: 'ch5',
    zh: '第五章 健全人才培养体系',
    en: 'Chapter 5 Talent',
    parts: [
      { key: 'ch5.approach', zh: '总体思路', en: 'Approach' },
      { key: 'ch5.attraction', zh: '引进高精尖缺人才', en: 'Attracting scarce high-end talent' },
      { key: 'ch5.skills', zh: '提升职工技能(职业教育、在职培训)', en: "Raising workers' skills" },
    ],
  },
  {
    key: 'ch6',
    zh: '第六章 完善政策保障体系',
    en: 'Chapter 6 Policy support',
    parts: [
      { key: 'ch6.innovation', zh: '创新政策', en: 'Innovation policy' },
      { key: 'ch6.industry', zh: '产业政策', en: 'Industrial policy' },
      { key: 'ch6.fiscal', zh: '财政政策', en: 'Fiscal policy' },
      { key: 'ch6.finance', zh: '投融资政策', en: 'Investment and financing policy' },
      { key: 'ch6.tax', zh: '税收政策', en: 'Tax policy' },
      { key: 'ch6.sme', zh: '中小微企业政策', en: 'Small and micro enterprise policy' },
      { key: 'ch6.land', zh: '用地政策', en: 'Land policy' },
    ],
  },
  {
    key: 'ch7',
    zh: '第七章 试点工作组织和实施',
    en: 'Chapter 7 Organisation and implementation',
    parts: [
      { key: 'ch7.mechanism', zh: '组织机制', en: 'Organisation mechanism' },
      { key: 'ch7.division', zh: '任务分工', en: 'Division of tasks' },
      { key: 'ch7.evaluation', zh: '评价考核机制', en: 'Evaluation and assessment mechanism' },
    ],
  },
  {
    key: 'ch8',
    zh: '第八章 其他需要说明的内容',
    en: 'Chapter 8 Other matters',
    parts: [{ key: 'ch8.other', zh: '其他需要说明的内容', en: 'Other matters' }],
  },
];

export const ALL_PART_KEYS: readonly string[] = PLAN_OUTLINE.flatMap((c) => c.parts.map((p) => p.key));
