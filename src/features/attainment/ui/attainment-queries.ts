/** Attainment as server state: ['attainment', 'pilot', id] and ['attainment', 'overview', filters]. */
import { queryOptions } from '@tanstack/react-query';
import type { OverviewQuery } from '../attainment.contract';
import { attainmentApi } from './attainment-api';

export const attainmentKeys = {
  all: ['attainment'] as const,
  pilot: (pilotId: string) => ['attainment', 'pilot', pilotId] as const,
  overview: (q: OverviewQuery) => ['attainment', 'overview', q] as const,
};

export const attainmentQueries = {
  pilot: (pilotId: string) => queryOptions({ queryKey: attainmentKeys.pilot(pilotId), queryFn: () => attainmentApi.pilot(pilotId) }),
  overview: (q: OverviewQuery) => queryOptions({ queryKey: attainmentKeys.overview(q), queryFn: () => attainmentApi.overview(q) }),
};
