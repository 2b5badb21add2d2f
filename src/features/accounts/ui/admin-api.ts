/**
 * The account administration endpoints (/admin/*, permission user.manage) for the web. The shared
 * client in src/web/api.ts has no PATCH; this module carries its own small fetch wrapper with the
 * same conventions: same-origin cookie, JSON, the session's CSRF header on writes, ApiError on refusal.
 */
import { useMemo } from 'react';
import type { OrganisationKind } from '../../../shared/permissions/account-rules';
import type { Role } from '../../../shared/permissions/roles';
import { request, type Method } from '../../../web/api';
import { useMe } from '../../../web/session';

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


/** Admin endpoints go through the shared API client (cookie, CSRF header, typed errors). */
function call<T>(_csrfToken: string, method: Method, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
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
