/**
 * The compiled serializer (src/kernel/compiled-serializer.ts) against the zod serializer it stands in
 * for: for many valid values of a schema (fast-check, from the schema's JSON Schema), both must write
 * the very same JSON. Answers how many valid values were compared, so a test can require enough.
 */
import fc from 'fast-check';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { expect } from 'vitest';
import { z } from 'zod';
import { compiledSerializerCompiler } from '../../src/kernel/compiled-serializer.js';
import { fromSchema, type JsonSchema } from './json-schema-data.js';

export function serializersAgreeOn(schema: z.ZodType, numRuns: number): number {
  const route = { schema, method: 'GET', url: '/x', httpStatus: '200' };
  const compiled = compiledSerializerCompiler(route);
  const zod = zodSerializerCompiler(route as never);
  const arbitrary = fromSchema(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as JsonSchema);
  let checked = 0;
  fc.assert(
    fc.property(arbitrary, (data) => {
      if (!z.safeEncode(schema, data as never).success) return;
      checked++;
      expect(compiled(data)).toBe(zod(data));
    }),
    { numRuns },
  );
  return checked;
}
