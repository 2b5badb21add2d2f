/**
 * The account administration endpoints (/admin/*, permission user.manage) for the web. The shared
 * client in src/web/api.ts has no PATCH; this module carries its own small fetch wrapper with the
 * same conventions: same-origin cookie, JSON, the session's CSRF header on writes, ApiError on refusal.
 */
import { useMemo } from 'react';
import type { OrganisationKind } from '../../../shared/permissions/account-rules';
import type { Role } from '../../../shared/permissions/roles';
import { API_BASE, ApiError, type LocalizedText } from '../../../web/api';
import { loginPath, useMe } from '../../../web/session';

export interface AdminOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  divisionCode: string;
  authorityId: string | null;
  isDemo: boolean;
  createdAt: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  email: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  locked: boolean;
  createdAt: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  divisionCode: string;
  authorityId: string | null;
}

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  divisionCode: string;
  authorityId?: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  organisationId: string;
  email?: string;
}

export interface UserChange {
  active?: boolean;
  unlock?: true;
  password?: string;
}

type Method = 'GET' | 'POST' | 'PATCH';

async function call<T>(csrfToken: string, method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', {
      'zh-CN': '无法连接服务器，请检查网络后重试。',
      'en-US': 'The server cannot be reached. Check the network and try again.',
    });
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: LocalizedText; details?: unknown } } | undefined)?.error;
    if (res.status === 401) {
      // The session is gone: a full reload lands on the sign-in page, which brings the user back here.
      window.location.assign(loginPath());
    }
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? { 'zh-CN': `请求失败（${res.status}）。`, 'en-US': `The request failed (${res.status}).` },
      err?.details,
    );
  }
  return data as T;
}

const enc = encodeURIComponent;

function adminApi(csrfToken: string) {
  return {
    organisations: () => call<{ items: AdminOrganisation[] }>(csrfToken, 'GET', '/admin/organisations'),
    createOrganisation: (body: NewOrganisation) => call<{ id: string }>(csrfToken, 'POST', '/admin/organisations', body),
    users: () => call<{ items: AdminUser[] }>(csrfToken, 'GET', '/admin/users'),
    createUser: (body: NewUser) => call<{ id: string }>(csrfToken, 'POST', '/admin/users', body),
    updateUser: (id: string, body: UserChange) => call<{ ok: true }>(csrfToken, 'PATCH', `/admin/users/${enc(id)}`, body),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

/** The admin endpoints bound to the signed-in session's CSRF token. */
export function useAdminApi(): AdminApi {
  const { csrfToken } = useMe();
  return useMemo(() => adminApi(csrfToken), [csrfToken]);
}
