import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { ErrorCode } from '../shared/errors/error-codes.js';
import { AppError, errorBody } from '../kernel/app-error.js';

/** Maps every error to a stable code: refusals are 4xx with a message in both languages, never a 500. */
export function installErrorHandler(
  app: FastifyInstance,
  opts: { spaFallback: boolean; /** Renders index.html (with its CSP nonce) where there is a template. */ sendIndex?: (reply: FastifyReply) => FastifyReply },
): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      }));
      return reply.status(422).send(errorBody('VALIDATION_FAILED', { issues }));
    }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(422).send(errorBody('VALIDATION_FAILED', { issues }));
    }
    const code = mapFastifyCode(err);
    if (code) {
      const status = code === 'BAD_REQUEST' ? (err.statusCode ?? 400) : undefined;
      return reply.status(status ?? statusOf(code)).send(errorBody(code));
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(errorBody('DATABASE_UNAVAILABLE'));
    }
    if (isUnstorableValue(err)) {
      // A value the schema let through but the database cannot hold (a number past its column's range,
      // a NUL byte in text): the request's fault, refused as such; its transaction rolled back.
      req.log.warn({ err: { message: err.message, code: sqlStateOf(err) } }, 'value the database cannot store');
      return reply.status(422).send(errorBody('VALIDATION_FAILED', { issues: [{ path: '', message: 'a value is out of range or cannot be stored' }] }));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL'));
  });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app get index.html; unknown API paths a coded 404.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return opts.sendIndex ? opts.sendIndex(reply) : reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
  });
}

function mapFastifyCode(err: FastifyError): ErrorCode | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return 'FILE_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'BAD_REQUEST';
    default:
      break;
  }
  if (err.statusCode === 429) return 'RATE_LIMITED';
  if (err instanceof SyntaxError && err.statusCode === 400) return 'MALFORMED_JSON';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'BAD_REQUEST';
  return null;
}

/**
 * The database is down, restarting or refusing connections (not a fault of the request): the pool's
 * connection errors and PostgreSQL's 08 (connection exception), 57P (operator intervention) and 53300
 * (too many connections) classes, and "not accepting connections" (55000 on connect).
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '53300', '57P01', '57P02', '57P03', '55000']);
export function isDatabaseUnavailable(err: { code?: unknown; message?: unknown; cause?: unknown }, depth = 0): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return true;
  const message = typeof err.message === 'string' ? err.message : '';
  if (/Connection terminated|timeout exceeded when trying to connect|is not currently accepting connections|the database system is (starting up|shutting down)|Client has encountered a connection error and is not queryable|terminating connection due to administrator command/i.test(message)) return true;
  // Drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  return depth < 3 && typeof err.cause === 'object' && err.cause !== null && isDatabaseUnavailable(err.cause as typeof err, depth + 1);
}

function statusOf(code: ErrorCode): number {
  return new AppError(code).status;
}

/** The SQLSTATE of a driver error, looking through Drizzle's wrapper ("Failed query: …", the driver's error as its cause). */
function sqlStateOf(err: { code?: unknown; message?: unknown; cause?: unknown }, depth = 0): string | null {
  if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) return err.code;
  return depth < 3 && typeof err.cause === 'object' && err.cause !== null ? sqlStateOf(err.cause as typeof err, depth + 1) : null;
}

/**
 * PostgreSQL's class 22, data exception: a value out of its type's range (22003), text the database
 * cannot hold (a NUL byte, 22P05 / 22021), input that does not parse as its type (22P02), a string
 * longer than its column (22001), a bad date (22007, 22008). Each comes from a value the request sent.
 */
export function isUnstorableValue(err: { code?: unknown; message?: unknown; cause?: unknown }): boolean {
  return sqlStateOf(err)?.startsWith('22') === true;
}
