/**
 * Amendments as server state, under ['amendments', pilotId]. Each mutation invalidates the pilot's
 * amendments and calls the page's `onPilotChanged`, because an approval changes the pilot itself
 * (its name, cities, contract version and history), which the pilots feature's queries hold.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecisionBody, OpinionBody, ProposeBody } from '../amendments.contract';
import { amendmentsApi } from './amendments-api';

export const amendmentKeys = {
  all: ['amendments'] as const,
  pilot: (pilotId: string) => ['amendments', pilotId] as const,
};

export const amendmentsQueries = {
  list: (pilotId: string) => queryOptions({ queryKey: amendmentKeys.pilot(pilotId), queryFn: () => amendmentsApi.list(pilotId) }),
};

function useChanged(pilotId: string, onPilotChanged: () => Promise<unknown> | void) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: amendmentKeys.pilot(pilotId) }), onPilotChanged()]).then(() => undefined);
}

export function useAmendmentMutations(pilotId: string, onPilotChanged: () => Promise<unknown> | void) {
  const changed = useChanged(pilotId, onPilotChanged);
  return {
    propose: useMutation({ mutationFn: (body: ProposeBody) => amendmentsApi.propose(pilotId, body), onSuccess: changed }),
    opinion: useMutation({ mutationFn: ({ id, body }: { id: string; body: OpinionBody }) => amendmentsApi.opinion(id, body), onSuccess: changed }),
    decide: useMutation({ mutationFn: ({ id, body }: { id: string; body: DecisionBody }) => amendmentsApi.decide(id, body), onSuccess: changed }),
    withdraw: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => amendmentsApi.withdraw(id, version), onSuccess: changed }),
  };
}
