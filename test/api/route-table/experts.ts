/** The route table: experts (format: README.md). */
import { OK, type RouteEntry } from './types.js';

export const expertsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/experts/{id}/scores.xlsx',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/experts',
    list: { detail: '/api/v1/experts/{id}', universe: 'select id from experts' },
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/experts',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/experts/fields',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/experts/export.xlsx',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/experts/template.xlsx',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/experts/import',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/experts/{id}',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/experts/{id}',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/experts/{id}',
    roles: {
      ministry_planning: OK,
    },
  },
];
