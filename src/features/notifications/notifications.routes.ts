/**
 * The signed-in user's notices (any role: each sees only their own) and, for the platform administrator,
 * the e-mail outbox's recent rows with their delivery status (never the bodies).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../server/app-error.js';
import { errorResponses } from '../../server/openapi.js';
import { requireUser } from '../auth/session-plugin.js';
import { countUnread, listNotificationsOf, listOutbox, markAllRead, markRead, outboxCounts } from './notifications.queries.js';

const notice = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

const outboxRow = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sendAfter: z.date(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});

export async function notificationRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  const tags = ['notifications'];

  r.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知 My notices, newest first, with the unread count',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: z.object({ items: z.array(notice), unread: z.number() }), ...errorResponses(401, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const [items, unread] = await Promise.all([listNotificationsOf(db, me.id, req.query.limit), countUnread(db, me.id)]);
      return { items, unread };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读 Mark one of my notices read',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true), unread: z.number() }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      // Someone else's notice answers exactly like a missing one.
      if (!(await markRead(db, me.id, req.params.id))) throw new AppError('NOT_FOUND');
      return { ok: true as const, unread: await countUnread(db, me.id) };
    },
  );

  r.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: '全部标记已读 Mark all my notices read',
        response: { 200: z.object({ updated: z.number(), unread: z.literal(0) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      return { updated: await markAllRead(db, me.id), unread: 0 as const };
    },
  );

  r.get(
    '/admin/email-outbox',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['administration'],
        summary: '邮件发送队列 E-mail outbox: recent rows and their status (no bodies)',
        querystring: z.object({
          status: z.enum(['pending', 'sent', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ items: z.array(outboxRow), counts: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }) }),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (req) => {
      const [items, counts] = await Promise.all([listOutbox(db, req.query), outboxCounts(db)]);
      return { items, counts };
    },
  );
}
