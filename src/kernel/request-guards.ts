/**
 * What every route may know about the request: the signed-in user (set by the auth feature's
 * session plugin), the coarse permission a route declares, and the guard that demands a user.
 */
import type { FastifyRequest } from 'fastify';
import type { Permission } from '../shared/permissions/policy.js';
import type { Actor } from '../shared/roles/roles.js';
import { AppError } from './app-error.js';

export interface SessionUser extends Actor {
  username: string;
  displayName: string;
  organisationName: string;
  organisationKind: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The coarse permission a route needs; omitted means public. */
    permission?: Permission;
    /** Set on routes that must not require the CSRF header (login). */
    skipCsrf?: boolean;
  }
}

/** The signed-in user, or a 401. For use inside handlers of routes with a permission. */
export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('AUTH_REQUIRED');
  return req.user;
}
