import { describe, expect, it } from 'vitest';
import { chineseOrdinal } from './case-book';
import { displayWords, indexWords, queryWords, searchColumns } from './segment';

describe('jieba segmentation for the case library', () => {
  const text = '长株潭衡推进智能制造，建设“工业互联网”平台，亩均效益评价覆盖全市。';

  it('keeps programme words whole and indexes the words inside them too', () => {
    expect(queryWords('智能制造')).toEqual(['智能制造']);
    expect(queryWords('长株潭衡')).toEqual(['长株潭衡']);
    const index = indexWords(text);
    for (const w of ['智能制造', '智能', '制造', '长株潭衡', '长株潭', '工业互联网', '互联网', '平台', '亩均效益']) expect(index, w).toContain(w);
  });

  it('cuts a query into words every one of which the index of the same text holds', () => {
    const index = new Set(indexWords(text));
    for (const q of [text, '智能', '推进智能制造', '工业互联网平台', '亩均效益评价']) for (const w of queryWords(q)) expect(index.has(w), `${q}: ${w}`).toBe(true);
  });

  it('normalises full-width characters and drops punctuation from index and query words', () => {
    expect(queryWords('互联网＋制造，５Ｇ')).toEqual(['互联网', '制造', '5g']);
    expect(indexWords('“绿色”。')).toEqual(['绿色']);
  });

  it('cuts display text into words that join back to the text', () => {
    const sample = '宁波市\n推进 “5G+工业互联网”，ABC。';
    expect(displayWords(sample).join('')).toBe(sample);
  });

  it('fills the search columns: weighted fields, the words line and the normalised text', () => {
    const s = searchColumns({ title: '绿色制造', summary: '绿色工厂', body: '清洁生产　ＡＢ' });
    expect(s.title.split(' ')).toEqual(expect.arrayContaining(['绿色制造', '绿色', '制造']));
    expect(s.words).toBe('绿色制造 绿色 工厂 清洁 生产 ab');
    expect(s.plain).toBe('绿色制造 绿色工厂 清洁生产 ab');
  });
});

describe('case numbers in the case book', () => {
  it('writes Chinese ordinals', () => {
    expect([1, 9, 10, 11, 20, 35, 99].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '二十', '三十五', '九十九']);
    expect(() => chineseOrdinal(0)).toThrow(RangeError);
    expect(() => chineseOrdinal(100)).toThrow(RangeError);
  });
});
