import { describe, expect, it } from 'vitest';
import { parseTargetWording, type ParsedTarget } from './parse-target';

type Expected = Partial<Omit<ParsedTarget, 'readings' | 'normalised'>>;

/** Real-looking target wordings and what must be read from them. */
const CASES: readonly [string, Expected][] = [
  // Level to reach.
  [
    '到2019年,规上工业企业研发经费占主营业务收入比重达到1.8%',
    {
      kind: 'level',
      direction: 'higher',
      qualifier: 'exact',
      value: 1.8,
      unit: '%',
      targetYear: 2019,
      baseYear: null,
      indicator: '规上工业企业研发经费占主营业务收入比重',
    },
  ],
  ['产值达到1200亿元', { kind: 'level', value: 1200, unit: '亿元', indicator: '产值' }],
  ['规上工业主营业务收入突破5000亿元', { kind: 'level', direction: 'higher', qualifier: 'at_least', value: 5000, unit: '亿元' }],
  ['全员劳动生产率超过25万元/人', { kind: 'level', qualifier: 'at_least', value: 25, unit: '万元/人', indicator: '全员劳动生产率' }],
  ['到2019年,工业固体废物综合利用率达到85%以上', { kind: 'level', qualifier: 'at_least', value: 85, unit: '%', targetYear: 2019 }],
  ['研发投入强度不低于2.5%', { kind: 'level', direction: 'higher', qualifier: 'at_least', value: 2.5, unit: '%' }],
  ['两化融合发展水平达到60左右', { kind: 'level', qualifier: 'about', value: 60, unit: null, indicator: '两化融合发展水平' }],
  ['规上工业企业主营业务收入利润率接近6.5%', { kind: 'level', qualifier: 'about', value: 6.5 }],
  ['单位工业增加值能耗约为0.6吨标准煤/万元', { kind: 'level', direction: 'lower', qualifier: 'about', value: 0.6, unit: '吨标准煤/万元' }],
  ['单位工业增加值能耗降至0.5吨标准煤/万元以下', { kind: 'level', direction: 'lower', qualifier: 'at_most', value: 0.5 }],
  ['资产负债率控制在60%以内', { kind: 'level', direction: 'lower', qualifier: 'at_most', value: 60, unit: '%' }],
  ['企业资产负债率不高于60%', { kind: 'level', direction: 'lower', qualifier: 'at_most', value: 60 }],
  ['力争到2019年,生产性服务业增加值占服务业增加值比重达到48%', { kind: 'level', qualifier: 'strive', strive: true, value: 48, targetYear: 2019 }],
  ['到二〇一九年,关键工序数控化率达到百分之五十', { kind: 'level', value: 50, unit: '%', targetYear: 2019 }],
  ['重点骨干企业数字化研发设计工具普及率达到六成以上', { kind: 'level', qualifier: 'at_least', value: 60, unit: '%' }],
  ['高新技术产业产值占规上工业比重达到三成五', { kind: 'level', value: 35, unit: '%' }],
  ['每万人口发明专利拥有量达到10件', { kind: 'level', value: 10, unit: '件', indicator: '每万人口发明专利拥有量' }],
  ['全市规上工业企业达到3千家', { kind: 'level', value: 3000, unit: '家' }],
  ['工业投资总额达到1.2万亿元', { kind: 'level', value: 1.2, unit: '万亿元' }],
  [
    '研发投入强度由2015年的1.2%提高到2019年的1.8%',
    { kind: 'level', direction: 'higher', value: 1.8, baseYear: 2015, baselineValue: 1.2, targetYear: 2019, indicator: '研发投入强度' },
  ],
  [
    '2017—2019年研发投入强度分别达到2.1%、2.3%、2.5%',
    { kind: 'level', value: 2.5, yearValues: [2.1, 2.3, 2.5], targetYear: 2019, indicator: '研发投入强度' },
  ],

  // Change against a base year.
  [
    '单位工业增加值能耗比2015年下降16%',
    { kind: 'change_vs_base', direction: 'lower', qualifier: 'exact', value: 16, unit: '%', baseYear: 2015, indicator: '单位工业增加值能耗' },
  ],
  [
    '到2019年,单位工业增加值二氧化碳排放较2015年降低22%左右',
    { kind: 'change_vs_base', direction: 'lower', qualifier: 'about', value: 22, baseYear: 2015, targetYear: 2019 },
  ],
  [
    '与2015年相比,单位工业增加值用水量下降百分之二十',
    { kind: 'change_vs_base', direction: 'lower', value: 20, unit: '%', baseYear: 2015, indicator: '单位工业增加值用水量' },
  ],
  ['规上工业主营业务收入比2015年增长30%以上', { kind: 'change_vs_base', direction: 'higher', qualifier: 'at_least', value: 30 }],
  ['工业总产值在2015年基础上翻一番', { kind: 'change_vs_base', direction: 'higher', value: 100, unit: '%', baseYear: 2015 }],
  ['主要污染物排放总量比"十二五"末累计下降10%', { kind: 'change_vs_base', direction: 'lower', value: 10, baseYear: 2015, cumulative: true }],
  ['单位工业增加值能耗比十二五末下降16%', { kind: 'change_vs_base', baseYear: 2015, value: 16 }],

  // Average annual growth.
  [
    '规上工业增加值年均增长7%以上',
    { kind: 'annual_growth', direction: 'higher', qualifier: 'at_least', value: 7, unit: '%', indicator: '规上工业增加值' },
  ],
  ['规上工业增加值年均增速保持在8%左右', { kind: 'annual_growth', qualifier: 'about', value: 8 }],
  ['单位工业增加值用水量年均下降4%', { kind: 'annual_growth', direction: 'lower', value: -4, unit: '%' }],
  ['工业能源消费总量年均增长控制在2%以内', { kind: 'annual_growth', direction: 'lower', qualifier: 'at_most', value: 2 }],
  ['高技术产业产值年均增长百分之十五', { kind: 'annual_growth', value: 15, unit: '%' }],

  // Percentage points.
  [
    '高技术制造业占比提高4个百分点',
    { kind: 'pp_change', direction: 'higher', value: 4, unit: '个百分点', indicator: '高技术制造业占比' },
  ],
  ['高技术制造业增加值占比比2015年提高4个百分点以上', { kind: 'pp_change', qualifier: 'at_least', value: 4, baseYear: 2015 }],
  ['传统高耗能行业增加值占比下降3.5个百分点', { kind: 'pp_change', direction: 'lower', value: 3.5 }],
  ['新产品产值率提高两个百分点', { kind: 'pp_change', value: 2, unit: '个百分点' }],
  ['战略性新兴产业占比提高5百分点', { kind: 'pp_change', value: 5, unit: '个百分点' }],

  // Counts.
  [
    '新建省级以上企业技术中心20家',
    { kind: 'count', direction: 'higher', qualifier: 'exact', value: 20, unit: '家', indicator: '新建省级以上企业技术中心' },
  ],
  ['2017—2019年累计新建省级以上企业技术中心20家', { kind: 'count', value: 20, cumulative: true, targetYear: 2019 }],
  ['新建省级以上企业技术中心达到20家', { kind: 'count', value: 20, indicator: '新建省级以上企业技术中心' }],
  ['培育主营业务收入超百亿元企业10家', { kind: 'count', value: 10, unit: '家', qualifier: 'exact', indicator: '培育主营业务收入超百亿元企业' }],
  ['培育20家智能制造示范企业', { kind: 'count', value: 20, unit: '家', indicator: '培育智能制造示范企业' }],
  ['培育年产值超过10亿元的企业20家', { kind: 'count', value: 20, unit: '家', qualifier: 'exact' }],
  ['力争新增规上工业企业3千家', { kind: 'count', value: 3000, unit: '家', qualifier: 'strive' }],
  ['推动1.2万家中小企业上云', { kind: 'count', value: 12000, unit: '家' }],
  ['新增就业1.2万人', { kind: 'count', value: 1.2, unit: '万人' }],
  ['组建产业技术创新联盟二十个', { kind: 'count', value: 20, unit: '个' }],
  ['新增国家级制造业创新中心1个以上', { kind: 'count', value: 1, qualifier: 'at_least' }],
  ['力争新建智能工厂20家以上', { kind: 'count', qualifier: 'at_least', strive: true, value: 20 }],
  ['培育单项冠军企业20余家', { kind: 'count', qualifier: 'at_least', value: 20 }],
  ['培育10个以上产值超百亿元的产业集群', { kind: 'count', qualifier: 'at_least', value: 10, unit: '个' }],
  ['主营业务收入超过100亿元企业达到10家', { value: 10, unit: '家', qualifier: 'exact', indicator: '主营业务收入超过100亿元企业' }],
  ['工业机器人密度达到每万名工人100台', { kind: 'level', value: 100, unit: '台', indicator: '工业机器人密度' }],
  ['宽带普及率达到90%以上,5G网络覆盖重点园区', { kind: 'level', value: 90, unit: '%', qualifier: 'at_least' }],
  ['培训技能人才3万人次', { kind: 'count', value: 3, unit: '万人次' }],
  ['到2018年底前建成工业互联网平台3个', { kind: 'count', value: 3, unit: '个', targetYear: 2018 }],

  // Traditional characters.
  [
    '到2019年,規模以上工業企業研發經費佔主營業務收入比重達到1.8%',
    { kind: 'level', value: 1.8, unit: '%', targetYear: 2019, indicator: '规模以上工业企业研发经费占主营业务收入比重' },
  ],
  ['單位工業增加值能耗比2015年下降16%', { kind: 'change_vs_base', direction: 'lower', value: 16, baseYear: 2015 }],
  ['規模以上工業增加值年均增長7%以上', { kind: 'annual_growth', qualifier: 'at_least', value: 7 }],
  ['高技術製造業佔比提高4個百分點', { kind: 'pp_change', value: 4, unit: '个百分点' }],
  ['新建省級以上企業技術中心20家', { kind: 'count', value: 20, unit: '家', qualifier: 'exact' }],
  ['產值達到1200億元', { kind: 'level', value: 1200, unit: '亿元' }],
  ['研發投入強度不低於2.5%', { qualifier: 'at_least', value: 2.5 }],
  ['資產負債率控制在60%以內', { qualifier: 'at_most', direction: 'lower', value: 60 }],
  ['力爭到2019年新增規上工業企業3千家', { qualifier: 'strive', value: 3000, targetYear: 2019 }],
  ['數字化研發設計工具普及率達到六成', { value: 60, unit: '%' }],
  ['與2015年相比,單位工業增加值用水量下降20%', { baseYear: 2015, value: 20, kind: 'change_vs_base' }],
  ['研發經費支出較2015年增長約30%', { baseYear: 2015, value: 30, qualifier: 'about' }],

  // Full-width forms.
  ['到２０１９年，研发投入强度达到２．５％', { kind: 'level', value: 2.5, unit: '%', targetYear: 2019 }],
];

describe('parseTargetWording', () => {
  it.each(CASES)('%s', (wording, expected) => {
    expect(parseTargetWording(wording)).toMatchObject(expected);
  });

  it('does not take 以上 in 省级以上 as a qualifier of the figure', () => {
    const parsed = parseTargetWording('新建省级以上企业技术中心20家');
    expect(parsed.qualifier).toBe('exact');
  });

  it('does not take a figure inside the indicator name as the target figure', () => {
    const parsed = parseTargetWording('培育主营业务收入超百亿元企业10家');
    expect(parsed.value).toBe(10);
    expect(parsed.readings).toHaveLength(1);
  });

  it('offers every target figure of a compound wording as a reading', () => {
    const parsed = parseTargetWording('到2019年,规上工业增加值达到3000亿元,年均增长8%以上');
    expect(parsed.readings.map((r) => [r.kind, r.value, r.unit])).toEqual([
      ['level', 3000, '亿元'],
      ['annual_growth', 8, '%'],
    ]);
  });

  it.each([
    ['创新能力显著增强', '显著增强', '创新能力'],
    ['质量效益明显提升', '明显提升', '质量效益'],
    ['产业结构进一步优化', '进一步优化', '产业结构'],
    ['两化融合水平大幅提高', '大幅提高', '两化融合水平'],
    ['绿色制造体系不断完善', '不断完善', '绿色制造体系'],
    ['工业增加值稳步增长', '稳步增长', '工业增加值'],
    ['创新能力持续改善', '持续改善', '创新能力'],
    ['品牌影响力较大提升', '较大提升', '品牌影响力'],
    ['创新能力显著增強', '显著增强', '创新能力'],
    ['產業結構進一步優化', '进一步优化', '产业结构'],
    ['主营业务收入超百亿元企业数量明显增加', '明显增加', '主营业务收入超百亿元企业数量'],
    ['制造业整体水平达到国内先进水平', '国内先进水平', null],
  ])('reads %s as vague', (wording, vague, indicator) => {
    const parsed = parseTargetWording(wording);
    expect(parsed.value).toBeNull();
    expect(parsed.kind).toBeNull();
    expect(parsed.vague).toBe(vague);
    if (indicator !== null) expect(parsed.indicator).toBe(indicator);
  });

  it('reports neither a figure nor vagueness for a plain task', () => {
    const parsed = parseTargetWording('建设智能制造示范工厂');
    expect(parsed).toMatchObject({ value: null, vague: null, kind: null, readings: [] });
  });

  it('does not read years, plan periods or numerals inside words as figures', () => {
    expect(parseTargetWording('到2019年,两化融合取得明显成效').value).toBeNull();
    expect(parseTargetWording('“十三五”期间培育一批龙头企业').value).toBeNull();
  });

  it('resolves 试点期末 with the application year', () => {
    expect(parseTargetWording('试点期末研发投入强度达到2.5%', { applicationYear: 2016 }).targetYear).toBe(2019);
    expect(parseTargetWording('试点期末研发投入强度达到2.5%').targetYear).toBeNull();
  });

  it('takes the last year of a range as the target year and 比 marks the base year', () => {
    const parsed = parseTargetWording('2017-2019年单位能耗比2015年累计下降16%');
    expect(parsed).toMatchObject({ targetYear: 2019, baseYear: 2015, cumulative: true });
  });

  it('returns the normalised wording', () => {
    expect(parseTargetWording('達到 １．８％').normalised).toBe('达到1.8%');
  });
});
