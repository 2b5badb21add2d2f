/**
 * The format of the generated route table (see README.md): one entry per API route, saying for every
 * role what a request in its own scope and in another's scope must get. The runner
 * (test/api/permission-matrix.test.ts) sends each of them; the completeness test fails for a route
 * without an entry and for an entry without a route.
 */
import type { Role } from '../../../src/shared/roles/roles.js';
import type { Fixtures, Scope } from './fixtures.js';

/** 'ok': the request passed the permission and scope checks (any status but 401, 403 and 404). */
export type Outcome = 'ok' | 403 | 404;
/** The application states the table walks through (the objects of `object: 'application'`). */
export const APPLICATION_STATES = ['draft', 'submitted', 'returned', 'forwarded', 'received'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
/** One outcome, or one per application state (for routes on an application). */
export type ScopedOutcome = Outcome | Readonly<Record<ApplicationState, Outcome>>;
/** The same outcome in both scopes, or `[own, other]`. */
export type RoleExpectation = ScopedOutcome | readonly [own: ScopedOutcome, other: ScopedOutcome];

export interface RouteEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document writes it: /api/v1/applications/{id}. */
  path: string;
  /** Answers without a session (then `roles` is not read: every role, and nobody, gets `anonymous`). */
  public?: { anonymous: Outcome | number };
  /** Every role not named here must get 403 (deny by default). */
  roles: Partial<Record<Role, RoleExpectation>>;
  /** The body to send (default: a minimal valid-shaped body generated from the route's JSON schema). */
  body?: ((fx: Fixtures, scope: Scope) => unknown) | Record<string, unknown> | unknown[] | string;
  /** Path parameters made afresh for each request (for a request that uses its object up: a deletion). */
  params?: (fx: Fixtures, scope: Scope) => Promise<Record<string, string>>;
  /** Query string to append (without '?'). */
  query?: string | ((fx: Fixtures) => string);
  /** Sent on a session of its own, signed in just for it (sign-out). */
  freshSession?: true;
  /**
   * A list route (test/api/list-detail.test.ts): for each role its items' ids must be exactly those,
   * among `universe` (SQL naming every id of the kind; '{pilot}' stands for the scope's pilot), whose
   * `detail` route answers 200 — and each item's abilities those of its detail (`abilities` picks
   * them out of the detail's body; default: its `abilities`). `id`: the items' id field (default 'id').
   * `view`: the list is one view among several (a filter by default), so it must show only what the
   * role may open, not all of it. `openAbility`: rows are listed for their status to roles that may
   * not open them; exactly the rows whose abilities include 'open' must be openable.
   */
  list?: { detail: string; universe: string; id?: string; abilities?: (detail: unknown) => unknown; view?: true; openAbility?: true };
  /** Why the entry is as it is, where that is not plain. */
  note?: string;
}

/** Helpers to write rows briefly. */
export const OK = 'ok' as const;
export const ONLY_OWN = [OK, 404] as const;
/** A role that sees an application only in these states (others: 404). */
export function inStates(...states: ApplicationState[]): Record<ApplicationState, Outcome> {
  return Object.fromEntries(APPLICATION_STATES.map((s) => [s, states.includes(s) ? OK : 404])) as Record<ApplicationState, Outcome>;
}
export const ALL_ROLES_OK = {
  city_applicant: OK,
  provincial_authority: OK,
  ministry_planning: OK,
  ministry_department: OK,
  expert: OK,
  leading_group_observer: OK,
  platform_admin: OK,
  security_admin: OK,
  audit_admin: OK,
} as const satisfies Partial<Record<Role, RoleExpectation>>;
