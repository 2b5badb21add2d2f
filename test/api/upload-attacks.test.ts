/**
 * Refused uploads (issue 8, point 6): files whose bytes are not what their name says, polyglots,
 * zip bombs inside Office files, and hostile names — and that whatever is stored is only ever served
 * as a download the browser will neither sniff nor render (attachment, nosniff, sandboxing CSP).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { zipOf } from '../helpers/zip.js';

function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----micUploadAttackBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
/** A PDF that is also an HTML page with a script (browsers sniffing it as HTML would run it). */
const PDF_HTML = Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n1 0 obj <<>> endobj\n%%EOF\n');
/** A GIF that is also JavaScript: GIF89a/*…*‍/=alert(1)// */
const GIF_JS = Buffer.from('GIF89a/*\x01\x00\x01\x00\x00\xff\x00,*/=1;alert(document.domain);//', 'latin1');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

/** An .xlsx whose one worksheet inflates to `mb` MiB; `lie` declares it at 1 KiB. */
function xlsxBomb(mb: number, lie: boolean): Buffer {
  const huge = Buffer.alloc(mb * 1024 * 1024, 0x20);
  return zipOf([
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: huge, ...(lie ? { declaredSize: 1024 } : {}) },
  ]);
}
function docxBomb(mb: number): Buffer {
  return zipOf([
    { name: 'word/document.xml', data: Buffer.alloc(mb * 1024 * 1024, 0x41), declaredSize: 2048 },
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  ]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)).map((g) => join(f, g)) : [f]));
}

describe.each(dbKinds())('refused uploads on %s', (kind) => {
  let t: TestApp;
  let city: Client;
  let ministry: Client;
  let appId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind, { MAX_UPLOAD_BYTES: String(512 * 1024) });
    await seedAccounts(t.database.db);
    city = await login(t.app, 'hangzhou', PASSWORD);
    ministry = await login(t.app, 'guihuasi', PASSWORD);
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    appId = (await city.request('POST', '/api/v1/applications', { title: '上传攻击', applicationYear: 2016, plan })).json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (filename: string, content: Buffer, contentType?: string) => {
    const m = multipart(filename, content, contentType);
    return city.request('POST', `/api/v1/applications/${appId}/attachments`, m.body, m.headers);
  };

  it('refuses bytes that are not what the name says, whatever Content-Type the client claims', async () => {
    const cases: [string, Buffer, string, string][] = [
      ['扫描件.pdf', PNG, 'application/pdf', 'FILE_TYPE_MISMATCH'],
      ['统计表.xlsx', HTML, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'FILE_TYPE_MISMATCH'],
      ['说明.docx', HTML, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'FILE_TYPE_MISMATCH'],
      ['照片.png', PDF, 'image/png', 'FILE_TYPE_MISMATCH'],
      ['照片.jpg', SVG, 'image/jpeg', 'FILE_TYPE_MISMATCH'],
      ['图.png', GIF_JS, 'image/png', 'FILE_TYPE_MISMATCH'],
      ['动图.gif', GIF_JS, 'image/gif', 'FILE_TYPE_NOT_ALLOWED'],
      ['page.html', HTML, 'text/html', 'FILE_TYPE_NOT_ALLOWED'],
      ['image.svg', SVG, 'image/svg+xml', 'FILE_TYPE_NOT_ALLOWED'],
      ['script.js', GIF_JS, 'text/javascript', 'FILE_TYPE_NOT_ALLOWED'],
      // A ZIP that is no Office document (no word/ or xl/ part) under an Office name.
      ['压缩包.xlsx', zipOf([{ name: 'evil/payload.html', data: HTML }]), 'application/zip', 'FILE_TYPE_MISMATCH'],
      ['压缩包.docx', zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<w/>') }]), 'application/zip', 'FILE_TYPE_MISMATCH'],
    ];
    for (const [name, bytes, type, code] of cases) {
      const res = await upload(name, bytes, type);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json().error.code, name).toBe(code);
    }
  });

  it('refuses zip bombs inside Office files, whatever sizes their headers declare, before anything parses them', async () => {
    for (const [name, bytes] of [
      ['炸弹.xlsx', xlsxBomb(80, true)],
      ['诚实的炸弹.xlsx', xlsxBomb(80, false)],
      ['炸弹.docx', docxBomb(80)],
    ] as const) {
      expect(bytes.length, name).toBeLessThan(512 * 1024);
      const res = await upload(name, bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(413);
      expect(res.json().error.code).toBe('FILE_UNPACKS_TOO_LARGE');
    }
    // The expert pool's Excel import refuses it the same way (ExcelJS never sees it).
    const m = multipart('专家.xlsx', xlsxBomb(80, true));
    const res = await ministry.request('POST', '/api/v1/experts/import', m.body, m.headers);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('FILE_UNPACKS_TOO_LARGE');
    // Nothing of it was stored.
    expect(filesUnder(t.uploadDir).filter((f) => !f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps hostile names to a safe base name, stores the bytes under their hash only, and never outside the upload folder', async () => {
    const names: [string, number, string | null][] = [
      ['../../etc/passwd.pdf', 201, 'passwd.pdf'],
      ['..\\..\\windows\\x.pdf', 201, 'x.pdf'],
      ['/etc/cron.d/x.pdf', 201, 'x.pdf'],
      ['C:\\Windows\\system32\\x.pdf', 201, 'x.pdf'],
      ['../../etc/passwd', 415, null],
      ['a\u0000b.pdf', 201, 'a_b.pdf'],
      ['申报书\u202Efdp.exe', 415, null], // reads as 申报书exe.pdf with the override: it is an .exe
      ['申报书\u202Egnp.pdf', 201, '申报书gnp.pdf'],
      ['\u200b\u200d.pdf', 201, '.pdf'],
      ['..', 415, null],
      [`${'长'.repeat(500)}.pdf`, 415, null], // cut to 180 characters, the extension goes with the rest
      [`${'😀'.repeat(170)}.pdf`, 201, `${'😀'.repeat(170)}.pdf`],
    ];
    for (const [name, status, stored] of names) {
      const res = await upload(name, PDF, 'application/pdf');
      expect(res.statusCode, `${JSON.stringify(name)}: ${res.body}`).toBe(status);
      if (status !== 201) continue;
      const { id, filename, sha256 } = res.json();
      expect(filename).toBe(stored);
      const dl = await city.request('GET', `/api/v1/attachments/${id}`);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      // eslint-disable-next-line no-control-regex
      expect(String(dl.headers['content-disposition'])).not.toMatch(/[\u0000-\u001f\u202e]/);
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // Only hash-named files, in the upload folder's two-letter subfolders.
    for (const f of filesUnder(t.uploadDir)) expect(f).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it('serves a stored polyglot (a PDF that is also HTML) only as a download: attachment, nosniff, its checked type, a sandboxing CSP', async () => {
    const res = await upload('页面.pdf', PDF_HTML, 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mimeType).toBe('application/pdf');
    const dl = await city.request('GET', `/api/v1/attachments/${res.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toMatch(/sandbox/);
    expect(dl.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });
});
