/**
 * Account administration as queries and mutations: the users and the organisations lists, and the
 * changes that refresh them. A mutation resolves once the list it changed has been fetched again,
 * so a success message never stands beside a stale row.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NewOrganisation, NewUser, UserChange } from '../accounts.contract';
import { adminApi } from './admin-api';

export const accountKeys = {
  all: ['accounts'] as const,
  users: ['accounts', 'users'] as const,
  organisations: ['accounts', 'organisations'] as const,
};

export const accountQueries = {
  users: () => queryOptions({ queryKey: accountKeys.users, queryFn: async () => (await adminApi.users()).items }),
  organisations: () => queryOptions({ queryKey: accountKeys.organisations, queryFn: async () => (await adminApi.organisations()).items }),
};

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrganisation) => adminApi.createOrganisation(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.organisations }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => adminApi.createUser(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export function useRevokeSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => adminApi.revokeSessions(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => adminApi.resetSecondFactor(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) => adminApi.updateUser(id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}
