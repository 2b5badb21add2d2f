/**
 * The signed-in user's notices (any role: each sees only their own, by the policy's notice scope) and,
 * for the platform administrator, the e-mail outbox's recent rows with their delivery status (never the
 * bodies) and the dead-letter jobs, which they may retry.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses } from '../../kernel/openapi.js';
import { requireUser, type SessionUser } from '../../kernel/request-guards.js';
import { iso } from '../../shared/contract/wire.js';
import { notificationAbilities, notificationScopeOf } from '../../shared/permissions/notification-scope.js';
import { listDeadLetters, retryDeadLetter, type DeadLetter } from './dead-letters.js';
import {
  deadLetterListSchema,
  deadLetterParams,
  deadLetterQuery,
  retryResultSchema,
  type DeadLetterJob,
  markAllReadResponse,
  markReadResponse,
  noticeListQuery,
  noticeListSchema,
  noticeParams,
  outboxQuery,
  outboxSchema,
  type Notice,
  type OutboxRow,
} from './notifications.contract.js';
import { countUnread, listNotificationsOf, listOutbox, markAllRead, markRead, outboxCounts } from './notifications.queries.js';

type NoticeRow = Awaited<ReturnType<typeof listNotificationsOf>>[number];
type OutboxDbRow = Awaited<ReturnType<typeof listOutbox>>[number];

function presentNotice(me: SessionUser, n: NoticeRow): Notice {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    link: n.link,
    createdAt: iso(n.createdAt),
    readAt: iso(n.readAt),
    abilities: notificationAbilities(me, n),
  };
}

function presentOutboxRow(r: OutboxDbRow): OutboxRow {
  return {
    id: r.id,
    toAddress: r.toAddress,
    subject: r.subject,
    status: r.status as OutboxRow['status'],
    attempts: r.attempts,
    lastError: r.lastError,
    sendAfter: iso(r.sendAfter),
    sentAt: iso(r.sentAt),
    createdAt: iso(r.createdAt),
  };
}

function presentDeadLetter(d: DeadLetter): DeadLetterJob {
  return {
    id: d.id,
    queue: d.queue,
    error: d.error,
    failedAt: iso(d.failedAt),
    email: d.email,
    // The route already demands the administrator's permission: what is left is whether it can go back.
    abilities: d.retryable ? ['retry'] : [],
  };
}

export async function notificationRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = opts;
  const db = database.db;
  const tags = ['notifications'];

  r.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知 My notices, newest first, with the unread count',
        querystring: noticeListQuery,
        response: { 200: noticeListSchema, ...errorResponses(401, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const scope = notificationScopeOf(me);
      const [rows, unread] = await Promise.all([listNotificationsOf(db, scope, req.query.limit), countUnread(db, scope)]);
      return { items: rows.map((n) => presentNotice(me, n)), unread };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读 Mark one of my notices read',
        params: noticeParams,
        response: { 200: markReadResponse, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      const scope = notificationScopeOf(me);
      // Someone else's notice is outside the scope: it answers exactly like a missing one.
      if (!(await markRead(db, scope, req.params.id))) throw new AppError('NOT_FOUND');
      return { ok: true as const, unread: await countUnread(db, scope) };
    },
  );

  r.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: '全部标记已读 Mark all my notices read',
        response: { 200: markAllReadResponse, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      return { updated: await markAllRead(db, notificationScopeOf(me)), unread: 0 as const };
    },
  );

  r.get(
    '/admin/email-outbox',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['administration'],
        summary: '邮件发送队列 E-mail outbox: recent rows and their status (no bodies)',
        querystring: outboxQuery,
        response: { 200: outboxSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const [rows, counts] = await Promise.all([listOutbox(db, req.query), outboxCounts(db)]);
      return { items: rows.map(presentOutboxRow), counts };
    },
  );

  r.get(
    '/admin/jobs/dead-letter',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['administration'],
        summary: '失败任务 Dead-letter jobs: jobs whose retries are spent, newest first',
        querystring: deadLetterQuery,
        response: { 200: deadLetterListSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const { installed, items } = await listDeadLetters(database, req.query.limit);
      return { installed, items: items.map(presentDeadLetter) };
    },
  );

  r.post(
    '/admin/jobs/dead-letter/:id/retry',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['administration'],
        summary: '重试失败任务 Retry a dead-letter job: a new job with its data on the queue it failed on',
        params: deadLetterParams,
        response: { 200: retryResultSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const me = requireUser(req);
      return retryDeadLetter(database, req.params.id, { userId: me.id });
    },
  );
}
