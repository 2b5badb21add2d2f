/** The dashboards for the web: the dashboard and its Excel export links (all, or one chart's part). */
import { API_BASE, request } from '../../../web-kit/api-client';
import type { Dashboard, DashboardPart, DashboardQuery } from '../dashboards.contract';

function query(q: DashboardQuery & { part?: DashboardPart }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const dashboardsApi = {
  dashboard: (q: DashboardQuery) => request<Dashboard>('GET', `/dashboard${query(q)}`),
};

export const dashboardLinks = {
  xlsx: (q: DashboardQuery, part?: DashboardPart) => `${API_BASE}/dashboard.xlsx${query({ ...q, part })}`,
};
