/** The province's part as server state under ['province', authority]; saving refreshes that authority's views. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PolicyInput, WorkPlanInput } from '../provincial-work.contract';
import { provinceApi } from './province-api';

export const provinceKeys = {
  all: ['province'] as const,
  authorities: ['province', 'authorities'] as const,
  of: (authority: string) => ['province', authority] as const,
  workPlan: (authority: string) => ['province', authority, 'work-plan'] as const,
  policies: (authority: string) => ['province', authority, 'policies'] as const,
  overview: (authority: string) => ['province', authority, 'overview'] as const,
};

export const provinceQueries = {
  authorities: () => queryOptions({ queryKey: provinceKeys.authorities, queryFn: () => provinceApi.authorities() }),
  workPlan: (a: string) => queryOptions({ queryKey: provinceKeys.workPlan(a), queryFn: () => provinceApi.workPlan(a) }),
  policies: (a: string) => queryOptions({ queryKey: provinceKeys.policies(a), queryFn: () => provinceApi.policies(a) }),
  overview: (a: string) => queryOptions({ queryKey: provinceKeys.overview(a), queryFn: () => provinceApi.overview(a) }),
};

export function useSaveWorkPlan(authority: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkPlanInput) => provinceApi.saveWorkPlan(authority, body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: provinceKeys.of(authority) }), qc.invalidateQueries({ queryKey: provinceKeys.authorities })]),
  });
}

export function useAddPolicy(authority: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyInput) => provinceApi.addPolicy(authority, body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: provinceKeys.of(authority) }), qc.invalidateQueries({ queryKey: provinceKeys.authorities })]),
  });
}
