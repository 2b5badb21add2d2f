/** The province's part for the web: work plan, policies, file upload and download, authorities, overview. */
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type { Authorities, FilePurpose, FileRef, Policies, PolicyInput, ProvinceOverview, ProvincialPolicy, WorkPlanAnswer, WorkPlanInput } from '../provincial-work.contract';

export const provinceApi = {
  authorities: () => request<Authorities>('GET', '/provinces'),
  workPlan: (authority: string) => request<WorkPlanAnswer>('GET', `/provinces/${enc(authority)}/work-plan`),
  saveWorkPlan: (authority: string, body: WorkPlanInput) => request<WorkPlanAnswer>('PUT', `/provinces/${enc(authority)}/work-plan`, body),
  policies: (authority: string) => request<Policies>('GET', `/provinces/${enc(authority)}/policies`),
  addPolicy: (authority: string, body: PolicyInput) => request<ProvincialPolicy>('POST', `/provinces/${enc(authority)}/policies`, body),
  overview: (authority: string) => request<ProvinceOverview>('GET', `/provinces/${enc(authority)}/overview`),
  upload: (authority: string, purpose: FilePurpose, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<FileRef>('POST', `/provinces/${enc(authority)}/files?purpose=${purpose}`, undefined, { form });
  },
};

export const fileLink = (id: string) => `${API_BASE}/provincial-files/${enc(id)}`;
