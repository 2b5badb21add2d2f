/** Pilot cities as server state (TanStack Query), under ['pilots']; an approval adds one, so it invalidates ['pilots']. */
import { queryOptions } from '@tanstack/react-query';
import { pilotsApi } from './pilots-api';

export const pilotKeys = {
  all: ['pilots'] as const,
  list: ['pilots', 'list'] as const,
  detail: (id: string) => ['pilots', 'detail', id] as const,
};

export const pilotsQueries = {
  list: () => queryOptions({ queryKey: pilotKeys.list, queryFn: () => pilotsApi.list() }),
  detail: (id: string) => queryOptions({ queryKey: pilotKeys.detail(id), queryFn: () => pilotsApi.get(id) }),
  /** The pilot created from an application, if any (read from the list the user may see). */
  ofApplication: (applicationId: string) =>
    queryOptions({
      queryKey: pilotKeys.list,
      queryFn: () => pilotsApi.list(),
      select: (r) => r.items.find((p) => p.applicationId === applicationId) ?? null,
    }),
};
