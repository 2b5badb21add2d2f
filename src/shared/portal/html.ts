/**
 * HTML for the public portal, escaped by construction. `html` is a tagged template: every value put
 * into it is escaped unless it is already `Html` (made by `html` itself or, for markup the code
 * writes, `raw`). Text from the database can only reach a page through an interpolation, so it is
 * always escaped; attribute values are escaped the same way (quotes included) and must be quoted.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup written by the code itself (never text from a request or the database). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Multi-line text as paragraphs, each escaped. */
export function paragraphs(text: string): Html {
  return html`${text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => html`<p>${p}</p>`)}`;
}

/**
 * A URL for an href: only relative paths or http(s); anything else (javascript:, data:) becomes '#'.
 * The result still goes through escaping in the template.
 */
export function safeHref(url: string): string {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : '#';
}
