/** The route table: reference (format: README.md). */
import { OK, type RouteEntry } from './types.js';

export const referenceRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/reference/divisions',
    public: { anonymous: OK },
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
    path: '/api/v1/reference/divisions/{code}',
    public: { anonymous: OK },
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
    path: '/api/v1/reference/authorities',
    public: { anonymous: OK },
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
    path: '/api/v1/reference/city-types',
    public: { anonymous: OK },
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
];
