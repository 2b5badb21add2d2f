/**
 * The portal's one style sheet, served as a file (/portal/assets/portal-<hash>.css): the pages'
 * CSP allows style sheets from this origin only, never inline styles. Small, mobile first; colours
 * keep WCAG AA contrast (4.5:1 for text). The tile grid places each tile by class (r0…r7, c0…c7).
 */
import { createHash } from 'node:crypto';
import { PILOT_STATES } from '../../shared/monitoring/pilot-lifecycle.js';
import { TILE_GRID_COLS, TILE_GRID_ROWS } from '../../shared/reference/province-tiles.js';
import { STATE_STYLE } from '../../shared/portal/tile-map.js';

const places = [
  ...Array.from({ length: TILE_GRID_ROWS }, (_, i) => `.r${i}{grid-row:${i + 1}}`),
  ...Array.from({ length: TILE_GRID_COLS }, (_, i) => `.c${i}{grid-column:${i + 1}}`),
].join('');
const states = PILOT_STATES.map((s) => `.s-${s}{background:${STATE_STYLE[s].colour};color:#fff}`).join('');

export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.7 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b4f9c}a:hover{color:#07386f}
a:focus-visible,button:focus-visible,input:focus-visible,[tabindex]:focus-visible{outline:3px solid #c25e00;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem;top:.5rem}
.top{background:#a4161a;color:#fff}
.top .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:center;justify-content:space-between;padding-top:.6rem;padding-bottom:.6rem}
.top a{color:#fff;text-decoration:none}
.brand{font-weight:700;font-size:1.1rem}
.brand small{display:block;font-weight:400;font-size:.8rem}
.top nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.top nav a{display:inline-block;padding:.2rem 0;border-bottom:2px solid transparent}
.top nav a[aria-current="page"]{border-bottom-color:#fff}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
main{display:block;padding:1rem 0 2rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.75rem 0 .75rem;border-left:4px solid #a4161a;padding-left:.5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.meta{color:#4d4d4d;font-size:.9rem}
.notice{background:#fff8e1;border:1px solid #e0c36a;padding:.5rem .75rem;font-size:.9rem}
.crumbs{font-size:.9rem;margin:.25rem 0}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
.crumbs li+li::before{content:"›";margin-right:.25rem;color:#4d4d4d}
.list{list-style:none;margin:0;padding:0}
.list li{border-bottom:1px solid #ddd;padding:.6rem 0}
.list .meta{display:block}
.tags{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.35rem}
.tags li{background:#eef3fa;color:#163a66;border-radius:3px;padding:0 .45rem;font-size:.85rem}
mark{background:#ffe28a;color:#1a1a1a}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f1f1;white-space:nowrap}
tbody th[scope=row]{min-width:10rem;font-weight:600}
td{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.stats{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.stats li{border:1px solid #ccc;border-radius:4px;padding:.35rem .6rem;display:flex;align-items:center;gap:.4rem}
.stats strong{font-size:1.1rem}
.mark{display:inline-flex;align-items:center;justify-content:center;min-width:1.4em;height:1.4em;border-radius:3px;font-size:.8rem;font-weight:700;line-height:1}
${states}
.tiles{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(${TILE_GRID_COLS},minmax(0,1fr));gap:3px;max-width:36rem}
${places}
.tile a{display:flex;flex-direction:column;justify-content:space-between;aspect-ratio:1/1;padding:2px 3px;border-radius:3px;text-decoration:none;background:#f0f0f0;color:#333;border:1px solid #d0d0d0;overflow:hidden}
.tile.has a{background:#dce8f7;color:#0d2f57;border-color:#7ea3d1}
.tile .name{font-size:.72rem;line-height:1.1;white-space:nowrap}
.tile .count{font-size:.9rem;font-weight:700;line-height:1}
.tile .marks{display:flex;flex-wrap:wrap;gap:1px}
.tile .marks .mark{min-width:1.05em;height:1.05em;font-size:.6rem}
.legend{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem 1rem;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0 0 1rem}
.search label{display:block;font-weight:600}
.search input{font:inherit;padding:.4rem .5rem;border:1px solid #767676;border-radius:3px;min-width:14rem;max-width:100%}
.search button{font:inherit;padding:.4rem 1rem;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;border-radius:3px;cursor:pointer}
.pager{display:flex;gap:1rem;margin:1rem 0}
.feeds{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
footer{border-top:1px solid #ddd;padding:1rem 0 2rem;font-size:.88rem;color:#4d4d4d;background:#fafafa}
footer a{color:#0b4f9c}
@media (min-width:40rem){.tile .name{font-size:.85rem}.tile .count{font-size:1.1rem}h1{font-size:1.9rem}}
@media print{.top nav,.skip,footer .feeds{display:none}.top{background:#fff;color:#000}.top a{color:#000}}
`.replace(/\n/g, '');

export const PORTAL_CSS_HASH = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
export const PORTAL_CSS_PATH = `/portal/assets/portal-${PORTAL_CSS_HASH}.css`;
