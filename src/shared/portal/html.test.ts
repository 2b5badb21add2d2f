import { describe, expect, it } from 'vitest';
import { escapeHtml, html, paragraphs, raw, safeHref } from './html.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '`${alert(1)}`',
  '&lt;already escaped&gt;',
  '</title><script>x</script>',
  '<!-- comment --><![CDATA[x]]>',
  '宁波<b>智能制造</b>&“机器换人”',
];

describe('escapeHtml', () => {
  it.each(HOSTILE)('leaves no markup in %s', (s) => {
    const out = escapeHtml(s);
    expect(out).not.toMatch(/[<>"'`]/);
    // Every ampersand left starts an entity the escaper wrote.
    expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&');
  });

  it('escapes each special character once, and keeps Chinese text as it is', () => {
    expect(escapeHtml('a&b<c>d"e\'f`g')).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f&#96;g');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('中国制造2025')).toBe('中国制造2025');
  });
});

describe('html template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    for (const s of HOSTILE) {
      const out = html`<p title="${s}">${s}</p>`.toString();
      expect(out).toBe(`<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`);
      expect(out.match(/</g)).toHaveLength(2);
      expect(out.match(/"/g)).toHaveLength(2);
    }
  });

  it('keeps nested templates and raw markup, joins arrays, drops null, undefined and false', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.toString()).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
    expect(html`${raw('<br>')}`.toString()).toBe('<br>');
  });

  it('writes paragraphs of escaped text', () => {
    expect(paragraphs('第一段<x>\n\n 第二段 ').toString()).toBe('<p>第一段&lt;x&gt;</p><p>第二段</p>');
  });
});

describe('safeHref', () => {
  it('keeps local paths and http(s), refuses script and data URLs and protocol-relative ones', () => {
    expect(safeHref('/portal/cases')).toBe('/portal/cases');
    expect(safeHref('https://www.miit.gov.cn/')).toBe('https://www.miit.gov.cn/');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,<x>', '//evil.example/', 'JaVaScRiPt:x']) expect(safeHref(bad)).toBe('#');
  });
});
