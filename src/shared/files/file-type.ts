/**
 * Decides a file's type from its bytes, and whether that agrees with its name. Pure: no I/O.
 * Office Open XML files are ZIP archives; the first entries name the part folder (word/, xl/).
 */
import { checkZipExpansion } from './zip-guard.js';

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'doc_xls' | 'png' | 'jpeg';

export const KIND_MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc_xls: 'application/octet-stream',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

const EXTENSION_KIND: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  doc: 'doc_xls',
  xls: 'doc_xls',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
};

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
}

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

export function sniffKind(head: Uint8Array): FileKind | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc_xls'; // OLE2 compound file
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = Buffer.from(head).toString('latin1');
    if (text.includes('word/')) return 'docx';
    if (text.includes('xl/')) return 'xlsx';
    return null;
  }
  return null;
}

export type FileCheck =
  | { ok: true; kind: FileKind; mimeType: string }
  | { ok: false; reason: 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TYPE_MISMATCH' | 'FILE_UNPACKS_TOO_LARGE' };

/** `head` should hold the first few KiB: OOXML part names sit in the first local headers. */
export function checkFile(filename: string, head: Uint8Array): FileCheck {
  const claimed = EXTENSION_KIND[extensionOf(filename)];
  if (!claimed) return { ok: false, reason: 'FILE_TYPE_NOT_ALLOWED' };
  const actual = sniffKind(head);
  if (actual !== claimed) return { ok: false, reason: 'FILE_TYPE_MISMATCH' };
  return { ok: true, kind: actual, mimeType: KIND_MIME[actual] };
}

/**
 * A filename safe to store and to echo in a header: no paths, no control characters, no bidirectional
 * or zero-width formatting marks (a right-to-left override makes "x\u202Efdp.exe" read as "xexe.pdf"),
 * no lone surrogates (they cannot be written as UTF-8), at most 180 characters — cut between code
 * points, never inside one. Idempotent.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, '_')
    .replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '_')
    .trim();
  const cut = [...cleaned].slice(0, 180).join('').trim();
  // A name of dots alone ('..') would name a folder.
  return cut && !/^\.+$/.test(cut) ? cut : 'file';
}

/** How much of the start of a file `checkFile` reads: OOXML part names sit in the first local headers. */
const HEAD_BYTES = 64 * 1024;

/**
 * The one check of every upload, whole file in hand: its bytes agree with its name (checkFile), and an
 * Office file (a ZIP archive) does not unpack beyond the zip guard's limit — a zip bomb, or a file
 * whose archive is broken, is refused before anything parses or keeps it.
 */
export function checkUpload(filename: string, buf: Uint8Array): FileCheck {
  const check = checkFile(filename, buf.subarray(0, HEAD_BYTES));
  if (!check.ok || (check.kind !== 'docx' && check.kind !== 'xlsx')) return check;
  const zip = checkZipExpansion(buf);
  if (!zip.ok) return { ok: false, reason: zip.reason === 'NOT_A_ZIP' ? 'FILE_TYPE_MISMATCH' : 'FILE_UNPACKS_TOO_LARGE' };
  return check;
}
