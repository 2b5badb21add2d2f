/**
 * Sessions live in the database (every server process shares them) behind an HttpOnly,
 * SameSite=Strict cookie. Unsafe methods also need the session's CSRF token in a header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.js';
import type { Role } from '../../shared/roles/roles.js';
import { can } from '../../shared/permissions/policy.js';
import { AppError } from '../../kernel/app-error.js';
import type { SessionUser } from '../../kernel/request-guards.js';
import type { Clock } from '../../kernel/clock.js';
import type { PasswordPolicy } from '../../shared/identity/password-policy.js';
import { idleExpired, pendingStep, shouldTouch, type PendingStep, type SessionPolicy } from '../../shared/identity/sessions.js';
import { deleteSession, findSession, insertSession, touchSession } from './auth.queries.js';

export const SESSION_COOKIE = 'mic_sid';
export const CSRF_HEADER = 'x-csrf-token';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SessionOptions {
  db: Db;
  ttlHours: number;
  secureCookies: boolean;
  identity: { password: PasswordPolicy; session: SessionPolicy };
  /** Demo mode: the sign-in page may show the demo accounts' current code. */
  demo: boolean;
  /** Real elapsed time for idle timeout, lockout and codes (a manual clock in their tests). */
  clock: Clock;
}

/** What the auth and accounts routes read of the identity settings. */
export interface IdentitySettings {
  password: PasswordPolicy;
  session: SessionPolicy;
  demo: boolean;
  clock: Clock;
}

export const sessionPlugin = fp(async (app: FastifyInstance, opts: SessionOptions) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('pendingStep', null);
  app.decorate('identity', { password: opts.identity.password, session: opts.identity.session, demo: opts.demo, clock: opts.clock } satisfies IdentitySettings);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const id = hashToken(token);
    const row = await findSession(opts.db, id);
    if (!row || !row.active) return;
    const now = opts.clock();
    // Idle past the limit: the session is over (the next request that needs a user gets SESSION_EXPIRED).
    if (idleExpired(row.lastSeenAt, now, opts.identity.session)) {
      req.sessionExpired = true;
      await deleteSession(opts.db, id);
      return;
    }
    // Last activity is written at most once a minute, so most requests stay at the one lookup.
    if (shouldTouch(row.lastSeenAt, now)) await touchSession(opts.db, id, now);
    req.sessionId = id;
    req.pendingStep = pendingStep({ mustChangePassword: row.mustChangePassword, totpEnabled: row.totpEnabled, role: row.role as Role }, opts.identity.session);
    req.csrfToken = row.csrfToken;
    req.user = {
      id: row.userId,
      role: row.role as Role,
      organisationId: row.organisationId,
      divisionCode: row.divisionCode,
      authorityId: row.authorityId,
      username: row.username,
      displayName: row.displayName,
      organisationName: row.organisationName,
      organisationKind: row.organisationKind,
    } satisfies SessionUser;
  });

  // Runs after routing, so the route's config is known, and before the body is validated, so that a
  // request without a session or without the permission is refused as such (401, 403, CSRF) whatever
  // it sends: nobody learns the shape of what they may not do (test/api/permission-matrix.test.ts).
  app.addHook('preValidation', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (permission) {
      if (!req.user) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'AUTH_REQUIRED');
      if (!can(req.user.role, permission)) throw new AppError('FORBIDDEN');
    }
    // A password to change or a second factor to enrol comes before anything else of the API.
    if (req.user && req.pendingStep && req.url.startsWith('/api/') && !req.routeOptions.config?.allowPending) {
      throw new AppError(req.pendingStep === 'password_change' ? 'PASSWORD_CHANGE_REQUIRED' : 'TOTP_ENROLMENT_REQUIRED');
    }
    if (req.user && UNSAFE.has(req.method) && !req.routeOptions.config?.skipCsrf) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
  });

  app.decorate('startSession', async (reply: FastifyReply, userId: string) => {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + opts.ttlHours * 3600_000);
    const req = reply.request;
    const userAgent = req.headers['user-agent'];
    await insertSession(opts.db, {
      id: hashToken(token),
      userId,
      csrfToken,
      expiresAt,
      lastSeenAt: opts.clock(),
      address: req.ip ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      expires: expiresAt,
    });
    return csrfToken;
  });

  app.decorate('endSession', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.sessionId) await deleteSession(opts.db, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    startSession(reply: FastifyReply, userId: string): Promise<string>;
    endSession(req: FastifyRequest, reply: FastifyReply): Promise<void>;
    identity: IdentitySettings;
  }
  interface FastifyRequest {
    /** The cookie named a session that was idle past the limit (and is now deleted). */
    sessionExpired: boolean;
    /** What the signed-in user must do before anything else, if anything. */
    pendingStep: PendingStep | null;
  }
  interface FastifyContextConfig {
    /** Open to a session with a pending step (sign-in, sign-out, the current user, the step itself). */
    allowPending?: boolean;
  }
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
