/**
 * Recovers the text of a PDF the way a reader's copy-and-paste does, for tests: an embedded CJK font
 * is shown by glyph ids (Identity-H), so the text comes back only through each font's ToUnicode CMap.
 * Reads the object syntax pdfkit writes (uncompressed cross-reference, FlateDecode streams) — not a
 * general PDF parser. See docs/adr/0004-cjk-font-for-pdf.md.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export interface PdfText {
  /** Per page, one line per text object (BT … ET), in drawing order. */
  pages: string[];
  /** Number of embedded font programs (FontFile, FontFile2 or FontFile3 streams). */
  embeddedFonts: number;
  /** BaseFont names of the fonts used, e.g. CZZZZZ+NotoSerifSC-Regular. */
  fontNames: string[];
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+\d+\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(s))) {
    const start = header.lastIndex;
    const end = s.indexOf('endobj', start);
    if (end === -1) break;
    const streamAt = s.indexOf('stream', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = s.slice(start, streamAt);
      let dataStart = streamAt + 'stream'.length;
      if (s[dataStart] === '\r') dataStart++;
      if (s[dataStart] === '\n') dataStart++;
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : s.indexOf('endstream', dataStart);
      let data = pdf.subarray(dataStart, dataEnd);
      if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
      objects.set(Number(m[1]), { dict, stream: data });
      header.lastIndex = s.indexOf('endobj', dataEnd) + 'endobj'.length;
    } else {
      objects.set(Number(m[1]), { dict: s.slice(start, end), stream: null });
      header.lastIndex = end + 'endobj'.length;
    }
  }
  return objects;
}

function hexBytes(hex: string): Buffer {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(clean.length % 2 ? `${clean}0` : clean, 'hex');
}

function utf16be(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
}

interface CMap {
  codeBytes: number;
  map: Map<number, string>;
}

/** bfchar and bfrange entries of a ToUnicode CMap (both the incrementing and the array form). */
export function parseToUnicode(cmap: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const codeBytes = space ? (space[1] as string).length / 2 : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      map.set(parseInt(e[1] as string, 16), utf16be(hexBytes(e[2] as string)));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const e of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const lo = parseInt(e[1] as string, 16);
      const hi = parseInt(e[2] as string, 16);
      const dst = e[3] as string;
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => utf16be(hexBytes(x[1] as string)));
        items.forEach((text, i) => {
          if (lo + i <= hi) map.set(lo + i, text);
        });
      } else {
        const base = hexBytes(dst.slice(1, -1));
        for (let code = lo; code <= hi; code++) {
          const bytes = Buffer.from(base);
          bytes.writeUInt16BE((base.readUInt16BE(base.length - 2) + (code - lo)) & 0xffff, base.length - 2);
          map.set(code, utf16be(bytes));
        }
      }
    }
  }
  return { codeBytes, map };
}

type Token = { kind: 'op'; value: string } | { kind: 'name'; value: string } | { kind: 'string'; value: Buffer } | { kind: 'array'; value: Token[] } | { kind: 'other' };

/** Tokens of a content stream: operators, names, strings and arrays; everything else is opaque. */
function tokenize(content: string): Token[] {
  const root: Token[] = [];
  const stack: Token[][] = [root];
  const top = () => stack[stack.length - 1] as Token[];
  let i = 0;
  while (i < content.length) {
    const c = content[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < content.length && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (c === '[') {
      const arr: Token[] = [];
      top().push({ kind: 'array', value: arr });
      stack.push(arr);
      i++;
    } else if (c === ']') {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === '<' && content[i + 1] === '<') {
      // Inline dictionaries (marked content properties) carry no shown text.
      let depth = 0;
      while (i < content.length) {
        if (content.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (content.startsWith('>>', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      top().push({ kind: 'other' });
    } else if (c === '<') {
      const end = content.indexOf('>', i);
      top().push({ kind: 'string', value: hexBytes(content.slice(i + 1, end)) });
      i = end + 1;
    } else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < content.length && depth > 0) {
        const ch = content[i] as string;
        if (ch === '\\') {
          const next = content[i + 1] as string;
          const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (/[0-7]/.test(next)) {
            const oct = /^[0-7]{1,3}/.exec(content.slice(i + 1))?.[0] ?? '0';
            bytes.push(parseInt(oct, 8));
            i += 1 + oct.length;
          } else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            i += 2;
          }
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')' && --depth === 0) break;
        bytes.push(ch.charCodeAt(0));
        i++;
      }
      i++;
      top().push({ kind: 'string', value: Buffer.from(bytes) });
    } else if (c === '/') {
      const m = /^\/[^\s/[\]<>(){}%]*/.exec(content.slice(i, i + 128)) as RegExpExecArray;
      top().push({ kind: 'name', value: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/[\]<>(){}%]+/.exec(content.slice(i, i + 64));
      const word = m ? m[0] : c;
      top().push(/^[-+.\d]/.test(word) ? { kind: 'other' } : { kind: 'op', value: word });
      i += word.length;
    }
  }
  return root;
}

function decode(bytes: Buffer, cmap: CMap | undefined): string {
  if (!cmap) return bytes.toString('latin1');
  let out = '';
  for (let i = 0; i + cmap.codeBytes <= bytes.length; i += cmap.codeBytes) {
    out += cmap.map.get(bytes.readUIntBE(i, cmap.codeBytes)) ?? '\uFFFD';
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The text a reader would copy from each page, and what fonts the file embeds. */
export function extractPdfText(pdf: Buffer): PdfText {
  const objects = parseObjects(pdf);
  const dictOf = (n: number | null) => (n === null ? '' : (objects.get(n)?.dict ?? ''));

  const cmapOfFont = new Map<number, CMap>();
  const fontNames: string[] = [];
  for (const [num, obj] of objects) {
    if (!/\/Type\s*\/Font\b/.test(obj.dict)) continue;
    const base = /\/BaseFont\s*\/([^\s/>]+)/.exec(obj.dict);
    if (base && /\/Subtype\s*\/Type0/.test(obj.dict)) fontNames.push(base[1] as string);
    const toUnicode = objects.get(ref(obj.dict, 'ToUnicode') ?? -1);
    if (toUnicode?.stream) cmapOfFont.set(num, parseToUnicode(toUnicode.stream.toString('latin1')));
  }
  const embeddedFonts = [...objects.values()].filter((o) => /\/FontFile[23]?\s+\d+\s+\d+\s+R/.test(o.dict)).length;

  // Pages in document order, from the page tree.
  const root = ref([...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))?.dict ?? '', 'Pages');
  const pageNums: number[] = [];
  const walk = (n: number) => {
    const dict = dictOf(n);
    if (/\/Type\s*\/Pages/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(k[1]));
    } else pageNums.push(n);
  };
  if (root !== null) walk(root);

  const pages = pageNums.map((n) => {
    const page = dictOf(n);
    const resources = /\/Resources\s+(\d+)\s+\d+\s+R/.exec(page) ? dictOf(ref(page, 'Resources')) : page;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? dictOf(ref(resources, 'Font'));
    const fonts = new Map<string, number>();
    for (const f of fontDict.matchAll(/\/([^\s/]+)\s+(\d+)\s+\d+\s+R/g)) fonts.set(f[1] as string, Number(f[2]));

    const contentRefs = /\/Contents\s*\[([^\]]*)\]/.exec(page)?.[1] ?? /\/Contents\s+(\d+\s+\d+\s+R)/.exec(page)?.[1] ?? '';
    const content = [...contentRefs.matchAll(/(\d+)\s+\d+\s+R/g)]
      .map((r) => objects.get(Number(r[1]))?.stream?.toString('latin1') ?? '')
      .join('\n');

    const lines: string[] = [];
    let current = '';
    let cmap: CMap | undefined;
    let operands: Token[] = [];
    for (const token of tokenize(content)) {
      if (token.kind !== 'op') {
        operands.push(token);
        continue;
      }
      const op = token.value;
      if (op === 'Tf') {
        const name = operands.find((o) => o.kind === 'name');
        cmap = name?.kind === 'name' ? cmapOfFont.get(fonts.get(name.value) ?? -1) : undefined;
      } else if (op === 'Tj' || op === "'" || op === '"') {
        const str = operands[operands.length - 1];
        if (str?.kind === 'string') current += decode(str.value, cmap);
      } else if (op === 'TJ') {
        const arr = operands[operands.length - 1];
        if (arr?.kind === 'array') for (const item of arr.value) if (item.kind === 'string') current += decode(item.value, cmap);
      } else if (op === 'ET' && current !== '') {
        lines.push(current);
        current = '';
      }
      operands = [];
    }
    if (current !== '') lines.push(current);
    return lines.join('\n');
  });

  return { pages, embeddedFonts, fontNames };
}
