/** The route table: evaluations (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const evaluationsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/evaluation-scheme',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/evaluation-scheme',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/evaluation-rounds',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/evaluation-rounds',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/evaluations/{id}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/evaluations/{id}/panel',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/evaluations/{id}/scores',
    roles: {
      expert: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/evaluations/{id}/opinion',
    roles: {
      ministry_department: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/evaluations/{id}/decide',
    roles: {
      ministry_planning: OK,
    },
  },
];
