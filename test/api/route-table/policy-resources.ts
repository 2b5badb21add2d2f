/** The route table: policy-resources (format: README.md). */
import { OK, ONLY_OWN, type RouteEntry } from './types.js';

export const policyResourcesRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/resources/programmes',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/resources/programmes',
    roles: {
      ministry_planning: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/pilots/{id}/resources',
    roles: {
      city_applicant: ONLY_OWN,
      provincial_authority: ONLY_OWN,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'POST',
    path: '/api/v1/pilots/{id}/resources',
    roles: {
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/resources/{resourceId}',
    // Each request deletes a resource recorded for it just before (by the planning department).
    params: async (fx, scope) => {
      const res = await fx.clients.get('guihuasi')!.request('POST', `/api/v1/pilots/${fx.ids.pilot[scope]}/resources`, {
        programme: 'industrial_upgrading',
        amount: 10,
        year: 2025,
        department: '规划司',
        project: '路由表测试项目',
      });
      if (res.statusCode !== 201) throw new Error(`route table: resource not recorded: ${res.body}`);
      return { resourceId: (res.json() as { id: string }).id };
    },
    roles: {
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/resources',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/resources/totals',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
  {
    method: 'GET',
    path: '/api/v1/resources/export.xlsx',
    roles: {
      city_applicant: OK,
      provincial_authority: OK,
      ministry_planning: OK,
      ministry_department: OK,
    },
  },
];
