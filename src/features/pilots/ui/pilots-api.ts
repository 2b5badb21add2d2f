/** Pilot cities (试点城市) for the web: the list, one pilot, the 批复 downloads, the cycle, the contract's versions and the summary. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type {
  ContractVersionList,
  Nomination,
  NominationBody,
  NominationUpdateBody,
  PilotCycle,
  PilotDetail,
  PilotList,
  ReportingBody,
  ScheduleSetting,
  SummaryBody,
  SummaryView,
  TransitionBody,
} from '../pilots.contract';

export const pilotsApi = {
  list: () => request<PilotList>('GET', '/pilots'),
  get: (id: string) => request<PilotDetail>('GET', `/pilots/${enc(id)}`),
  cycle: (id: string) => request<PilotCycle>('GET', `/pilots/${enc(id)}/cycle`),
  transition: (id: string, body: TransitionBody) => request<PilotCycle>('POST', `/pilots/${enc(id)}/transitions`, body),
  setReporting: (id: string, body: ReportingBody) => request<PilotCycle>('PATCH', `/pilots/${enc(id)}/reporting`, body),
  contractVersions: (id: string) => request<ContractVersionList>('GET', `/pilots/${enc(id)}/contract-versions`),
  scheduleSetting: () => request<ScheduleSetting>('GET', '/settings/pilot-schedule'),
  saveScheduleSetting: (body: ScheduleSetting) => request<ScheduleSetting>('PUT', '/settings/pilot-schedule', body),
  summary: (id: string) => request<SummaryView>('GET', `/pilots/${enc(id)}/summary`),
  saveSummary: (id: string, body: SummaryBody) => request<SummaryView>('PUT', `/pilots/${enc(id)}/summary`, body),
  submitSummary: (id: string, version: number) => request<SummaryView>('POST', `/pilots/${enc(id)}/summary/submit`, { version }),
  uploadSummaryFile: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<{ id: string; filename: string; size: number }>('POST', `/pilots/${enc(id)}/summary/files`, undefined, { form });
  },
  createNomination: (id: string, body: NominationBody) => request<Nomination>('POST', `/pilots/${enc(id)}/nominations`, body),
  updateNomination: (id: string, nominationId: string, body: NominationUpdateBody) => request<Nomination>('PUT', `/pilots/${enc(id)}/nominations/${enc(nominationId)}`, body),
  deleteNomination: (id: string, nominationId: string) => request<void>('DELETE', `/pilots/${enc(id)}/nominations/${enc(nominationId)}`),
};

/** Download links of the approval reply and of the summary's files (the browser saves the file). */
export const pilotLinks = {
  docx: (id: string) => `${API_BASE}/pilots/${enc(id)}/approval.docx`,
  pdf: (id: string) => `${API_BASE}/pilots/${enc(id)}/approval.pdf`,
  summaryFile: (id: string, fileId: string) => `${API_BASE}/pilots/${enc(id)}/summary/files/${enc(fileId)}`,
};
