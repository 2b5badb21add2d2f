/**
 * The Content-Security-Policy nonce of this answer (src/server/security-headers.ts writes a fresh one
 * into `<meta property="csp-nonce">` and into the policy's style-src). The policy has no
 * 'unsafe-inline', so a <style> element applies only when it carries the nonce: Ant Design's CSS-in-JS
 * gets it through ConfigProvider's `csp` prop, and the few helpers below Ant Design that write a
 * <style> without asking (rc-component's scroll-bar measurement and modal scroll lock) get it here:
 * every style element this page's own scripts create is given the nonce when it is created. Likewise a
 * `setAttribute('style', …)` from the page's scripts (rc-textarea's height measurement does this) is
 * applied through the CSSOM (`style.cssText`), which the policy does not govern. Markup injected into
 * the page by anyone else still cannot style anything, which is what the policy is for.
 *
 * The policy allows no eval either: zod 4 would probe for it (`new Function('')`, reported as a violation)
 * to compile its object parsers; it is told not to (`jitless`, zod's `z.config`), without loading zod on
 * pages that do not need it — zod keeps that configuration on `globalThis.__zod_globalConfig`.
 */
const PLACEHOLDER = '__CSP_NONCE__';

export function cspNonce(): string | undefined {
  // The browser hides the attribute from the DOM once parsed; the property keeps the value.
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return nonce && nonce !== PLACEHOLDER ? nonce : undefined;
}

/** Gives the nonce to every <style> element created from now on; returns ConfigProvider's `csp`. */
export function applyCspNonce(): { nonce: string } | undefined {
  const nonce = cspNonce();
  if (!nonce) return undefined;
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });
  const create = document.createElement.bind(document) as (tag: string, options?: ElementCreationOptions) => HTMLElement;
  document.createElement = ((tag: string, options?: ElementCreationOptions) => {
    const el = create(tag, options);
    if (el instanceof HTMLStyleElement) el.nonce = nonce;
    return el;
  }) as typeof document.createElement;
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if ((this instanceof HTMLElement || this instanceof SVGElement) && name.toLowerCase() === 'style') {
      this.style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
  return { nonce };
}
