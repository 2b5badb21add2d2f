/** The route table: applications (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry, inStates } from './types.js';

export const applicationsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/applications',
    list: { detail: '/api/v1/applications/{id}', universe: 'select id from applications', abilities: (d) => (d as { application: { abilities: unknown } }).application.abilities },
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      leading_group_observer: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications',
    roles: {
      city_applicant: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
      leading_group_observer: 404,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/applications/{id}/plan',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/versions',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
      leading_group_observer: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/versions/{versionId}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
      leading_group_observer: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/history',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
      leading_group_observer: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/export',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/export.docx',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/export.xlsx',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/submit',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/forward',
    roles: {
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/return',
    roles: {
      provincial_authority: [inStates('submitted', 'returned', 'forwarded', 'received'), 404],
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/receive',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
    },
  },
];
