/** The audit log as queries (ADR 0008): one page of records per filter set; verifying is a mutation (it is recorded). */
import { keepPreviousData, queryOptions, useMutation } from '@tanstack/react-query';
import { auditApi, type AuditFilters } from './audit-api';

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilters) => ['audit', 'list', f] as const,
};

export const auditQueries = {
  list: (f: AuditFilters) => queryOptions({ queryKey: auditKeys.list(f), queryFn: () => auditApi.list(f), placeholderData: keepPreviousData }),
};

export function useVerifyChain() {
  return useMutation({ mutationFn: () => auditApi.verify() });
}
