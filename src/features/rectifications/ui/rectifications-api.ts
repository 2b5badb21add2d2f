/** Rectification 限期整改 and public notices 通报 for the web: the endpoints, typed from the contract. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type {
  AnswerInput,
  CancelInput,
  EvidenceFile,
  NoticeList,
  OpenCaseInput,
  OpinionInput,
  PilotCases,
  Proposal,
  ReassessInput,
  RectificationCase,
  SuspendInput,
} from '../rectifications.contract';

export const rectificationsApi = {
  ofPilot: (pilotId: string) => request<PilotCases>('GET', `/pilots/${enc(pilotId)}/rectifications`),
  proposal: (pilotId: string, evaluationId?: string) =>
    request<Proposal>('GET', `/pilots/${enc(pilotId)}/rectifications/proposal${evaluationId ? `?evaluationId=${enc(evaluationId)}` : ''}`),
  open: (pilotId: string, body: OpenCaseInput) => request<RectificationCase>('POST', `/pilots/${enc(pilotId)}/rectifications`, body),
  get: (id: string) => request<RectificationCase>('GET', `/rectifications/${enc(id)}`),
  answer: (id: string, body: AnswerInput) => request<RectificationCase>('POST', `/rectifications/${enc(id)}/answer`, body),
  opinion: (id: string, body: OpinionInput) => request<RectificationCase>('POST', `/rectifications/${enc(id)}/opinion`, body),
  reassess: (id: string, body: ReassessInput) => request<RectificationCase>('POST', `/rectifications/${enc(id)}/reassess`, body),
  suspend: (id: string, body: SuspendInput) => request<RectificationCase>('POST', `/rectifications/${enc(id)}/suspend`, body),
  cancel: (id: string, body: Omit<CancelInput, 'publish'> & { publish?: boolean }) => request<RectificationCase>('POST', `/rectifications/${enc(id)}/cancel`, body),
  uploadEvidence: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<EvidenceFile>('POST', `/rectifications/${enc(id)}/evidence`, undefined, { form });
  },
  notices: () => request<NoticeList>('GET', '/notices'),
};

/** Download links (the browser saves the file). */
export const rectificationLinks = {
  evidence: (caseId: string, fileId: string) => `${API_BASE}/rectifications/${enc(caseId)}/evidence/${enc(fileId)}`,
  noticeDocx: (id: string) => `${API_BASE}/notices/${enc(id)}.docx`,
  noticePdf: (id: string) => `${API_BASE}/notices/${enc(id)}.pdf`,
};
