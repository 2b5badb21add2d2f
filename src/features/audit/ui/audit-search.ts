/** The audit page's filters in the URL (?user=…&action=…&outcome=…&from=…&to=…&q=…&page=2). */
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '../../../shared/audit/audit-events';

export interface AuditSearch {
  user?: string;
  action?: AuditAction;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 100) : undefined);
const time = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : undefined);

export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const page = Number(raw.page);
  return {
    user: str(raw.user),
    action: (AUDIT_ACTIONS as readonly unknown[]).includes(raw.action) ? (raw.action as AuditAction) : undefined,
    outcome: (AUDIT_OUTCOMES as readonly unknown[]).includes(raw.outcome) ? (raw.outcome as AuditOutcome) : undefined,
    from: time(raw.from),
    to: time(raw.to),
    q: str(raw.q),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
