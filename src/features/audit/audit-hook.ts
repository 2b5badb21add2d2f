/**
 * The one place every API request passes on its way out: a Fastify onSend hook that records, for each
 * request the rules in src/shared/audit/audit-events.ts select, who (the session's user, or the account
 * a sign-in named), when, from where (req.ip, which believes only the configured trusted proxies),
 * method, route pattern, params, status and outcome, with what the handler noted (old and new values,
 * the file sent). It runs before the response leaves, so no change is acknowledged without its record.
 *
 * The record of a change links to what the feature keeps itself: the object's id from the params or
 * the answer, and the answer's version and status, which name the plan version and the event row
 * (application_events, pilot_events) that the transition wrote.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.js';
import { classifyRequest, objectTypeOf, summariseBody } from '../../shared/audit/audit-events.js';
import { appendAuditRecord } from './audit.queries.js';

const MAX_ANSWER_BYTES = 64 * 1024;
const LINK_FIELDS = ['id', 'version', 'status', 'state'] as const;

/** The scalar fields of a JSON answer that link the record to the object (id, new version, new status). */
function answerLinks(payload: unknown, contentType: string): Record<string, unknown> | null {
  if (typeof payload !== 'string' || payload.length > MAX_ANSWER_BYTES || !contentType.includes('json')) return null;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  if (o.error && typeof o.error === 'object') {
    const e = o.error as { code?: unknown; details?: unknown };
    return { error: e.code, ...(e.details !== undefined ? { errorDetails: summariseBody(e.details) } : {}) };
  }
  const out: Record<string, unknown> = {};
  for (const k of LINK_FIELDS) if (typeof o[k] === 'string' || typeof o[k] === 'number') out[k] = o[k];
  return Object.keys(out).length ? out : null;
}

function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return (q < 0 ? url : url.slice(0, q)).slice(0, 300);
}

export interface AuditPluginOptions {
  db: Db;
}

export const auditPlugin = fp(async (app: FastifyInstance, opts: AuditPluginOptions) => {
  app.decorateRequest('auditNote', null);

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const pattern = req.routeOptions.url;
    const route = pattern ?? pathOnly(req.url);
    const disposition = String(reply.getHeader('content-disposition') ?? '');
    const note = req.auditNote;
    const kind = classifyRequest({
      method: req.method,
      route,
      status: reply.statusCode,
      attachment: /^attachment\b/i.test(disposition),
      storedFile: note?.storedFile === true,
    });
    if (!kind) return payload;
    const params = pattern && req.params && typeof req.params === 'object' ? (req.params as Record<string, string>) : {};
    const links = answerLinks(payload, String(reply.getHeader('content-type') ?? ''));
    const writes = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    const details: Record<string, unknown> = {
      ...(Object.keys(params).length ? { params } : {}),
      ...(pattern && Object.keys((req.query as object | undefined) ?? {}).length ? { query: summariseBody(req.query) } : {}),
      ...(writes && req.body !== undefined && !req.isMultipart() ? { body: summariseBody(req.body) } : {}),
      ...(links ? { answer: links } : {}),
      ...(note?.before ? { before: note.before } : {}),
      ...(note?.after ? { after: note.after } : {}),
      ...note?.details,
      ...(req.headers['user-agent'] ? { userAgent: String(req.headers['user-agent']).slice(0, 200) } : {}),
    };
    const user = req.user;
    const objectId = note?.objectId ?? params.id ?? (links && typeof links.id === 'string' ? links.id : null) ?? Object.values(params)[0] ?? null;
    try {
      await appendAuditRecord(opts.db, {
        actorId: user?.id ?? note?.actorId ?? null,
        username: user?.username ?? note?.username ?? null,
        role: user?.role ?? note?.role ?? null,
        ip: req.ip ?? null,
        method: req.method,
        route,
        action: kind.action,
        outcome: kind.outcome,
        status: reply.statusCode,
        objectType: note?.objectType ?? objectTypeOf(route),
        objectId,
        details,
      });
    } catch (err) {
      // The change (if any) is committed already; say loudly that its record is missing.
      req.log.error({ err, route, status: reply.statusCode }, 'audit record could not be written');
    }
    return payload;
  });
});
