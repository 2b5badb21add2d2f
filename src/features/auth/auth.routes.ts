import argon2 from 'argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses } from '../../kernel/openapi.js';
import { permissionsOf } from '../../shared/permissions/policy.js';
import { iso } from '../../shared/contract/wire.js';
import type { Role } from '../../shared/roles/roles.js';
import { passwordExpired } from '../../shared/identity/password-policy.js';
import { DEFAULT_SESSION_POLICY, isLocked, totpRequired, type PendingStep } from '../../shared/identity/sessions.js';
import { newTotpSecret, otpauthUri, totpCode, totpSecondsLeft, verifyTotp } from '../../shared/identity/totp.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, useRecoveryCode } from '../../shared/identity/recovery-codes.js';
import { DEMO_TOTP_SECRET } from '../../shared/identity/demo.js';
import { verifyPassword } from '../../kernel/password-hash.js';
import { setPassword } from './passwords.js';
import {
  bumpThrottle,
  claimTotpStep,
  peekThrottle,
  deleteExpiredSessions,
  deleteSessionOf,
  findUserForLogin,
  getIdentity,
  getSessionUserById,
  listSessionsOf,
  recordLoginFailure,
  replaceRecoveryCodes,
  resetLoginFailures,
  setMustChangePassword,
  updateIdentity,
} from './auth.queries.js';
import type { SessionUser } from '../../kernel/request-guards.js';
import { noteAudit } from '../../kernel/audit-note.js';
import {
  demoCodeSchema,
  loginBody,
  logoutResponse,
  meSchema,
  okSchema,
  passwordChangeBody,
  recoveryCodesSchema,
  sessionListSchema,
  sessionParams,
  totpConfirmBody,
  totpStartSchema,
  type Me,
} from './auth.contract.js';
import { deleteSessionsExcept } from './sessions.queries.js';

/**
 * Only failures are throttled, never successful sign-ins: a ministry office behind one NAT address
 * signs in all day. Per address and account, a guesser is slowed down on the account it targets; per
 * address, a much higher ceiling stops one machine from trying many accounts. A lockout (after the
 * identity policy's failures, for its minutes) only ever touches the account whose password or code was wrong.
 */
export const LOGIN_MAX_FAILURES = DEFAULT_SESSION_POLICY.maxFailures;
export const LOGIN_LOCK_MINUTES = DEFAULT_SESSION_POLICY.lockMinutes;
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
export const LOGIN_ADDRESS_ACCOUNT_FAILURE_LIMIT = 10;
export const LOGIN_ADDRESS_FAILURE_LIMIT = 100;

/** The issuer an authenticator app shows beside the account. */
export const TOTP_ISSUER = '制造强国城市试点平台';

// A hash to verify against when the user does not exist, so timing does not reveal user names.
let dummyHash: Promise<string> | null = null;

/** The signed-in user, or 401: SESSION_EXPIRED when the cookie's session ran idle. */
function signedIn(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'AUTH_REQUIRED');
  return req.user;
}

export async function authRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const identity = app.identity;

  async function present(user: SessionUser, csrfToken: string, pending: PendingStep | null): Promise<Me> {
    const row = await getIdentity(db, user.id);
    const changedAt = row?.passwordChangedAt ?? null;
    const maxAge = identity.password.maxAgeDays;
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
      pending,
      identity: {
        totpEnabled: row?.totpEnabledAt != null,
        totpRequired: totpRequired(user.role, identity.session),
        passwordExpiresAt: changedAt && maxAge > 0 ? iso(new Date(changedAt.getTime() + maxAge * 86_400_000)) : null,
        recoveryCodesLeft: row?.recoveryCodes.length ?? 0,
      },
    };
  }

  r.post(
    '/auth/login',
    {
      config: { skipCsrf: true, allowPending: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in (password, then the TOTP code when the account has a second factor)',
        body: loginBody,
        response: { 200: meSchema, ...errorResponses(401, 422, 423, 429) },
      },
    },
    async (req, reply) => {
      const { username, password, code } = req.body;
      const now = identity.clock();
      // The audit log records every attempt under the account it names, successful or not.
      noteAudit(req, { username: username.trim().slice(0, 100) });
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
      if (user) noteAudit(req, { actorId: user.id, details: { accountActive: user.active } });
      if (!user || !user.active) {
        dummyHash ??= argon2.hash('not-a-password');
        await argon2.verify(await dummyHash, password);
        await failed();
        throw new AppError('LOGIN_FAILED');
      }
      if (isLocked(user.lockedUntil, now)) throw new AppError('ACCOUNT_LOCKED');
      const { maxFailures, lockMinutes } = identity.session;
      const refuse = async (codeOnFailure: 'LOGIN_FAILED' | 'TOTP_CODE_INVALID' | 'TOTP_CODE_REPLAYED'): Promise<never> => {
        await failed();
        const failures = await recordLoginFailure(db, user.id, maxFailures, lockMinutes, now);
        throw new AppError(failures >= maxFailures ? 'ACCOUNT_LOCKED' : codeOnFailure);
      };
      if (!(await argon2.verify(user.passwordHash, password))) await refuse('LOGIN_FAILED');
      // The second factor, after the password: a TOTP code (never one twice) or a recovery code (each once).
      if (user.totpEnabledAt && user.totpSecret) {
        if (!code?.trim()) throw new AppError('TOTP_CODE_REQUIRED');
        if (looksLikeRecoveryCode(code)) {
          const left = useRecoveryCode(user.recoveryCodes, code);
          if (!left || !(await replaceRecoveryCodes(db, user.id, user.recoveryCodes, left))) await refuse('TOTP_CODE_INVALID');
          noteAudit(req, { details: { secondFactor: 'recovery_code', recoveryCodesLeft: left?.length ?? 0 } });
        } else {
          const check = verifyTotp(user.totpSecret, code, now, user.totpLastStep);
          if (!check.ok) await refuse(check.reason === 'REPLAYED' ? 'TOTP_CODE_REPLAYED' : 'TOTP_CODE_INVALID');
          else if (!(await claimTotpStep(db, user.id, check.step))) await refuse('TOTP_CODE_REPLAYED');
          noteAudit(req, { details: { secondFactor: 'totp' } });
        }
      }
      await resetLoginFailures(db, user.id);
      // An expired password must be changed before anything else, from this sign-in on.
      if (!user.mustChangePassword && passwordExpired(user.passwordChangedAt, now, identity.password)) await setMustChangePassword(db, user.id);
      await deleteExpiredSessions(db);
      const csrfToken = await app.startSession(reply, user.id);
      const sessionUser = await getSessionUserById(db, user.id);
      if (!sessionUser) throw new AppError('LOGIN_FAILED');
      noteAudit(req, { actorId: sessionUser.id, username: sessionUser.username, role: sessionUser.role });
      const fresh = await getIdentity(db, user.id);
      const pending: PendingStep | null = fresh?.mustChangePassword
        ? 'password_change'
        : !fresh?.totpEnabledAt && totpRequired(user.role as Role, identity.session)
          ? 'totp_enrolment'
          : null;
      return reply.send(await present(sessionUser, csrfToken, pending));
    },
  );

  r.post(
    '/auth/logout',
    { config: { allowPending: true }, schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: logoutResponse, ...errorResponses(401, 403) } } },
    async (req, reply) => {
      signedIn(req);
      await app.endSession(req, reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { config: { allowPending: true }, schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: meSchema, ...errorResponses(401) } } },
    async (req) => {
      const user = signedIn(req);
      if (!req.csrfToken) throw new AppError('AUTH_REQUIRED');
      return present(user, req.csrfToken, req.pendingStep);
    },
  );

  r.post(
    '/auth/password',
    {
      config: { allowPending: true },
      schema: {
        tags: ['auth'],
        summary: '修改本人密码 Change one’s own password (ends one’s other sessions)',
        body: passwordChangeBody,
        response: { 200: okSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const me = signedIn(req);
      const row = await getIdentity(db, me.id);
      if (!row) throw new AppError('AUTH_REQUIRED');
      if (!(await verifyPassword(row.passwordHash, req.body.currentPassword))) throw new AppError('CURRENT_PASSWORD_WRONG');
      noteAudit(req, { objectType: 'user', objectId: me.id, after: { passwordChanged: true } });
      await setPassword(db, me.id, req.body.newPassword, identity.password, { temporary: false, now: identity.clock() });
      if (req.sessionId) await deleteSessionsExcept(db, me.id, req.sessionId);
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/totp/start',
    {
      config: { allowPending: true },
      schema: {
        tags: ['auth'],
        summary: '开始绑定动态口令 Start setting up a TOTP authenticator',
        response: { 200: totpStartSchema, ...errorResponses(401, 403, 409) },
      },
    },
    async (req) => {
      const me = signedIn(req);
      const row = await getIdentity(db, me.id);
      if (!row) throw new AppError('AUTH_REQUIRED');
      if (row.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
      const secret = newTotpSecret();
      await updateIdentity(db, me.id, { totpSecret: secret, totpLastStep: null });
      return { secret, uri: otpauthUri(secret, me.username, TOTP_ISSUER) };
    },
  );

  r.post(
    '/auth/totp/confirm',
    {
      config: { allowPending: true },
      schema: {
        tags: ['auth'],
        summary: '确认绑定动态口令 Confirm the authenticator with a code; returns the recovery codes once',
        body: totpConfirmBody,
        response: { 200: recoveryCodesSchema, ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (req) => {
      const me = signedIn(req);
      const row = await getIdentity(db, me.id);
      if (!row) throw new AppError('AUTH_REQUIRED');
      if (row.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
      if (!row.totpSecret) throw new AppError('TOTP_NOT_STARTED');
      const now = identity.clock();
      const check = verifyTotp(row.totpSecret, req.body.code, now, null);
      if (!check.ok) throw new AppError('ENROLMENT_CODE_INVALID');
      const codes = newRecoveryCodes();
      await updateIdentity(db, me.id, { totpEnabledAt: now, totpLastStep: check.step, recoveryCodes: codes.map(hashRecoveryCode) });
      noteAudit(req, { objectType: 'user', objectId: me.id, before: { totpEnabled: false }, after: { totpEnabled: true } });
      return { recoveryCodes: codes };
    },
  );

  r.get(
    '/auth/sessions',
    {
      config: { allowPending: true },
      schema: { tags: ['auth'], summary: '本人的会话 One’s own open sessions', response: { 200: sessionListSchema, ...errorResponses(401) } },
    },
    async (req) => {
      const me = signedIn(req);
      const rows = await listSessionsOf(db, me.id);
      return {
        items: rows.map((s) => ({ id: s.id, createdAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), address: s.address, userAgent: s.userAgent, current: s.id === req.sessionId })),
      };
    },
  );

  r.delete(
    '/auth/sessions/:sessionId',
    {
      config: { allowPending: true },
      schema: {
        tags: ['auth'],
        summary: '结束本人的一个会话 End one of one’s own sessions (the current one signs out)',
        params: sessionParams,
        response: { 200: okSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const me = signedIn(req);
      if (!(await deleteSessionOf(db, me.id, req.params.sessionId))) throw new AppError('NOT_FOUND');
      noteAudit(req, { objectType: 'session', objectId: req.params.sessionId.slice(0, 12), after: { ended: true } });
      if (req.params.sessionId === req.sessionId) reply.clearCookie('mic_sid', { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/auth/demo-code',
    {
      schema: {
        tags: ['auth'],
        summary: '演示数据：演示账号的当前动态口令 Demo mode only: the demo accounts’ current code',
        response: { 200: demoCodeSchema, ...errorResponses(404) },
      },
    },
    async () => {
      // Outside demo mode this does not exist.
      if (!identity.demo) throw new AppError('ROUTE_NOT_FOUND');
      const now = identity.clock();
      return { code: totpCode(DEMO_TOTP_SECRET, now), secondsLeft: totpSecondsLeft(now), secret: DEMO_TOTP_SECRET };
    },
  );
}
