/** Policy resources as server state under ['resources']; recording or withdrawing refreshes every list and total. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeSettings, ResourceInput, TotalsBy } from '../policy-resources.contract';
import { resourcesApi, type ResourceFilter } from './resources-api';

export const resourceKeys = {
  all: ['resources'] as const,
  programmes: ['resources', 'programmes'] as const,
  pilot: (id: string) => ['resources', 'pilot', id] as const,
  list: (f: ResourceFilter) => ['resources', 'list', f.pilotId ?? '', f.year ?? ''] as const,
  totals: (by: TotalsBy, year?: number) => ['resources', 'totals', by, year ?? ''] as const,
};

export const resourcesQueries = {
  programmes: () => queryOptions({ queryKey: resourceKeys.programmes, queryFn: () => resourcesApi.programmes() }),
  pilot: (id: string) => queryOptions({ queryKey: resourceKeys.pilot(id), queryFn: () => resourcesApi.ofPilot(id) }),
  list: (f: ResourceFilter) => queryOptions({ queryKey: resourceKeys.list(f), queryFn: () => resourcesApi.list(f) }),
  totals: (by: TotalsBy, year?: number) => queryOptions({ queryKey: resourceKeys.totals(by, year), queryFn: () => resourcesApi.totals(by, year) }),
};

export function useRecordResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ pilotId, body }: { pilotId: string; body: ResourceInput }) => resourcesApi.record(pilotId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export function useWithdrawResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resourcesApi.withdraw(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}

export function useSaveProgrammes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeSettings) => resourcesApi.saveProgrammes(body),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceKeys.all }),
  });
}
