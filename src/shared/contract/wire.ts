/**
 * Building blocks of the API contracts: what crosses the wire. Each feature's `*.contract.ts`
 * describes its requests and responses with these, the routes validate and serialise with them,
 * and the web takes its types from them (`z.infer`, type-only imports).
 */
import { z } from 'zod';

/** A date-time as the browser receives it: an ISO 8601 string (presenters call `iso()`). */
export const isoDateTime = z.string().describe('ISO 8601 date-time, e.g. 2026-12-01T08:00:00.000Z');
/** A calendar date YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Calendar date YYYY-MM-DD');

export function iso(d: Date): string;
export function iso(d: Date | null): string | null;
export function iso(d: Date | null): string | null {
  return d === null ? null : d.toISOString();
}

/** A list answer: the items, and the total where the list is paged. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/**
 * What the current user may do with an object, decided on the server by the one policy: the web
 * shows these and never works the rules out again.
 */
export function abilitiesOf<const A extends readonly [string, ...string[]]>(actions: A) {
  return z.array(z.enum(actions)).describe('Actions the current user may take on this object');
}
