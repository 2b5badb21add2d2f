/** The route table: audit (format: README.md). */
import { OK, type RouteEntry } from './types.js';

export const auditRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/audit',
    roles: {
      audit_admin: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/audit/verify',
    roles: {
      audit_admin: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/audit/export.xlsx',
    roles: {
      audit_admin: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/audit/export.csv',
    roles: {
      audit_admin: OK,
    },
  },
];
