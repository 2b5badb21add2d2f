/** The route table: attachments (format: README.md). */
import { ONLY_OWN, type RouteEntry } from './types.js';

export const attachmentsRoutes: RouteEntry[] = [
  {
    method: 'POST',
    path: '/api/v1/applications/{id}/attachments',
    roles: {
      city_applicant: ONLY_OWN,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/attachments/{attachmentId}',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: 404,
      ministry_planning: 404,
      ministry_department: 404,
    },
  },
];
