/** The route table: attainment (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const attainmentRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/attainment',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/attainment.xlsx',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/attainment/overview',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/attainment/overview.xlsx',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
];
