/** Sign-in, the current user, sign-out, one's password, second factor and sessions; the shapes come from the auth contract. */
import type { DemoCode, LoginBody, Me, PasswordChange, RecoveryCodes, SessionList, TotpStart } from '../auth.contract';
import { enc, request } from '../../../web-kit/api-client';

export const authApi = {
  login: (body: LoginBody) => request<Me>('POST', '/auth/login', body),
  me: () => request<Me>('GET', '/auth/me'),
  logout: () => request<void>('POST', '/auth/logout'),
  changePassword: (body: PasswordChange) => request<{ ok: true }>('POST', '/auth/password', body),
  startTotp: () => request<TotpStart>('POST', '/auth/totp/start'),
  confirmTotp: (code: string) => request<RecoveryCodes>('POST', '/auth/totp/confirm', { code }),
  sessions: () => request<SessionList>('GET', '/auth/sessions'),
  endSession: (id: string) => request<{ ok: true }>('DELETE', `/auth/sessions/${enc(id)}`),
  demoCode: () => request<DemoCode>('GET', '/auth/demo-code'),
};
