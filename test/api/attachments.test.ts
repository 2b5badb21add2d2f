import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { dbKinds, login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----mic2025boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe.each(dbKinds())('attachments on %s', (kind) => {
  let t: TestApp;
  let city: Client;
  let other: Client;
  let appId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind, { MAX_UPLOAD_BYTES: String(64 * 1024) });
    await seedAccounts(t.database.db);
    city = await login(t.app, 'hangzhou', PASSWORD);
    other = await login(t.app, 'wuhan', PASSWORD);
    const plan = makeCompletePlan();
    plan.cover.cityCodes = ['330100'];
    const res = await city.request('POST', '/api/v1/applications', { title: '附件测试', applicationYear: 2016, plan });
    appId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (client: Client, filename: string, content: Buffer) => {
    const m = multipart(filename, content);
    return client.request('POST', `/api/v1/applications/${appId}/attachments`, m.body, m.headers);
  };

  it('stores a PDF under its content hash outside the web root and serves it as a safe download', async () => {
    const res = await upload(city, '附件一 统计数据.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const { id, sha256 } = res.json();
    expect(readdirSync(`${t.uploadDir}/${sha256.slice(0, 2)}`)).toContain(sha256);
    const dl = await city.request('GET', `/api/v1/attachments/${id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await other.request('GET', `/api/v1/attachments/${id}`)).statusCode).toBe(404);
    const detail = await city.request('GET', `/api/v1/applications/${appId}`);
    expect(detail.json().attachments.map((a: { filename: string }) => a.filename)).toContain('附件一 统计数据.pdf');
    expect(detail.json().attachments[0]).toMatchObject({ mimeType: 'application/pdf', size: PDF.length, createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(detail.json().application.abilities).toContain('uploadAttachment');
  });

  it('refuses a file whose bytes do not match its name', async () => {
    const res = await upload(city, 'report.pdf', PNG);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('FILE_TYPE_MISMATCH');
    const exe = await upload(city, 'tool.exe', Buffer.from('MZ....'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses an oversized file with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(80 * 1024, 0x20)]);
    const res = await upload(city, 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses uploads by other cities and by read-only roles', async () => {
    expect((await upload(other, 'x.pdf', PDF)).statusCode).toBe(404);
    const province = await login(t.app, 'zhejiang', PASSWORD);
    expect((await upload(province, 'x.pdf', PDF)).statusCode).toBe(403);
    // Once submitted, the province may read the files but nobody may add any.
    const d = (await city.request('GET', `/api/v1/applications/${appId}`)).json();
    expect((await city.request('POST', `/api/v1/applications/${appId}/submit`, { version: d.application.version })).statusCode).toBe(200);
    const submitted = await upload(city, 'late.pdf', PDF);
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().error.code).toBe('INVALID_TRANSITION');
    const seen = (await province.request('GET', `/api/v1/applications/${appId}`)).json();
    expect(seen.application.abilities).not.toContain('uploadAttachment');
    expect((await province.request('GET', `/api/v1/attachments/${seen.attachments[0].id}`)).statusCode).toBe(200);
    expect((await city.request('GET', `/api/v1/applications/${appId}`)).json().application.abilities).not.toContain('uploadAttachment');
    const anon = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${appId}/attachments`, ...multipart('x.pdf', PDF), payload: multipart('x.pdf', PDF).body });
    expect(anon.statusCode).toBe(401);
  });
});
