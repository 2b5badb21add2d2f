/** The route table: amendments (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const amendmentsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/amendments',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/pilots/{id}/amendments',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/amendments/{id}/opinion',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/amendments/{id}/decision',
    roles: {
      ministry_planning: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/amendments/{id}/withdraw',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
];
