import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { buildAtom, buildRss, escapeXml, feedUpdated, type Feed } from './feeds.js';

/** Parses strictly (saxes is a conforming XML parser) and returns the element names in order. */
function parse(xml: string): string[] {
  const names: string[] = [];
  const p = new SaxesParser({ xmlns: false });
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => names.push(t.name));
  p.write(xml).close();
  return names;
}

const HOSTILE = '<script>&"\'\u0001\u0008\uFFFF]]>';

const feed: Feed = {
  title: '通报 <公开>',
  description: '工业和信息化部',
  siteUrl: 'https://example.gov.cn/portal/notices',
  selfUrl: 'https://example.gov.cn/portal/feeds/notices.xml',
  author: '工业和信息化部',
  language: 'zh-CN',
  emptyUpdated: new Date('2026-01-01T00:00:00Z'),
  items: [
    { id: '6f1c3a52-7a0b-4c8e-9d3f-0a1b2c3d4e5f', title: HOSTILE, url: 'https://example.gov.cn/portal/notices/1?a=1&b=2', summary: HOSTILE, published: new Date('2026-03-01T08:00:00Z'), category: '取消' },
    { id: 'case-2', title: '宁波', url: 'https://example.gov.cn/portal/cases/2', summary: '摘要', published: new Date('2026-02-01T08:00:00Z'), updated: new Date('2026-04-01T08:00:00Z') },
  ],
};

describe('feeds', () => {
  it('escapes the five XML characters and drops what XML 1.0 cannot carry', () => {
    expect(escapeXml(HOSTILE)).toBe('&lt;script&gt;&amp;&quot;&apos;]]&gt;');
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(escapeXml('x\uD800y')).toBe('xy');
  });

  it('builds RSS 2.0 that parses, with a channel, items, guids and the atom:self link', () => {
    const xml = buildRss(feed);
    const names = parse(xml);
    expect(names.slice(0, 2)).toEqual(['rss', 'channel']);
    expect(names.filter((n) => n === 'item')).toHaveLength(2);
    expect(xml).toContain('<guid isPermaLink="false">urn:uuid:6f1c3a52-7a0b-4c8e-9d3f-0a1b2c3d4e5f</guid>');
    expect(xml).toContain('<pubDate>Sun, 01 Mar 2026 08:00:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Wed, 01 Apr 2026 08:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('?a=1&amp;b=2');
    expect(xml).not.toContain('<script>');
  });

  it('builds Atom 1.0 that parses, with ids, updated dates and links', () => {
    const xml = buildAtom(feed);
    const names = parse(xml);
    expect(names[0]).toBe('feed');
    expect(names.filter((n) => n === 'entry')).toHaveLength(2);
    expect(xml).toContain('<updated>2026-04-01T08:00:00.000Z</updated><author>');
    expect(xml).toContain('<id>case-2</id>');
    expect(xml).toContain('xml:lang="zh-CN"');
  });

  it('dates an empty feed by its own date', () => {
    const empty = { ...feed, items: [] };
    expect(feedUpdated(empty)).toEqual(feed.emptyUpdated);
    expect(parse(buildRss(empty))).toEqual(['rss', 'channel', 'title', 'link', 'description', 'language', 'lastBuildDate', 'atom:link']);
    expect(parse(buildAtom(empty))).toContain('updated');
  });
});
