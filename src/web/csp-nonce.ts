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
 * when it builds an object schema; src/web/public/zod-jitless.js, a classic script that runs before any
 * module of the app, tells it not to (`jitless`), without loading zod on pages that do not need it.
 */
import { cspNonce } from '../web-kit/csp-nonce';

/** Gives the nonce to every <style> element created from now on (ConfigProvider's `csp`: src/web-kit/antd-root.tsx). */
export function applyCspNonce(): void {
  const nonce = cspNonce();
  if (!nonce) return;
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
}
