/**
 * The API client: one fetch wrapper (same-origin cookie, JSON, CSRF header on writes, typed errors)
 * and one typed function per endpoint the web uses. Response shapes mirror the server's presenters.
 */
import type { ApplicationAction, ApplicationState } from '../shared/lifecycle/application-lifecycle';
import type { PaperCopyState } from '../shared/lifecycle/provincial-checklist';
import type { Role } from '../shared/permissions/roles';
import type { Finding } from '../shared/plan/checker';
import type { Plan } from '../shared/plan/plan-schema';

export const API_BASE = '/api/v1';

export interface LocalizedText {
  'zh-CN': string;
  'en-US': string;
}

/** A refusal from the API: the stable code, the HTTP status and the message in both languages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly localized: LocalizedText;
  readonly details: unknown;

  constructor(status: number, code: string, localized: LocalizedText, details?: unknown) {
    super(localized['zh-CN']);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.localized = localized;
    this.details = details;
  }
}

const NETWORK_ERROR: LocalizedText = {
  'zh-CN': '无法连接服务器，请检查网络后重试。',
  'en-US': 'The server cannot be reached. Check the network and try again.',
};

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request other than sign-in finds the session gone (401). */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The one fetch wrapper; feature API modules call it for their own endpoints. */
export async function request<T>(method: Method, path: string, body?: unknown, init: { form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (init.form) payload = init.form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: LocalizedText; details?: unknown } } | undefined)?.error;
    const apiError = new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? { 'zh-CN': `请求失败（${res.status}）。`, 'en-US': `The request failed (${res.status}).` },
      err?.details,
    );
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw apiError;
  }
  return data as T;
}

// ---- shapes ----

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  divisionCode: string;
  authorityId: string | null;
}

export interface Me {
  user: SessionUser;
  csrfToken: string;
  permissions: string[];
}

export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface Authority {
  id: string;
  kind: string;
  name: string;
  label: string;
  divisionCode: string | null;
  provinceCode: string;
}

export interface ApplicationListItem {
  id: string;
  refNo: string;
  title: string;
  status: ApplicationState;
  version: number;
  round: number;
  applicationYear: number;
  applicantName: string;
  cityCodes: string[];
  updatedAt: string;
  submittedAt: string | null;
  forwardedAt: string | null;
  receivedAt: string | null;
  isDemo: boolean;
}

export interface ApplicationInfo {
  id: string;
  refNo: string;
  title: string;
  status: ApplicationState;
  version: number;
  round: number;
  applicationYear: number;
  applicantName: string;
  cities: { cityCode: string; authorityId: string }[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  forwardedAt: string | null;
  receivedAt: string | null;
  isDemo: boolean;
}

export interface ProvincialReview {
  authorityId: string;
  round: number;
  decision: 'pending' | 'forwarded' | 'returned' | string;
  checklist: Record<string, boolean> | null;
  opinion: string | null;
  opinionDate: string | null;
  decidedAt: string | null;
  reviewerName: string | null;
}

export interface Intake {
  printedCopies: PaperCopyState;
  discs: PaperCopyState;
  formalCheckPassed: boolean;
  note: string | null;
  recordedAt: string;
  recordedByName: string | null;
}

export interface AttachmentInfo {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  createdAt: string;
  uploaderName: string | null;
}

export interface ApplicationDetail {
  application: ApplicationInfo;
  plan: Plan;
  findings: Finding[];
  allowedActions: ApplicationAction[];
  provincialReviews: ProvincialReview[];
  intake: Intake | null;
  attachments: AttachmentInfo[];
}

export interface PlanVersionItem {
  id: string;
  version: number;
  kind: string;
  round: number;
  createdAt: string;
  authorName: string | null;
}

export interface PlanVersionDetail {
  id: string;
  version: number;
  kind: string;
  plan: Plan;
  createdAt: string;
}

export interface HistoryItem {
  id: string;
  action: string;
  fromStatus: ApplicationState | null;
  toStatus: ApplicationState | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  actorName: string | null;
  actorOrganisation: string | null;
}

export interface TransitionResult {
  version: number;
  status: ApplicationState;
}

export interface ListQuery {
  queue: boolean;
  status?: ApplicationState;
  q?: string;
  page: number;
  pageSize: number;
}

// ---- endpoints ----

const enc = encodeURIComponent;

export const api = {
  login: (username: string, password: string) => request<Me>('POST', '/auth/login', { username, password }),
  me: () => request<Me>('GET', '/auth/me'),
  logout: () => request<void>('POST', '/auth/logout'),

  divisions: () => request<{ items: DivisionNode[] }>('GET', '/reference/divisions?districts=true'),
  authorities: () => request<{ items: Authority[] }>('GET', '/reference/authorities'),

  listApplications: (q: ListQuery) => {
    const params = new URLSearchParams({ queue: String(q.queue), page: String(q.page), pageSize: String(q.pageSize) });
    if (q.status) params.set('status', q.status);
    if (q.q) params.set('q', q.q);
    return request<{ items: ApplicationListItem[]; total: number }>('GET', `/applications?${params}`);
  },
  createApplication: (body: { title: string; applicationYear: number; cityCodes?: string[]; plan?: Plan }) =>
    request<{ id: string }>('POST', '/applications', body),
  application: (id: string) => request<ApplicationDetail>('GET', `/applications/${enc(id)}`),
  savePlan: (id: string, body: { version: number; plan: Plan; title?: string }) =>
    request<{ version: number; findings: Finding[] }>('PUT', `/applications/${enc(id)}/plan`, body),
  versions: (id: string) => request<{ items: PlanVersionItem[] }>('GET', `/applications/${enc(id)}/versions`),
  version: (id: string, versionId: string) =>
    request<PlanVersionDetail>('GET', `/applications/${enc(id)}/versions/${enc(versionId)}`),
  history: (id: string) => request<{ items: HistoryItem[] }>('GET', `/applications/${enc(id)}/history`),

  submit: (id: string, body: { version: number; comment?: string }) =>
    request<TransitionResult>('POST', `/applications/${enc(id)}/submit`, body),
  forward: (id: string, body: { version: number; checklist: Record<string, boolean>; opinion: string; opinionDate: string }) =>
    request<TransitionResult>('POST', `/applications/${enc(id)}/forward`, body),
  returnForRevision: (id: string, body: { version: number; reasons: string }) =>
    request<TransitionResult>('POST', `/applications/${enc(id)}/return`, body),
  receive: (
    id: string,
    body: { version: number; printedCopies: PaperCopyState; discs: PaperCopyState; formalCheckPassed: boolean; note?: string },
  ) => request<TransitionResult>('POST', `/applications/${enc(id)}/receive`, body),

  uploadAttachment: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<{ id: string; filename: string }>('POST', `/applications/${enc(id)}/attachments`, undefined, { form });
  },
};

/** Plain download links (the browser handles the file). */
export const links = {
  exportPlan: (id: string) => `${API_BASE}/applications/${enc(id)}/export`,
  attachment: (attachmentId: string) => `${API_BASE}/attachments/${enc(attachmentId)}`,
};
