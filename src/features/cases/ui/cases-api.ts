/** The case library's endpoints for the web, typed from the contract. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type { CaseDetail, CreateCaseInput, EvidenceOptions, NominationList, SearchResult, TransitionInput, UpdateCaseInput, WritablePilots } from '../cases.contract';
import type { LibrarySearch } from './library-search';

export type CaseStep = 'submit' | 'start-review' | 'return' | 'publish' | 'unpublish';

export function searchString(s: LibrarySearch & { scope?: string; pageSize?: number }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== '' && v !== null) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export const casesApi = {
  search: (s: LibrarySearch & { scope?: string; pageSize?: number }) => request<SearchResult>('GET', `/cases${searchString(s)}`),
  get: (id: string) => request<CaseDetail>('GET', `/cases/${enc(id)}`),
  create: (body: CreateCaseInput) => request<CaseDetail>('POST', '/cases', body),
  update: (id: string, body: UpdateCaseInput) => request<CaseDetail>('PUT', `/cases/${enc(id)}`, body),
  step: (id: string, step: CaseStep, body: TransitionInput) => request<CaseDetail>('POST', `/cases/${enc(id)}/${step}`, body),
  pilots: () => request<WritablePilots>('GET', '/cases/pilots'),
  evidence: (pilotId: string) => request<EvidenceOptions>('GET', `/cases/pilots/${enc(pilotId)}/evidence`),
  nominations: () => request<NominationList>('GET', '/cases/nominations'),
  fromNomination: (nominationId: string) => request<CaseDetail>('POST', `/cases/from-nomination/${enc(nominationId)}`),
};

/** The case book's download links (the browser saves the file). */
export const caseBookLinks = {
  docx: (ids: readonly string[]) => `${API_BASE}/cases/book.docx?ids=${ids.map(enc).join(',')}`,
  pdf: (ids: readonly string[]) => `${API_BASE}/cases/book.pdf?ids=${ids.map(enc).join(',')}`,
};
