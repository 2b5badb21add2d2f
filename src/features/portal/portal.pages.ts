/**
 * The public portal's pages, feeds and sitemap: HTML and XML from the server, with no session, no
 * client script and nothing but what the ministry published (portal.service.ts). Outside /api/v1
 * and kept from the web app's fallback: an unknown path under /portal is the portal's own 404 page.
 *
 * Caching: every answer carries a short public max-age and an ETag of its body; a request naming the
 * same ETag gets a 304. Nothing on these pages depends on who asks, so a shared cache may keep them;
 * a withdrawal is seen everywhere within the max-age.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { MAX_QUERY_LENGTH } from '../../shared/cases/search-query.js';
import { buildAtom, buildRss, type Feed, type FeedItem } from '../../shared/portal/feeds.js';
import { escapeXml } from '../../shared/portal/feeds.js';
import { PROVINCE_TILES } from '../../shared/reference/province-tiles.js';
import { provincesOf } from '../../shared/portal/tile-map.js';
import { PORTAL_CSS, PORTAL_CSS_PATH } from './portal.css.js';
import * as svc from './portal.service.js';
import * as v from './portal.views.js';

/** Public pages and feeds: five minutes in any cache, then revalidated by ETag. */
export const PAGE_CACHE = 'public, max-age=300';
const CSS_CACHE = 'public, max-age=31536000, immutable';
const PAGE_SIZE = 20;
const HOME_ITEMS = 5;
const FEED_ITEMS = 50;

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Sends a body with its ETag and cache policy, or 304 when the client holds the same one. */
function sendCached(req: FastifyRequest, reply: FastifyReply, type: string, body: string, status = 200, cache = PAGE_CACHE): FastifyReply {
  const etag = etagOf(body);
  reply.header('cache-control', status === 200 ? cache : 'no-cache').header('etag', etag).type(type);
  if (status === 200) {
    const sent = req.headers['if-none-match'];
    if (typeof sent === 'string' && sent.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
  }
  return reply.status(status).send(body);
}

const HTML = 'text/html; charset=utf-8';

/** The origin the page's absolute links use: the request's (its Host, or X-Forwarded-* behind a trusted proxy). */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

const uuid = z.uuid();
const casesQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export async function portalPages(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const hide = { schema: { hide: true } };

  app.get('/robots.txt', hide, async (req, reply) =>
    sendCached(req, reply, 'text/plain; charset=utf-8', `User-agent: *\nAllow: /portal\nDisallow: /\nSitemap: ${originOf(req)}/portal/sitemap.xml\n`),
  );

  await app.register(
    async (portal) => {
      const notFound = (req: FastifyRequest, reply: FastifyReply) => sendCached(req, reply, HTML, v.notFoundPage({ origin: originOf(req), path: req.url.split('?')[0]! }), 404);
      portal.setNotFoundHandler(notFound);
      // The web app's static files answer every other path ('/*'); under /portal nothing falls through to them.
      portal.get('/*', hide, async (req, reply) => notFound(req, reply));
      const meta = (req: FastifyRequest, path: string) => ({ origin: originOf(req), path });

      portal.get(PORTAL_CSS_PATH.slice('/portal'.length), hide, async (req, reply) => sendCached(req, reply, 'text/css; charset=utf-8', PORTAL_CSS, 200, CSS_CACHE));

      portal.get('/', hide, async (req, reply) => {
        const [pilots, notices, cases] = [await svc.publicPilots(db), await svc.publicNotices(db), await svc.publicCaseSearch(db, { page: 1, pageSize: HOME_ITEMS })];
        return sendCached(req, reply, HTML, v.homePage(meta(req, '/portal'), { pilots, notices: notices.slice(0, HOME_ITEMS), cases: cases.items }));
      });

      portal.get('/pilots', hide, async (req, reply) => sendCached(req, reply, HTML, v.pilotsPage(meta(req, '/portal/pilots'), await svc.publicPilots(db))));

      portal.get<{ Params: { id: string } }>('/pilots/:id', hide, async (req, reply) => {
        const id = uuid.safeParse(req.params.id);
        const page = id.success ? await svc.publicPilotPage(db, id.data) : null;
        if (!page) return notFound(req, reply);
        return sendCached(req, reply, HTML, v.pilotPage(meta(req, `/portal/pilots/${page.pilot.id}`), page));
      });

      portal.get<{ Params: { code: string } }>('/provinces/:code', hide, async (req, reply) => {
        const tile = PROVINCE_TILES.find((t) => t.code === req.params.code);
        if (!tile) return notFound(req, reply);
        const pilots = (await svc.publicPilots(db)).filter((p) => provincesOf(p).includes(tile.code));
        return sendCached(req, reply, HTML, v.provincePage(meta(req, `/portal/provinces/${tile.code}`), tile, pilots));
      });

      portal.get('/notices', hide, async (req, reply) => sendCached(req, reply, HTML, v.noticesPage(meta(req, '/portal/notices'), await svc.publicNotices(db))));

      portal.get<{ Params: { id: string } }>('/notices/:id', hide, async (req, reply) => {
        const id = uuid.safeParse(req.params.id);
        const n = id.success ? await svc.publicNotice(db, id.data) : null;
        if (!n) return notFound(req, reply);
        const pilot = n.pilotId ? (await svc.publicPilots(db)).find((p) => p.id === n.pilotId) ?? null : null;
        return sendCached(req, reply, HTML, v.noticePage(meta(req, `/portal/notices/${n.id}`), n, pilot));
      });

      portal.get('/cases', hide, async (req, reply) => {
        const query = casesQuery.parse(req.query ?? {});
        const q = query.q?.trim() ?? '';
        const result = await svc.publicCaseSearch(db, { q: q === '' ? undefined : q, page: query.page, pageSize: PAGE_SIZE });
        const qs = new URLSearchParams({ ...(q ? { q } : {}), ...(query.page > 1 ? { page: String(query.page) } : {}) }).toString();
        return sendCached(req, reply, HTML, v.casesPage(meta(req, `/portal/cases${qs ? `?${qs}` : ''}`), { q, page: query.page, pageSize: PAGE_SIZE, total: result.total, items: result.items }));
      });

      portal.get<{ Params: { id: string } }>('/cases/:id', hide, async (req, reply) => {
        const id = uuid.safeParse(req.params.id);
        const c = id.success ? await svc.publicCase(db, id.data) : null;
        if (!c) return notFound(req, reply);
        const pilot = c.pilotId ? (await svc.publicPilots(db)).find((p) => p.id === c.pilotId) ?? null : null;
        return sendCached(req, reply, HTML, v.casePage(meta(req, `/portal/cases/${c.id}`), c, pilot));
      });

      // Feeds of notices and cases, RSS 2.0 and Atom 1.0.
      const noticeFeed = async (req: FastifyRequest, selfPath: string): Promise<Feed> => {
        const origin = originOf(req);
        const items: FeedItem[] = (await svc.publicNotices(db)).slice(0, FEED_ITEMS).map((n) => ({
          id: n.id,
          title: n.title,
          url: `${origin}/portal/notices/${n.id}`,
          summary: `${n.documentNo}：${v.shorten(n.body, 200)}`,
          published: n.publishedAt ?? new Date(`${n.issuedOn}T00:00:00+08:00`),
          category: n.kind === 'cancellation' ? '取消试点' : '通报',
        }));
        return { title: `通报 - ${v.SITE_NAME}`, description: `${v.PUBLISHER}发布的“中国制造2025”城市试点示范工作通报`, siteUrl: `${origin}/portal/notices`, selfUrl: `${origin}${selfPath}`, author: v.PUBLISHER, language: 'zh-CN', items, emptyUpdated: new Date(0) };
      };
      const caseFeed = async (req: FastifyRequest, selfPath: string): Promise<Feed> => {
        const origin = originOf(req);
        const found = await svc.publicCaseSearch(db, { page: 1, pageSize: FEED_ITEMS });
        const items: FeedItem[] = found.items.map((c) => ({
          id: c.id,
          title: c.title,
          url: `${origin}/portal/cases/${c.id}`,
          summary: c.summary,
          published: new Date(c.publishedAt ?? c.updatedAt),
          updated: new Date(c.updatedAt),
        }));
        return { title: `典型案例 - ${v.SITE_NAME}`, description: '“中国制造2025”城市试点示范典型案例', siteUrl: `${origin}/portal/cases`, selfUrl: `${origin}${selfPath}`, author: v.PUBLISHER, language: 'zh-CN', items, emptyUpdated: new Date(0) };
      };
      const RSS = 'application/rss+xml; charset=utf-8';
      const ATOM = 'application/atom+xml; charset=utf-8';
      portal.get('/feeds/notices.xml', hide, async (req, reply) => sendCached(req, reply, RSS, buildRss(await noticeFeed(req, '/portal/feeds/notices.xml'))));
      portal.get('/feeds/notices.atom', hide, async (req, reply) => sendCached(req, reply, ATOM, buildAtom(await noticeFeed(req, '/portal/feeds/notices.atom'))));
      portal.get('/feeds/cases.xml', hide, async (req, reply) => sendCached(req, reply, RSS, buildRss(await caseFeed(req, '/portal/feeds/cases.xml'))));
      portal.get('/feeds/cases.atom', hide, async (req, reply) => sendCached(req, reply, ATOM, buildAtom(await caseFeed(req, '/portal/feeds/cases.atom'))));

      portal.get('/sitemap.xml', hide, async (req, reply) => {
        const origin = originOf(req);
        const pilots = await svc.publicPilots(db);
        const notices = await svc.publicNotices(db);
        const cases: string[] = [];
        for (let page = 1; ; page++) {
          const found = await svc.publicCaseSearch(db, { page, pageSize: 100 });
          cases.push(...found.items.map((c) => c.id));
          if (found.items.length < 100 || page >= 500) break;
        }
        const paths = [
          '/portal',
          '/portal/pilots',
          '/portal/notices',
          '/portal/cases',
          ...PROVINCE_TILES.map((t) => `/portal/provinces/${t.code}`),
          ...pilots.map((p) => `/portal/pilots/${p.id}`),
          ...notices.map((n) => `/portal/notices/${n.id}`),
          ...cases.map((id) => `/portal/cases/${id}`),
        ];
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `<url><loc>${escapeXml(origin + p)}</loc></url>`).join('\n')}\n</urlset>\n`;
        return sendCached(req, reply, 'application/xml; charset=utf-8', xml);
      });
    },
    { prefix: '/portal' },
  );
}
