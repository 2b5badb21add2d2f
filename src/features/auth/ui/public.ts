/** What other features and the shell may use of auth on the web: the session and the current user. */
export { SessionProvider, useMe, useSession, type SessionState, type SessionValue, type SignedOutReason } from './session';
export { authKeys } from './auth-queries';
export type { Me, SessionUser } from '../auth.contract';
export { AccountSecurityLink } from './security-link';
