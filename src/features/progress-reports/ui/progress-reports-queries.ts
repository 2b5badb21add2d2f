/**
 * Progress reports as server state (TanStack Query), under ['reports']. Every change to a report
 * invalidates ['reports'] (its detail, its pilot's calendar and the due lists all show its status).
 */
import { queryOptions } from '@tanstack/react-query';
import type { DueState } from '../progress-reports.contract';
import { reportsApi } from './progress-reports-api';

export const reportKeys = {
  all: ['reports'] as const,
  ofPilot: (pilotId: string) => ['reports', 'pilot', pilotId] as const,
  due: (state: DueState | 'all') => ['reports', 'due', state] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
};

export const reportsQueries = {
  ofPilot: (pilotId: string) => queryOptions({ queryKey: reportKeys.ofPilot(pilotId), queryFn: () => reportsApi.ofPilot(pilotId) }),
  due: (state?: DueState) => queryOptions({ queryKey: reportKeys.due(state ?? 'all'), queryFn: () => reportsApi.due(state) }),
  detail: (id: string) => queryOptions({ queryKey: reportKeys.detail(id), queryFn: () => reportsApi.get(id) }),
};
