/** Evaluation 考核评估 for the web: the endpoints, typed from the contract. */
import { enc, request } from '../../../web-kit/api-client';
import type { EvaluationScheme } from '../../../shared/monitoring/evaluation';
import type { EvaluationDetail, EvaluationRound, OpenRoundInput, SchemeSetting } from '../evaluations.contract';

export const evaluationsApi = {
  scheme: () => request<SchemeSetting>('GET', '/evaluation-scheme'),
  saveScheme: (scheme: EvaluationScheme, version: number) => request<SchemeSetting>('PUT', '/evaluation-scheme', { scheme, version }),
  rounds: () => request<{ items: EvaluationRound[] }>('GET', '/evaluation-rounds'),
  openRound: (body: OpenRoundInput) => request<EvaluationRound>('POST', '/evaluation-rounds', body),
  get: (id: string) => request<EvaluationDetail>('GET', `/evaluations/${enc(id)}`),
  assign: (id: string, body: { version: number; panelSize: number }) => request<EvaluationDetail>('POST', `/evaluations/${enc(id)}/panel`, body),
  score: (id: string, body: { scores: Record<string, number>; comments: string }) => request<EvaluationDetail>('POST', `/evaluations/${enc(id)}/scores`, body),
  opinion: (id: string, body: { opinion: string; scores: Record<string, number> }) => request<EvaluationDetail>('POST', `/evaluations/${enc(id)}/opinion`, body),
  decide: (id: string, body: { version: number; requiredActions?: string }) => request<EvaluationDetail>('POST', `/evaluations/${enc(id)}/decide`, body),
};
