import argon2 from 'argon2';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses } from '../../kernel/openapi.js';
import { permissionsOf } from '../../shared/permissions/policy.js';
import {
  bumpThrottle,
  peekThrottle,
  deleteExpiredSessions,
  findUserForLogin,
  getSessionUserById,
  recordLoginFailure,
  resetLoginFailures,
} from './auth.queries.js';
import type { SessionUser } from '../../kernel/request-guards.js';
import { loginBody, logoutResponse, meSchema, type Me } from './auth.contract.js';

/** Failed sign-ins that lock an account, from wherever they come, and for how long. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;
/**
 * Only failures are throttled, never successful sign-ins: a ministry office behind one NAT address
 * signs in all day. Per address and account, a guesser is slowed down on the account it targets; per
 * address, a much higher ceiling stops one machine from trying many accounts. A lockout only ever
 * touches the account whose password was wrong.
 */
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
export const LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT = 10;
export const LOGIN_ADDRESS_FAILURE_LIMIT = 100;

function present(user: SessionUser, csrfToken: string): Me {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organisationId: user.organisationId,
      organisationName: user.organisationName,
      organisationKind: user.organisationKind,
      divisionCode: user.divisionCode,
      authorityId: user.authorityId,
    },
    csrfToken,
    permissions: permissionsOf(user.role),
  };
}

// A hash to verify against when the user does not exist, so timing does not reveal user names.
let dummyHash: Promise<string> | null = null;

export async function authRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.post(
    '/auth/login',
    {
      config: { skipCsrf: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: loginBody,
        response: { 200: meSchema, ...errorResponses(401, 422, 423, 429) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const addressKey = `fail:ip:${req.ip}`;
      const accountKey = `fail:ip-user:${req.ip}:${username.trim().toLowerCase()}`;
      const [fromAddress, onAccount] = await Promise.all([
        peekThrottle(db, addressKey, LOGIN_FAILURE_WINDOW_SECONDS),
        peekThrottle(db, accountKey, LOGIN_FAILURE_WINDOW_SECONDS),
      ]);
      if (fromAddress >= LOGIN_ADDRESS_FAILURE_LIMIT || onAccount >= LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT) throw new AppError('RATE_LIMITED');
      const failed = async () => {
        await bumpThrottle(db, addressKey, LOGIN_FAILURE_WINDOW_SECONDS);
        await bumpThrottle(db, accountKey, LOGIN_FAILURE_WINDOW_SECONDS);
      };
      const user = await findUserForLogin(db, username);
      if (!user || !user.active) {
        dummyHash ??= argon2.hash('not-a-password');
        await argon2.verify(await dummyHash, password);
        await failed();
        throw new AppError('LOGIN_FAILED');
      }
      if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw new AppError('ACCOUNT_LOCKED');
      const ok = await argon2.verify(user.passwordHash, password);
      if (!ok) {
        await failed();
        await recordLoginFailure(db, user.id, LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES);
        throw new AppError(user.failedLogins + 1 >= LOGIN_MAX_FAILURES ? 'ACCOUNT_LOCKED' : 'LOGIN_FAILED');
      }
      await resetLoginFailures(db, user.id);
      await deleteExpiredSessions(db);
      const csrfToken = await app.startSession(reply, user.id);
      const sessionUser = await getSessionUserById(db, user.id);
      if (!sessionUser) throw new AppError('LOGIN_FAILED');
      return reply.send(present(sessionUser, csrfToken));
    },
  );

  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: logoutResponse, ...errorResponses(401, 403) } } },
    async (req, reply) => {
      if (!req.user) throw new AppError('AUTH_REQUIRED');
      await app.endSession(req, reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: meSchema, ...errorResponses(401) } } },
    async (req) => {
      if (!req.user || !req.csrfToken) throw new AppError('AUTH_REQUIRED');
      return present(req.user, req.csrfToken);
    },
  );
}

