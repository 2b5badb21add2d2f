/** Properties of the upload checks: they never throw, agree with themselves, and accept what they should. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, extensionOf, KIND_MIME, safeFilename, sniffKind, type FileKind } from './file-type.js';
import { zipOf } from '../../../test/helpers/zip.js';
import { checkZipExpansion } from './zip-guard.js';

const anyName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('../../etc/passwd', '..\\..\\x.pdf', '/abs/x.pdf', 'C:\\x\\y.pdf', 'a\u0000.pdf', 'x\u202efdp.exe', '\u200b.pdf', '..', '.', '\ud800.pdf', '😀'.repeat(200)),
);
const HEADS: Record<FileKind, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  doc_xls: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  docx: [...Buffer.from('PK\u0003\u0004'), ...Buffer.from('....word/document.xml')],
  xlsx: [...Buffer.from('PK\u0003\u0004'), ...Buffer.from('....xl/workbook.xml')],
};
const EXT: Record<FileKind, string> = { pdf: 'pdf', png: 'png', jpeg: 'jpg', doc_xls: 'doc', docx: 'docx', xlsx: 'xlsx' };

describe('safeFilename', () => {
  it('never throws, and gives a non-empty name of at most 180 code points with no path, control, bidi or zero-width characters', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const safe = safeFilename(name);
        expect(safe.length).toBeGreaterThan(0);
        expect([...safe].length).toBeLessThanOrEqual(180);
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/[\\/\u0000-\u001f\u007f"<>|:*?\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/);
        expect(safe).not.toMatch(/^\.+$/);
        expect(() => encodeURIComponent(safe)).not.toThrow(); // no lone surrogate: the download header can say it
      }),
      { numRuns: 2000 },
    );
  });
  it('is idempotent', () => {
    fc.assert(fc.property(anyName, (name) => {
          expect(safeFilename(safeFilename(name))).toBe(safeFilename(name));
        }), { numRuns: 2000 });
  });
  it('keeps an ordinary Chinese name as it is', () => {
    fc.assert(fc.property(fc.stringMatching(/^[\u4e00-\u9fa5a-z0-9 _-]{1,60}\.(pdf|docx|xlsx)$/), (name) => {
          expect(safeFilename(name)).toBe(name.trim());
        }),
      );
  });
});

describe('sniffKind and checkFile', () => {
  it('never throw on any bytes and any name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), anyName, (bytes, name) => {
        sniffKind(bytes);
        const c = checkFile(name, bytes);
        if (c.ok) {
          expect(c.mimeType).toBe(KIND_MIME[c.kind]);
          expect(sniffKind(bytes)).toBe(c.kind);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('accept every kind under its own extension, whatever follows the magic bytes, and refuse it under any other', () => {
    const kinds = Object.keys(HEADS) as FileKind[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...kinds), fc.uint8Array({ maxLength: 200 }), fc.stringMatching(/^[a-z0-9]{1,20}$/), (kind, claimed, tail, stem) => {
        const bytes = Uint8Array.from([...HEADS[kind], ...tail]);
        const c = checkFile(`${stem}.${EXT[claimed]}`, bytes);
        // .doc and .xls share one kind (OLE2), so do docx/xlsx only when their part folders say so.
        if (kind === claimed) expect(c).toMatchObject({ ok: true, kind });
        else expect(c).toEqual({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
      }),
    );
  });
  it('refuse every extension outside the accepted list', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,8}$/).filter((e) => !['pdf', 'docx', 'xlsx', 'doc', 'xls', 'png', 'jpg', 'jpeg'].includes(e)), fc.uint8Array({ maxLength: 32 }), (ext, bytes) => {
        expect(extensionOf(`a.${ext}`)).toBe(ext);
        expect(checkFile(`a.${ext}`, Uint8Array.from([...HEADS.pdf, ...bytes]))).toEqual({ ok: false, reason: 'FILE_TYPE_NOT_ALLOWED' });
      }),
    );
  });
});

describe('checkZipExpansion', () => {
  it('never throws on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void checkZipExpansion(bytes)), { numRuns: 3000 });
  });
  it('accepts an archive within the limit and reports what it unpacks to', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,12}\.xml$/), fc.uint8Array({ maxLength: 2000 })), { minLength: 1, maxLength: 6 }), (parts) => {
        const zip = zipOf(parts.map(([name, data]) => ({ name, data: Buffer.from(data) })));
        const total = parts.reduce((n, [, d]) => n + d.length, 0);
        expect(checkZipExpansion(zip, total)).toEqual({ ok: true, entries: parts.length, unpacked: total });
        if (total > 0) expect(checkZipExpansion(zip, total - 1)).toEqual({ ok: false, reason: 'TOO_LARGE_UNPACKED' });
      }),
    );
  });
  it('refuses an archive that unpacks beyond the limit even when its headers declare small sizes', () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x41), declaredSize: 10 }]);
    expect(bomb.length).toBeLessThan(20_000);
    expect(checkZipExpansion(bomb, 1024 * 1024)).toEqual({ ok: false, reason: 'TOO_LARGE_UNPACKED' });
  });
});
