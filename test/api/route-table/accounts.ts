/** The route table: accounts (format: README.md). */
import { OK, type RouteEntry } from './types.js';

export const accountsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/admin/organisations',
    roles: {
      platform_admin: OK,
      security_admin: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/organisations',
    roles: {
      platform_admin: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/users',
    roles: {
      platform_admin: OK,
      security_admin: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/users',
    body: (fx) => ({ username: `route-table-${Math.random().toString(36).slice(2, 10)}`, password: 'Route-Table-2026!x', displayName: '路由表测试', organisationId: fx.organisationId }),
    roles: {
      platform_admin: OK,
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/admin/users/{id}',
    // Unlocking is the security administrator's; setting a password or disabling is the system
    // administrator's (that half: test/api/permission-table.test.ts, administrators' routes).
    body: { unlock: true },
    roles: {
      security_admin: OK,
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/users/{id}/sessions',
    roles: {
      security_admin: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/users/{id}/sessions',
    roles: {
      security_admin: OK,
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/users/{id}/sessions/{sessionId}',
    // The session ids are not the account's (own: nobody's; other: 武汉's under another account): 404.
    roles: {
      security_admin: 404,
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/users/{id}/totp',
    roles: {
      security_admin: OK,
    },
  },
];
