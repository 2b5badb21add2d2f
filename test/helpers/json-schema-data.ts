/**
 * Data from the JSON schemas the OpenAPI document publishes (test/api/permission-matrix.test.ts and
 * test/api/fuzz.test.ts): a minimal valid-shaped instance of a schema, and fast-check arbitraries of
 * valid-shaped and of hostile values.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

/** Field names whose sample is a version nobody holds, so that a permitted request is refused with 409 and changes nothing. */
const VERSION_FIELDS = new Set(['version', 'expectedVersion', 'baseVersion']);
export const UNHELD_VERSION = 987654;

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-06-15',
  'date-time': '2026-06-15T04:00:00.000Z',
  email: 'sample@example.cn',
};

function typeOf(s: JsonSchema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

/** Each schema's sample string, computed once (fc.stringMatching compiles its pattern on every call). */
const sampledStrings = new WeakMap<JsonSchema, string>();

function sampleString(s: JsonSchema): string {
  let v = sampledStrings.get(s);
  if (v === undefined) sampledStrings.set(s, (v = computeSampleString(s)));
  return v;
}

function computeSampleString(s: JsonSchema): string {
  if (s.format && FORMAT_SAMPLES[s.format]) return FORMAT_SAMPLES[s.format]!;
  if (s.pattern) {
    const [v] = fc.sample(fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= (s.minLength ?? 0) && x.length <= (s.maxLength ?? Infinity)), { numRuns: 1, seed: 42 });
    if (v !== undefined) return v;
  }
  const min = Math.max(s.minLength ?? 1, 1);
  const max = s.maxLength ?? Math.max(min, 4);
  return '示例文字'.repeat(Math.ceil(min / 4)).slice(0, Math.max(min, Math.min(4, max)));
}

function sampleNumber(s: JsonSchema, integer: boolean): number {
  let lo = typeof s.minimum === 'number' ? s.minimum : 1;
  if (s.exclusiveMinimum === true || typeof s.exclusiveMinimum === 'number') lo = (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : lo) + (integer ? 1 : 0.5);
  const hi = typeof s.maximum === 'number' ? s.maximum : lo + 100;
  const v = Math.min(Math.max(lo, 1), hi);
  return integer ? Math.ceil(v) : v;
}

/** A minimal valid-shaped instance: required properties only, the first of each enum, each format's sample. */
export function sampleOf(schema: JsonSchema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, name) as object));
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sampleOf(alt.find((s) => typeOf(s) !== 'null') ?? alt[0]!, name);
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key] ?? {}, key);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, name));
    case 'integer':
      return VERSION_FIELDS.has(name) ? UNHELD_VERSION : sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema);
    case 'null':
      return null;
    default:
      return VERSION_FIELDS.has(name) ? UNHELD_VERSION : '示例';
  }
}

/** Strings that have broken parsers and renderers elsewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e\u0644\u202dexe.pdf', // right-to-left override
  '\u200b\u200c\u200d\ufeff', // zero-width and BOM
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '𠀀𪚥😀', // astral plane
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\system32',
  '%00',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '"; drop table users; --',
  "' or '1'='1",
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  '0000-00-00',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
  '一'.repeat(10_000),
  'x'.repeat(70_000),
];

/** Arbitrary values of any JSON type, hostile ones weighted in. */
export function hostileValue(depth = 3): fc.Arbitrary<unknown> {
  let arb = hostileValues.get(depth);
  if (!arb) hostileValues.set(depth, (arb = buildHostileValue(depth)));
  return arb;
}

const hostileValues = new Map<number, fc.Arbitrary<unknown>>();

function buildHostileValue(depth: number): fc.Arbitrary<unknown> {
  return fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      fc.constantFrom(...HOSTILE_STRINGS),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.integer(),
      fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e-308, 0.5),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('constructor', 'prototype', 'id', 'version', 'a'), tie('v'), { maxKeys: 3 }),
    ),
  })).v;
}

/** An object nested `levels` deep: { a: { a: … } }. */
export function deeplyNested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

/**
 * An arbitrary of values shaped by the schema, with mutations: optional properties sometimes left
 * out, any value sometimes replaced by a hostile one, numbers and strings at and beyond their limits,
 * arrays beyond maxItems. (Keys named __proto__ are added to the JSON text by the fuzz test.)
 */
export function fromSchema(schema: JsonSchema, name = '', depth = 0): fc.Arbitrary<unknown> {
  // Arbitraries are immutable: each (schema, name, depth) is built once, however often a chained
  // generator asks for it (building one compiles its patterns, which costs more than sampling it).
  const key = `${depth}\u0000${name}`;
  let bySchema = arbitraries.get(schema);
  if (!bySchema) arbitraries.set(schema, (bySchema = new Map()));
  let arb = bySchema.get(key);
  if (!arb) bySchema.set(key, (arb = buildFromSchema(schema, name, depth)));
  return arb;
}

const arbitraries = new WeakMap<JsonSchema, Map<string, fc.Arbitrary<unknown>>>();

function buildFromSchema(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
  const valid = validFromSchema(schema, name, depth);
  if (depth > 4) return valid;
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileValue(2) });
}

function validFromSchema(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.allOf) return fc.tuple(...schema.allOf.map((s) => validFromSchema(s, name, depth))).map((parts) => Object.assign({}, ...(parts as object[])));
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return fc.oneof(...alt.map((s) => fromSchema(s, name, depth + 1)));
  const nullable = schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null'));
  const base = ((): fc.Arbitrary<unknown> => {
    switch (typeOf(schema)) {
      case 'object': {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of Object.entries(props)) record[k] = fromSchema(s, k, depth + 1);
        const keys = Object.keys(props);
        return fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) });
      }
      case 'array': {
        const maxLength = Math.min(schema.maxItems ?? 4, 4);
        return fc.oneof(
          { weight: 5, arbitrary: fc.array(fromSchema(schema.items ?? {}, name, depth + 1), { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength }) },
          { weight: 1, arbitrary: fc.array(fc.constant(sampleOf(schema.items ?? {}, name)), { minLength: (schema.maxItems ?? 1000) + 1, maxLength: (schema.maxItems ?? 1000) + 1 }) },
        );
      }
      case 'integer':
      case 'number': {
        const integer = typeOf(schema) === 'integer';
        const lo = typeof schema.minimum === 'number' ? schema.minimum : -1e6;
        const hi = typeof schema.maximum === 'number' ? schema.maximum : 1e6;
        const inRange = integer ? fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.min(hi, Number.MAX_SAFE_INTEGER) }) : fc.double({ min: lo, max: hi, noNaN: true });
        return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(lo, hi, lo - 1, hi + 1, 0, -1, 0.5, 2 ** 53 + 2) });
      }
      case 'boolean':
        return fc.boolean();
      case 'string': {
        const min = schema.minLength ?? 0;
        const max = schema.maxLength ?? 200;
        const choices: fc.Arbitrary<string>[] = [fc.constant(sampleString(schema)), fc.string({ minLength: Math.min(min, 50), maxLength: Math.min(max, 50) }), fc.string({ unit: 'grapheme', maxLength: 30 })];
        if (schema.pattern && !schema.format) choices.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= max));
        if (schema.format === 'uuid') choices.push(fc.uuid());
        if (schema.format === 'date') choices.push(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
        if (schema.format === 'date-time') choices.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
        if (schema.maxLength !== undefined) choices.push(fc.constant('长'.repeat(schema.maxLength)), fc.constant('长'.repeat(schema.maxLength + 1)));
        return fc.oneof(...choices);
      }
      default:
        return hostileValue(2);
    }
  })();
  return nullable ? fc.option(base, { nil: null, freq: 6 }) : base;
}
