/**
 * The expert pool endpoints (/experts*, permission expert.manage) for the web, through the shared
 * API client (cookie, CSRF header, typed errors). Types come from the contract.
 */
import { API_BASE, ApiError, enc, request } from '../../../web-kit/api-client';
import type { Expert, ExpertBody, ExpertUpdateBody, ExpertFields, ExpertFilters, ExpertList, ImportRefusalDetails, ImportResult, ImportRowError } from '../experts.contract';

/** The query string of the list filters ('' when none). */
export function filterQuery(f: ExpertFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The row errors of a refused import (422 details.rows), or null when the error is something else. */
export function importRowErrors(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return null;
  const rows = (err.details as Partial<ImportRefusalDetails> | undefined)?.rows;
  return Array.isArray(rows) ? rows : null;
}

export const expertsApi = {
  list: (f: ExpertFilters, page: number, pageSize: number) => request<ExpertList>('GET', `/experts${filterQuery(f, { page, pageSize })}`),
  fields: () => request<ExpertFields>('GET', '/experts/fields'),
  create: (body: ExpertBody) => request<Expert>('POST', '/experts', body),
  update: (id: string, body: ExpertUpdateBody) => request<Expert>('PUT', `/experts/${enc(id)}`, body),
  setAvailable: (id: string, available: boolean) => request<Expert>('PATCH', `/experts/${enc(id)}`, { available }),
  importFile: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<ImportResult>('POST', '/experts/import', undefined, { form });
  },
};

/** Download links (the browser saves the file). */
export const expertLinks = {
  export: (f: ExpertFilters) => `${API_BASE}/experts/export.xlsx${filterQuery(f)}`,
  template: () => `${API_BASE}/experts/template.xlsx`,
  /** Every score the expert gave, as Excel (served by the review, permission review.manage). */
  scores: (expertId: string) => `${API_BASE}/experts/${enc(expertId)}/scores.xlsx`,
};
