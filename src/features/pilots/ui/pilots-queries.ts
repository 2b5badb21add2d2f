/**
 * Pilot cities as server state (TanStack Query), under ['pilots']: the list, one pilot, and per pilot
 * its cycle, contract versions and summary (nested under the pilot's key, so a change to the pilot
 * refreshes them all); the calendar setting under ['pilots', 'schedule-setting']. An approval adds a
 * pilot, so it invalidates ['pilots']; every mutation here invalidates the pilot it changes.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NominationBody, ReportingBody, ScheduleSetting, SummaryBody, TransitionBody } from '../pilots.contract';
import { pilotsApi } from './pilots-api';

export const pilotKeys = {
  all: ['pilots'] as const,
  list: ['pilots', 'list'] as const,
  /** Everything about one pilot: its detail, cycle, versions, summary (and other features' parts under it). */
  pilot: (id: string) => ['pilots', 'pilot', id] as const,
  detail: (id: string) => ['pilots', 'pilot', id, 'detail'] as const,
  cycle: (id: string) => ['pilots', 'pilot', id, 'cycle'] as const,
  contractVersions: (id: string) => ['pilots', 'pilot', id, 'contract-versions'] as const,
  summary: (id: string) => ['pilots', 'pilot', id, 'summary'] as const,
  scheduleSetting: ['pilots', 'schedule-setting'] as const,
};

export const pilotsQueries = {
  list: () => queryOptions({ queryKey: pilotKeys.list, queryFn: () => pilotsApi.list() }),
  detail: (id: string) => queryOptions({ queryKey: pilotKeys.detail(id), queryFn: () => pilotsApi.get(id) }),
  cycle: (id: string) => queryOptions({ queryKey: pilotKeys.cycle(id), queryFn: () => pilotsApi.cycle(id) }),
  contractVersions: (id: string) => queryOptions({ queryKey: pilotKeys.contractVersions(id), queryFn: () => pilotsApi.contractVersions(id) }),
  summary: (id: string) => queryOptions({ queryKey: pilotKeys.summary(id), queryFn: () => pilotsApi.summary(id) }),
  scheduleSetting: () => queryOptions({ queryKey: pilotKeys.scheduleSetting, queryFn: () => pilotsApi.scheduleSetting() }),
  /** The pilot created from an application, if any (read from the list the user may see). */
  ofApplication: (applicationId: string) =>
    queryOptions({
      queryKey: pilotKeys.list,
      queryFn: () => pilotsApi.list(),
      select: (r) => r.items.find((p) => p.applicationId === applicationId) ?? null,
    }),
};

/** After a change to a pilot: the pilot's own queries and the list (its state, name and abilities show there). */
export function usePilotChanged(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: pilotKeys.pilot(id) }), queryClient.invalidateQueries({ queryKey: pilotKeys.list })]).then(() => undefined);
}

export function useTransition(id: string) {
  const changed = usePilotChanged(id);
  return useMutation({ mutationFn: (body: TransitionBody) => pilotsApi.transition(id, body), onSuccess: changed });
}

export function useSetReporting(id: string) {
  const changed = usePilotChanged(id);
  return useMutation({ mutationFn: (body: ReportingBody) => pilotsApi.setReporting(id, body), onSuccess: changed });
}

export function useSaveSummary(id: string) {
  const changed = usePilotChanged(id);
  return useMutation({ mutationFn: (body: SummaryBody) => pilotsApi.saveSummary(id, body), onSuccess: changed });
}

export function useSubmitSummary(id: string) {
  const changed = usePilotChanged(id);
  return useMutation({ mutationFn: (version: number) => pilotsApi.submitSummary(id, version), onSuccess: changed });
}

export function useUploadSummaryFile(id: string) {
  return useMutation({ mutationFn: (file: File) => pilotsApi.uploadSummaryFile(id, file) });
}

export function useSaveNomination(id: string) {
  const changed = usePilotChanged(id);
  return useMutation({
    mutationFn: ({ editing, body }: { editing: { id: string; version: number } | null; body: NominationBody }) =>
      editing ? pilotsApi.updateNomination(id, editing.id, { ...body, version: editing.version }) : pilotsApi.createNomination(id, body),
    onSuccess: changed,
  });
}

export function useDeleteNomination(id: string) {
  const changed = usePilotChanged(id);
  return useMutation({ mutationFn: (nominationId: string) => pilotsApi.deleteNomination(id, nominationId), onSuccess: changed });
}

export function useSaveScheduleSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleSetting) => pilotsApi.saveScheduleSetting(body),
    onSuccess: (saved) => queryClient.setQueryData(pilotKeys.scheduleSetting, saved),
  });
}
