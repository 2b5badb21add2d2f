/**
 * The audit log API as it crosses the wire (audit administrator only: audit.read, audit.export,
 * audit.verify). There is no route to change or delete a record.
 */
import { z } from 'zod';
import { isoDateTime } from '../../shared/contract/wire.js';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../../shared/audit/audit-events.js';

const optionalText = z.string().trim().max(100).optional();
const optionalTime = z.iso.datetime({ offset: true }).optional().describe('ISO 8601 date-time');

export const auditFilterQuery = z.object({
  username: optionalText.describe('Part of the user name'),
  from: optionalTime,
  to: optionalTime,
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  q: optionalText.describe('Part of the route or of the object id'),
});

export const auditListQuery = auditFilterQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditRecordSchema = z
  .object({
    id: z.string(),
    seq: z.number().int().describe('Position in the chain'),
    at: isoDateTime,
    actorId: z.string().nullable(),
    username: z.string().nullable(),
    role: z.string().nullable(),
    ip: z.string().nullable().describe('Client address as the trusted proxies report it'),
    method: z.string(),
    route: z.string().describe('Route pattern, or the path when no route matched'),
    action: z.enum(AUDIT_ACTIONS),
    outcome: z.enum(AUDIT_OUTCOMES),
    status: z.number().int(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).describe('Params, refusal code, request summary, old and new values'),
    prevHash: z.string(),
    hash: z.string().describe('SM3 of the content and prevHash, hex'),
  })
  .describe('One audit record');

export const auditListSchema = z.object({
  items: z.array(auditRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const chainBreakSchema = z
  .object({
    reason: z.enum(['altered', 'missing', 'out_of_order', 'tail_missing', 'head_missing']),
    seq: z.number().int().describe('Position of the first broken record'),
    id: z.string().nullable(),
  })
  .describe('The first record that breaks the chain');

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe('Records checked'),
  startSeq: z.number().int().describe('Where the chain starts: 1, or after the last pruned record'),
  startHash: z.string(),
  checkpointSeq: z.number().int().nullable().describe('The checkpoint the start was taken from'),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable().describe('Keep this outside the platform to anchor the chain'),
  broken: chainBreakSchema.nullable(),
  ms: z.number().int(),
});

export type AuditFilterQuery = z.input<typeof auditFilterQuery>;
export type AuditListQuery = z.infer<typeof auditListQuery>;
export type AuditRecordWire = z.infer<typeof auditRecordSchema>;
export type AuditList = z.infer<typeof auditListSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
export type ChainBreakWire = z.infer<typeof chainBreakSchema>;
