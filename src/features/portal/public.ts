/** What the composition root uses of the portal: the ministry's publishing API and the public pages. */
export { portalRoutes } from './portal.routes.js';
export { portalPages } from './portal.pages.js';
