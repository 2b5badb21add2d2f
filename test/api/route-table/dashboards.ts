/** The route table: the dashboards 统计看板 (format: README.md). A province's dashboard covers its own pilots. */
import { OK, type RouteEntry } from './types.js';

const READERS = { provincial_authority: OK, ministry_planning: OK, ministry_department: OK, leading_group_observer: OK } as const;

export const dashboardsRoutes: RouteEntry[] = [
  { method: 'GET', path: '/api/v1/dashboard', roles: READERS },
  { method: 'GET', path: '/api/v1/dashboard.xlsx', roles: READERS },
];
