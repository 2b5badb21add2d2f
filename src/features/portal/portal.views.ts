/**
 * The portal's pages as HTML, rendered on the server (no client script): a layout with landmarks, a
 * skip link, canonical and alternate links, Open Graph and Twitter card tags, and one template per
 * page. Every value goes through the escaping template (src/shared/portal/html.ts).
 */
import { chinaDate } from '../../kernel/clock.js';
import { tagLabels } from '../../shared/cases/case-tags.js';
import type { CaseEvidence } from '../../shared/cases/case-evidence.js';
import { STATUS_LABELS } from '../../shared/monitoring/attainment.js';
import { PILOT_STATES, PILOT_STATE_LABELS, type PilotState } from '../../shared/monitoring/pilot-lifecycle.js';
import type { Target } from '../../shared/plan/plan-schema.js';
import { html, paragraphs, raw, type Html } from '../../shared/portal/html.js';
import { countByState, STATE_STYLE, stateLabel, tilesWithPilots } from '../../shared/portal/tile-map.js';
import { getDivision } from '../../shared/reference/divisions.js';
import { TILE_GRID_NOTICE, type ProvinceTile } from '../../shared/reference/province-tiles.js';
import { PORTAL_CSS_PATH } from './portal.css.js';
import type { PublicPilot, PublicPilotPage } from './portal.service.js';

export const SITE_NAME = '“中国制造2025”城市试点示范 公开门户';
export const PUBLISHER = '工业和信息化部';

export type NavKey = 'home' | 'pilots' | 'notices' | 'cases' | null;

export const FEEDS = [
  { path: '/portal/feeds/notices.xml', type: 'application/rss+xml', title: '通报（RSS）' },
  { path: '/portal/feeds/notices.atom', type: 'application/atom+xml', title: '通报（Atom）' },
  { path: '/portal/feeds/cases.xml', type: 'application/rss+xml', title: '典型案例（RSS）' },
  { path: '/portal/feeds/cases.atom', type: 'application/atom+xml', title: '典型案例（Atom）' },
] as const;

export interface PageMeta {
  title: string;
  description: string;
  /** The page's own path (canonical, og:url), e.g. /portal/notices. */
  path: string;
  origin: string;
  nav: NavKey;
  ogType?: 'website' | 'article';
}

const NAV: { key: Exclude<NavKey, null>; path: string; label: string }[] = [
  { key: 'home', path: '/portal', label: '首页' },
  { key: 'pilots', path: '/portal/pilots', label: '试点城市' },
  { key: 'notices', path: '/portal/notices', label: '通报' },
  { key: 'cases', path: '/portal/cases', label: '典型案例' },
];

/** Open Graph descriptions stay short: 微信 and 微博 cut them anyway. */
export function shorten(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function layout(meta: PageMeta, body: Html): string {
  const url = `${meta.origin}${meta.path}`;
  const title = meta.nav === 'home' ? SITE_NAME : `${meta.title} - ${SITE_NAME}`;
  const description = shorten(meta.description);
  return (
    '<!doctype html>\n' +
    html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><meta name="description" content="${description}"><link rel="canonical" href="${url}"><meta property="og:title" content="${meta.title}"><meta property="og:description" content="${description}"><meta property="og:url" content="${url}"><meta property="og:type" content="${meta.ogType ?? 'website'}"><meta property="og:locale" content="zh_CN"><meta property="og:site_name" content="${SITE_NAME}"><meta name="twitter:card" content="summary"><meta name="twitter:title" content="${meta.title}"><meta name="twitter:description" content="${description}">${FEEDS.map(
      (f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${meta.origin}${f.path}">`,
    )}<link rel="stylesheet" href="${PORTAL_CSS_PATH}"></head><body><a class="skip" href="#main">跳到正文</a><header class="top"><div class="wrap"><a class="brand" href="/portal">“中国制造2025”城市试点示范<small>${PUBLISHER} 公开信息</small></a><nav aria-label="主导航"><ul>${NAV.map(
      (n) => html`<li><a href="${n.path}"${meta.nav === n.key ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`,
    )}</ul></nav></div></header><main id="main" tabindex="-1"><div class="wrap">${body}</div></main><footer><div class="wrap"><p>本门户仅刊载${PUBLISHER}已决定公开的试点信息、通报和典型案例。</p><p>订阅：</p><ul class="feeds">${FEEDS.map(
      (f) => html`<li><a href="${f.path}">${f.title}</a></li>`,
    )}</ul><p><a href="/portal/sitemap.xml">网站地图</a> · <a href="/">工作人员登录</a></p></div></footer></body></html>`.toString()
  );
}

function crumbs(items: { label: string; path?: string }[]): Html {
  return html`<nav class="crumbs" aria-label="当前位置"><ol>${items.map((i) => (i.path ? html`<li><a href="${i.path}">${i.label}</a></li>` : html`<li aria-current="page">${i.label}</li>`))}</ol></nav>`;
}

export function dateZh(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}

const dateOf = (d: Date | null) => (d ? dateZh(chinaDate(d)) : '');

export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 10_000) / 10_000);
}

export function cityNames(codes: readonly string[]): string {
  return codes.map((c) => getDivision(c)?.name ?? c).join('、');
}

function stateMark(s: PilotState): Html {
  return html`<span class="mark s-${s}" aria-hidden="true">${STATE_STYLE[s].symbol}</span>`;
}

function stateText(s: PilotState): Html {
  return html`${stateMark(s)} ${PILOT_STATE_LABELS[s].zh}`;
}

function pilotItem(p: PublicPilot): Html {
  return html`<li><a href="/portal/pilots/${p.id}">${p.name}</a><span class="meta">${cityNames(p.cityCodes)} · 试点期 ${p.periodStartYear}—${p.periodEndYear} 年 · 阶段：${stateText(p.state)}</span></li>`;
}

// ---------------------------------------------------------------------------------------------
// Home

export interface NoticeItem {
  id: string;
  title: string;
  documentNo: string;
  issuedOn: string;
  kind: string;
}

export interface CaseItem {
  id: string;
  title: string;
  summary: string;
  publishedAt: Date | string | null;
  /** The author (a city's organisation or the ministry): a pilot is named only where its page is public. */
  authorName: string;
}

const kindLabel = (kind: string) => (kind === 'cancellation' ? '取消试点' : '通报');

function noticeItem(n: NoticeItem): Html {
  return html`<li><a href="/portal/notices/${n.id}">${n.title}</a><span class="meta">${n.documentNo} · ${dateZh(n.issuedOn)} · ${kindLabel(n.kind)}</span></li>`;
}

function caseDate(d: Date | string | null): string {
  if (d === null) return '';
  return typeof d === 'string' ? dateZh(chinaDate(new Date(d))) : dateOf(d);
}

function caseItem(c: CaseItem): Html {
  return html`<li><a href="/portal/cases/${c.id}">${c.title}</a><span class="meta">${c.authorName}${c.publishedAt ? ` · ${caseDate(c.publishedAt)}` : ''}</span>${c.summary ? html`<span>${shorten(c.summary, 90)}</span>` : ''}</li>`;
}

function tileGrid(pilots: readonly PublicPilot[]): Html {
  const tiles = tilesWithPilots(pilots);
  return html`<ul class="tiles" aria-label="各省级行政区试点城市示意">${tiles.map(({ tile, pilots: ps }) => {
    const counts = countByState(ps);
    const parts = PILOT_STATES.filter((s) => counts[s] > 0).map((s) => `${PILOT_STATE_LABELS[s].zh}${counts[s]}个`);
    // The link's name is its visible text and, for screen readers, the rest of the sentence (WCAG 2.5.3).
    return html`<li class="tile r${tile.row} c${tile.col}${ps.length > 0 ? ' has' : ''}"><a href="/portal/provinces/${tile.code}"><span class="name">${tile.label}</span>${
      ps.length > 0
        ? html`<span class="count">${ps.length}</span><span class="sr">个试点城市：${parts.join('，')}</span><span class="marks">${ps.map((p) => stateMark(p.state))}</span>`
        : html`<span class="sr">：暂无公开的试点城市</span>`
    }</a></li>`;
  })}</ul>`;
}

function legend(pilots: readonly PublicPilot[]): Html {
  const counts = countByState(pilots);
  return html`<ul class="legend" aria-label="图例">${PILOT_STATES.map((s) => html`<li>${stateMark(s)}<span>${PILOT_STATE_LABELS[s].zh}（${counts[s]}）</span></li>`)}</ul>`;
}

function provinceTable(pilots: readonly PublicPilot[]): Html {
  const rows = tilesWithPilots(pilots).filter((t) => t.pilots.length > 0);
  if (rows.length === 0) return html`<p>暂无公开的试点城市。</p>`;
  return html`<div class="scroll" role="region" aria-label="各省试点数量表" tabindex="0"><table><caption>各省级行政区公开的试点城市数量（按阶段）</caption><thead><tr><th scope="col">省级行政区</th><th scope="col" class="num">合计</th>${PILOT_STATES.map(
    (s) => html`<th scope="col" class="num">${PILOT_STATE_LABELS[s].zh}</th>`,
  )}</tr></thead><tbody>${rows.map(({ tile, pilots: ps }) => {
    const counts = countByState(ps);
    return html`<tr><th scope="row"><a href="/portal/provinces/${tile.code}">${tile.label}</a></th><td class="num">${ps.length}</td>${PILOT_STATES.map((s) => html`<td class="num">${counts[s]}</td>`)}</tr>`;
  })}</tbody></table></div><p class="meta">其余省级行政区暂无公开的试点城市。跨省试点在所涉各省分别计数。</p>`;
}

export function homePage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>, data: { pilots: PublicPilot[]; notices: NoticeItem[]; cases: CaseItem[] }): string {
  const counts = countByState(data.pilots);
  const body = html`<h1>“中国制造2025”城市试点示范</h1>
<p>${PUBLISHER}开展“中国制造2025”城市试点示范工作。本页公开已发布的试点城市、试点进展、通报和典型案例。</p>
<section aria-labelledby="h-count"><h2 id="h-count">试点城市概况</h2><ul class="stats"><li>公开的试点城市 <strong>${data.pilots.length}</strong> 个</li>${PILOT_STATES.filter((s) => counts[s] > 0).map(
    (s) => html`<li>${stateMark(s)}${PILOT_STATE_LABELS[s].zh} <strong>${counts[s]}</strong> 个</li>`,
  )}</ul></section>
<section aria-labelledby="h-map"><h2 id="h-map">试点城市分布示意图</h2><p class="notice">${TILE_GRID_NOTICE.zh}。点击方块查看该省的试点城市。</p>${legend(data.pilots)}${tileGrid(data.pilots)}<h3>表格：各省试点城市数量</h3>${provinceTable(data.pilots)}</section>
<section aria-labelledby="h-notices"><h2 id="h-notices">最新通报</h2>${data.notices.length === 0 ? html`<p>暂无通报。</p>` : html`<ul class="list">${data.notices.map(noticeItem)}</ul>`}<p><a href="/portal/notices">全部通报</a></p></section>
<section aria-labelledby="h-cases"><h2 id="h-cases">最新典型案例</h2>${data.cases.length === 0 ? html`<p>暂无典型案例。</p>` : html`<ul class="list">${data.cases.map(caseItem)}</ul>`}<p><a href="/portal/cases">全部典型案例</a></p></section>`;
  return layout({ ...meta, title: SITE_NAME, description: `${PUBLISHER}“中国制造2025”城市试点示范：${data.pilots.length}个公开的试点城市、通报和典型案例。`, nav: 'home' }, body);
}

// ---------------------------------------------------------------------------------------------
// Pilots

export function pilotsPage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>, pilots: PublicPilot[]): string {
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '试点城市' }])}<h1>试点城市</h1>${pilots.length === 0 ? html`<p>暂无公开的试点城市。</p>` : html`<ul class="list">${pilots.map(pilotItem)}</ul>`}`;
  return layout({ ...meta, title: '试点城市', description: `已公开的“中国制造2025”试点城市，共${pilots.length}个。`, nav: 'pilots' }, body);
}

export function provincePage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>, tile: ProvinceTile, pilots: PublicPilot[]): string {
  const name = getDivision(tile.code)?.name ?? tile.label;
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '试点城市', path: '/portal/pilots' }, { label: name }])}<h1>${name}的试点城市</h1>${
    pilots.length === 0 ? html`<p>${name}暂无公开的试点城市。</p>` : html`<ul class="list">${pilots.map(pilotItem)}</ul>`
  }`;
  return layout({ ...meta, title: `${name}的试点城市`, description: `${name}已公开的“中国制造2025”试点城市：${pilots.map((p) => p.name).join('、') || '暂无'}。`, nav: 'pilots' }, body);
}

function targetValue(t: Target, i: number): string {
  const v = t.values[i];
  return v === undefined ? '—' : formatNumber(v);
}

function targetsTable(targets: Target[]): Html {
  if (targets.length === 0) return html`<p>暂无公开的目标。</p>`;
  const years = targets[0]?.targetYears ?? [];
  return html`<div class="scroll" role="region" aria-label="目标表" tabindex="0"><table><caption>试点目标（按批复的实施方案）</caption><thead><tr><th scope="col">指标</th><th scope="col">单位</th><th scope="col" class="num">基期值</th>${years.map(
    (y) => html`<th scope="col" class="num">${y}年目标</th>`,
  )}</tr></thead><tbody>${targets.map(
    (t) => html`<tr><th scope="row">${t.indicator}${t.wording ? html`<span class="meta"><br>${t.wording}</span>` : ''}</th><td>${t.unit}</td><td class="num">${formatNumber(t.baselineValue ?? null)}</td>${years.map((_, i) => html`<td class="num">${targetValue(t, i)}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

function progressTable(p: PublicPilotPage['progress'][number]): Html {
  return html`<div class="scroll" role="region" aria-label="${p.year}年进展表" tabindex="0"><table><caption>${p.year}年指标达成情况</caption><thead><tr><th scope="col">指标</th><th scope="col">单位</th><th scope="col" class="num">应达值</th><th scope="col" class="num">实际值</th><th scope="col">达成情况</th></tr></thead><tbody>${p.rows.map(
    (r) => html`<tr><th scope="row">${r.indicator}</th><td>${r.unit}</td><td class="num">${formatNumber(r.required)}</td><td class="num">${formatNumber(r.actual)}</td><td>${STATUS_LABELS[r.status].zh}</td></tr>`,
  )}</tbody></table></div>`;
}

export function pilotPage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>, page: PublicPilotPage): string {
  const p = page.pilot;
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '试点城市', path: '/portal/pilots' }, { label: p.name }])}<h1>${p.name}</h1>
<p class="meta">${cityNames(p.cityCodes)} · 批复文号 ${p.documentNo}（${dateZh(p.approvalDate)}）· 试点期 ${p.periodStartYear}—${p.periodEndYear} 年 · 当前阶段：${stateText(p.state)}</p>
<section aria-labelledby="h-summary"><h2 id="h-summary">实施方案摘要</h2>${paragraphs(p.view.summary)}<p class="meta">${PUBLISHER}于${dateOf(p.view.publishedAt)}公开。</p></section>
<section aria-labelledby="h-targets"><h2 id="h-targets">试点目标</h2>${targetsTable(page.targets)}</section>
<section aria-labelledby="h-progress"><h2 id="h-progress">试点进展</h2>${
    page.progress.length === 0 ? html`<p>暂无公开的年度进展。</p>` : page.progress.map((y) => html`<h3>${y.year}年</h3>${progressTable(y)}`)
  }</section>
<section aria-labelledby="h-cases"><h2 id="h-cases">典型案例</h2>${page.cases.length === 0 ? html`<p>暂无已发布的典型案例。</p>` : html`<ul class="list">${page.cases.map(caseItem)}</ul>`}</section>`;
  return layout(
    { ...meta, title: p.name, description: `${p.name}“中国制造2025”城市试点示范：${shorten(p.view.summary, 80)}`, nav: 'pilots', ogType: 'article' },
    body,
  );
}

// ---------------------------------------------------------------------------------------------
// Notices

export function noticesPage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>, notices: NoticeItem[]): string {
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '通报' }])}<h1>通报</h1><p>${PUBLISHER}发布的试点工作通报，包括取消试点资格的通报。</p>${
    notices.length === 0 ? html`<p>暂无通报。</p>` : html`<ul class="list">${notices.map(noticeItem)}</ul>`
  }`;
  return layout({ ...meta, title: '通报', description: `${PUBLISHER}“中国制造2025”城市试点示范工作通报。`, nav: 'notices' }, body);
}

export function noticePage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>, n: NoticeItem & { body: string }, pilot: { id: string; name: string } | null): string {
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '通报', path: '/portal/notices' }, { label: n.title }])}<article><h1>${n.title}</h1><p class="meta">${n.documentNo} · ${dateZh(n.issuedOn)} · ${kindLabel(n.kind)}</p>${paragraphs(n.body)}${
    pilot ? html`<p>相关试点：<a href="/portal/pilots/${pilot.id}">${pilot.name}</a></p>` : ''
  }</article>`;
  return layout({ ...meta, title: n.title, description: `${n.documentNo}：${shorten(n.body, 80)}`, nav: 'notices', ogType: 'article' }, body);
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface CaseHitView extends CaseItem {
  titleSegments: { text: string; hit: boolean }[];
  snippet: { segments: { text: string; hit: boolean }[]; before: boolean; after: boolean };
}

function segments(segs: { text: string; hit: boolean }[]): Html {
  return html`${segs.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : s.text))}`;
}

export function casesPage(
  meta: Omit<PageMeta, 'title' | 'description' | 'nav'>,
  data: { q: string; page: number; pageSize: number; total: number; items: CaseHitView[] },
): string {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const link = (page: number) => `/portal/cases?${new URLSearchParams({ ...(data.q ? { q: data.q } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString()}`;
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '典型案例' }])}<h1>典型案例</h1>
<form class="search" method="get" action="/portal/cases" role="search"><div><label for="q">检索案例</label><input id="q" name="q" type="search" maxlength="100" value="${data.q}" placeholder="如：智能制造"></div><button type="submit">检索</button></form>
<p role="status">${data.q ? `“${data.q}”的检索结果：共 ${data.total} 个案例` : `已发布的典型案例共 ${data.total} 个`}</p>${
    data.items.length === 0
      ? html`<p>没有找到符合条件的案例。</p>`
      : html`<ul class="list">${data.items.map(
          (c) =>
            html`<li><a href="/portal/cases/${c.id}">${segments(c.titleSegments)}</a><span class="meta">${c.authorName}${c.publishedAt ? ` · ${caseDate(c.publishedAt)}` : ''}</span><span>${c.snippet.before ? '…' : ''}${segments(c.snippet.segments)}${c.snippet.after ? '…' : ''}</span></li>`,
        )}</ul>`
  }${
    pages > 1
      ? html`<nav class="pager" aria-label="分页">${data.page > 1 ? html`<a href="${link(data.page - 1)}" rel="prev">上一页</a>` : ''}<span>第 ${data.page} / ${pages} 页</span>${
          data.page < pages ? html`<a href="${link(data.page + 1)}" rel="next">下一页</a>` : ''
        }</nav>`
      : ''
  }`;
  return layout({ ...meta, title: data.q ? `典型案例：${data.q}` : '典型案例', description: `“中国制造2025”城市试点示范典型案例库，共${data.total}个已发布的案例。`, nav: 'cases' }, body);
}

function evidenceItem(e: CaseEvidence): Html {
  if (e.kind === 'target') return html`<li>目标：${e.indicator}（${e.unit}）${e.wording ? `——${e.wording}` : ''}</li>`;
  return html`<li>${e.period} 年度报告：${e.indicator} ${formatNumber(e.actual)} ${e.unit}${e.dataSource ? `（数据来源：${e.dataSource}）` : ''}</li>`;
}

export function casePage(
  meta: Omit<PageMeta, 'title' | 'description' | 'nav'>,
  c: CaseItem & { body: string; pilotId: string | null; cityTypes: string[]; regions: string[]; industries: string[]; themes: string[]; evidence: CaseEvidence[] },
  pilot: { id: string; name: string } | null,
): string {
  const tags = tagLabels({ cityTypes: c.cityTypes, regions: c.regions, industries: c.industries, themes: c.themes });
  const body = html`${crumbs([{ label: '首页', path: '/portal' }, { label: '典型案例', path: '/portal/cases' }, { label: c.title }])}<article><h1>${c.title}</h1><p class="meta">${c.authorName}${c.publishedAt ? ` · ${caseDate(c.publishedAt)}发布` : ''}${
    pilot ? html` · 试点：<a href="/portal/pilots/${pilot.id}">${pilot.name}</a>` : ''
  }</p>${tags.length > 0 ? html`<ul class="tags" aria-label="标签">${tags.map((t) => html`<li>${t}</li>`)}</ul>` : ''}${c.summary ? html`<h2>摘要</h2>${paragraphs(c.summary)}` : ''}<h2>正文</h2>${paragraphs(c.body)}${
    c.evidence.length > 0 ? html`<h2>指标佐证</h2><ul>${c.evidence.map(evidenceItem)}</ul>` : ''
  }</article>`;
  return layout({ ...meta, title: c.title, description: c.summary || shorten(c.body, 100), nav: 'cases', ogType: 'article' }, body);
}

// ---------------------------------------------------------------------------------------------

export function notFoundPage(meta: Omit<PageMeta, 'title' | 'description' | 'nav'>): string {
  const body = html`<h1>页面不存在</h1><p>您访问的页面不存在，或尚未公开。</p><p><a href="/portal">返回首页</a></p>`;
  return layout({ ...meta, title: '页面不存在', description: '页面不存在，或尚未公开。', nav: null }, body);
}

export { stateLabel };
