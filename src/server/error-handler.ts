import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { ErrorCode } from '../shared/errors/error-codes.js';
import { AppError, errorBody } from '../kernel/app-error.js';

/** Maps every error to a stable code: refusals are 4xx with a message in both languages, never a 500. */
export function installErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }): void {
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
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL'));
  });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app get index.html; unknown API paths a coded 404.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
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

function statusOf(code: ErrorCode): number {
  return new AppError(code).status;
}
