/**
 * The signed-in user's notices as a query. The bell polls it every minute while the page is visible,
 * and again when the page becomes visible; polling stays quiet on failure.
 */
import { queryOptions } from '@tanstack/react-query';
import type { NotificationsApi } from './notifications-api';

export const POLL_MS = 60_000;
/** How many notices the bell lists. */
export const BELL_LIMIT = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (limit: number) => ['notifications', 'list', limit] as const,
};

export const notificationQueries = {
  list: (api: NotificationsApi, limit = BELL_LIMIT) =>
    queryOptions({
      queryKey: notificationKeys.list(limit),
      queryFn: () => api.list(limit),
      // Always stale: coming back to the page asks again, as the bell did before.
      staleTime: 0,
      refetchInterval: POLL_MS,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
    }),
};
