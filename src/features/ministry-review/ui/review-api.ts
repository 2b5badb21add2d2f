/**
 * The ministry review endpoints for the web: panel proposals and confirmation, the review
 * overview, departmental opinions, discussion, re-scoring and decisions (ministry side), the
 * expert's assignments, declaration, recusal and score sheets, and the review rules. Every shape
 * comes from the contract; calls go through the shared client (cookie, CSRF header, typed errors).
 */
import type { ApplicationList } from '../../applications/applications.contract';
import { API_BASE, enc, request } from '../../../web-kit/api-client';
import type {
  Assignment,
  AssignmentDetail,
  ConfirmPanelBody,
  ConfirmPanelResult,
  DecisionBody,
  DecisionResult,
  OpinionBody,
  PanelScores,
  Proposal,
  ProposalBody,
  ReviewOverview,
  VersionedReviewSettings,
  ScoreBody,
  ScoreResult,
} from '../review.contract';

const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
const app = (id: string) => `/applications/${enc(id)}`;
const seat = (panelId: string) => `/review/assignments/${enc(panelId)}`;

export const reviewApi = {
  propose: (body: ProposalBody) => post<Proposal>('/review/proposals', body),
  confirmPanel: (applicationId: string, body: ConfirmPanelBody) => post<ConfirmPanelResult>(`${app(applicationId)}/panel`, body),
  overview: (applicationId: string) => request<ReviewOverview>('GET', `${app(applicationId)}/review`),
  rescore: (applicationId: string, reason: string) => post<{ round: number }>(`${app(applicationId)}/rescore`, { reason }),
  comment: (applicationId: string, body: string) => post<{ ok: true }>(`${app(applicationId)}/comments`, { body }),
  opinion: (applicationId: string, body: OpinionBody) => post<{ ok: true }>(`${app(applicationId)}/opinions`, body),
  decide: (applicationId: string, body: DecisionBody) => post<DecisionResult>(`${app(applicationId)}/decision`, body),
  /** The applications waiting for a panel (the batch page's list). */
  receivedApplications: () => request<ApplicationList>('GET', '/applications?queue=false&page=1&pageSize=200&status=received'),

  assignments: () => request<{ items: Assignment[] }>('GET', '/review/assignments'),
  assignment: (panelId: string) => request<AssignmentDetail>('GET', seat(panelId)),
  declare: (panelId: string) => post<{ declared: true }>(`${seat(panelId)}/declare`, { noConflict: true }),
  recuse: (panelId: string, reason: string) => post<{ recused: true }>(`${seat(panelId)}/recuse`, { reason }),
  submitScores: (panelId: string, body: ScoreBody) => post<ScoreResult>(`${seat(panelId)}/scores`, body),
  panelScores: (panelId: string) => request<PanelScores>('GET', `${seat(panelId)}/scores`),

  settings: () => request<VersionedReviewSettings>('GET', '/review/settings'),
  saveSettings: (body: VersionedReviewSettings) => request<VersionedReviewSettings>('PUT', '/review/settings', body),
};

/** Downloads (plain links: the browser sends the session cookie). */
export const reviewLinks = {
  applicationScores: (applicationId: string) => `${API_BASE}${app(applicationId)}/scores.xlsx`,
  expertScores: (expertId: string) => `${API_BASE}/experts/${enc(expertId)}/scores.xlsx`,
};
