/** The application endpoints: list, create, read, save, versions, history and every transition. */
import type { ApplicationState } from '../../../shared/lifecycle/application-lifecycle';
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type {
  ApplicationDetail,
  ApplicationList,
  CreateApplicationBody,
  CreatedApplication,
  ForwardBody,
  History,
  PlanVersionDetail,
  PlanVersionList,
  ReceiveBody,
  ReturnBody,
  SavedPlan,
  SavePlanBody,
  SubmitBody,
  TransitionResult,
} from '../applications.contract';

/** The list the work queue asks for: what waits for me, or everything in my scope. */
export interface ListQuery {
  queue: boolean;
  status?: ApplicationState;
  q?: string;
  page: number;
  pageSize: number;
}

export const applicationsApi = {
  listApplications: (q: ListQuery) => {
    const params = new URLSearchParams({ queue: String(q.queue), page: String(q.page), pageSize: String(q.pageSize) });
    if (q.status) params.set('status', q.status);
    if (q.q) params.set('q', q.q);
    return request<ApplicationList>('GET', `/applications?${params}`);
  },
  createApplication: (body: CreateApplicationBody) => request<CreatedApplication>('POST', '/applications', body),
  application: (id: string) => request<ApplicationDetail>('GET', `/applications/${enc(id)}`),
  savePlan: (id: string, body: SavePlanBody) => request<SavedPlan>('PUT', `/applications/${enc(id)}/plan`, body),
  versions: (id: string) => request<PlanVersionList>('GET', `/applications/${enc(id)}/versions`),
  version: (id: string, versionId: string) => request<PlanVersionDetail>('GET', `/applications/${enc(id)}/versions/${enc(versionId)}`),
  history: (id: string) => request<History>('GET', `/applications/${enc(id)}/history`),

  submit: (id: string, body: SubmitBody) => request<TransitionResult>('POST', `/applications/${enc(id)}/submit`, body),
  forward: (id: string, body: ForwardBody) => request<TransitionResult>('POST', `/applications/${enc(id)}/forward`, body),
  returnForRevision: (id: string, body: ReturnBody) => request<TransitionResult>('POST', `/applications/${enc(id)}/return`, body),
  receive: (id: string, body: ReceiveBody) => request<TransitionResult>('POST', `/applications/${enc(id)}/receive`, body),
};

/** Plain download links (the browser handles the file). */
export const applicationLinks = {
  exportPlan: (id: string) => `${API_BASE}/applications/${enc(id)}/export`,
};
