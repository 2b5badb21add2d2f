/**
 * The notifications API as it crosses the wire: the signed-in user's own notices with the unread
 * count, marking them read, and the administrator's view of the e-mail outbox (never the bodies).
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime } from '../../shared/contract/wire.js';
import { NOTIFICATION_ACTIONS } from '../../shared/permissions/notification-scope.js';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const noticeListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) });
export const noticeParams = z.object({ id: z.uuid() });

export const noticeSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('e.g. due_in_3_days, due_in_1_day, overdue, panel_overdue'),
    title: z.object({ zh: z.string(), en: z.string() }),
    link: z.string().nullable().describe('A path in the web app'),
    createdAt: isoDateTime,
    readAt: isoDateTime.nullable(),
    abilities: abilitiesOf(NOTIFICATION_ACTIONS),
  })
  .describe('A notice to the signed-in user');

export const noticeListSchema = z.object({ items: z.array(noticeSchema), unread: z.number().int() });
export const markReadResponse = z.object({ ok: z.literal(true), unread: z.number().int() });
export const markAllReadResponse = z.object({ updated: z.number().int(), unread: z.literal(0) });

export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const outboxRowSchema = z
  .object({
    id: z.string(),
    toAddress: z.string(),
    subject: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    sendAfter: isoDateTime,
    sentAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .describe('An outbox e-mail: addressing and delivery status');

export const outboxSchema = z.object({
  items: z.array(outboxRowSchema),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
});

export type Notice = z.infer<typeof noticeSchema>;
export type NoticeList = z.infer<typeof noticeListSchema>;
export type MarkReadResult = z.infer<typeof markReadResponse>;
export type MarkAllReadResult = z.infer<typeof markAllReadResponse>;
export type OutboxRow = z.infer<typeof outboxRowSchema>;
export type Outbox = z.infer<typeof outboxSchema>;
