/**
 * The notifications API as it crosses the wire: the signed-in user's own notices with the unread
 * count, marking them read, and the administrator's view of the e-mail outbox (never the bodies) and
 * of the dead-letter jobs, one of which they may retry.
 */
import { z } from 'zod';
import { abilitiesOf, isoDateTime } from '../../shared/contract/wire.js';
import { NOTIFICATION_ACTIONS } from '../../shared/permissions/notification-scope.js';

export const OUTBOX_STATUSES = ['pending', 'queued', 'sent', 'failed'] as const;

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
  counts: z.object({ pending: z.number().int(), queued: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
});

// ---- dead-letter jobs ----------------------------------------------------------------------------

export const DEAD_LETTER_ACTIONS = ['retry'] as const;

export const deadLetterQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) });
export const deadLetterParams = z.object({ id: z.uuid() });

export const deadLetterSchema = z
  .object({
    id: z.string(),
    queue: z.string().nullable().describe('The queue the job failed on: email.send, outbox.dispatch or sweep.<name>'),
    error: z.string().nullable().describe('The last attempt’s error message'),
    failedAt: isoDateTime,
    email: z
      .object({ toAddress: z.string(), subject: z.string(), attempts: z.number().int() })
      .nullable()
      .describe('For an e-mail job: the message’s address and subject (never its body), and its attempts so far'),
    abilities: abilitiesOf(DEAD_LETTER_ACTIONS),
  })
  .describe('A job whose retries are spent');

export const deadLetterListSchema = z.object({
  installed: z.boolean().describe('Whether a job runner has set up its tables in this database yet'),
  items: z.array(deadLetterSchema),
});

export const retryResultSchema = z.object({
  jobId: z.string().describe('The new job'),
  queue: z.string(),
});

export type Notice = z.infer<typeof noticeSchema>;
export type NoticeList = z.infer<typeof noticeListSchema>;
export type MarkReadResult = z.infer<typeof markReadResponse>;
export type MarkAllReadResult = z.infer<typeof markAllReadResponse>;
export type OutboxRow = z.infer<typeof outboxRowSchema>;
export type Outbox = z.infer<typeof outboxSchema>;
export type DeadLetterJob = z.infer<typeof deadLetterSchema>;
export type DeadLetterList = z.infer<typeof deadLetterListSchema>;
export type RetryResult = z.infer<typeof retryResultSchema>;
