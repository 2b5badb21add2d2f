/**
 * The public portal through the app, on PGlite and PostgreSQL: every page and feed answers without
 * a session, as HTML in zh-CN with canonical, alternate and Open Graph tags, cached with an ETag;
 * unknown and unpublished ids are the portal's own 404 page (never the web app's fallback); feeds
 * parse as XML; and the ministry's publishing routes with their refusals (401, 403, 404, 409, 422).
 */
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/kernel/clock.js';
import { publishedCase, publishedCasesOfPilot, searchPublishedCases } from '../../src/features/cases/public.js';
import { PORTAL_CSS_PATH } from '../../src/features/portal/portal.css.js';
import { caseIn, confirmReport, insertNotice, publishPage, seedPortalWorld, TARGETS, type PortalWorld } from '../helpers/portal-seed.js';
import { dbKinds, makeTestApp, type TestApp } from '../helpers/test-app.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

function parseXml(xml: string): string[] {
  const names: string[] = [];
  const p = new SaxesParser();
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => names.push(t.name));
  p.write(xml).close();
  return names;
}

describe.each(dbKinds())('the public portal on %s', (kind) => {
  let t: TestApp;
  let w: PortalWorld;
  const clock = manualClock(new Date('2018-03-01T02:00:00Z'));
  let caseId: string;
  let noticeId: string;
  let pageId: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const api = (u: string, method: string, url: string, body?: unknown) => w.c[u]!.request(method, `/api/v1${url}`, body);

  beforeAll(async () => {
    t = await makeTestApp(kind, {}, { clock });
    w = await seedPortalWorld(t.app, t.database.db);
    await confirmReport(w.c.hangzhou!, w.c.zhejiang!, w.pilots.hangzhou, '2017', (i) => 10 + i);
    caseId = await caseIn(w, 'hangzhou', w.pilots.hangzhou, 'published', { title: '杭州市推进智能制造', summary: '杭州以智能制造为主攻方向。', body: '全市推进“机器换人”，建成一批数字化车间。' });
    noticeId = await insertNotice(t.database.db, w, { title: '关于试点工作的通报', body: '各有关单位：现将试点工作情况通报如下。', published: true, pilotId: w.pilots.hangzhou });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('publishing (the ministry)', () => {
    it('refuses the signed-out (401) and every other role (403)', async () => {
      const routes: [string, string, unknown][] = [
        ['GET', '/api/v1/portal/publishing', undefined],
        ['POST', `/api/v1/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'plan', summary: '摘要' }],
        ['POST', `/api/v1/portal/publications/${NO_SUCH}/withdraw`, {}],
      ];
      for (const [method, url, payload] of routes) {
        expect((await t.app.inject({ method: method as 'GET', url, payload: payload as object })).statusCode, url).toBe(401);
        for (const u of ['hangzhou', 'zhejiang', 'zhuangbeisi', 'lingdao', 'admin']) expect((await w.c[u]!.request(method, url, payload)).statusCode, `${u} ${url}`).toBe(403);
      }
    });

    it('publishes a page, then a year; refuses a second page (409), a year before the page (409), outside the period (422), a malformed body (422), an unknown pilot (404)', async () => {
      const listed = (await api('guihuasi', 'GET', '/portal/publishing')).json();
      expect(listed.items.map((p: { name: string }) => p.name)).toEqual(['杭州市人民政府', '武汉市人民政府', '湖州市人民政府']);
      const hz = listed.items[0];
      expect(hz.page).toBeNull();
      expect(hz.years.map((y: { year: number }) => y.year)).toEqual([2017, 2018, 2019]);

      const year = await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'attainment', year: 2017 });
      expect(year.statusCode).toBe(409);
      expect(year.json().error.code).toBe('PORTAL_PLAN_NOT_PUBLISHED');

      const page = await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'plan', summary: '杭州市以智能制造为主攻方向，建设“中国制造2025”试点示范城市。' });
      expect(page.statusCode, page.body).toBe(201);
      expect(page.json()).toMatchObject({ subject: 'plan', year: null, publishedByName: '工信部规划司用户', withdrawnAt: null });
      pageId = page.json().id;
      const again = await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'plan', summary: '再次' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('PORTAL_ALREADY_PUBLISHED');

      const y2017 = await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'attainment', year: 2017 });
      expect(y2017.statusCode, y2017.body).toBe(201);
      expect((await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'attainment', year: 2017 })).statusCode).toBe(409);
      const outside = await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, { subject: 'attainment', year: 2021 });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error.code).toBe('PORTAL_YEAR_OUTSIDE_PERIOD');
      for (const body of [{ subject: 'plan', summary: '   ' }, { subject: 'plan' }, { subject: 'map' }, { subject: 'attainment', year: 'x' }]) {
        expect((await api('guihuasi', 'POST', `/portal/pilots/${w.pilots.hangzhou}/publications`, body)).statusCode, JSON.stringify(body)).toBe(422);
      }
      expect((await api('guihuasi', 'POST', `/portal/pilots/not-a-uuid/publications`, { subject: 'plan', summary: 'x' })).statusCode).toBe(422);
      expect((await api('guihuasi', 'POST', `/portal/pilots/${NO_SUCH}/publications`, { subject: 'plan', summary: 'x' })).statusCode).toBe(404);

      const after = (await api('guihuasi', 'GET', '/portal/publishing')).json().items[0];
      expect(after.page.id).toBe(pageId);
      expect(after.publicPath).toBe(`/portal/pilots/${w.pilots.hangzhou}`);
      expect(after.years.find((y: { year: number }) => y.year === 2017).publication.id).toBe(y2017.json().id);
      expect(after.history).toHaveLength(2);
    });

    it('withdraws once (409 after), 404 for an unknown publication, and publishes again after a withdrawal', async () => {
      const pilot = w.pilots.huzhou;
      const id = await publishPage(w, pilot, '湖州市摘要');
      expect((await get(`/portal/pilots/${pilot}`)).statusCode).toBe(200);
      const res = await api('guihuasi', 'POST', `/portal/publications/${id}/withdraw`, {});
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().withdrawnAt).not.toBeNull();
      expect((await get(`/portal/pilots/${pilot}`)).statusCode).toBe(404);
      const twice = await api('guihuasi', 'POST', `/portal/publications/${id}/withdraw`, {});
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('PORTAL_ALREADY_WITHDRAWN');
      expect((await api('guihuasi', 'POST', `/portal/publications/${NO_SUCH}/withdraw`, {})).statusCode).toBe(404);
      expect((await api('guihuasi', 'POST', `/portal/publications/nope/withdraw`, {})).statusCode).toBe(422);
      // Without the CSRF header a signed-in change is refused.
      expect((await w.c.guihuasi!.request('POST', `/api/v1/portal/publications/${id}/withdraw`, {}, { 'x-csrf-token': '' })).statusCode).toBe(403);
      const again = await publishPage(w, pilot, '湖州市摘要（更新）');
      expect(again).not.toBe(id);
      expect((await get(`/portal/pilots/${pilot}`)).body).toContain('湖州市摘要（更新）');
      await api('guihuasi', 'POST', `/portal/publications/${again}/withdraw`, {});
    });
  });

  describe('pages without a session', () => {
    const pages = () => [
      '/portal',
      '/portal/',
      '/portal/pilots',
      `/portal/pilots/${w.pilots.hangzhou}`,
      '/portal/provinces/330000',
      '/portal/provinces/710000',
      '/portal/notices',
      `/portal/notices/${noticeId}`,
      '/portal/cases',
      '/portal/cases?q=%E6%99%BA%E8%83%BD%E5%88%B6%E9%80%A0',
      `/portal/cases/${caseId}`,
    ];

    it('answers every page as HTML in zh-CN with landmarks, canonical, feeds and Open Graph tags', async () => {
      for (const url of pages()) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        const body = res.body;
        expect(body.startsWith('<!doctype html>\n<html lang="zh-CN">'), url).toBe(true);
        expect(body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
        for (const tag of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) expect(body, `${url} ${tag}`).toMatch(new RegExp(`<meta property="${tag}" content="[^"]+">`));
        expect(body).toContain('<meta property="og:locale" content="zh_CN">');
        expect(body).toMatch(/<meta name="twitter:card" content="summary">/);
        expect(body).toMatch(/<link rel="canonical" href="http:\/\/localhost(:\d+)?\/portal[^"]*">/);
        expect(body).toContain('<link rel="alternate" type="application/rss+xml" title="通报（RSS）"');
        expect(body).toContain('<link rel="alternate" type="application/atom+xml" title="典型案例（Atom）"');
        expect(body).toContain(`<link rel="stylesheet" href="${PORTAL_CSS_PATH}">`);
        expect(body).toContain('<a class="skip" href="#main">跳到正文</a>');
        for (const landmark of ['<header', '<nav aria-label="主导航">', '<main id="main"', '<footer']) expect(body, `${url} ${landmark}`).toContain(landmark);
        expect(body.match(/<h1>/g), url).toHaveLength(1);
        expect(body).not.toContain('<script');
        expect(res.headers['cache-control']).toBe('public, max-age=300');
        expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
        expect(res.headers['content-security-policy']).toContain("style-src 'self'");
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('shows what was published: the map, the page with its targets and 2017 progress, the case, the notice', async () => {
      const home = (await get('/portal')).body;
      expect(home).toContain('示意图，非地图');
      expect(home).toContain('<span class="name">浙江</span><span class="count">1</span><span class="sr">个试点城市：创建实施1个</span>');
      expect(home).toContain('<span class="name">台湾</span><span class="sr">：暂无公开的试点城市</span>');
      expect(home).toContain('<table>');
      expect(home).toContain('关于试点工作的通报');
      expect(home).toContain('杭州市推进智能制造');
      const page = (await get(`/portal/pilots/${w.pilots.hangzhou}`)).body;
      expect(page).toContain('杭州市以智能制造为主攻方向');
      expect(page).toContain(TARGETS[0]!.indicator);
      expect(page).toContain('2017年指标达成情况');
      expect(page).not.toContain('2018年指标达成情况');
      expect(page).toContain('杭州市推进智能制造');
      expect(Buffer.byteLength(page)).toBeLessThan(100 * 1024);
      const search = (await get('/portal/cases?q=%E6%99%BA%E8%83%BD%E5%88%B6%E9%80%A0')).body;
      expect(search).toContain('<mark>');
      expect(search).toContain('共 1 个案例');
      expect((await get('/portal/cases?q=%E9%87%8F%E5%AD%90')).body).toContain('共 0 个案例');
      expect((await get('/portal/provinces/330000')).body).toContain('杭州市人民政府');
      expect((await get(`/portal/notices/${noticeId}`)).body).toContain(`href="/portal/pilots/${w.pilots.hangzhou}"`);
    });

    it('answers 304 to a request holding the same ETag, and compresses for clients that accept it', async () => {
      const first = await get('/portal/notices');
      const second = await get('/portal/notices', { 'if-none-match': String(first.headers.etag) });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe('');
      expect((await get('/portal/notices', { 'if-none-match': '"other"' })).statusCode).toBe(200);
      expect((await get('/portal', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    });

    it('serves its style sheet for a year and robots.txt with the sitemap', async () => {
      const css = await get(PORTAL_CSS_PATH);
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toContain('immutable');
      const robots = await get('/robots.txt');
      expect(robots.body).toMatch(/Allow: \/portal\nDisallow: \/\nSitemap: http:\/\/localhost(:\d+)?\/portal\/sitemap\.xml/);
      const sitemap = await get('/portal/sitemap.xml');
      expect(parseXml(sitemap.body)[0]).toBe('urlset');
      expect(sitemap.body).toContain(`/portal/pilots/${w.pilots.hangzhou}</loc>`);
      expect(sitemap.body).toContain(`/portal/cases/${caseId}</loc>`);
      expect(sitemap.body).not.toContain(w.pilots.wuhan);
    });

    it('answers 404 with its own page for unknown paths and ids and for what is not published', async () => {
      for (const url of [
        '/portal/nope',
        '/portal/pilots/nope',
        `/portal/pilots/${NO_SUCH}`,
        `/portal/pilots/${w.pilots.wuhan}`,
        '/portal/provinces/999999',
        `/portal/notices/${NO_SUCH}`,
        '/portal/notices/1',
        `/portal/cases/${NO_SUCH}`,
        '/portal/cases/x',
        '/portal/feeds/other.xml',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toContain('页面不存在');
        expect(res.headers['cache-control']).toBe('no-cache');
      }
    });

    it('serves RSS 2.0 and Atom feeds of notices and cases that parse as XML', async () => {
      for (const [url, type, root] of [
        ['/portal/feeds/notices.xml', 'application/rss+xml', 'rss'],
        ['/portal/feeds/notices.atom', 'application/atom+xml', 'feed'],
        ['/portal/feeds/cases.xml', 'application/rss+xml', 'rss'],
        ['/portal/feeds/cases.atom', 'application/atom+xml', 'feed'],
      ] as const) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
        expect(res.headers.etag).toBeDefined();
        const names = parseXml(res.body);
        expect(names[0]).toBe(root);
        expect(names.filter((n) => n === (root === 'rss' ? 'item' : 'entry'))).toHaveLength(1);
      }
      expect((await get('/portal/feeds/notices.xml')).body).toContain(`/portal/notices/${noticeId}</link>`);
      expect((await get('/portal/feeds/cases.atom')).body).toMatch(new RegExp(`href="http://localhost(:\\d+)?/portal/cases/${caseId}"`));
    });

    it('keeps the web app\'s fallback and the API apart from the portal', async () => {
      expect((await get('/api/v1/portal/publishing')).statusCode).toBe(401);
      expect((await get('/api/v1/nope')).json().error.code).toBe('ROUTE_NOT_FOUND');
    });
  });

  it('withdrawing the page hides the pilot everywhere', async () => {
    const res = await api('guihuasi', 'POST', `/portal/publications/${pageId}/withdraw`, {});
    expect(res.statusCode).toBe(200);
    expect((await get(`/portal/pilots/${w.pilots.hangzhou}`)).statusCode).toBe(404);
    expect((await get('/portal')).body).not.toContain('杭州市人民政府');
    expect((await get('/portal/sitemap.xml')).body).not.toContain(w.pilots.hangzhou);
    // The published case stays public; it no longer links to the pilot.
    const c = (await get(`/portal/cases/${caseId}`)).body;
    expect(c).toContain('杭州市推进智能制造');
    expect(c).not.toContain(`/portal/pilots/${w.pilots.hangzhou}`);
  });

  it('reads the library as the public, with no actor: published cases only, and only their public fields', async () => {
    // A case in review with the same words: the editors see it, the public read never does.
    const inReview = await caseIn(w, 'hangzhou', w.pilots.hangzhou, 'under_review', { title: '杭州市智能制造评审稿', summary: '智能制造尚在评审。', body: '评审中的智能制造案例正文。' });
    const editors = (await api('guihuasi', 'GET', `/cases?scope=review&q=${encodeURIComponent('智能制造')}`)).json().items as { id: string }[];
    expect(editors.map((i) => i.id)).toContain(inReview);
    const HIT_FIELDS = ['authorKind', 'authorName', 'cityTypes', 'id', 'industries', 'phraseMatch', 'pilotId', 'publishedAt', 'regions', 'snippet', 'status', 'summary', 'themes', 'title', 'titleSegments', 'updatedAt'];
    const CASE_FIELDS = ['authorKind', 'authorName', 'body', 'cityTypes', 'evidence', 'id', 'industries', 'pilotId', 'publishedAt', 'regions', 'status', 'summary', 'themes', 'title', 'updatedAt'];
    const db = t.database.db;
    for (const q of [undefined, '智能制造', '智', '只能制造']) {
      const found = await searchPublishedCases(db, { q, page: 1, pageSize: 50 });
      expect(found.items.map((i) => i.id), String(q)).toEqual([caseId]);
      expect(found.total).toBe(1);
      // No abilities (nobody is acting), no version, reviewer's comment, authoring organisation, nomination or pilot name.
      expect(Object.keys(found.items[0]!).sort()).toEqual(HIT_FIELDS);
      expect(found.items[0]!.status).toBe('published');
    }
    expect((await searchPublishedCases(db, { q: '评审稿', page: 1, pageSize: 50 })).items).toEqual([]);
    const one = await publishedCase(db, caseId);
    expect(Object.keys(one!).sort()).toEqual(CASE_FIELDS);
    expect(one).toMatchObject({ id: caseId, status: 'published', title: '杭州市推进智能制造', authorKind: 'city' });
    expect(await publishedCase(db, inReview)).toBeNull();
    expect((await publishedCasesOfPilot(db, w.pilots.hangzhou)).map((c) => c.id)).toEqual([caseId]);
    // And the portal's pages agree.
    expect((await get(`/portal/cases/${inReview}`)).statusCode).toBe(404);
    expect((await get(`/portal/cases?q=${encodeURIComponent('评审稿')}`)).body).toContain('共 0 个案例');
  });
});
