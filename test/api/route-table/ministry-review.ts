/** The route table: ministry-review (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry, inStates } from './types.js';

export const ministryReviewRoutes: RouteEntry[] = [
  {
    method: 'POST',
    path: '/api/v1/review/proposals',
    body: (fx) => ({ applicationIds: [fx.applications.received.own], panelSize: 3 }),
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/panel',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/review',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/opinions',
    roles: {
      ministry_department: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/comments',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
      ministry_department: inStates('forwarded', 'received'),
      expert: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/rescore',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/panel/promote',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/decision',
    roles: {
      ministry_planning: inStates('forwarded', 'received'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/review/settings',
    roles: {
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/review/settings',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/applications/{id}/scores.xlsx',
    roles: {
      ministry_planning: 404,
      ministry_department: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/review/assignments',
    list: { detail: '/api/v1/review/assignments/{panelId}', universe: 'select id from panels', id: 'panelId' },
    roles: {
      expert: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/review/assignments/{panelId}',
    roles: {
      expert: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/review/assignments/{panelId}/declare',
    roles: {
      expert: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/review/assignments/{panelId}/recuse',
    roles: {
      expert: ONLY_OWN,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/review/assignments/{panelId}/scores',
    roles: {
      expert: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/review/assignments/{panelId}/scores',
    roles: {
      expert: ONLY_OWN,
    },
  },
];
