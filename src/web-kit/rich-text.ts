/**
 * Plan sections are stored as sanitised HTML paragraphs (`<p>…</p>`, text escaped). The editor
 * edits plain text, one paragraph per line; the viewers render paragraphs as text nodes, so no
 * stored HTML ever reaches the DOM as markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Text (one paragraph per non-empty line) → `<p>…</p>` HTML with every character escaped. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION', 'ARTICLE']);

/**
 * Stored HTML (ours, or whatever an imported file holds) → its paragraphs as plain text.
 * Parsed with an inert DOMParser document (scripts never run); only text content is kept.
 */
export function htmlToParagraphs(html: string | undefined | null): string[] {
  if (!html) return [];
  if (!/[<&]/.test(html)) return html.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') return;
    if (el.tagName === 'BR') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) flush();
    if (el.tagName === 'LI') line += '• ';
    el.childNodes.forEach(walk);
    if (block) flush();
  };
  doc.body.childNodes.forEach(walk);
  flush();
  return out;
}

export function htmlToText(html: string | undefined | null): string {
  return htmlToParagraphs(html).join('\n');
}
