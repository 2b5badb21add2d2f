/**
 * Evaluations as server state, under ['evaluations']. A decision may open a rectification and move
 * the pilot, so it also invalidates the rectification and pilot keys (done by the pages).
 */
import { queryOptions } from '@tanstack/react-query';
import { evaluationsApi } from './evaluations-api';

export const evaluationKeys = {
  all: ['evaluations'] as const,
  scheme: ['evaluations', 'scheme'] as const,
  rounds: ['evaluations', 'rounds'] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
};

export const evaluationsQueries = {
  scheme: () => queryOptions({ queryKey: evaluationKeys.scheme, queryFn: () => evaluationsApi.scheme() }),
  rounds: () => queryOptions({ queryKey: evaluationKeys.rounds, queryFn: () => evaluationsApi.rounds() }),
  detail: (id: string) => queryOptions({ queryKey: evaluationKeys.detail(id), queryFn: () => evaluationsApi.get(id) }),
};
