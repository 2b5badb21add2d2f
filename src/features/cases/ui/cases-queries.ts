/** The case library as server state, under ['cases']: every step invalidates the lists and the case. */
import { queryOptions } from '@tanstack/react-query';
import { casesApi } from './cases-api';
import type { LibrarySearch } from './library-search';

export const caseKeys = {
  all: ['cases'] as const,
  search: (scope: string, s: LibrarySearch, pageSize: number) => ['cases', 'search', scope, s, pageSize] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  pilots: ['cases', 'pilots'] as const,
  evidence: (pilotId: string) => ['cases', 'evidence', pilotId] as const,
  nominations: ['cases', 'nominations'] as const,
};

export const casesQueries = {
  search: (scope: 'library' | 'mine' | 'review', s: LibrarySearch, pageSize = 20) =>
    queryOptions({ queryKey: caseKeys.search(scope, s, pageSize), queryFn: () => casesApi.search({ ...s, scope, pageSize }) }),
  detail: (id: string) => queryOptions({ queryKey: caseKeys.detail(id), queryFn: () => casesApi.get(id) }),
  pilots: () => queryOptions({ queryKey: caseKeys.pilots, queryFn: () => casesApi.pilots() }),
  evidence: (pilotId: string) => queryOptions({ queryKey: caseKeys.evidence(pilotId), queryFn: () => casesApi.evidence(pilotId) }),
  nominations: () => queryOptions({ queryKey: caseKeys.nominations, queryFn: () => casesApi.nominations() }),
};
