/**
 * The expert pool as server state (TanStack Query): one key tree under ['experts'], so that a change
 * to the pool (save, availability, import) refreshes every list and the fields in use at once.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ExpertFilters } from '../experts.contract';
import { expertsApi } from './experts-api';

export const expertKeys = {
  all: ['experts'] as const,
  lists: ['experts', 'list'] as const,
  list: (filters: ExpertFilters, page: number, pageSize: number) => ['experts', 'list', filters, page, pageSize] as const,
  fields: ['experts', 'fields'] as const,
};

export const expertsQueries = {
  list: (filters: ExpertFilters, page: number, pageSize: number) =>
    queryOptions({ queryKey: expertKeys.list(filters, page, pageSize), queryFn: () => expertsApi.list(filters, page, pageSize) }),
  fields: () => queryOptions({ queryKey: expertKeys.fields, queryFn: () => expertsApi.fields() }),
  /** The available experts a panel is chosen from (the pool's first 500, as the panel editor reads it). */
  availablePool: () => expertsQueries.list({ available: 'true' }, 1, 500),
};
