/**
 * Rectification cases and notices as server state, under ['rectifications'] and ['notices']. A step
 * on a case changes the pilot's state too, so mutations also invalidate the pilots' keys.
 */
import { queryOptions } from '@tanstack/react-query';
import { rectificationsApi } from './rectifications-api';

export const rectificationKeys = {
  all: ['rectifications'] as const,
  ofPilot: (pilotId: string) => ['rectifications', 'pilot', pilotId] as const,
  proposal: (pilotId: string, evaluationId?: string) => ['rectifications', 'proposal', pilotId, evaluationId ?? null] as const,
  detail: (id: string) => ['rectifications', 'detail', id] as const,
  notices: ['notices'] as const,
};

export const rectificationsQueries = {
  ofPilot: (pilotId: string) => queryOptions({ queryKey: rectificationKeys.ofPilot(pilotId), queryFn: () => rectificationsApi.ofPilot(pilotId) }),
  proposal: (pilotId: string, evaluationId?: string) =>
    queryOptions({ queryKey: rectificationKeys.proposal(pilotId, evaluationId), queryFn: () => rectificationsApi.proposal(pilotId, evaluationId), staleTime: 0 }),
  detail: (id: string) => queryOptions({ queryKey: rectificationKeys.detail(id), queryFn: () => rectificationsApi.get(id) }),
  notices: () => queryOptions({ queryKey: rectificationKeys.notices, queryFn: () => rectificationsApi.notices() }),
};
