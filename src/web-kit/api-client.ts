/**
 * The API client: one fetch wrapper (same-origin cookie, JSON, CSRF header on writes, typed errors).
 * Each feature keeps its own endpoint functions beside its UI and takes their types from its contract.
 */

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

/** An error's text for the user, in the given language (a refusal's own message, or a general one). */
export function errorText(err: unknown, locale: 'zh-CN' | 'en-US'): string {
  if (err instanceof ApiError) return err.localized[locale];
  return locale === 'zh-CN' ? '操作失败，请稍后重试。' : 'Something went wrong. Please try again.';
}

const NETWORK_ERROR: LocalizedText = {
  'zh-CN': '无法连接服务器，请检查网络后重试。',
  'en-US': 'The server cannot be reached. Check the network and try again.',
};

let csrfToken: string | null = null;
let onUnauthorized: ((code: string) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request other than sign-in finds the session gone (401), with the refusal's code (e.g. SESSION_EXPIRED). */
export function setUnauthorizedHandler(handler: ((code: string) => void) | null) {
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
    if (res.status === 401 && (!path.startsWith('/auth/') || apiError.code === 'SESSION_EXPIRED')) onUnauthorized?.(apiError.code);
    throw apiError;
  }
  return data as T;
}

export const enc = encodeURIComponent;
