/** The work queue's URL search parameters, read by the router and handed to the page as props. */
import { APPLICATION_STATES, type ApplicationState } from '../../../shared/lifecycle/application-lifecycle';

export interface WorkQueueSearch {
  tab?: 'queue' | 'all';
  q?: string;
  status?: ApplicationState;
  page?: number;
}

export function parseWorkQueueSearch(raw: Record<string, unknown>): WorkQueueSearch {
  const out: WorkQueueSearch = {};
  if (raw.tab === 'queue' || raw.tab === 'all') out.tab = raw.tab;
  if (typeof raw.q === 'string' && raw.q) out.q = raw.q;
  if (typeof raw.status === 'string' && (APPLICATION_STATES as readonly string[]).includes(raw.status)) out.status = raw.status as ApplicationState;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}
