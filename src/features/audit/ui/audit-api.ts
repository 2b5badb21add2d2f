/**
 * The audit log endpoints (/audit, audit administrator only) for the web, through the shared API
 * client; the shapes come from the audit contract.
 */
import type { AuditFilterQuery, AuditList, AuditVerification } from '../audit.contract';
import { API_BASE, request } from '../../../web-kit/api-client';

export interface AuditFilters extends AuditFilterQuery {
  page?: number;
  pageSize?: number;
}

function query(f: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export const auditApi = {
  list: (f: AuditFilters) => request<AuditList>('GET', `/audit${query(f)}`),
  verify: () => request<AuditVerification>('GET', '/audit/verify'),
};

export const auditLinks = {
  export: (format: 'xlsx' | 'csv', f: AuditFilterQuery) => `${API_BASE}/audit/export.${format}${query(f)}`,
};
