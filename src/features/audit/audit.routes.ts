/**
 * The audit log for the audit administrator: list with filters, verify the chain, export. Each of
 * these requests is itself recorded by the audit hook. No route changes or deletes a record.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { noteAudit } from '../../kernel/audit-note.js';
import { errorResponses, fileResponse, MEDIA } from '../../kernel/openapi.js';
import { requireUser } from '../../kernel/request-guards.js';
import { auditFilterQuery, auditListQuery, auditListSchema, auditVerificationSchema } from './audit.contract.js';
import { auditCsv, auditWorkbook } from './audit.export.js';
import { exportRecords, listAudit, verifyAuditChain } from './audit.service.js';

const TAGS = ['audit'];

export async function auditRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;

  r.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: TAGS,
        summary: '审计日志 The audit log, newest first, with filters',
        querystring: auditListQuery,
        response: { 200: auditListSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      noteAudit(req, { details: { filters: req.query } });
      return listAudit(db, req.query);
    },
  );

  r.get(
    '/audit/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags: TAGS,
        summary: '校验审计日志哈希链 Verify the SM3 hash chain from its start to its head',
        response: { 200: auditVerificationSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      const result = await verifyAuditChain(db);
      noteAudit(req, { details: { verified: { ok: result.ok, checked: result.checked, headSeq: result.headSeq, broken: result.broken } } });
      return result;
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    r.get(
      `/audit/export.${format}`,
      {
        config: { permission: 'audit.export' },
        schema: {
          tags: TAGS,
          summary: format === 'xlsx' ? '导出审计日志（Excel）Export the audit log as Excel' : '导出审计日志（CSV）Export the audit log as CSV',
          querystring: auditFilterQuery,
          response: {
            200: fileResponse(`审计日志.${format}`, format === 'xlsx' ? MEDIA.xlsx : 'text/csv'),
            ...errorResponses(401, 403, 422),
          },
        },
      },
      async (req, reply) => {
        const me = requireUser(req);
        const records = await exportRecords(db, req.query);
        noteAudit(req, { details: { filters: req.query, rows: records.length, format } });
        const body =
          format === 'xlsx' ? await auditWorkbook(records, { exportedBy: me.username, exportedAt: new Date(), filters: req.query }) : auditCsv(records);
        const filename = `审计日志.${format}`;
        // The typed reply expects the JSON schema's string; a download goes out as raw bytes.
        const raw = reply as FastifyReply;
        raw.header('content-disposition', `attachment; filename="audit-log.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
        raw.header('cache-control', 'private, no-store');
        return raw.type(format === 'xlsx' ? MEDIA.xlsx : 'text/csv; charset=utf-8').send(body);
      },
    );
  }
}
