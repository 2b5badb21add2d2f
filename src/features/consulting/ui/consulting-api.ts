/** Think-tank consulting for the web: requests in scope, asking, candidates, and the ministry's steps. */
import { enc, request } from '../../../web-kit/api-client';
import type { Candidates, CloseBody, ConsultingBody, ConsultingList, ConsultingRequest, ConsultingStatus, MatchBody, ServeBody } from '../consulting.contract';

export const consultingApi = {
  list: (status?: ConsultingStatus) => request<ConsultingList>('GET', `/consulting${status ? `?status=${enc(status)}` : ''}`),
  ask: (pilotId: string, body: ConsultingBody) => request<ConsultingRequest>('POST', `/pilots/${enc(pilotId)}/consulting`, body),
  candidates: (id: string) => request<Candidates>('GET', `/consulting/${enc(id)}/candidates`),
  match: (id: string, body: MatchBody) => request<ConsultingRequest>('POST', `/consulting/${enc(id)}/match`, body),
  serve: (id: string, body: ServeBody) => request<ConsultingRequest>('POST', `/consulting/${enc(id)}/serve`, body),
  close: (id: string, body: CloseBody) => request<ConsultingRequest>('POST', `/consulting/${enc(id)}/close`, body),
};
