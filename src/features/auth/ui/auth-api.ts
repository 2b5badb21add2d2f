/** Sign-in, the current user and sign-out; the shapes come from the auth contract. */
import type { LoginBody, Me } from '../auth.contract';
import { request } from '../../../web-kit/api-client';

export const authApi = {
  login: (body: LoginBody) => request<Me>('POST', '/auth/login', body),
  me: () => request<Me>('GET', '/auth/me'),
  logout: () => request<void>('POST', '/auth/logout'),
};
