/**
 * The expert pool endpoints (/experts*, permission expert.manage) for the web. Like the account
 * administration, it carries its own small fetch wrapper (the shared client has no PUT/PATCH with
 * multipart): same-origin cookie, JSON, the session's CSRF header on writes, ApiError on refusal.
 */
import { useMemo } from 'react';
import { API_BASE, ApiError, request, type Method } from '../../../web/api';
import { useMe } from '../../../web/session';
import type { OrganisationType, RelationKind } from '../expert-labels';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ExpertRelationView {
  cityCode: string;
  cityName: string;
  kind: RelationKind | string;
  kindLabel: Bilingual | null;
  note: string;
}

export interface Expert {
  id: string;
  name: string;
  organisation: string;
  organisationType: OrganisationType | string;
  organisationTypeLabel: Bilingual | null;
  title: string;
  provinceCode: string;
  provinceName: string;
  cityCode: string | null;
  cityName: string | null;
  fields: string[];
  relations: ExpertRelationView[];
  available: boolean;
  loadCap: number;
  email: string | null;
  phone: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ExpertBody {
  name: string;
  organisation: string;
  organisationType: OrganisationType;
  title: string;
  provinceCode: string;
  cityCode: string | null;
  fields: string[];
  relations: { cityCode: string; kind: RelationKind; note: string }[];
  available: boolean;
  loadCap: number;
  email: string | null;
  phone: string | null;
}

export interface ExpertFilters {
  q?: string;
  field?: string;
  provinceCode?: string;
  available?: 'true' | 'false';
}

/** One problem of an import, by Excel row and column header. */
export interface ImportRowError {
  row: number;
  column: string;
  message: Bilingual;
}


/** Expert endpoints go through the shared API client (cookie, CSRF header, typed errors). */
function call<T>(_csrfToken: string, method: Method, path: string, body?: unknown, form?: FormData): Promise<T> {
  return request<T>(method, path, body, form ? { form } : {});
}

/** The query string of the list filters ('' when none). */
export function filterQuery(f: ExpertFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The row errors of a refused import, or null when the error is something else. */
export function importRowErrors(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return null;
  const rows = (err.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : null;
}

const enc = encodeURIComponent;

function expertsApi(csrf: string) {
  return {
    list: (f: ExpertFilters, page: number, pageSize: number) =>
      call<{ items: Expert[]; total: number }>(csrf, 'GET', `/experts${filterQuery(f, { page, pageSize })}`),
    fields: () => call<{ inUse: string[]; suggested: string[] }>(csrf, 'GET', '/experts/fields'),
    create: (body: ExpertBody) => call<Expert>(csrf, 'POST', '/experts', body),
    update: (id: string, body: ExpertBody) => call<Expert>(csrf, 'PUT', `/experts/${enc(id)}`, body),
    setAvailable: (id: string, available: boolean) => call<Expert>(csrf, 'PATCH', `/experts/${enc(id)}`, { available }),
    importFile: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call<{ created: number }>(csrf, 'POST', '/experts/import', undefined, form);
    },
  };
}

export type ExpertsApi = ReturnType<typeof expertsApi>;

export function useExpertsApi(): ExpertsApi {
  const { csrfToken } = useMe();
  return useMemo(() => expertsApi(csrfToken), [csrfToken]);
}

/** Download links (the browser saves the file). */
export const expertLinks = {
  export: (f: ExpertFilters) => `${API_BASE}/experts/export.xlsx${filterQuery(f)}`,
  template: () => `${API_BASE}/experts/template.xlsx`,
};
