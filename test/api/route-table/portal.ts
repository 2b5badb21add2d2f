/**
 * The route table: publishing on the public portal 公开门户 (format: README.md). Only the planning
 * department publishes and withdraws; the public pages themselves (/portal/…) are not API routes
 * and are tested in test/api/portal.test.ts.
 */
import { OK, type RouteEntry } from './types.js';

export const portalRoutes: RouteEntry[] = [
  { method: 'GET', path: '/api/v1/portal/publishing', roles: { ministry_planning: OK } },
  { method: 'POST', path: '/api/v1/portal/pilots/{id}/publications', roles: { ministry_planning: OK } },
  // Own: 宁波's page (demo data); other: 沈阳's (published by the fixture). The second withdrawal of each is refused with 409.
  { method: 'POST', path: '/api/v1/portal/publications/{id}/withdraw', roles: { ministry_planning: OK } },
];
