/**
 * Security headers: a Content-Security-Policy without 'unsafe-inline' — on index.html with a fresh
 * nonce per answer that the page carries too, on API answers `default-src 'none'` — frame-ancestors
 * 'none', nosniff, the referrer policy, HSTS in production only; and stored files always downloaded
 * as attachments of an inert type, sandboxed, never rendered inline.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadContentType } from '../../src/kernel/blob-store.js';
import { loadConfig } from '../../src/server/config.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { login, makeTestApp, type TestApp } from '../helpers/test-app.js';

const HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta property="csp-nonce" nonce="__CSP_NONCE__" />
<title>平台</title><script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script></head>
<body><div id="root"></div></body></html>
`;

function nonceOf(csp: string): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? null;
}

function expectCommonHeaders(h: Record<string, unknown>, label: string) {
  expect(h['x-content-type-options'], label).toBe('nosniff');
  expect(h['referrer-policy'], label).toBe('same-origin');
  expect(h['x-frame-options'], label).toBe('DENY');
  const csp = String(h['content-security-policy']);
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).not.toContain('unsafe-inline');
  expect(csp, label).not.toContain('unsafe-eval');
}

describe('security headers', () => {
  let t: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'mic-web-csp-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), HTML);
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js'), 'export {};\n');
    t = await makeTestApp('pglite', { WEB_ROOT: webRoot });
    await seedAccounts(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends index.html with a fresh nonce in the policy and in the page, for every client-side route, never revalidated', async () => {
    const seen = new Set<string>();
    for (const url of ['/', '/index.html', '/login', '/pilots/123', '/audit?action=sign_in']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expectCommonHeaders(res.headers, url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self' 'nonce-/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      const nonce = nonceOf(csp)!;
      expect(Buffer.from(nonce, 'base64').length).toBe(16);
      expect(res.body).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
      expect(res.body).not.toContain('__CSP_NONCE__');
      // A 304 would keep an old nonce in the page under a new policy: no validator, revalidated by refetching.
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toBeUndefined();
      seen.add(nonce);
    }
    expect(seen.size).toBe(5);
  });

  it('puts the page policy on static files and `default-src none` on API answers', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expectCommonHeaders(asset.headers, 'asset');
    for (const url of ['/api/v1/reference/authorities', '/api/v1/applications', '/api/v1/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url });
      expectCommonHeaders(res.headers, url);
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('downloads an uploaded file as an attachment of its checked type, sandboxed and not cached', async () => {
    const city = await login(t.app, 'hangzhou', PASSWORD);
    const plan = makeCompletePlan({ cover: { cityCodes: ['330100'], applicant: '杭州市人民政府' } });
    const appId = (await city.request('POST', '/api/v1/applications', { title: '头部测试', applicationYear: 2016, plan })).json().id as string;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]);
    const boundary = '----mic2025csp';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="报告\\".pdf"\r\nContent-Type: text/html\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await city.request('POST', `/api/v1/applications/${appId}/attachments`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.statusCode, up.body).toBe(201);
    const dl = await city.request('GET', `/api/v1/attachments/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(dl.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['cache-control']).toBe('private, no-store');
    expect(dl.headers['x-frame-options']).toBe('DENY');
  });

  it('never sends a stored type a browser would render or run', () => {
    for (const type of ['text/html', 'text/html; charset=utf-8', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/javascript', 'text/plain', '']) {
      expect(downloadContentType(type), type).toBe('application/octet-stream');
    }
    expect(downloadContentType('application/pdf')).toBe('application/pdf');
    expect(downloadContentType('IMAGE/PNG')).toBe('image/png');
  });

  it('has every stored-file download go through the one sender, sendBlob', () => {
    const root = join(process.cwd(), 'src/features');
    const offenders: string[] = [];
    for (const feature of readdirSync(root)) {
      for (const file of readdirSync(join(root, feature), { recursive: true }) as string[]) {
        if (!/\.ts$/.test(file) || file.endsWith('.test.ts')) continue;
        const text = readFileSync(join(root, feature, file), 'utf8');
        if (/createReadStream|\.sendFile\(|blobPath\(/.test(text)) offenders.push(`${feature}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('HSTS', () => {
  it('is on in production unless switched off, and can be forced', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).hsts).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', HSTS: 'false' }).hsts).toBe(false);
    expect(loadConfig({ HSTS: 'true' }).hsts).toBe(true);
    expect(loadConfig({}).hsts).toBe(false);
  });
  it('is sent on every answer of a production server', async () => {
    const t = await makeTestApp('pglite', { NODE_ENV: 'production' });
    try {
      for (const url of ['/api/health', '/api/v1/reference/authorities', '/api/v1/nothing']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await t.close();
    }
  });
});
