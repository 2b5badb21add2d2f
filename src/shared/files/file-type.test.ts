import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../test/helpers/zip.js';
import { checkFile, checkUpload, safeFilename, sniffKind } from './file-type.js';
import { OFFICE_MAX_UNPACKED_BYTES } from './zip-guard.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const zipWith = (name: string) => new Uint8Array([...Buffer.from('PK\x03\x04', 'latin1'), ...Buffer.alloc(26), ...Buffer.from(`${name}document.xml`)]);

describe('file type by bytes', () => {
  it.each([
    ['a.pdf', new Uint8Array(Buffer.from('%PDF-1.7')), 'pdf'],
    ['a.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    ['a.JPG', bytes(0xff, 0xd8, 0xff, 0xe0), 'jpeg'],
    ['a.docx', zipWith('word/'), 'docx'],
    ['a.xlsx', zipWith('xl/'), 'xlsx'],
    ['a.doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'doc_xls'],
  ])('accepts %s whose bytes match', (name, head, kind) => {
    const r = checkFile(name, head);
    expect(r.ok && r.kind).toBe(kind);
  });
  it('refuses a mismatch and an unknown extension', () => {
    expect(checkFile('a.pdf', bytes(0xff, 0xd8, 0xff))).toEqual({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
    expect(checkFile('a.docx', zipWith('xl/'))).toEqual({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
    expect(checkFile('a.html', new Uint8Array(Buffer.from('<html>')))).toEqual({ ok: false, reason: 'FILE_TYPE_NOT_ALLOWED' });
    expect(checkFile('noext', new Uint8Array(Buffer.from('%PDF-')))).toEqual({ ok: false, reason: 'FILE_TYPE_NOT_ALLOWED' });
    expect(sniffKind(zipWith('other/'))).toBeNull();
  });
  it('strips paths and control characters from names', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\temp\\报告"1".pdf')).toBe('报告_1_.pdf');
    expect(safeFilename('')).toBe('file');
  });
});

describe('checkUpload: the one check of every upload', () => {
  const xl = (sheet: Buffer, declaredSize?: number) =>
    zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(declaredSize ? { declaredSize } : {}) },
    ]);

  it('passes an Office file that unpacks within the limit, and files that are no archives', () => {
    expect(checkUpload('表.xlsx', xl(Buffer.from('<sheet/>')))).toMatchObject({ ok: true, kind: 'xlsx' });
    expect(checkUpload('扫描件.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))).toMatchObject({ ok: true, kind: 'pdf' });
  });

  it('refuses a zip bomb under an Office name, whatever size its header declares', () => {
    const bomb = xl(Buffer.alloc(OFFICE_MAX_UNPACKED_BYTES + 1024, 0x20), 1024);
    expect(checkUpload('表.xlsx', bomb)).toEqual({ ok: false, reason: 'FILE_UNPACKS_TOO_LARGE' });
  });

  it('refuses an Office file whose archive is broken (it starts like one but has no central directory)', () => {
    const whole = xl(Buffer.from('<sheet/>'));
    expect(checkUpload('表.xlsx', whole.subarray(0, whole.length - 30))).toEqual({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
  });

  it('still refuses what checkFile refuses', () => {
    expect(checkUpload('page.html', Buffer.from('<html>'))).toEqual({ ok: false, reason: 'FILE_TYPE_NOT_ALLOWED' });
    expect(checkUpload('扫描件.pdf', Buffer.from('GIF89a'))).toEqual({ ok: false, reason: 'FILE_TYPE_MISMATCH' });
  });
});
