/**
 * What a route or service adds to the audit record of its request. The audit hook (src/features/audit)
 * records every audited request generically — who, when, from where, method, route, params, status;
 * a handler that knows more (the account a sign-in named, the old and new values of an edit, the file a
 * download sent) says so here, and the hook puts it into the same record.
 */
import type { FastifyRequest } from 'fastify';

export interface AuditNote {
  /** For a sign-in: the account that was named (there is no session yet). */
  actorId?: string;
  username?: string;
  role?: string;
  objectType?: string;
  objectId?: string;
  /** Values before and after an edit, as the service knows them (never secrets). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Anything else worth keeping (a file's name and digest, an export's filters). */
  details?: Record<string, unknown>;
  /** Set by sendBlob: the response is a stored file (an upload), not a generated document. */
  storedFile?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auditNote: AuditNote | null;
  }
}

/** Adds to the audit record of this request (merged with what was noted before). */
export function noteAudit(req: FastifyRequest, note: AuditNote): void {
  const prev = req.auditNote ?? {};
  req.auditNote = {
    ...prev,
    ...note,
    ...(prev.details || note.details ? { details: { ...prev.details, ...note.details } } : {}),
  };
}
