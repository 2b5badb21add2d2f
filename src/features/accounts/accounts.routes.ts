/**
 * Account administration for the platform administrator: organisations bound to divisions, users
 * with one role each, deactivation, unlocking and password resets. Every change ends the user's sessions
 * where it matters.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../server/app-error.js';
import { errorResponses } from '../../server/openapi.js';
import { ORGANISATION_KINDS, passwordProblems, ROLE_FOR_KIND } from '../../shared/permissions/account-rules.js';
import { ROLES } from '../../shared/permissions/roles.js';
import { getDivision, getReviewAuthority } from '../reference/divisions.js';
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
import { requireUser } from '../auth/session-plugin.js';

const CENTRAL_DIVISION = '100000';

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
    { config, schema: { tags: ['administration'], summary: '单位列表 Organisations', response: { 200: z.any(), ...errorResponses(401, 403) } } },
    async () => ({ items: await listOrganisations(db) }),
  );

  r.post(
    '/admin/organisations',
    {
      config,
      schema: {
        tags: ['administration'],
        summary: '新建单位 Create an organisation bound to a division',
        body: z.object({
          name: z.string().trim().min(2).max(200),
          kind: z.enum(ORGANISATION_KINDS),
          divisionCode: z.string().regex(/^\d{6}$/),
          authorityId: z.string().max(10).optional(),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 422) },
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
    { config, schema: { tags: ['administration'], summary: '用户列表 Users', response: { 200: z.any(), ...errorResponses(401, 403) } } },
    async () => {
      const now = Date.now();
      const items = (await listUsers(db)).map((u) => ({ ...u, locked: u.lockedUntil !== null && u.lockedUntil.getTime() > now }));
      return { items };
    },
  );

  r.post(
    '/admin/users',
    {
      config,
      schema: {
        tags: ['administration'],
        summary: '新建用户 Create a user; the role follows from the organisation',
        body: z.object({
          username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/),
          password: z.string().max(200),
          displayName: z.string().trim().min(1).max(100),
          organisationId: z.uuid(),
          role: z.enum(ROLES).optional(),
          email: z.email().optional(),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 404, 409, 422) },
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
        params: z.object({ id: z.uuid() }),
        body: z
          .object({ active: z.boolean().optional(), unlock: z.literal(true).optional(), password: z.string().max(200).optional() })
          .refine((b) => b.active !== undefined || b.unlock || b.password !== undefined, { message: 'nothing to change' }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const b = req.body;
      const target = (await listUsers(db)).find((u) => u.id === req.params.id);
      if (!target) throw new AppError('NOT_FOUND');
      if (b.active === false && target.id === me.id) throw new AppError('CANNOT_DEACTIVATE_SELF');
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
