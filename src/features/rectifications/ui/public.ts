/**
 * What other features may use of rectification on the web: a pilot's cases with the button to order
 * one (for the pilot page), the keys a change invalidates, and the download links of a notice.
 */
export { PilotRectifications } from './pilot-rectifications';
export { rectificationKeys } from './rectifications-queries';
export { rectificationLinks } from './rectifications-api';
