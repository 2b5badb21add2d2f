import { describe, expect, it } from 'vitest';
import { highlight, isWordToken, matchesIn, normalizeText, planSearch, snippet, type Segment } from './search-query';

const hits = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);

describe('query normalisation and planning', () => {
  it('normalises like the index: NFKC, lower case, one space', () => {
    expect(normalizeText('  互联网＋制造　ＡＢＣ\n\t5Ｇ ')).toBe('互联网+制造 abc 5g');
    expect(isWordToken('智能')).toBe(true);
    expect(isWordToken('5G')).toBe(true);
    for (const p of ['，', '“', ' ', '+', '。']) expect(isWordToken(p), p).toBe(false);
  });

  it('plans no query, one character and words', () => {
    expect(planSearch('', [])).toEqual({ kind: 'all' });
    expect(planSearch(' ，。', ['，', '。'])).toEqual({ kind: 'all' });
    expect(planSearch('智', ['智'])).toEqual({ kind: 'short', text: '智', terms: ['智'] });
    expect(planSearch('“智”', ['“', '智', '”'])).toEqual({ kind: 'short', text: '智', terms: ['智'] });
    expect(planSearch('智能', ['智能'])).toEqual({ kind: 'words', text: '智能', terms: ['智能'], phrase: '智能' });
    expect(planSearch('工业互联网平台', ['工业互联网', '平台'])).toMatchObject({ kind: 'words', terms: ['工业互联网', '平台'], phrase: '工业互联网平台' });
  });

  it('drops function words and repeats from a query of several words, keeping a query of function words only', () => {
    expect(planSearch('宁波的智能制造', ['宁波', '的', '智能制造'])).toMatchObject({ terms: ['宁波', '智能制造'] });
    expect(planSearch('智能 智能，绿色', ['智能', ' ', '智能', '，', '绿色'])).toMatchObject({ terms: ['智能', '绿色'] });
    expect(planSearch('的和', ['的', '和'])).toMatchObject({ kind: 'words', terms: ['的', '和'] });
  });
});

describe('highlighting over the segmented text', () => {
  const words = planSearch('智能', ['智能']);

  it('marks a query word, and its occurrence inside a longer word', () => {
    expect(highlight(['宁波市', '推进', '智能', '工厂'], words)).toEqual([
      { text: '宁波市推进', hit: false },
      { text: '智能', hit: true },
      { text: '工厂', hit: false },
    ]);
    expect(hits(highlight(['宁波市', '智能制造', '示范'], words))).toEqual(['智能']);
    expect(matchesIn('智能制造', words)).toEqual([[0, 2]]);
  });

  it('marks words, not substrings that straddle two words', () => {
    // 造体 occurs in the text but is no word of it.
    const plan = planSearch('造体', ['造', '体']);
    expect(hits(highlight(['绿色制造', '体系'], plan))).toEqual(['造体']);
    // ... except as the exact phrase, which is marked wherever it occurs verbatim.
    const noPhrase = { ...plan, phrase: '' };
    expect(hits(highlight(['绿色制造', '体系'], noPhrase))).toEqual([]);
  });

  it('marks the exact phrase as one run', () => {
    const plan = planSearch('工业互联网平台', ['工业互联网', '平台']);
    expect(highlight(['建设', '工业互联网', '平台', '，', '服务'], plan)).toEqual([
      { text: '建设', hit: false },
      { text: '工业互联网平台', hit: true },
      { text: '，服务', hit: false },
    ]);
  });

  it('marks the character a one-character query matched at the start of words', () => {
    const plan = planSearch('智', ['智']);
    expect(hits(highlight(['机智', '的', '智能制造', '，', '智慧', '城市'], plan))).toEqual(['智', '智']);
  });

  it('keeps the text whole and never returns markup', () => {
    const tokens = ['<b>', '智能', '</b>', '&', '绿色'];
    const segments = highlight(tokens, planSearch('智能 绿色', ['智能', ' ', '绿色']));
    expect(segments.map((s) => s.text).join('')).toBe('<b>智能</b>&绿色');
    expect(hits(segments)).toEqual(['智能', '绿色']);
    expect(highlight(['文本'], { kind: 'all' })).toEqual([{ text: '文本', hit: false }]);
    expect(highlight([], words)).toEqual([]);
  });

  it('matches Latin words case-insensitively', () => {
    expect(hits(highlight(['推进', '5G', '应用'], planSearch('5g', ['5g'])))).toEqual(['5G']);
  });
});

describe('snippets', () => {
  it('shows the start of a text without matches, cut where it is long', () => {
    const s = snippet([{ text: '一'.repeat(200), hit: false }], 50);
    expect(s).toEqual({ segments: [{ text: '一'.repeat(50), hit: false }], before: false, after: true });
    expect(snippet([{ text: '短文本', hit: false }])).toEqual({ segments: [{ text: '短文本', hit: false }], before: false, after: false });
  });

  it('opens a window with some context before the first match', () => {
    const segments: Segment[] = [
      { text: '甲'.repeat(100), hit: false },
      { text: '智能', hit: true },
      { text: '乙'.repeat(100), hit: false },
    ];
    const s = snippet(segments, 40, 10);
    expect(s.before).toBe(true);
    expect(s.after).toBe(true);
    expect(s.segments).toEqual([
      { text: '甲'.repeat(10), hit: false },
      { text: '智能', hit: true },
      { text: '乙'.repeat(28), hit: false },
    ]);
  });

  it('keeps a match near the end inside the window', () => {
    const s = snippet([{ text: '甲'.repeat(100), hit: false }, { text: '绿色', hit: true }], 40, 10);
    expect(s.after).toBe(false);
    expect(hits(s.segments)).toEqual(['绿色']);
    expect(s.segments.map((x) => x.text).join('').length).toBe(40);
  });
});
