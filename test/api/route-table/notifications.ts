/** The route table: notifications (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const notificationsRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/notifications',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      leading_group_observer: OK,
      platform_admin: OK,
      security_admin: OK,
      audit_admin: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/{id}/read',
    roles: {
      city_applicant: 404,
      provincial_authority: 404,
      ministry_planning: 404,
      ministry_department: 404,
      expert: ONLY_OWN,
      leading_group_observer: 404,
      platform_admin: 404,
      security_admin: 404,
      audit_admin: 404,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
      expert: OK,
      leading_group_observer: OK,
      platform_admin: OK,
      security_admin: OK,
      audit_admin: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/jobs/dead-letter',
    roles: {
      platform_admin: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/jobs/dead-letter/{id}/retry',
    roles: {
      platform_admin: 404,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/email-outbox',
    roles: {
      platform_admin: OK,
    },
  },
];
