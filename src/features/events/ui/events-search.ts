/** The events list's URL search parameters: its filters (kind, year), read by the router so a filtered list can be bookmarked and survives a reload. */
import { EVENT_KINDS, type EventKind } from '../../../shared/events/event-lifecycle';

export interface EventsSearch {
  kind?: EventKind;
  year?: number;
}

export function parseEventsSearch(raw: Record<string, unknown>): EventsSearch {
  const out: EventsSearch = {};
  if (typeof raw.kind === 'string' && (EVENT_KINDS as readonly string[]).includes(raw.kind)) out.kind = raw.kind as EventKind;
  // The year arrives parsed as a number (or as text, typed by hand).
  const year = typeof raw.year === 'number' || typeof raw.year === 'string' ? Number(raw.year) : NaN;
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  return out;
}
