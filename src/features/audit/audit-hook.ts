/**
 * The one place every API request passes on its way out: a Fastify onSend hook that records, for each
 * request the rules in src/shared/audit/audit-events.ts select, who (the session's user, or the account
 * a sign-in named), when, from where (req.ip, which believes only the configured trusted proxies),
 * method, route pattern, params, status and outcome, with what the handler noted (old and new values,
 * the file sent). It runs before the response leaves, so no change is acknowledged without its record:
 * when the record cannot be appended (the database fails after the handler's transaction committed),
 * the record goes to the spool (audit-spool.ts: a file under the data folder, replayed into the chain
 * by the next append that succeeds and at every start), and a change, a sign-in, an export, a
 * download or a read of the log is answered 503 AUDIT_UNAVAILABLE instead of its success (a refusal
 * or an error keeps its answer: it claims nothing). The spooled record says what the handler answered (its status) and
 * that the client was told 503 instead.
 *
 * The record of a change links to what the feature keeps itself: the object's id from the params or
 * the answer, and the answer's version and status, which name the plan version and the event row
 * (application_events, pilot_events) that the transition wrote.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.js';
import { errorBody } from '../../kernel/app-error.js';
import { classifyRequest, objectTypeOf, redactNoted, summariseBody } from '../../shared/audit/audit-events.js';
import { appendAuditRecord, type NewAuditRecord } from './audit.queries.js';
import { databaseTag, replaySpool, spooledFiles, spoolFolder, spoolRecord, UNKNOWN_DATABASE } from './audit-spool.js';

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
  /** Where records the database refused wait to be appended (default: see spoolFolder). */
  spoolDir?: string;
}

/** The database's own words for the failure (not the statement, which carries the record). */
function reasonOf(err: unknown): string {
  const e = err as { cause?: { message?: unknown }; message?: unknown } | null;
  return String(e?.cause?.message ?? e?.message ?? err).slice(0, 200);
}

/** Headers of the answer that the 503 replacing it must not keep. */
const ANSWER_HEADERS = ['content-disposition', 'content-length', 'content-encoding', 'content-type', 'etag', 'last-modified', 'set-cookie', 'location', 'cache-control'];

/** Replaces an answer by 503 AUDIT_UNAVAILABLE (its stream, if it is one, is closed unread). */
function answerUnavailable(reply: FastifyReply, payload: unknown): string {
  const stream = payload as { destroy?: () => void; pipe?: unknown } | null;
  if (stream && typeof stream === 'object' && typeof stream.pipe === 'function' && typeof stream.destroy === 'function') stream.destroy();
  for (const h of ANSWER_HEADERS) reply.removeHeader(h);
  reply.code(503).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').header('retry-after', '5');
  return JSON.stringify(errorBody('AUDIT_UNAVAILABLE'));
}

export const auditPlugin = fp(async (app: FastifyInstance, opts: AuditPluginOptions) => {
  app.decorateRequest('auditNote', null);
  const spool = spoolFolder(opts.spoolDir);
  /** This database's tag on its spooled records (read when the server is ready). */
  let tag = UNKNOWN_DATABASE;
  /** Whether the spool may hold records of this database (set at start when it does, and whenever one is spooled). */
  let spoolMayHold = false;
  let replaying: Promise<void> | null = null;
  /** Replays the spool once at a time; a failure is logged and leaves the records in the spool. */
  const replay = (log: FastifyInstance['log']) =>
    (replaying ??= (async () => {
      try {
        const n = await replaySpool(opts.db, spool, tag);
        spoolMayHold = false;
        if (n > 0) log.warn({ replayed: n, spool }, 'spooled audit records appended to the chain');
      } catch (err) {
        log.error({ err, spool }, 'spooled audit records could not be appended yet');
      } finally {
        replaying = null;
      }
    })());

  app.addHook('onReady', async () => {
    try {
      tag = await databaseTag(opts.db);
    } catch (err) {
      app.log.error({ err }, 'the database could not be identified for the audit spool');
      return;
    }
    if ((await spooledFiles(spool, tag)).length === 0) return;
    spoolMayHold = true;
    await replay(app.log);
  });

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
      ...(note?.before ? { before: redactNoted(note.before) } : {}),
      ...(note?.after ? { after: redactNoted(note.after) } : {}),
      ...(note?.details ? (redactNoted(note.details) as Record<string, unknown>) : {}),
      ...(req.headers['user-agent'] ? { userAgent: String(req.headers['user-agent']).slice(0, 200) } : {}),
    };
    const user = req.user;
    const objectId = note?.objectId ?? params.id ?? (links && typeof links.id === 'string' ? links.id : null) ?? Object.values(params)[0] ?? null;
    const record: NewAuditRecord & { id: string; at: Date } = {
      id: randomUUID(),
      at: new Date(),
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
    };
    // Records spooled while the database failed go in first, so the chain keeps their order.
    if (spoolMayHold) await replay(req.log);
    try {
      await appendAuditRecord(opts.db, record);
      return payload;
    } catch (err) {
      // No success is acknowledged without its record (a change may be committed already); a refusal
      // or an error claims nothing and keeps its answer.
      const withhold = reply.statusCode < 400;
      req.log.error({ err, route, status: reply.statusCode, withheld: withhold }, 'audit record could not be appended: spooled');
      const spooled = {
        ...record,
        details: {
          ...details,
          spooled: { reason: reasonOf(err) },
          ...(withhold ? { answered: { status: 503, error: 'AUDIT_UNAVAILABLE' } } : {}),
        },
      };
      try {
        await spoolRecord(spool, tag, spooled);
        spoolMayHold = true;
      } catch (spoolErr) {
        req.log.fatal({ err: spoolErr, record: spooled }, 'audit record could be neither appended nor spooled');
      }
      return withhold ? answerUnavailable(reply, payload) : payload;
    }
  });
});
