/**
 * Server state: one TanStack Query client for the app. A refusal (4xx) is an answer, not a glitch:
 * it is never retried; a network error or a 5xx is retried twice. Data stays fresh for half a
 * minute, so moving between pages does not refetch. No UI here, so the entry chunk stays small.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export function isClientError(err: unknown): boolean {
  return err instanceof ApiError && err.status >= 400 && err.status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, err) => !isClientError(err) && failures < 2,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
