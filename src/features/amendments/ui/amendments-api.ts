/** Amendments (调整优化) for the web: a pilot's list, proposing, the province's opinion, the decision, withdrawal. */
import { enc, request } from '../../../web-kit/api-client';
import type { Amendment, AmendmentList, DecisionBody, OpinionBody, ProposeBody } from '../amendments.contract';

export const amendmentsApi = {
  list: (pilotId: string) => request<AmendmentList>('GET', `/pilots/${enc(pilotId)}/amendments`),
  propose: (pilotId: string, body: ProposeBody) => request<Amendment>('POST', `/pilots/${enc(pilotId)}/amendments`, body),
  opinion: (id: string, body: OpinionBody) => request<Amendment>('POST', `/amendments/${enc(id)}/opinion`, body),
  decide: (id: string, body: DecisionBody) => request<Amendment>('POST', `/amendments/${enc(id)}/decision`, body),
  withdraw: (id: string, version: number) => request<Amendment>('POST', `/amendments/${enc(id)}/withdraw`, { version }),
};
