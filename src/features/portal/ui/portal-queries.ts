/** The portal's publishing state as server state, under ['portal']. */
import { queryOptions } from '@tanstack/react-query';
import { portalApi } from './portal-api';

export const portalKeys = {
  all: ['portal'] as const,
  publishing: ['portal', 'publishing'] as const,
};

export const portalQueries = {
  publishing: () => queryOptions({ queryKey: portalKeys.publishing, queryFn: () => portalApi.list() }),
};
