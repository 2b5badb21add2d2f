import fc from 'fast-check';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromSchema, type JsonSchema } from '../../../test/helpers/json-schema-data.js';
import { compiledSerializerCompiler } from '../../kernel/compiled-serializer.js';
import { applicationListSchema } from './applications.contract.js';

const route = { schema: applicationListSchema, method: 'GET', url: '/api/v1/applications', httpStatus: '200' };

describe('the application list\'s compiled serializer', () => {
  it('writes the application list exactly as the zod serializer does, for any valid list', () => {
    const compiled = compiledSerializerCompiler(route);
    const zod = zodSerializerCompiler(route as never);
    const arbitrary = fromSchema(z.toJSONSchema(applicationListSchema, { io: 'output', target: 'draft-7' }) as JsonSchema);
    let checked = 0;
    fc.assert(
      fc.property(arbitrary, (data) => {
        if (!z.safeEncode(applicationListSchema, data as never).success) return;
        checked++;
        expect(compiled(data)).toBe(zod(data));
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(100);
  });

});
