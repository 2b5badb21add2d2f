/**
 * The ministry's publishing of the public portal (under /api/v1): the pilots with what of each is
 * public, publish a pilot's page or a year's progress, withdraw a publication. Thin: permission,
 * schema, then the service. The public pages themselves are portal.pages.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { errorResponses } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import * as c from './portal.contract.js';
import * as svc from './portal.service.js';

const TAGS = ['portal'];

export async function portalRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const publish = { permission: 'portal.publish' as const };

  r.get(
    '/portal/publishing',
    {
      config: publish,
      schema: {
        tags: TAGS,
        summary: '公开门户发布管理：各试点的公开情况 The pilots and what of each is published on the public portal',
        response: { 200: c.publishingListSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      requireUser(req);
      return svc.publishingList(db);
    },
  );

  r.post(
    '/portal/pilots/:id/publications',
    {
      config: publish,
      schema: {
        tags: TAGS,
        summary: '在公开门户发布试点页面（实施方案摘要与目标）或某一年度的进展 Publish a pilot\'s page or the progress of a year',
        params: c.pilotParams,
        body: c.publishBody,
        response: { 201: c.publicationSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.publish(db, requireUser(req), app.clock(), req.params.id, req.body)),
  );

  r.post(
    '/portal/publications/:id/withdraw',
    {
      config: publish,
      schema: {
        tags: TAGS,
        summary: '撤回发布 Withdraw a publication from the public portal',
        params: c.publicationParams,
        response: { 200: c.publicationSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => svc.withdraw(db, requireUser(req), app.clock(), req.params.id),
  );
}
