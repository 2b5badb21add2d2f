/**
 * A guard against zip bombs in Office files (.xlsx, .docx are ZIP archives): before a workbook or a
 * document is parsed, every entry is inflated with a ceiling on its output, so an archive whose parts
 * expand beyond the limit — whatever sizes its headers declare — is refused without being unpacked
 * in memory. No I/O.
 */
import { inflateRawSync } from 'node:zlib';

/** What an uploaded Office file may unpack to in total (the templates unpack to well under 1 MB). */
export const OFFICE_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** How many parts it may hold (a template has a few dozen). */
export const OFFICE_MAX_ENTRIES = 2_000;

export type ZipCheck = { ok: true; entries: number; unpacked: number } | { ok: false; reason: 'NOT_A_ZIP' | 'TOO_MANY_ENTRIES' | 'TOO_LARGE_UNPACKED' };

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;
}

/**
 * Inflates every entry the central directory names, each with the remaining budget as its ceiling,
 * and refuses the archive as soon as the total passes `limit`. Declared sizes are checked first
 * (cheap), and the actual output is what counts (headers can lie).
 */
export function checkZipExpansion(buf: Uint8Array, limit = OFFICE_MAX_UNPACKED_BYTES, maxEntries = OFFICE_MAX_ENTRIES): ZipCheck {
  if (buf.length < 22) return { ok: false, reason: 'NOT_A_ZIP' };
  let eocd = -1;
  for (let i = buf.length - 22, min = Math.max(0, buf.length - 22 - 0xffff); i >= min; i--) {
    if (u32(buf, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'NOT_A_ZIP' };
  const count = u16(buf, eocd + 10);
  if (count > maxEntries) return { ok: false, reason: 'TOO_MANY_ENTRIES' };
  let p = u32(buf, eocd + 16);
  let declared = 0;
  const entries: { method: number; compressed: number; local: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) return { ok: false, reason: 'NOT_A_ZIP' };
    const size = u32(buf, p + 24);
    declared += size === 0xffffffff ? Infinity : size;
    entries.push({ method: u16(buf, p + 10), compressed: u32(buf, p + 20), local: u32(buf, p + 42) });
    p += 46 + u16(buf, p + 28) + u16(buf, p + 30) + u16(buf, p + 32);
  }
  if (declared > limit) return { ok: false, reason: 'TOO_LARGE_UNPACKED' };
  let total = 0;
  for (const e of entries) {
    const h = e.local;
    if (h + 30 > buf.length || u32(buf, h) !== 0x04034b50) return { ok: false, reason: 'NOT_A_ZIP' };
    const start = h + 30 + u16(buf, h + 26) + u16(buf, h + 28);
    const end = start + e.compressed;
    if (e.compressed === 0xffffffff || end > buf.length) return { ok: false, reason: 'NOT_A_ZIP' };
    const data = buf.subarray(start, end);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return { ok: false, reason: 'TOO_LARGE_UNPACKED' };
        return { ok: false, reason: 'NOT_A_ZIP' };
      }
    } else return { ok: false, reason: 'NOT_A_ZIP' };
    if (total > limit) return { ok: false, reason: 'TOO_LARGE_UNPACKED' };
  }
  return { ok: true, entries: count, unpacked: total };
}
