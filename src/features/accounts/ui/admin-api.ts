/**
 * The account administration endpoints (/admin/*: user.read, user.manage, user.unlock, session.revoke) for the web, through the
 * shared API client (cookie, CSRF header, typed errors); the shapes come from the accounts contract.
 */
import type { Created, NewOrganisation, NewUser, OrganisationList, Revoked, UserChange, UserList } from '../accounts.contract';
import { enc, request } from '../../../web-kit/api-client';

export const adminApi = {
  organisations: () => request<OrganisationList>('GET', '/admin/organisations'),
  createOrganisation: (body: NewOrganisation) => request<Created>('POST', '/admin/organisations', body),
  users: () => request<UserList>('GET', '/admin/users'),
  createUser: (body: NewUser) => request<Created>('POST', '/admin/users', body),
  updateUser: (id: string, body: UserChange) => request<{ ok: true }>('PATCH', `/admin/users/${enc(id)}`, body),
  revokeSessions: (id: string) => request<Revoked>('DELETE', `/admin/users/${enc(id)}/sessions`),
  resetSecondFactor: (id: string) => request<{ ok: true }>('DELETE', `/admin/users/${enc(id)}/totp`),
};
