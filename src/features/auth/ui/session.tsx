/**
 * The signed-in user: loaded once from /auth/me into the query cache (`['auth', 'me']`), set by
 * sign-in, cleared by sign-out or by any 401. Holds the CSRF token for the API client. It only
 * exposes the state: the router's root route sends a signed-out user to the sign-in page.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../auth.contract';
import { setCsrfToken, setUnauthorizedHandler } from '../../../web-kit/api-client';
import { authApi } from './auth-api';
import { authKeys, authQueries } from './auth-queries';

// A password to change or a second factor to enrol comes before every page.
const PendingStepPage = lazy(() => import('./pending-step-page'));

/**
 * How a signed-out state came about: nobody had signed in on this visit, the user signed out, or
 * the server refused the session (expired, ended by an administrator). The router uses it to
 * decide whether the sign-in page should lead back to where the user was.
 */
export type SignedOutReason = 'not-signed-in' | 'signed-out' | 'session-lost' | 'session-expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; me: Me };

export interface SessionValue {
  state: SessionState;
  login: (username: string, password: string, code?: string) => Promise<Me>;
  /** Puts a fresh /auth/me answer into the session (after a pending step is done). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Forgets everything of the user who left: every cached answer and pending mutation goes, and the
 * session entry becomes null. The session entry itself is set rather than removed, so the provider
 * observing it learns of the change (a removed query does not tell its observers).
 */
function forgetUser(queryClient: QueryClient) {
  setCsrfToken(null);
  // Removing a query also cancels its fetch, so no answer for the old user lands afterwards.
  queryClient.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) });
  queryClient.getMutationCache().clear();
  queryClient.setQueryData(authKeys.me, null);
}

function isMeKey(key: readonly unknown[]): boolean {
  return key.length === 2 && key[0] === authKeys.me[0] && key[1] === authKeys.me[1];
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery(authQueries.me());
  const [reason, setReason] = useState<SignedOutReason>('not-signed-in');

  useEffect(() => {
    setUnauthorizedHandler((code) => {
      // An idle session past the limit says so on the sign-in page (会话已超时，请重新登录).
      setReason(code === 'SESSION_EXPIRED' ? 'session-expired' : 'session-lost');
      forgetUser(queryClient);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const login = useCallback(
    async (username: string, password: string, code?: string) => {
      const signedIn = await authApi.login({ username, password, ...(code ? { code } : {}) });
      setCsrfToken(signedIn.csrfToken);
      queryClient.setQueryData(authKeys.me, signedIn);
      return signedIn;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setReason('signed-out');
      forgetUser(queryClient);
    }
  }, [queryClient]);

  const refresh = useCallback(async () => {
    const fresh = await authApi.me();
    setCsrfToken(fresh.csrfToken);
    queryClient.setQueryData(authKeys.me, fresh);
  }, [queryClient]);

  const { isPending, data } = me;
  const value = useMemo<SessionValue>(() => {
    const state: SessionState = isPending ? { status: 'loading' } : data ? { status: 'signed-in', me: data } : { status: 'signed-out', reason };
    return { state, login, logout, refresh };
  }, [isPending, data, reason, login, logout, refresh]);
  return (
    <SessionContext.Provider value={value}>
      {data?.pending ? (
        <Suspense fallback={null}>
          <PendingStepPage me={data} />
        </Suspense>
      ) : (
        children
      )}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for pages rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}
