/** Consulting as server state under ['consulting']; every step invalidates the lists and the candidates. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CloseBody, ConsultingBody, ConsultingStatus, MatchBody, ServeBody } from '../consulting.contract';
import { consultingApi } from './consulting-api';

export const consultingKeys = {
  all: ['consulting'] as const,
  list: (status?: ConsultingStatus) => ['consulting', 'list', status ?? 'all'] as const,
  candidates: (id: string) => ['consulting', 'candidates', id] as const,
};

export const consultingQueries = {
  list: (status?: ConsultingStatus) => queryOptions({ queryKey: consultingKeys.list(status), queryFn: () => consultingApi.list(status) }),
  candidates: (id: string) => queryOptions({ queryKey: consultingKeys.candidates(id), queryFn: () => consultingApi.candidates(id) }),
};

function useStep<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: consultingKeys.all }) });
}

export const useAsk = () => useStep(({ pilotId, body }: { pilotId: string; body: ConsultingBody }) => consultingApi.ask(pilotId, body));
export const useMatch = () => useStep(({ id, body }: { id: string; body: MatchBody }) => consultingApi.match(id, body));
export const useServe = () => useStep(({ id, body }: { id: string; body: ServeBody }) => consultingApi.serve(id, body));
export const useClose = () => useStep(({ id, body }: { id: string; body: CloseBody }) => consultingApi.close(id, body));
