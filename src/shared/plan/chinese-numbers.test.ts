import { describe, expect, it } from 'vitest';
import {
  findQuantities,
  normaliseText,
  normaliseUnit,
  parseChineseInteger,
  parseChineseNumber,
  parseNumber,
  parseShare,
  splitUnitMagnitude,
  toHalfWidth,
  toSimplified,
  unitFamily,
} from './chinese-numbers';

describe('toSimplified', () => {
  it.each([
    ['規模以上工業增加值年均增長', '规模以上工业增加值年均增长'],
    ['產值達到1200億元', '产值达到1200亿元'],
    ['提高4個百分點', '提高4个百分点'],
    ['不低於', '不低于'],
    ['佔主營業務收入比重', '占主营业务收入比重'],
    ['研發經費', '研发经费'],
    ['單位工業增加值能耗比2015年下降', '单位工业增加值能耗比2015年下降'],
    ['控制在2%以內', '控制在2%以内'],
    ['力爭新建10萬家', '力争新建10万家'],
    ['較2015年', '较2015年'],
    ['兩化融合', '两化融合'],
    ['累計', '累计'],
    ['與2015年相比', '与2015年相比'],
    ['創新能力顯著增強', '创新能力显著增强'],
  ])('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('leaves simplified text and 著 alone', () => {
    expect(toSimplified('质量效益显著提升')).toBe('质量效益显著提升');
  });
});

describe('toHalfWidth and normaliseText', () => {
  it('turns full-width digits and punctuation into ASCII', () => {
    expect(toHalfWidth('达到１．８％，提高')).toBe('达到1.8%,提高');
    expect(toHalfWidth('２０１７—２０１９年')).toBe('2017-2019年');
  });

  it('keeps 。 and 、 (they are not decimal points or commas between digits)', () => {
    expect(toHalfWidth('1.2%、1.5%。')).toBe('1.2%、1.5%。');
  });

  it('combines simplification, half-width and whitespace removal', () => {
    expect(normaliseText(' 到２０１９年， 研發投入 達到 2.5 ％ ')).toBe('到2019年,研发投入达到2.5%');
  });
});

describe('parseChineseInteger', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['三百五十', 350],
    ['三百五', 350],
    ['两千', 2000],
    ['两千零五', 2005],
    ['一万二千', 12000],
    ['一万二', 12000],
    ['五千万', 50_000_000],
    ['一亿二千万', 120_000_000],
    ['百亿', 10_000_000_000],
    ['二〇一九', 2019],
    ['二零一五', 2015],
  ])('%s = %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it.each(['十三五', '五十百', '', '达到', '两两'])('refuses %s', (text) => {
    expect(parseChineseInteger(text)).toBeNull();
  });
});

describe('parseChineseNumber', () => {
  it('reads decimals written with 点', () => {
    expect(parseChineseNumber('三点五')).toBe(3.5);
    expect(parseChineseNumber('十二点零五')).toBe(12.05);
    expect(parseChineseNumber('三点')).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1.8', 1.8],
    ['１．８', 1.8],
    ['二十', 20],
    ['三百五十', 350],
    ['3千', 3000],
    ['1.2万', 12000],
    ['5亿', 500_000_000],
    ['5千万', 50_000_000],
    ['1.2萬', 12000],
    ['三点五', 3.5],
    ['-2', -2],
    ['负3', -3],
  ])('%s = %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', '达到', '1.2.3', '2%'])('refuses %s', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('parseShare', () => {
  it.each([
    ['六成', 60],
    ['三成五', 35],
    ['5成', 50],
    ['十成', 100],
    ['百分之十五', 15],
    ['百分之1.5', 1.5],
    ['百分之三点五', 3.5],
    ['15%', 15],
    ['15％', 15],
  ])('%s = %d %%', (text, value) => {
    expect(parseShare(text)).toBe(value);
  });

  it.each(['完成', '六', '十一成', '百分点'])('refuses %s', (text) => {
    expect(parseShare(text)).toBeNull();
  });
});

describe('findQuantities', () => {
  const first = (text: string) => {
    const [q] = findQuantities(normaliseText(text));
    return q ? { value: q.value, unit: q.unit } : null;
  };

  it.each([
    ['产值达到1200亿元', 1200, '亿元'],
    ['产值达到1200億元', 1200, '亿元'],
    ['达到三百五十亿元', 350, '亿元'],
    ['超百亿元企业', 100, '亿元'],
    ['5千万元', 5000, '万元'],
    ['1.2万家', 12000, '家'],
    ['3千家', 3000, '家'],
    ['1.2万人', 1.2, '万人'],
    ['达到5亿', 500_000_000, null],
    ['提高4个百分点', 4, '个百分点'],
    ['提高4個百分點', 4, '个百分点'],
    ['提高两个百分点', 2, '个百分点'],
    ['达到1.8%', 1.8, '%'],
    ['达到六成', 60, '%'],
    ['达到三成五以上', 35, '%'],
    ['百分之十五', 15, '%'],
    ['0.5吨标准煤/万元', 0.5, '吨标准煤/万元'],
    ['26万元/人', 26, '万元/人'],
    ['100亿千瓦时', 100, '亿千瓦时'],
    ['新建20家', 20, '家'],
    ['二十家', 20, '家'],
    ['比2015年', 2015, '年'],
    ['翻一番', 100, '%'],
    ['翻两番', 300, '%'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(first(text)).toEqual({ value, unit });
  });

  it('marks 余 and 多 as "more than"', () => {
    const [q] = findQuantities(normaliseText('培育20余家'));
    expect(q).toMatchObject({ value: 20, unit: '家', more: true });
    const [r] = findQuantities(normaliseText('1200多亿元'));
    expect(r).toMatchObject({ value: 1200, unit: '亿元', more: true });
  });

  it.each([
    ['两化融合发展水平'],
    ['培育一批龙头企业'],
    ['十三五期间'],
    ['第一批'],
    ['PM2.5浓度'],
    ['每万人口发明专利'],
    ['形成完成建成'],
  ])('finds no quantity in %s', (text) => {
    expect(findQuantities(normaliseText(text))).toEqual([]);
  });

  it('reports positions in the normalised text', () => {
    const text = normaliseText('到2019年达到1.8%');
    const qs = findQuantities(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['2019年', '1.8%']);
  });
});

describe('units', () => {
  it('normalises percentage points and percent spellings', () => {
    expect(normaliseUnit('百分点')).toBe('个百分点');
    expect(normaliseUnit('pp')).toBe('个百分点');
    expect(normaliseUnit('個百分點')).toBe('个百分点');
    expect(normaliseUnit('％')).toBe('%');
    expect(normaliseUnit('吨标煤/万元')).toBe('吨标准煤/万元');
  });

  it('classifies units into families', () => {
    expect(unitFamily('个百分点')).toBe('pp');
    expect(unitFamily('%')).toBe('percent');
    expect(unitFamily('家')).toBe('count');
    expect(unitFamily('万人')).toBe('count');
    expect(unitFamily('亿元')).toBe('other');
  });

  it('splits magnitude prefixes but not units that merely start with one', () => {
    expect(splitUnitMagnitude('亿元')).toEqual({ multiplier: 1e8, base: '元' });
    expect(splitUnitMagnitude('万元/人')).toEqual({ multiplier: 1e4, base: '元/人' });
    expect(splitUnitMagnitude('千瓦时')).toEqual({ multiplier: 1, base: '千瓦时' });
    expect(splitUnitMagnitude('家')).toEqual({ multiplier: 1, base: '家' });
  });
});
