/** The route table: plan-check (format: README.md). */
import { OK, type RouteEntry } from './types.js';

export const planCheckRoutes: RouteEntry[] = [
  {
    method: 'POST',
    path: '/api/v1/plan/check',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      platform_admin: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/plan/parse-target',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      platform_admin: OK,
    },
  },
];
