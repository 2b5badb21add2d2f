/**
 * Account administration, split by 三权分立: the system (platform) administrator keeps organisations
 * bound to divisions and users with one role each, deactivates, reactivates and resets passwords; the
 * security administrator unlocks accounts and ends a user's sessions. Accounts of the three
 * administrators are the operator's (command line) and read-only here. Every change ends the user's
 * sessions where it matters, and tells the audit log the values before and after.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses } from '../../kernel/openapi.js';
import { iso } from '../../shared/contract/wire.js';
import {
  canDeactivateUser,
  canManageAccount,
  organisationAbilities,
  ROLE_FOR_KIND,
  userAbilities,
  type OrganisationKind,
} from '../../shared/permissions/account-rules.js';
import type { Role } from '../../shared/roles/roles.js';
import { getDivision, getReviewAuthority } from '../../shared/reference/divisions.js';
import { refuseWeakPassword, setPassword } from '../auth/public.js';
import {
  createOrganisation,
  createUser,
  deleteOneSession,
  deleteSessionsOf,
  listSessionsOfUser,
  resetSecondFactor,
  findUserByUsername,
  getOrganisationById,
  listOrganisations,
  listUsers,
  updateUser,
} from './accounts.queries.js';
import { requireUser, type SessionUser } from '../../kernel/request-guards.js';
import { noteAudit } from '../../kernel/audit-note.js';
import { can } from '../../shared/permissions/policy.js';
import { maskPersonal } from '../../shared/audit/audit-events.js';
import {
  adminSessionListSchema,
  createdSchema,
  newOrganisationBody,
  newUserBody,
  okSchema,
  organisationListSchema,
  revokedSchema,
  userChangeBody,
  userListSchema,
  userParams,
  userSessionParams,
  type AdminOrganisation,
  type AdminUser,
  type AdminUserAction,
} from './accounts.contract.js';

const CENTRAL_DIVISION = '100000';

type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];
type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

function presentOrganisation(me: SessionUser, o: OrganisationRow): AdminOrganisation {
  const kind = o.kind as OrganisationKind;
  return {
    id: o.id,
    name: o.name,
    kind,
    divisionCode: o.divisionCode,
    authorityId: o.authorityId,
    isDemo: o.isDemo,
    createdAt: iso(o.createdAt),
    abilities: organisationAbilities(me, { kind }),
  };
}

function presentUser(me: SessionUser, u: UserRow, now: number): AdminUser {
  const locked = u.lockedUntil !== null && u.lockedUntil.getTime() > now;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    email: u.email,
    active: u.active,
    failedLogins: u.failedLogins,
    lockedUntil: iso(u.lockedUntil),
    locked,
    createdAt: iso(u.createdAt),
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    organisationKind: u.organisationKind as OrganisationKind,
    divisionCode: u.divisionCode,
    authorityId: u.authorityId,
    sessions: u.sessions,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    passwordChangedAt: iso(u.passwordChangedAt),
    abilities: [
      ...userAbilities(me, { id: u.id, role: u.role as Role, active: u.active, locked, sessions: u.sessions }),
      ...(can(me.role, 'user.unlock') && u.totpEnabled && u.id !== me.id ? (['resetSecondFactor'] as const) : []),
    ] satisfies AdminUserAction[],
  };
}

export async function accountRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const identity = app.identity;
  const checkPassword = (password: string, username: string) => refuseWeakPassword(password, username, identity.password);
  const config = { permission: 'user.manage' as const };
  const read = { permission: 'user.read' as const };

  r.get(
    '/admin/organisations',
    { config: read, schema: { tags: ['administration'], summary: '单位列表 Organisations', response: { 200: organisationListSchema, ...errorResponses(401, 403) } } },
    async (req) => {
      const me = requireUser(req);
      return { items: (await listOrganisations(db)).map((o) => presentOrganisation(me, o)) };
    },
  );

  r.post(
    '/admin/organisations',
    {
      config,
      schema: {
        tags: ['administration'],
        summary: '新建单位 Create an organisation bound to a division',
        body: newOrganisationBody,
        response: { 201: createdSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { kind, divisionCode, authorityId } = req.body;
      const division = getDivision(divisionCode);
      const central = divisionCode === CENTRAL_DIVISION || divisionCode === '110000';
      if (kind === 'city' && (!division || division.level === 'province')) throw new AppError('CITY_NOT_IN_SCOPE', { divisionCode });
      if (kind === 'province_authority' && (!authorityId || !getReviewAuthority(authorityId))) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'authorityId', message: 'unknown review authority' }] });
      if (kind !== 'city' && kind !== 'province_authority' && !central && !division) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'divisionCode', message: 'unknown division' }] });
      const id = await createOrganisation(db, { ...req.body, authorityId: kind === 'province_authority' ? authorityId : null });
      noteAudit(req, { objectType: 'organisation', objectId: id, after: { name: req.body.name, kind, divisionCode, authorityId: kind === 'province_authority' ? authorityId : null } });
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/admin/users',
    { config: read, schema: { tags: ['administration'], summary: '用户列表 Users', response: { 200: userListSchema, ...errorResponses(401, 403) } } },
    async (req) => {
      const me = requireUser(req);
      const now = Date.now();
      return { items: (await listUsers(db)).map((u) => presentUser(me, u, now)) };
    },
  );

  r.post(
    '/admin/users',
    {
      config,
      schema: {
        tags: ['administration'],
        summary: '新建用户 Create a user; the role follows from the organisation',
        body: newUserBody,
        response: { 201: createdSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const org = await getOrganisationById(db, b.organisationId);
      if (!org) throw new AppError('NOT_FOUND');
      const role = ROLE_FOR_KIND[org.kind as keyof typeof ROLE_FOR_KIND];
      if (!role || (b.role && b.role !== role)) throw new AppError('ROLE_NOT_FOR_ORGANISATION', { expected: role });
      checkPassword(b.password, b.username);
      if (await findUserByUsername(db, b.username)) throw new AppError('USERNAME_TAKEN');
      // The administrator's password is a temporary one: the user changes it at the first sign-in.
      const id = await createUser(db, { username: b.username, password: b.password, displayName: b.displayName, role, organisationId: org.id, email: b.email, temporaryPassword: true });
      // The e-mail masked, as in the request body's summary: the log shows that there is one, not what it is.
      noteAudit(req, { objectType: 'user', objectId: id, after: { username: b.username, displayName: b.displayName, role, organisationId: org.id, email: b.email ? maskPersonal(b.email) : null } });
      return reply.status(201).send({ id });
    },
  );

  r.patch(
    '/admin/users/:id',
    {
      config: read,
      schema: {
        tags: ['administration'],
        summary: '停用、启用、重置密码（系统管理员）或解锁（安全管理员）Deactivate, reactivate, reset the password (system administrator) or unlock (security administrator)',
        params: userParams,
        body: userChangeBody,
        response: { 200: okSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const b = req.body;
      // Each part of the change is one administrator's work: account changes the system
      // administrator's, unlocking the security administrator's.
      if ((b.active !== undefined || b.password !== undefined) && !can(me.role, 'user.manage')) throw new AppError('FORBIDDEN');
      if (b.unlock && !can(me.role, 'user.unlock')) throw new AppError('FORBIDDEN');
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      const targetRole = target.role as Role;
      if (b.active === false && !canDeactivateUser(me, target)) throw new AppError('CANNOT_DEACTIVATE_SELF');
      if (b.active !== undefined && !canManageAccount({ role: targetRole })) throw new AppError('ADMIN_ACCOUNT_PROTECTED');
      if (b.password !== undefined && !canManageAccount({ role: targetRole }) && target.id !== me.id) throw new AppError('ADMIN_ACCOUNT_PROTECTED');
      const locked = target.lockedUntil !== null && target.lockedUntil.getTime() > Date.now();
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (b.active !== undefined) {
        before.active = target.active;
        after.active = b.active;
      }
      if (b.unlock || b.password !== undefined) {
        Object.assign(before, { locked, failedLogins: target.failedLogins });
        Object.assign(after, { locked: false, failedLogins: 0 });
      }
      // Never the password itself, nor its hash.
      if (b.password !== undefined) Object.assign(after, { passwordReset: true, mustChangePassword: target.id !== me.id });
      noteAudit(req, { objectType: 'user', objectId: target.id, before: { username: target.username, ...before }, after });
      const set: Parameters<typeof updateUser>[2] = {};
      if (b.active !== undefined) set.active = b.active;
      if (b.unlock) Object.assign(set, { failedLogins: 0, lockedUntil: null });
      if (b.password !== undefined) {
        checkPassword(b.password, target.username);
        // A password set for someone else is temporary: changed at their next sign-in. The history applies too.
        await setPassword(db, target.id, b.password, identity.password, { temporary: target.id !== me.id, now: identity.clock() });
      }
      if (Object.keys(set).length) await updateUser(db, target.id, set);
      if (b.active === false || b.password !== undefined) await deleteSessionsOf(db, target.id);
      return { ok: true as const };
    },
  );

  r.delete(
    '/admin/users/:id/sessions',
    {
      config: { permission: 'session.revoke' },
      schema: {
        tags: ['administration'],
        summary: '强制下线（安全管理员）End every session of a user (security administrator)',
        params: userParams,
        response: { 200: revokedSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      // Ending one's own sessions is signing out.
      if (target.id === me.id) throw new AppError('CANNOT_REVOKE_OWN_SESSIONS');
      const ended = await deleteSessionsOf(db, target.id);
      noteAudit(req, { objectType: 'user', objectId: target.id, before: { username: target.username, sessions: target.sessions }, after: { sessions: 0 } });
      return { ended };
    },
  );

  r.get(
    '/admin/users/:id/sessions',
    {
      config: { permission: 'session.revoke' },
      schema: {
        tags: ['administration'],
        summary: '用户的会话（安全管理员）A user’s open sessions (security administrator)',
        params: userParams,
        response: { 200: adminSessionListSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      const rows = await listSessionsOfUser(db, target.id);
      return { items: rows.map((s) => ({ id: s.id, createdAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), address: s.address, userAgent: s.userAgent })) };
    },
  );

  r.delete(
    '/admin/users/:id/sessions/:sessionId',
    {
      config: { permission: 'session.revoke' },
      schema: {
        tags: ['administration'],
        summary: '结束用户的一个会话（安全管理员）End one session of a user (security administrator)',
        params: userSessionParams,
        response: { 200: revokedSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      if (target.id === me.id) throw new AppError('CANNOT_REVOKE_OWN_SESSIONS');
      if (!(await deleteOneSession(db, target.id, req.params.sessionId))) throw new AppError('NOT_FOUND');
      noteAudit(req, { objectType: 'user', objectId: target.id, before: { username: target.username, sessions: target.sessions }, after: { sessions: target.sessions - 1 } });
      return { ended: 1 };
    },
  );

  r.delete(
    '/admin/users/:id/totp',
    {
      config: { permission: 'user.unlock' },
      schema: {
        tags: ['administration'],
        summary: '重置动态口令（安全管理员）Reset a user’s second factor: they enrol again at the next sign-in (security administrator)',
        params: userParams,
        response: { 200: okSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      if (target.id === me.id) throw new AppError('FORBIDDEN');
      if (!target.totpEnabled) throw new AppError('TOTP_NOT_ENABLED');
      await resetSecondFactor(db, target.id);
      // Whoever held the old factor is signed out too.
      await deleteSessionsOf(db, target.id);
      noteAudit(req, { objectType: 'user', objectId: target.id, before: { username: target.username, totpEnabled: true }, after: { totpEnabled: false, sessions: 0 } });
      return { ok: true as const };
    },
  );
}
