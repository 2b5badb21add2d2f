/**
 * A compiled serializer for the busiest answers (the application lists): fast-json-stringify built
 * once per route from the JSON Schema of the response's zod schema, the one contract that OpenAPI
 * publishes. It writes the properties the schema names and nothing else, as the zod serializer does,
 * without checking each value again: the answers it serves come from the presenters, whose output the
 * tests compare with the zod serializer's (compiled-serializer.test.ts, applications/list-serializer.test.ts). A schema
 * it cannot take whole (transforms, unions beyond "or null") keeps the zod serializer.
 */
import type { FastifySerializerCompiler } from 'fastify';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Json = Record<string, unknown>;

/** `anyOf: [X, null]` as `type: [X, 'null']`, which the compiled code checks without a validator; nothing else of anyOf/oneOf. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const n = node as Json;
  const union = (n.anyOf ?? n.oneOf) as Json[] | undefined;
  if (union) {
    const others = union.filter((s) => s.type !== 'null');
    const branch = others[0];
    if (union.length === 2 && others.length === 1 && branch && typeof branch.type === 'string' && branch.type !== 'object' && branch.type !== 'array') {
      const { anyOf: _a, oneOf: _o, ...rest } = n;
      return { ...rest, ...(simplify(branch) as Json), type: [branch.type, 'null'] };
    }
    throw new Error('union the compiled serializer does not take');
  }
  return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, k === 'enum' || k === 'const' ? v : simplify(v)]));
}

/** The JSON Schema fast-json-stringify compiles for a zod schema; throws for what it cannot take whole. */
export function compiledSchemaOf(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as Json;
  delete json.$schema;
  return simplify(json) as Json;
}

export const compiledSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  try {
    return fastJson(compiledSchemaOf(route.schema as z.ZodType) as never) as (data: unknown) => string;
  } catch {
    return zodSerializerCompiler(route as never);
  }
};
