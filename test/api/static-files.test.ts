/**
 * How the web app's files and the API's responses travel: the build's brotli or gzip copy by the
 * browser's Accept-Encoding (with Vary), hashed assets cached for good and index.html revalidated,
 * JSON over 1 KB compressed on the fly, and file downloads sent as the bytes they are.
 *
 * The first part serves a small web root made here (so it does not depend on the web app's state);
 * the last part checks the real build in dist/web, which `npm test` makes first.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.js';
import { makeCompletePlan } from '../fixtures/plans.js';
import { PASSWORD, seedAccounts } from '../helpers/seed-accounts.js';
import { login, makeTestApp, type Client, type TestApp } from '../helpers/test-app.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const BROWSER = 'gzip, deflate, br, zstd';

const JS = `export const rows = [\n${Array.from({ length: 200 }, (_, i) => `  { id: ${i}, name: "城市试点 ${i}", region: "east" },`).join('\n')}\n];\n`;
const CSS = `${Array.from({ length: 80 }, (_, i) => `.row-${i} { padding: ${i}px; color: #123456; }`).join('\n')}\n`;
const HTML = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="UTF-8"><title>“中国制造2025”城市试点示范工作平台</title>\n<script type="module" src="/assets/index-Ab12Cd34.js"></script>\n<link rel="stylesheet" href="/assets/index-Ef56Gh78.css"></head>\n<body><div id="root"></div>${'<!-- padding -->'.repeat(60)}</body></html>\n`;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)]);

function multipart(filename: string, content: Buffer, contentType: string) {
  const boundary = '----mic2025static';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('static files and response compression', () => {
  let t: TestApp;
  let city: Client;
  let webRoot: string;
  const get = (url: string, acceptEncoding?: string, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...extra } });

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'mic-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), HTML);
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js'), JS);
    writeFileSync(join(webRoot, 'assets', 'index-Ef56Gh78.css'), CSS);
    writeFileSync(join(webRoot, 'assets', 'emblem-Zz99Yy88.png'), PNG);
    await precompressDir(webRoot);
    t = await makeTestApp('pglite', { WEB_ROOT: webRoot });
    await seedAccounts(t.database.db);
    city = await login(t.app, 'wuhan', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it('writes a smaller brotli and gzip copy beside each text file at build time, none for images', () => {
    for (const name of ['index.html', 'assets/index-Ab12Cd34.js', 'assets/index-Ef56Gh78.css']) {
      const size = statSync(join(webRoot, name)).size;
      expect(statSync(join(webRoot, `${name}.br`)).size).toBeLessThan(size);
      expect(statSync(join(webRoot, `${name}.gz`)).size).toBeLessThan(size);
    }
    expect(existsSync(join(webRoot, 'assets', 'emblem-Zz99Yy88.png.br'))).toBe(false);
  });

  it('sends the brotli copy of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', BROWSER);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload.equals(readFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js.br')))).toBe(true);
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(JS);
  });

  it('sends the gzip copy where only gzip is accepted, and the file itself where nothing is', async () => {
    const gz = await get('/assets/index-Ef56Gh78.css', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^text\/css/);
    expect(String(gz.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(CSS);

    for (const plain of [await get('/assets/index-Ef56Gh78.css'), await get('/assets/index-Ef56Gh78.css', 'identity')]) {
      expect(plain.headers['content-encoding']).toBeUndefined();
      // The plain file varies on Accept-Encoding too, or a shared cache could hand it to everyone.
      expect(String(plain.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(plain.headers['cache-control']).toBe(IMMUTABLE);
      expect(plain.body).toBe(CSS);
    }
  });

  it('revalidates index.html on every use, also where it answers a client-side route', async () => {
    for (const url of ['/', '/index.html', '/login', '/applications/123/edit']) {
      const res = await get(url, BROWSER);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(String(res.headers.vary).toLowerCase(), url).toContain('accept-encoding');
      expect(brotliDecompressSync(res.rawPayload).toString('utf8'), url).toBe(HTML);
    }
    const plain = await get('/login');
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(HTML);
    // A cached copy is revalidated cheaply.
    const etag = plain.headers.etag;
    expect(etag).toBeTruthy();
    expect((await get('/index.html', undefined, { 'if-none-match': String(etag) })).statusCode).toBe(304);
  });

  it('does not serve the compressed copies under their own names', async () => {
    const res = await get('/assets/index-Ab12Cd34.js.br', BROWSER);
    expect(res.headers['cache-control']).not.toBe(IMMUTABLE);
    expect(res.rawPayload.equals(readFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js.br')))).toBe(false);
  });

  it('sends images as they are', async () => {
    const res = await get('/assets/emblem-Zz99Yy88.png', BROWSER);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload.equals(PNG)).toBe(true);
  });

  it('compresses JSON over 1 KB for clients that accept it, and leaves small or unasked ones alone', async () => {
    const big = await get('/api/v1/reference/divisions', BROWSER);
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(String(big.headers.vary).toLowerCase()).toContain('accept-encoding');
    const plain = await get('/api/v1/reference/divisions');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(big.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(big.rawPayload).toString('utf8'))).toEqual(plain.json());

    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).openapi).toMatch(/^3\./);

    const small = await get('/api/health', BROWSER);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().status).toBe('ok');
  });

  it('sends Word, Excel and PDF downloads as their own bytes, never compressed twice', async () => {
    const plan = makeCompletePlan({ cover: { cityCodes: ['420100'], applicant: '武汉市人民政府' } });
    const created = await city.request('POST', '/api/v1/applications', { title: '压缩测试', applicationYear: 2016, plan });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const [suffix, type] of [
      ['export.docx', 'wordprocessingml'],
      ['export.xlsx', 'spreadsheetml'],
    ] as const) {
      const res = await city.request('GET', `/api/v1/applications/${id}/${suffix}`, undefined, { 'accept-encoding': BROWSER });
      expect(res.statusCode, suffix).toBe(200);
      expect(res.headers['content-type'], suffix).toContain(type);
      expect(res.headers['content-encoding'], suffix).toBeUndefined();
      expect(res.rawPayload.subarray(0, 2).toString('latin1'), suffix).toBe('PK');
      expect(Number(res.headers['content-length']), suffix).toBe(res.rawPayload.length);
    }

    // A PDF attachment, padded past the threshold, comes back byte for byte.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(8000, 0x20), Buffer.from('\ntrailer <<>>\n%%EOF\n')]);
    const m = multipart('附件.pdf', pdf, 'application/pdf');
    const up = await city.request('POST', `/api/v1/applications/${id}/attachments`, m.body, m.headers);
    expect(up.statusCode, up.body).toBe(201);
    const dl = await city.request('GET', `/api/v1/attachments/${up.json().id}`, undefined, { 'accept-encoding': BROWSER });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-encoding']).toBeUndefined();
    expect(dl.rawPayload.equals(pdf)).toBe(true);

    // The JSON export is text: compressed in transit, the same document once decoded.
    const json = await city.request('GET', `/api/v1/applications/${id}/export`, undefined, { 'accept-encoding': 'gzip' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment;/);
    expect(json.headers['content-encoding']).toBe('gzip');
    const unasked = await city.request('GET', `/api/v1/applications/${id}/export`);
    expect(unasked.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(json.rawPayload).toString('utf8'))).toEqual(unasked.json());
  });
});

const BUILT = join(process.cwd(), 'dist/web');
const hasBuild = existsSync(join(BUILT, 'index.html'));

describe.skipIf(!hasBuild && process.env.CI !== 'true')('the web build in dist/web', () => {
  it('has a smaller .br and .gz beside every script, style sheet and index.html', () => {
    const assets = readdirSync(join(BUILT, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const name of ['index.html', ...assets.map((f) => `assets/${f}`)]) {
      const size = statSync(join(BUILT, name)).size;
      // Copies that would not be smaller are left out; every real script and sheet compresses.
      if (size < 100) continue;
      expect(statSync(join(BUILT, `${name}.br`)).size, name).toBeLessThan(size);
      expect(statSync(join(BUILT, `${name}.gz`)).size, name).toBeLessThan(size);
    }
  });

  it('prints what the sign-in page’s first files weigh: plain, gzip (the build’s) and brotli (the build’s)', () => {
    const html = readFileSync(join(BUILT, 'index.html'), 'utf8');
    const files = ['index.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)];
    let plain = 0;
    let gz = 0;
    let br = 0;
    for (const f of files) {
      const data = readFileSync(join(BUILT, f));
      plain += data.length;
      gz += existsSync(join(BUILT, `${f}.gz`)) ? statSync(join(BUILT, `${f}.gz`)).size : gzipSync(data).length;
      br += existsSync(join(BUILT, `${f}.br`))
        ? statSync(join(BUILT, `${f}.br`)).size
        : brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(`RESULT static=index-entry files=${files.length} plain_kb=${kb(plain)} gzip_kb=${kb(gz)} brotli_kb=${kb(br)}`);
    expect(br).toBeLessThan(plain / 2);
  });
});
