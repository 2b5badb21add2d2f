/**
 * The Content-Security-Policy nonce of this answer: src/server/security-headers.ts writes a fresh one
 * into `<meta property="csp-nonce">` and into the policy's style-src (see src/web/csp-nonce.ts).
 */
const PLACEHOLDER = '__CSP_NONCE__';

export function cspNonce(): string | undefined {
  // The browser hides the attribute from the DOM once parsed; the property keeps the value.
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return nonce && nonce !== PLACEHOLDER ? nonce : undefined;
}
