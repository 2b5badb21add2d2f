/** What the composition root uses of the case library: its routes. */
export { caseRoutes } from './cases.routes.js';
