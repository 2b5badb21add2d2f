import { z } from 'zod';
import { ERROR_CODES } from '../shared/errors/error-codes.js';

const errorCodeEnum = z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]);

export const errorBodySchema = z
  .object({
    error: z.object({
      code: errorCodeEnum,
      message: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
      details: z.unknown().optional(),
    }),
  })
  .describe('A refusal: stable code and message in both languages');

/** Response schemas for the refusals a route documents, e.g. `...errorResponses(401, 403, 404)`. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema]));
}

/** A file download in OpenAPI: the media types it answers with, each as binary. */
export function fileResponse(description: string, ...mediaTypes: string[]) {
  const binary = z.string().meta({ format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: binary }])) };
}

export const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
  octet: 'application/octet-stream',
} as const;
