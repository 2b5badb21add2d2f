/**
 * The OpenAPI document is the contract a provincial system generates its client from: every
 * operation must describe what it answers. A JSON success has a real schema (not `{}`), a file
 * download names its media type as binary, and every refusal has the error body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

let t: TestApp;
let operations: { id: string; op: Operation }[];

beforeAll(async () => {
  t = await makeTestApp('pglite');
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
  );
});
afterAll(async () => t.close());

const isEmptySchema = (s: Record<string, unknown> | undefined) => !s || Object.keys(s).length === 0;

describe('OpenAPI document', () => {
  it('lists the API operations', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('gives every success response a schema, and every download a binary media type', () => {
    const missing: string[] = [];
    for (const { id, op } of operations) {
      const successes = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      if (successes.length === 0) missing.push(`${id}: no success response`);
      for (const [code, res] of successes) {
        if (code === '204') continue;
        const content = res.content ?? {};
        if (Object.keys(content).length === 0) missing.push(`${id} ${code}: no content`);
        for (const [media, { schema }] of Object.entries(content)) {
          if (isEmptySchema(schema)) missing.push(`${id} ${code} ${media}: empty schema`);
          const isFile = /\.(docx|xlsx|pdf)$|\/export$|\/attachments\/\{[^}]+\}$|\/scores\.xlsx$|template/.test(id);
          if (isFile && media === 'application/json' && schema?.format !== 'binary') missing.push(`${id} ${code}: a file described as JSON`);
          if (media !== 'application/json' && schema?.format !== 'binary') missing.push(`${id} ${code} ${media}: not binary`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the error body on every refusal it names', () => {
    const bad: string[] = [];
    for (const { id, op } of operations) {
      for (const [code, res] of Object.entries(op.responses ?? {})) {
        if (!code.startsWith('4')) continue;
        const schema = res.content?.['application/json']?.schema as { properties?: Record<string, unknown> } | undefined;
        if (!schema?.properties?.error) bad.push(`${id} ${code}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
