/** The dashboard as server state: ['dashboards', filters]. */
import { queryOptions } from '@tanstack/react-query';
import type { DashboardQuery } from '../dashboards.contract';
import { dashboardsApi } from './dashboards-api';

export const dashboardKeys = {
  all: ['dashboards'] as const,
  dashboard: (q: DashboardQuery) => ['dashboards', q] as const,
};

export const dashboardQueries = {
  dashboard: (q: DashboardQuery) => queryOptions({ queryKey: dashboardKeys.dashboard(q), queryFn: () => dashboardsApi.dashboard(q) }),
};
