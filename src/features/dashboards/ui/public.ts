/** What other parts of the web may use of the dashboards: the search parser the route validates with. */
export { parseDashboardSearch, type DashboardSearch } from './dashboard-search';
