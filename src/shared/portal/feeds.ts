/**
 * RSS 2.0 and Atom 1.0 documents of the portal's notices and cases, pure: the caller gives absolute
 * URLs and dates. Text is escaped for XML, and characters XML 1.0 cannot carry (C0 controls other
 * than tab and newlines, lone surrogates, U+FFFE/U+FFFF) are dropped, so a feed always parses.
 */

export interface FeedItem {
  /** Stable identifier: a UUID becomes urn:uuid:…, anything else is used as it is. */
  id: string;
  title: string;
  /** Absolute URL of the item's page. */
  url: string;
  summary: string;
  published: Date;
  updated?: Date;
  category?: string;
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  siteUrl: string;
  /** Absolute URL of this feed. */
  selfUrl: string;
  author: string;
  language: string;
  items: readonly FeedItem[];
  /** When the feed has no items: its last change (e.g. the time of the request's data). */
  emptyUpdated: Date;
}

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function idUri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : id;
}

/** The latest change among the items, or the feed's own date when it has none. */
export function feedUpdated(feed: Feed): Date {
  let latest: Date | null = null;
  for (const i of feed.items) {
    const d = i.updated ?? i.published;
    if (!latest || d > latest) latest = d;
  }
  return latest ?? feed.emptyUpdated;
}

export function buildRss(feed: Feed): string {
  const e = escapeXml;
  const items = feed.items
    .map(
      (i) =>
        `<item><title>${e(i.title)}</title><link>${e(i.url)}</link><guid isPermaLink="false">${e(idUri(i.id))}</guid>` +
        `<pubDate>${i.published.toUTCString()}</pubDate>${i.category ? `<category>${e(i.category)}</category>` : ''}<description>${e(i.summary)}</description></item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${e(feed.title)}</title><link>${e(feed.siteUrl)}</link><description>${e(feed.description)}</description>` +
    `<language>${e(feed.language)}</language><lastBuildDate>${feedUpdated(feed).toUTCString()}</lastBuildDate>` +
    `<atom:link href="${e(feed.selfUrl)}" rel="self" type="application/rss+xml"/>\n${items}\n</channel></rss>\n`
  );
}

export function buildAtom(feed: Feed): string {
  const e = escapeXml;
  const entries = feed.items
    .map(
      (i) =>
        `<entry><title>${e(i.title)}</title><link rel="alternate" type="text/html" href="${e(i.url)}"/><id>${e(idUri(i.id))}</id>` +
        `<published>${i.published.toISOString()}</published><updated>${(i.updated ?? i.published).toISOString()}</updated>` +
        `${i.category ? `<category term="${e(i.category)}"/>` : ''}<summary type="text">${e(i.summary)}</summary></entry>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(feed.language)}">` +
    `<title>${e(feed.title)}</title><subtitle>${e(feed.description)}</subtitle><id>${e(feed.selfUrl)}</id>` +
    `<link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/><link rel="alternate" type="text/html" href="${e(feed.siteUrl)}"/>` +
    `<updated>${feedUpdated(feed).toISOString()}</updated><author><name>${e(feed.author)}</name></author>\n${entries}\n</feed>\n`
  );
}
