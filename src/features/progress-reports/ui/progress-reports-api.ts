/**
 * The progress-report endpoints for the web, through the shared API client (cookie, CSRF header,
 * typed errors). Types come from the contract.
 */
import { API_BASE, ApiError, enc, request } from '../../../web-kit/api-client';
import type {
  CorrectionInput,
  DueList,
  DueState,
  EvidenceFile,
  ImportRowError,
  PilotReports,
  ReportDetail,
  SaveReportInput,
} from '../progress-reports.contract';

/** The row errors of a refused import (422 details.rows), or null when the error is something else. */
export function importRowErrors(err: unknown): ImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return null;
  const rows = (err.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : null;
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

export const reportsApi = {
  ofPilot: (pilotId: string) => request<PilotReports>('GET', `/pilots/${enc(pilotId)}/reports`),
  due: (state?: DueState) => request<DueList>('GET', `/reports${state ? `?state=${enc(state)}` : ''}`),
  get: (id: string) => request<ReportDetail>('GET', `/reports/${enc(id)}`),
  save: (id: string, body: SaveReportInput) => request<ReportDetail>('PUT', `/reports/${enc(id)}`, body),
  submit: (id: string, version: number) => request<ReportDetail>('POST', `/reports/${enc(id)}/submit`, { version }),
  confirm: (id: string, version: number, opinion: string) => request<ReportDetail>('POST', `/reports/${enc(id)}/confirm`, { version, opinion }),
  return: (id: string, version: number, reasons: string) => request<ReportDetail>('POST', `/reports/${enc(id)}/return`, { version, reasons }),
  correct: (id: string, body: CorrectionInput) => request<ReportDetail>('POST', `/reports/${enc(id)}/corrections`, body),
  uploadEvidence: (id: string, file: File) => request<EvidenceFile>('POST', `/reports/${enc(id)}/evidence`, undefined, { form: fileForm(file) }),
  importXlsx: (id: string, file: File) => request<ReportDetail>('POST', `/reports/${enc(id)}/import`, undefined, { form: fileForm(file) }),
};

/** Download links (the browser saves the file). */
export const reportLinks = {
  template: (id: string) => `${API_BASE}/reports/${enc(id)}/template.xlsx`,
  evidence: (id: string, fileId: string) => `${API_BASE}/reports/${enc(id)}/evidence/${enc(fileId)}`,
};
