/** The route table: cases (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const casesRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/cases',
    // The default view is the published library; the review queue and one's own drafts are other views (?scope=).
    list: { detail: '/api/v1/cases/{id}', universe: 'select id from cases', view: true },
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
    path: '/api/v1/cases',
    roles: {
      city_applicant: OK,
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/cases/pilots',
    roles: {
      city_applicant: OK,
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/cases/pilots/{id}/evidence',
    roles: {
      city_applicant: ONLY_OWN,
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/cases/nominations',
    roles: {
      city_applicant: OK,
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/from-nomination/{nominationId}',
    roles: {
      city_applicant: 404,
      ministry_planning: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/cases/book.docx',
    // A book of 宁波's published case.
    query: (fx) => `ids=${fx.ids.case.own}`,
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
    method: 'GET',
    path: '/api/v1/cases/book.pdf',
    // A book of 宁波's published case.
    query: (fx) => `ids=${fx.ids.case.own}`,
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
    method: 'GET',
    path: '/api/v1/cases/{id}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: ONLY_OWN,
      expert: ONLY_OWN,
      leading_group_observer: ONLY_OWN,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/cases/{id}',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{id}/submit',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{id}/start-review',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{id}/return',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{id}/publish',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases/{id}/unpublish',
    roles: {
      ministry_planning: OK,
    },
  },
];
