/**
 * Security headers on every response, and the web app's index.html with a fresh CSP nonce each time.
 *
 * - Content-Security-Policy without 'unsafe-inline'. Scripts and style sheets come only from this
 *   origin. Ant Design writes its styles into <style> elements at run time (CSS-in-JS); each answer of
 *   index.html carries a new random nonce in the policy and in `<meta property="csp-nonce">`, which the
 *   web app hands to ConfigProvider's `csp` prop, so only the app's own style elements apply.
 *   API answers get `default-src 'none'`; stored-file downloads set their own sandboxing policy
 *   (src/kernel/blob-store.ts), which is left as it is.
 * - frame-ancestors 'none' (and X-Frame-Options: DENY for old browsers), nosniff, a same-origin
 *   referrer policy, and HSTS when running in production (or when HSTS=true).
 *
 * index.html with a nonce cannot be one precompressed file revalidated by ETag (a 304 would keep the
 * old nonce in the page while the new policy names another), so it is rendered per answer, sent
 * `no-cache` without a validator, and compressed on the fly like any other text (ADR 0011, amended).
 * A web root whose index.html has no nonce placeholder is served as a static file, as before.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export interface SecurityHeaderOptions {
  /** Strict-Transport-Security: on in production (NODE_ENV=production) unless HSTS=false; HSTS=true forces it. */
  hsts: boolean;
}

/** The policy of the web app's pages; with a nonce for the style elements the app writes at run time. */
export function pageCsp(nonce: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The API documentation (Swagger UI at /api/docs) runs the page policy but for one thing: swagger-ui's
 * bundle writes one fixed <style> element at start (no nonce can reach it), allowed here by its SHA-256
 * hash and nothing else — still no 'unsafe-inline', scripts from this origin only, no inline script, no
 * style attributes in markup. A new swagger-ui version with other CSS changes the hash: the browser test
 * (test/e2e/csp-docs-charts.test.ts) then reports the violation with the hash Chromium expects.
 */
export const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

export function docsCsp(): string {
  return pageCsp(null).replace("style-src 'self'", `style-src 'self' ${SWAGGER_UI_STYLE_HASH}`) + "; script-src-attr 'none'";
}

/** API answers are data: nothing in them may load or run anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

export function installSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions): void {
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (opts.hsts) reply.header('strict-transport-security', HSTS_VALUE);
    // A route that set its own policy (a download's sandbox, the nonce page) keeps it.
    if (!reply.hasHeader('content-security-policy')) {
      const docs = req.url === '/api/docs' || req.url.startsWith('/api/docs/') || req.url.startsWith('/api/docs?');
      reply.header('content-security-policy', docs ? docsCsp() : req.url.startsWith('/api/') ? API_CSP : pageCsp(null));
    }
  });
}

/** index.html as a template, when the build put the nonce placeholder in it; null otherwise. */
export function loadIndexTemplate(webRoot: string): string | null {
  try {
    const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
    return html.includes(NONCE_PLACEHOLDER) ? html : null;
  } catch {
    return null;
  }
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Sends index.html with a new nonce in the page and in its policy. */
export function sendIndexPage(reply: FastifyReply, template: string): FastifyReply {
  const nonce = newNonce();
  return reply
    .status(200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-security-policy', pageCsp(nonce))
    .send(template.replaceAll(NONCE_PLACEHOLDER, nonce));
}
