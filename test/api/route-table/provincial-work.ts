/** The route table: provincial-work (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const provincialWorkRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/provinces',
    roles: {
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/provinces/{authorityId}/work-plan',
    roles: {
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/provinces/{authorityId}/work-plan',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/provinces/{authorityId}/policies',
    roles: {
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/provinces/{authorityId}/policies',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/provinces/{authorityId}/files',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/provincial-files/{fileId}',
    roles: {
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/provinces/{authorityId}/overview',
    roles: {
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
];
