/** The route table: pilots (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const pilotsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/pilots',
    list: { detail: '/api/v1/pilots/{id}', universe: 'select id from pilots' },
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
    path: '/api/v1/pilots/{id}',
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
    path: '/api/v1/pilots/{id}/approval.docx',
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
    path: '/api/v1/pilots/{id}/approval.pdf',
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
    path: '/api/v1/pilots/{id}/cycle',
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
    path: '/api/v1/pilots/{id}/transitions',
    roles: {
      city_applicant: [403, 404],
      provincial_authority: [403, 404],
      ministry_planning: OK,
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/pilots/{id}/reporting',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/settings/pilot-schedule',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/settings/pilot-schedule',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/contract-versions',
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
    path: '/api/v1/pilots/{id}/summary',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/pilots/{id}/summary',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/pilots/{id}/summary/submit',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/pilots/{id}/nominations',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/pilots/{id}/nominations/{nominationId}',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/pilots/{id}/nominations/{nominationId}',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/pilots/{id}/summary/files',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/summary/files/{fileId}',
    roles: {
      city_applicant: 404,
      provincial_authority: 404,
      ministry_planning: 404,
      ministry_department: 404,
      leading_group_observer: 404,
    },
  },
];
