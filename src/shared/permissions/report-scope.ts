/**
 * Row scope of progress reports (进度报告) and what a user may do with one. Pure: the server passes
 * the actor and the facts of the report (its pilot's cities, its status, whether its period has
 * begun); the web reads the resulting abilities and never decides itself.
 *
 * Who sees what:
 * - the city sees the reports of its own pilots, in every status (it writes them);
 * - the province sees those of the pilots of the cities it reviews, in every status (it follows
 *   what is due and overdue, and reviews what is submitted);
 * - ministry roles and the leading group see every pilot's reporting calendar (status, due dates),
 *   but open a report's figures only once the province has confirmed it: confirmed reports are what
 *   reaches the ministry.
 */
import { reviewAuthoritiesFor } from '../reference/divisions.js';
import type { Actor } from '../roles/roles.js';
import { can } from './policy.js';

export interface ReportScope {
  /** The cities the report's pilot names. */
  cityCodes: readonly string[];
  /** draft | submitted | returned | confirmed */
  status: string;
  /** The period has begun (the city may fill it in). */
  periodOpen: boolean;
  /** The pilot has been cancelled (通报取消): its reports are a closed record, read only. */
  pilotClosed?: boolean;
}

function isOwnCity(actor: Actor, cityCodes: readonly string[]): boolean {
  return actor.role === 'city_applicant' && cityCodes.includes(actor.divisionCode);
}

function isOwnProvince(actor: Actor, cityCodes: readonly string[]): boolean {
  const authority = actor.authorityId;
  return actor.role === 'provincial_authority' && authority !== null && cityCodes.some((c) => reviewAuthoritiesFor(c).includes(authority));
}

const CENTRAL = ['ministry_planning', 'ministry_department', 'leading_group_observer'] as const;

/** Whether the actor sees the pilot's reporting calendar (the list of periods with their status). */
export function canListReports(actor: Actor, pilot: Pick<ReportScope, 'cityCodes'>): boolean {
  if (!can(actor.role, 'report.read')) return false;
  if (isOwnCity(actor, pilot.cityCodes) || isOwnProvince(actor, pilot.cityCodes)) return true;
  return (CENTRAL as readonly string[]).includes(actor.role);
}

/** Whether the actor may open the report itself (its figures, tasks and history). */
export function canOpenReport(actor: Actor, report: Pick<ReportScope, 'cityCodes' | 'status'>): boolean {
  if (!canListReports(actor, report)) return false;
  if ((CENTRAL as readonly string[]).includes(actor.role)) return report.status === 'confirmed';
  return true;
}

export const REPORT_ACTIONS = ['open', 'edit', 'submit', 'uploadEvidence', 'import', 'confirm', 'return', 'correct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

const EDITABLE = ['draft', 'returned'];

/** What the actor may do with the report, in the order of REPORT_ACTIONS. */
export function reportAbilities(actor: Actor, report: ReportScope): ReportAction[] {
  if (!canOpenReport(actor, report)) return [];
  const out: ReportAction[] = ['open'];
  if (report.pilotClosed) return out;
  const city = isOwnCity(actor, report.cityCodes);
  const province = isOwnProvince(actor, report.cityCodes);
  if (city && can(actor.role, 'report.edit') && EDITABLE.includes(report.status) && report.periodOpen) {
    out.push('edit', 'submit', 'uploadEvidence', 'import');
  }
  if (province && can(actor.role, 'report.review') && report.status === 'submitted') out.push('confirm', 'return');
  if ((city || province) && can(actor.role, 'report.correct') && report.status === 'confirmed') out.push('correct');
  return out;
}

/**
 * The cities whose reports a list shows to the actor: 'all' for central roles, or a predicate on
 * the pilot's cities for a city or a province. `null`: the actor lists none.
 */
export function reportListScope(actor: Actor): 'all' | ((cityCodes: readonly string[]) => boolean) | null {
  if (!can(actor.role, 'report.read')) return null;
  if ((CENTRAL as readonly string[]).includes(actor.role)) return 'all';
  if (actor.role === 'city_applicant') return (codes) => isOwnCity(actor, codes);
  if (actor.role === 'provincial_authority') return actor.authorityId === null ? null : (codes) => isOwnProvince(actor, codes);
  return null;
}
