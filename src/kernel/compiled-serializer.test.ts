import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HOSTILE_STRINGS } from '../../test/helpers/json-schema-data.js';
import { serializersAgreeOn } from '../../test/helpers/serializer-parity.js';
import { compiledSchemaOf, compiledSerializerCompiler } from './compiled-serializer.js';

const compile = (schema: z.ZodType) => compiledSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const zodCompile = (schema: z.ZodType) => zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

describe('compiled serializer', () => {
  it('writes what the zod serializer writes for any valid value of a list-shaped schema', () => {
    const schema = z.object({
      items: z.array(z.object({ id: z.uuid(), n: z.number().int(), at: z.string().nullable(), ok: z.boolean(), kind: z.enum(['a', 'b']), tags: z.array(z.string()) })),
      total: z.number().int(),
    });
    expect(serializersAgreeOn(schema, 500)).toBeGreaterThan(100);
  });

  it('escapes every hostile string as JSON.stringify does, and leaves out properties the schema does not name', () => {
    const schema = z.object({ title: z.string(), note: z.string().nullable(), tags: z.array(z.string()) });
    const compiled = compile(schema);
    const zod = zodCompile(schema);
    for (const s of HOSTILE_STRINGS) {
      const data = { title: s, note: s, tags: [s], secret: 'not for the wire', nested: { password: 'x' } };
      expect(compiled(data)).toBe(zod(data));
      expect(JSON.parse(compiled(data))).toEqual({ title: s, note: s, tags: [s] });
    }
  });

  it('makes "or null" a type list and keeps the zod serializer for what it cannot take whole', () => {
    expect(compiledSchemaOf(z.object({ at: z.string().nullable() }))).toMatchObject({ properties: { at: { type: ['string', 'null'] } } });
    const union = z.object({ v: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) });
    expect(() => compiledSchemaOf(union)).toThrow();
    expect(() => compiledSchemaOf(z.object({ n: z.string().transform((s) => s.length) }))).toThrow();
    // The fallback is zod's: it refuses a value outside the schema.
    expect(() => compile(union)({ v: { a: 1 } })).toThrow();
    expect(compile(union)({ v: { b: 3 } })).toBe('{"v":{"b":3}}');
  });
});
