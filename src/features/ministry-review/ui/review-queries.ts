/**
 * The ministry review as server state (TanStack Query). One key tree under ['ministry-review']:
 * an application's overview, the expert's assignments (each seat's detail and panel scores nested
 * under it, so a change to a seat refreshes all three), the review rules and the applications
 * waiting for a panel. Each mutation invalidates what it changes.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ConfirmPanelBody, DecisionBody, OpinionBody, VersionedReviewSettings, ScoreBody } from '../review.contract';
import { applicationChanged } from '../../applications/ui/public';
import { pilotKeys, pilotsQueries } from '../../pilots/ui/public';
import { reviewApi } from './review-api';

export const reviewKeys = {
  all: ['ministry-review'] as const,
  overviews: ['ministry-review', 'overview'] as const,
  overview: (applicationId: string) => ['ministry-review', 'overview', applicationId] as const,
  assignments: ['ministry-review', 'assignments'] as const,
  assignmentList: ['ministry-review', 'assignments', 'list'] as const,
  assignment: (panelId: string) => ['ministry-review', 'assignments', panelId] as const,
  panelScores: (panelId: string) => ['ministry-review', 'assignments', panelId, 'scores'] as const,
  settings: ['ministry-review', 'settings'] as const,
  receivedApplications: ['ministry-review', 'received-applications'] as const,
};

export const reviewQueries = {
  overview: (applicationId: string) => queryOptions({ queryKey: reviewKeys.overview(applicationId), queryFn: () => reviewApi.overview(applicationId) }),
  assignments: () => queryOptions({ queryKey: reviewKeys.assignmentList, queryFn: () => reviewApi.assignments() }),
  assignment: (panelId: string) => queryOptions({ queryKey: reviewKeys.assignment(panelId), queryFn: () => reviewApi.assignment(panelId) }),
  panelScores: (panelId: string) => queryOptions({ queryKey: reviewKeys.panelScores(panelId), queryFn: () => reviewApi.panelScores(panelId) }),
  settings: () => queryOptions({ queryKey: reviewKeys.settings, queryFn: () => reviewApi.settings() }),
  receivedApplications: () => queryOptions({ queryKey: reviewKeys.receivedApplications, queryFn: () => reviewApi.receivedApplications() }),
  /** The pilot city an approved application became (the pilots feature's own query). */
  pilotOf: (applicationId: string) => pilotsQueries.ofApplication(applicationId),
};

/**
 * For a page that tells of its changes by bumping a number: when it changes, the application's
 * review and its pilot are read again. The first value is the one the queries were loaded with.
 */
export function useReviewRefresh(applicationId: string, refreshKey: number | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(refreshKey);
  useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    // Several parts of one page may ask at once: one read each is enough.
    void queryClient.invalidateQueries({ queryKey: reviewKeys.overview(applicationId) }, { cancelRefetch: false });
    void queryClient.invalidateQueries({ queryKey: reviewQueries.pilotOf(applicationId).queryKey }, { cancelRefetch: false });
  }, [refreshKey, applicationId, queryClient]);
}

// ---------------------------------------------------------------------------------------------
// The expert's seat: every change refreshes the task list, the seat and the panel's scores.

function useSeatChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reviewKeys.assignments });
}

export function useDeclare(panelId: string) {
  const changed = useSeatChanged();
  return useMutation({ mutationFn: () => reviewApi.declare(panelId), onSuccess: changed });
}

export function useRecuse(panelId: string) {
  const changed = useSeatChanged();
  return useMutation({ mutationFn: (reason: string) => reviewApi.recuse(panelId, reason), onSuccess: changed });
}

export function useSubmitScores(panelId: string) {
  const changed = useSeatChanged();
  return useMutation({ mutationFn: (sheet: ScoreBody) => reviewApi.submitScores(panelId, sheet), onSuccess: changed });
}

// ---------------------------------------------------------------------------------------------
// The ministry's side: a change to an application's review refreshes its overview, and where it
// writes to the application (its status, its history) the application too.

function useReviewChanged(applicationId: string, { application }: { application: boolean }) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewKeys.overview(applicationId) }),
      application ? applicationChanged(queryClient, applicationId) : null,
    ]);
}

/** Proposing writes nothing, so it invalidates nothing. */
export function usePropose() {
  return useMutation({ mutationFn: reviewApi.propose });
}

export function useConfirmPanel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, body }: { applicationId: string; body: ConfirmPanelBody }) => reviewApi.confirmPanel(applicationId, body),
    onSuccess: (_r, { applicationId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.overview(applicationId) }),
        applicationChanged(queryClient, applicationId),
        // The application no longer waits for a panel; the batch page keeps showing it as opened
        // until the next visit, so the list is only marked stale here.
        queryClient.invalidateQueries({ queryKey: reviewKeys.receivedApplications, refetchType: 'none' }),
      ]),
  });
}

export function useRescore(applicationId: string) {
  const changed = useReviewChanged(applicationId, { application: true });
  return useMutation({ mutationFn: (reason: string) => reviewApi.rescore(applicationId, reason), onSuccess: changed });
}

export function useComment(applicationId: string) {
  const changed = useReviewChanged(applicationId, { application: false });
  return useMutation({ mutationFn: (body: string) => reviewApi.comment(applicationId, body), onSuccess: changed });
}

export function useOpinion(applicationId: string) {
  const changed = useReviewChanged(applicationId, { application: true });
  return useMutation({ mutationFn: (body: OpinionBody) => reviewApi.opinion(applicationId, body), onSuccess: changed });
}

export function useDecide(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => reviewApi.decide(applicationId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.overview(applicationId) }),
        applicationChanged(queryClient, applicationId),
        queryClient.invalidateQueries({ queryKey: reviewKeys.receivedApplications, refetchType: 'none' }),
        // An approval creates the pilot city.
        queryClient.invalidateQueries({ queryKey: pilotKeys.all }),
      ]),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionedReviewSettings) => reviewApi.saveSettings(body),
    // The answer is the stored rules: it becomes the cached value as it is.
    onSuccess: (saved) => queryClient.setQueryData(reviewKeys.settings, saved),
  });
}
