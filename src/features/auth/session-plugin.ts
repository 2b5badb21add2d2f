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
import { deleteSession, findSession, insertSession } from './auth.queries.js';

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
}

export const sessionPlugin = fp(async (app: FastifyInstance, opts: SessionOptions) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const id = hashToken(token);
    const row = await findSession(opts.db, id);
    if (!row || !row.active) return;
    req.sessionId = id;
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

  // Runs after routing, so the route's config is known.
  app.addHook('preHandler', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (permission) {
      if (!req.user) throw new AppError('AUTH_REQUIRED');
      if (!can(req.user.role, permission)) throw new AppError('FORBIDDEN');
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
    await insertSession(opts.db, { id: hashToken(token), userId, csrfToken, expiresAt });
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
  }
}

function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
