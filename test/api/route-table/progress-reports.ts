/** The route table: progress-reports (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const progressReportsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/report-schedule',
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
    path: '/api/v1/report-schedule',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/reports',
    list: { detail: '/api/v1/reports/{id}', universe: "select id from progress_reports where pilot_id = '{pilot}'", openAbility: true },
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
    path: '/api/v1/reports',
    // The due list: what is due, overdue, submitted or confirmed now (older periods are on each pilot's list).
    list: { detail: '/api/v1/reports/{id}', universe: 'select id from progress_reports', openAbility: true, view: true },
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
    path: '/api/v1/reports/{id}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: 404,
      ministry_department: 404,
      leading_group_observer: 404,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/reports/{id}',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/{id}/submit',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/{id}/confirm',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/{id}/return',
    roles: {
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/{id}/corrections',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/{id}/evidence',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/{id}/evidence/{fileId}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: 404,
      ministry_department: 404,
      leading_group_observer: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/{id}/template.xlsx',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: 404,
      ministry_department: 404,
      leading_group_observer: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/{id}/import',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
];
