import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../shared/errors/error-codes.js';

/** A refusal with a stable code; the error handler turns it into the JSON error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown) {
    super(ERROR_CODES[code].en);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  const entry = ERROR_CODES[code];
  return {
    error: {
      code,
      message: { 'zh-CN': entry.zh, 'en-US': entry.en },
      ...(details === undefined ? {} : { details }),
    },
  };
}
