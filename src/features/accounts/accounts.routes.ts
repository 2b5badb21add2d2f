/**
 * Account administration for the platform administrator: organisations bound to divisions, users
 * with one role each, deactivation, unlocking and password resets. Every change ends the user's sessions
 * where it matters.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses } from '../../kernel/openapi.js';
import { iso } from '../../shared/contract/wire.js';
import {
  canDeactivateUser,
  organisationAbilities,
  passwordProblems,
  ROLE_FOR_KIND,
  userAbilities,
  type OrganisationKind,
} from '../../shared/permissions/account-rules.js';
import type { Role } from '../../shared/roles/roles.js';
import { getDivision, getReviewAuthority } from '../../shared/reference/divisions.js';
import {
  createOrganisation,
  createUser,
  deleteSessionsOf,
  findUserByUsername,
  getOrganisationById,
  hashPassword,
  listOrganisations,
  listUsers,
  updateUser,
} from './accounts.queries.js';
import { requireUser, type SessionUser } from '../../kernel/request-guards.js';
import {
  createdSchema,
  newOrganisationBody,
  newUserBody,
  okSchema,
  organisationListSchema,
  userChangeBody,
  userListSchema,
  userParams,
  type AdminOrganisation,
  type AdminUser,
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
    abilities: userAbilities(me, { id: u.id, active: u.active, locked }),
  };
}

function checkPassword(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new AppError('WEAK_PASSWORD', { problems });
}

export async function accountRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const config = { permission: 'user.manage' as const };

  r.get(
    '/admin/organisations',
    { config, schema: { tags: ['administration'], summary: '单位列表 Organisations', response: { 200: organisationListSchema, ...errorResponses(401, 403) } } },
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
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/admin/users',
    { config, schema: { tags: ['administration'], summary: '用户列表 Users', response: { 200: userListSchema, ...errorResponses(401, 403) } } },
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
      const id = await createUser(db, { username: b.username, password: b.password, displayName: b.displayName, role, organisationId: org.id, email: b.email });
      return reply.status(201).send({ id });
    },
  );

  r.patch(
    '/admin/users/:id',
    {
      config,
      schema: {
        tags: ['administration'],
        summary: '停用、启用、解锁或重置密码 Deactivate, reactivate, unlock or reset the password',
        params: userParams,
        body: userChangeBody,
        response: { 200: okSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const b = req.body;
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      if (b.active === false && !canDeactivateUser(me, target)) throw new AppError('CANNOT_DEACTIVATE_SELF');
      const set: Parameters<typeof updateUser>[2] = {};
      if (b.active !== undefined) set.active = b.active;
      if (b.unlock) Object.assign(set, { failedLogins: 0, lockedUntil: null });
      if (b.password !== undefined) {
        checkPassword(b.password, target.username);
        set.passwordHash = await hashPassword(b.password);
        Object.assign(set, { failedLogins: 0, lockedUntil: null });
      }
      await updateUser(db, target.id, set);
      if (b.active === false || b.password !== undefined) await deleteSessionsOf(db, target.id);
      return { ok: true as const };
    },
  );
}
