/** Events as server state under ['events']; every write invalidates the lists, the event and the items. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionListQuery, EventListQuery } from '../events.contract';
import { eventsApi } from './events-api';

export const eventKeys = {
  all: ['events'] as const,
  list: (q: EventListQuery) => ['events', 'list', q.kind ?? 'all', q.year ?? 'all'] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  items: (q: Partial<ActionListQuery>) => ['events', 'items', q.scope ?? 'mine', q.status ?? 'all', q.eventId ?? 'all'] as const,
  owners: ['events', 'owners'] as const,
};

export const eventQueries = {
  list: (q: EventListQuery) => queryOptions({ queryKey: eventKeys.list(q), queryFn: () => eventsApi.list(q) }),
  detail: (id: string) => queryOptions({ queryKey: eventKeys.detail(id), queryFn: () => eventsApi.get(id) }),
  items: (q: Partial<ActionListQuery>) => queryOptions({ queryKey: eventKeys.items(q), queryFn: () => eventsApi.items(q) }),
  owners: () => queryOptions({ queryKey: eventKeys.owners, queryFn: () => eventsApi.ownerOptions(), staleTime: 5 * 60_000 }),
};

/** A write whose success refreshes everything under ['events']. */
export function useEventWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.all }) });
}
