/**
 * Sends a route table entry's request for one role and scope (and application state), and judges
 * the answer against the entry. Used by test/api/permission-matrix.test.ts and list-detail.test.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../src/shared/roles/roles.js';
import { DEMO_PASSWORD } from '../../../src/server/demo/seed-demo.js';
import { sampleOf, type JsonSchema } from '../../helpers/json-schema-data.js';
import { login } from '../../helpers/test-app.js';
import { actorOf, kindOfParam, mainKind, multipart, PDF, type Fixtures, type Scope } from './fixtures.js';
import { APPLICATION_STATES, type ApplicationState, type Outcome, type RouteEntry, type ScopedOutcome } from './types.js';

export interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, unknown>;
}
export type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

export const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Every API route of the built app, from its OpenAPI document: "METHOD /path". */
export function documentedRoutes(doc: OpenApiDoc): Map<string, OpenApiOperation> {
  const out = new Map<string, OpenApiOperation>();
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) out.set(key(method, path), op);
  return out;
}

/** Upload routes take multipart bodies, which the document does not describe. */
export function isUpload(entry: { method: string; path: string }): boolean {
  return entry.method === 'POST' && /\/(attachments|evidence|files|materials|import)$/.test(entry.path);
}

/** A route about an application (or something of one, such as a plan version): walked through the states. */
export function isApplicationRoute(path: string): boolean {
  const first = /\{(\w+)\}/.exec(path)?.[1];
  return first !== undefined && kindOfParam(path, first) === 'application';
}

export function expectedFor(entry: RouteEntry, role: Role, scope: Scope, state: ApplicationState | null): Outcome {
  const row = entry.roles[role];
  if (row === undefined) return 403;
  const scoped: ScopedOutcome = Array.isArray(row) ? row[scope === 'own' ? 0 : 1] : (row as ScopedOutcome);
  if (typeof scoped === 'object') return scoped[state ?? 'draft'];
  return scoped;
}

export interface Sent {
  label: string;
  res: LightMyRequestResponse;
}

export function urlFor(fx: Fixtures, path: string, scope: Scope, state: ApplicationState | null, override: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_m, param: string) => {
    if (override[param]) return override[param]!;
    const kind = kindOfParam(path, param);
    if (kind === 'application' && state) return fx.applications[state][scope];
    if (kind === 'applicationVersion' && state) return fx.versions[state][scope];
    return fx.ids[kind][scope];
  });
}

function queryFor(fx: Fixtures, entry: RouteEntry, op: OpenApiOperation | undefined): string {
  if (entry.query !== undefined) return typeof entry.query === 'function' ? entry.query(fx) : entry.query;
  const required = (op?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  return required.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sampleOf(p.schema, p.name)))}`).join('&');
}

/** Sends the entry's request as `role` in `scope`. */
export async function send(fx: Fixtures, entry: RouteEntry, op: OpenApiOperation | undefined, role: Role | null, scope: Scope, state: ApplicationState | null): Promise<Sent> {
  const url = urlFor(fx, entry.path, scope, state, entry.params ? await entry.params(fx, scope) : {});
  const query = queryFor(fx, entry, op);
  const full = query ? `${url}?${query}` : url;
  let payload: unknown;
  let headers: Record<string, string> = {};
  if (isUpload(entry)) {
    const m = entry.path.endsWith('/import') ? multipart('导入.xlsx', fx.xlsx) : multipart('证明材料.pdf', PDF, 'application/pdf');
    payload = m.body;
    headers = m.headers;
  } else if (entry.body !== undefined) payload = typeof entry.body === 'function' ? (entry.body as (f: Fixtures, s: Scope) => unknown)(fx, scope) : entry.body;
  else {
    const schema = op?.requestBody?.content?.['application/json']?.schema;
    if (schema) payload = sampleOf(schema);
  }
  const label = `${role ?? 'anonymous'} ${scope}${state ? ` ${state}` : ''} ${entry.method} ${full}`;
  if (role === null) {
    const res = await fx.t.app.inject({ method: entry.method, url: full, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
    return { label, res };
  }
  const username = actorOf(role, mainKind(entry.path));
  const client = entry.freshSession ? await login(fx.t.app, username, DEMO_PASSWORD) : fx.clients.get(username);
  if (!client) throw new Error(`route table: ${username} is not signed in`);
  return { label, res: await client.request(entry.method, full, payload, headers) };
}

/** '' when the answer is what the entry expects, else why not. */
export function judge(expected: Outcome, res: LightMyRequestResponse): string {
  const s = res.statusCode;
  if (s >= 500) return `${s} ${res.body.slice(0, 300)}`;
  if (expected === 'ok') return s === 401 || s === 403 || s === 404 ? `expected to pass the checks, got ${s} ${res.body.slice(0, 160)}` : '';
  if (s !== expected) return `expected ${expected}, got ${s} ${res.body.slice(0, 160)}`;
  const code = (res.json() as { error?: { code?: string } }).error?.code;
  if (expected === 403 && code !== 'FORBIDDEN') return `403 with code ${code}`;
  return '';
}

/** The scopes a request on this route is sent in: a route about no object has no other scope. */
export function scopesOf(entry: RouteEntry): Scope[] {
  return entry.path.includes('{') ? ['own', 'other'] : ['own'];
}

/** The states a request on this route is sent in. */
export function statesOf(entry: RouteEntry): (ApplicationState | null)[] {
  return isApplicationRoute(entry.path) ? [...APPLICATION_STATES] : [null];
}
