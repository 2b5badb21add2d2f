/** What the composition root uses of the dashboards: their routes. */
export { dashboardRoutes } from './dashboards.routes.js';
