/**
 * Applications as server state (TanStack Query). One key tree under ['applications']: the lists,
 * and per application its detail, versions and history, so that a change to an application
 * refreshes everything shown of it. Each mutation invalidates what it changes.
 */
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApplicationDetail, CreateApplicationBody, ForwardBody, ReceiveBody, ReturnBody, SavePlanBody, SubmitBody } from '../applications.contract';
import { applicationsApi, type ListQuery } from './applications-api';

export const applicationKeys = {
  all: ['applications'] as const,
  lists: ['applications', 'list'] as const,
  list: (q: ListQuery) => ['applications', 'list', q] as const,
  /** Everything of one application: its detail, versions and history. */
  one: (id: string) => ['applications', 'one', id] as const,
  detail: (id: string) => ['applications', 'one', id, 'detail'] as const,
  versions: (id: string) => ['applications', 'one', id, 'versions'] as const,
  version: (id: string, versionId: string) => ['applications', 'one', id, 'versions', versionId] as const,
  history: (id: string) => ['applications', 'one', id, 'history'] as const,
};

export const applicationsQueries = {
  /** Keeps the rows of the previous page on screen while the next one loads. */
  list: (q: ListQuery) => queryOptions({ queryKey: applicationKeys.list(q), queryFn: () => applicationsApi.listApplications(q), placeholderData: keepPreviousData }),
  detail: (id: string) => queryOptions({ queryKey: applicationKeys.detail(id), queryFn: () => applicationsApi.application(id) }),
  versions: (id: string) => queryOptions({ queryKey: applicationKeys.versions(id), queryFn: () => applicationsApi.versions(id) }),
  version: (id: string, versionId: string) =>
    queryOptions({ queryKey: applicationKeys.version(id, versionId), queryFn: () => applicationsApi.version(id, versionId) }),
  history: (id: string) => queryOptions({ queryKey: applicationKeys.history(id), queryFn: () => applicationsApi.history(id) }),
};

/** An application changed (a transition, an upload, a review decision): refresh it and every list. */
export function applicationChanged(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: applicationKeys.one(id) }),
    queryClient.invalidateQueries({ queryKey: applicationKeys.lists }),
  ]);
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplicationBody) => applicationsApi.createApplication(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKeys.lists }),
  });
}

/**
 * Saving the plan, always with the version the editor last got back (optimistic locking; the
 * autosave hook decides when and with which version). The editor keeps its own copy of the plan, so
 * a save does not refetch: the cached detail takes the saved plan, and the rest is marked stale
 * for the next page that shows it.
 */
export function useSavePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePlanBody) => applicationsApi.savePlan(id, body),
    onSuccess: (saved, body) => {
      queryClient.setQueryData<ApplicationDetail>(applicationKeys.detail(id), (d) =>
        d && {
          ...d,
          plan: body.plan,
          findings: saved.findings,
          application: { ...d.application, version: saved.version, title: body.title ?? (body.plan.cover.title || d.application.title) },
        },
      );
      void queryClient.invalidateQueries({ queryKey: applicationKeys.one(id), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists, refetchType: 'none' });
    },
  });
}

function useTransitionMutation<B>(id: string, call: (id: string, body: B) => ReturnType<typeof applicationsApi.submit>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: B) => call(id, body), onSuccess: () => applicationChanged(queryClient, id) });
}

export const useSubmitApplication = (id: string) => useTransitionMutation<SubmitBody>(id, applicationsApi.submit);
export const useForwardApplication = (id: string) => useTransitionMutation<ForwardBody>(id, applicationsApi.forward);
export const useReturnApplication = (id: string) => useTransitionMutation<ReturnBody>(id, applicationsApi.returnForRevision);
export const useReceiveApplication = (id: string) => useTransitionMutation<ReceiveBody>(id, applicationsApi.receive);
