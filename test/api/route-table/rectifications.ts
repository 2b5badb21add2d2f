/** The route table: rectifications (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const rectificationsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/rectifications',
    list: { detail: '/api/v1/rectifications/{id}', universe: "select id from rectification_cases where pilot_id = '{pilot}'" },
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
    path: '/api/v1/pilots/{id}/rectifications',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/rectifications/proposal',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/rectifications/{id}',
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
    path: '/api/v1/rectifications/{id}/answer',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/rectifications/{id}/opinion',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/rectifications/{id}/reassess',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/rectifications/{id}/suspend',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/rectifications/{id}/cancel',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/rectifications/{id}/evidence',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/rectifications/{id}/evidence/{fileId}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: 404,
      ministry_planning: 404,
      ministry_department: 404,
      leading_group_observer: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/notices',
    list: { detail: '/api/v1/notices/{id}', universe: 'select id from public_notices' },
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
    path: '/api/v1/notices/{id}.docx',
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
    path: '/api/v1/notices/{id}.pdf',
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
    path: '/api/v1/notices/{id}',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
];
