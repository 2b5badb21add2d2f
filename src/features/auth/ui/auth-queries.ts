/**
 * The session as a query: `['auth', 'me']` holds the current user, or null when nobody is signed in.
 * Sign-in writes it, sign-out and a lost session set it to null; it is never refetched on its own.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Me } from '../auth.contract';
import { ApiError, setCsrfToken } from '../../../web-kit/api-client';
import { authApi } from './auth-api';

export const authKeys = {
  all: ['auth'] as const,
  me: ['auth', 'me'] as const,
};

/** The current session, or null; the CSRF token is handed to the API client before anyone can write. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await authApi.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    // Not signed in is an answer; anything else is logged and also leaves the user at the sign-in page.
    if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
    return null;
  }
}

export const authQueries = {
  me: () =>
    queryOptions({
      queryKey: authKeys.me,
      queryFn: fetchMe,
      // The session changes only through sign-in, sign-out or a 401, each of which writes this entry.
      staleTime: Infinity,
      gcTime: Infinity,
      retry: false,
    }),
};
