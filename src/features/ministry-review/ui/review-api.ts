/**
 * The ministry review endpoints for the web: panel proposals and confirmation, the review
 * overview, departmental opinions, discussion, re-scoring and decisions (ministry side), and the
 * expert's assignments, declaration, recusal and score sheets. Shapes mirror review.service.ts.
 *
 * Calls go through the shared client (web/api.ts `request`): cookie, CSRF header, typed errors.
 */
import type { ApplicationState } from '../../../shared/lifecycle/application-lifecycle';
import type { ApplicationAggregate, NormalisedApplication } from '../../../shared/review/aggregation';
import type { ConflictRuleCode } from '../../../shared/review/conflicts';
import type { CriterionScores, Opinion, Rubric } from '../../../shared/review/rubric';
import type { Plan } from '../../../shared/plan/plan-schema';
import { API_BASE, request } from '../../../web/api';

export interface Bilingual {
  zh: string;
  en: string;
}

/** One JSON call to the API through the shared client. */
export function apiCall<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
}

// ---- ministry side ----

export interface ProposedExpert {
  expertId: string;
  name: string;
  organisation: string;
  title: string;
  fields: string[];
  cost: number;
  reasons: Bilingual[];
}

export interface ProposedPanel {
  applicationId: string;
  title: string;
  members: ProposedExpert[];
  backups: ProposedExpert[];
  shortfall: number;
  uncoveredIndustries: string[];
}

export interface Exclusion {
  applicationId: string;
  expertId: string;
  expertName: string;
  rules: ConflictRuleCode[];
  explanations: Bilingual[];
}

export interface Proposal {
  feasible: boolean;
  totalCost: number;
  panels: ProposedPanel[];
  exclusions: Exclusion[];
}

export interface PanelBody {
  version: number;
  deadline: string;
  members: string[];
  backups: string[];
  reasons?: Record<string, Bilingual[]>;
}

export interface ReviewMember {
  expertId: string;
  name: string;
  organisation: string;
  title: string;
  fields: string[];
  role: 'member' | 'backup' | string;
  cost: number;
  reasons: Bilingual[];
  declaredAt: string | null;
  recusedAt: string | null;
  recusalReason: string | null;
  submitted: boolean;
  overdue: boolean;
}

export interface ScoreSheetView {
  expertId: string;
  expertName: string;
  organisation?: string;
  round: number;
  scores: CriterionScores;
  opinion: Opinion;
  comments: string;
  total: number;
  submittedAt: string;
  mine?: boolean;
}

export interface DepartmentOpinion {
  organisationName: string;
  authorName: string;
  stance: DepartmentStance;
  opinion: string;
  createdAt: string;
}

export interface ReviewComment {
  id: string;
  body: string;
  createdAt: string;
  authorName: string;
  authorRole: string;
}

export interface ReviewOverview {
  panel: { id: string; deadline: string; status: 'open' | 'closed' | string; scoreRound: number; panelSize: number; rubric: Rubric } | null;
  members: ReviewMember[];
  sheets: ScoreSheetView[];
  outstanding?: string[];
  aggregate: ApplicationAggregate | null;
  normalised: NormalisedApplication | null;
  percentile: number | null;
  earlierCount?: number;
  opinions: DepartmentOpinion[];
  comments: ReviewComment[];
}

export const DEPARTMENT_STANCES = ['support', 'support_with_conditions', 'object'] as const;
export type DepartmentStance = (typeof DEPARTMENT_STANCES)[number];

/** The document number of an approval reply, as the server checks it (e.g. 工信部规函〔2016〕242号). */
export const DOCUMENT_NO_PATTERN = /^工信部[\u4e00-\u9fa5]{1,3}〔\d{4}〕\d{1,4}号$/;

export type DecisionBody =
  | { version: number; decision: 'approve'; documentNo: string; approvalDate: string }
  | { version: number; decision: 'send_back' | 'reject'; reasons: string };

export interface DecisionResult {
  version: number;
  status: ApplicationState;
  pilotId: string | null;
}

/** The configurable review rules (GET/PUT /review/settings). */
export interface ReviewSettings {
  rubric: Rubric;
  divergenceThreshold: number;
}

// ---- expert side ----

export interface Assignment {
  panelId: string;
  applicationId: string;
  deadline: string;
  status: 'open' | 'closed' | string;
  scoreRound: number;
  role: 'member' | 'backup' | string;
  declaredAt: string | null;
  recusedAt: string | null;
  title: string;
  refNo: string;
  applicationStatus: ApplicationState;
  submitted: boolean;
  overdue: boolean;
}

export interface AssignmentDetail {
  panel: { id: string; deadline: string; status: string; scoreRound: number; rubric: Rubric };
  seat: { role: string; declaredAt: string | null; recusedAt: string | null; recusalReason: string | null };
  application: { id: string; refNo: string; title: string; applicantName: string; cityCodes: string[] };
  plan: Plan | null;
  mySheet: ScoreSheetView | null;
}

export interface PanelScores {
  sheets: ScoreSheetView[];
  aggregate: ApplicationAggregate | null;
}

const enc = encodeURIComponent;

const post = <T>(path: string, body: unknown) => apiCall<T>('POST', path, body);

export const reviewApi = {
  propose: (body: { applicationIds: string[]; panelSize: number; backups?: number }) => post<Proposal>('/review/proposals', body),
  confirmPanel: (applicationId: string, body: PanelBody) =>
    post<{ panelId: string; version: number; status: ApplicationState }>(`/applications/${enc(applicationId)}/panel`, body),
  overview: (applicationId: string) => apiCall<ReviewOverview>('GET', `/applications/${enc(applicationId)}/review`),
  rescore: (applicationId: string, reason: string) => post<{ round: number }>(`/applications/${enc(applicationId)}/rescore`, { reason }),
  comment: (applicationId: string, body: string) => post<{ ok: true }>(`/applications/${enc(applicationId)}/comments`, { body }),
  opinion: (applicationId: string, body: { stance: DepartmentStance; opinion: string }) => post<{ ok: true }>(`/applications/${enc(applicationId)}/opinions`, body),
  decide: (applicationId: string, body: DecisionBody) => post<DecisionResult>(`/applications/${enc(applicationId)}/decision`, body),

  assignments: () => apiCall<{ items: Assignment[] }>('GET', '/review/assignments'),
  assignment: (panelId: string) => apiCall<AssignmentDetail>('GET', `/review/assignments/${enc(panelId)}`),
  declare: (panelId: string) => post<{ declared: true }>(`/review/assignments/${enc(panelId)}/declare`, { noConflict: true }),
  recuse: (panelId: string, reason: string) => post<{ recused: true }>(`/review/assignments/${enc(panelId)}/recuse`, { reason }),
  submitScores: (panelId: string, body: { scores: CriterionScores; opinion: Opinion; comments: string }) =>
    post<{ total: number; round: number }>(`/review/assignments/${enc(panelId)}/scores`, body),
  settings: () => apiCall<ReviewSettings>('GET', '/review/settings'),
  saveSettings: (body: ReviewSettings) => apiCall<ReviewSettings>('PUT', '/review/settings', body),
  panelScores: (panelId: string) => apiCall<PanelScores>('GET', `/review/assignments/${enc(panelId)}/scores`),
};

export type ReviewApi = typeof reviewApi;

/** Downloads (plain links: the browser sends the session cookie). */
export const reviewLinks = {
  applicationScores: (applicationId: string) => `${API_BASE}/applications/${enc(applicationId)}/scores.xlsx`,
  expertScores: (expertId: string) => `${API_BASE}/experts/${enc(expertId)}/scores.xlsx`,
};

/** The review endpoints (a hook, so that components read it like the other feature APIs). */
export function useReviewApi(): ReviewApi {
  return reviewApi;
}
