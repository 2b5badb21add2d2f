/** The route table: consulting (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const consultingRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/consulting',
    list: { detail: '/api/v1/consulting/{requestId}', universe: "select id from consulting_requests where pilot_id = '{pilot}'" },
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/pilots/{id}/consulting',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/consulting',
    list: { detail: '/api/v1/consulting/{requestId}', universe: 'select id from consulting_requests' },
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/consulting/{requestId}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/consulting/{requestId}/candidates',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/consulting/{requestId}/match',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/consulting/{requestId}/serve',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/consulting/{requestId}/close',
    roles: {
      ministry_planning: OK,
    },
  },
];
