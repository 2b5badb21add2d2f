/**
 * Rows as the API sends them (applications.contract.ts): dates as ISO strings, text columns as the
 * enums they hold, and each application with the abilities of the current user.
 */
import { iso } from '../../shared/contract/wire.js';
import { applicationAbilities } from '../../shared/permissions/application-scope.js';
import type { Actor } from '../../shared/roles/roles.js';
import type { AttachmentInfo } from './applications.contract.js';
import type {
  ApplicationAbility,
  ApplicationInfo,
  ApplicationListItem,
  HistoryItem,
  Intake,
  PlanVersionDetail,
  PlanVersionItem,
  ProvincialReview,
} from './applications.contract.js';
import type {
  ApplicationRow,
  getIntake,
  getPlanVersion,
  listApplications,
  listAttachments,
  listEvents,
  listPlanVersions,
  listProvincialReviews,
} from './applications.queries.js';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type ListRow = Rows<typeof listApplications>['items'][number];

/** One row of a list (the busiest answer: one literal a row; its time stamps are ISO strings already, listApplications). */
export function presentListItem(actor: Actor, row: ListRow): ApplicationListItem {
  return {
    id: row.id,
    refNo: row.refNo,
    title: row.title,
    status: row.status,
    version: row.version,
    round: row.round,
    applicationYear: row.applicationYear,
    applicantName: row.applicantName,
    cityCodes: row.cityCodes,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    forwardedAt: row.forwardedAt,
    receivedAt: row.receivedAt,
    isDemo: row.isDemo,
    // The row carries the facts the abilities are decided on (status, cities, authorities, forwarding, pending).
    abilities: applicationAbilities(actor, row),
  };
}

export function presentApplication(a: ApplicationRow, abilities: ApplicationAbility[]): ApplicationInfo {
  return {
    id: a.id,
    refNo: a.refNo,
    title: a.title,
    status: a.status,
    version: a.version,
    round: a.round,
    applicationYear: a.applicationYear,
    applicantName: a.applicantName,
    cities: a.cities,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    submittedAt: iso(a.submittedAt),
    forwardedAt: iso(a.forwardedAt),
    receivedAt: iso(a.receivedAt),
    isDemo: a.isDemo,
    abilities,
  };
}

export function presentProvincialReview(r: Rows<typeof listProvincialReviews>[number]): ProvincialReview {
  return { ...r, decision: r.decision as ProvincialReview['decision'], decidedAt: iso(r.decidedAt) };
}

export function presentIntake(i: NonNullable<Rows<typeof getIntake>>): Intake {
  return {
    ...i,
    printedCopies: i.printedCopies as Intake['printedCopies'],
    discs: i.discs as Intake['discs'],
    recordedAt: iso(i.recordedAt),
  };
}

export function presentAttachment(a: Rows<typeof listAttachments>[number]): AttachmentInfo {
  return { ...a, createdAt: iso(a.createdAt) };
}

export function presentPlanVersion(v: Rows<typeof listPlanVersions>[number]): PlanVersionItem {
  return { ...v, kind: v.kind as PlanVersionItem['kind'], createdAt: iso(v.createdAt) };
}

export function presentPlanVersionDetail(v: NonNullable<Rows<typeof getPlanVersion>>): PlanVersionDetail {
  return { ...v, kind: v.kind as PlanVersionDetail['kind'], createdAt: iso(v.createdAt) };
}

export function presentEvent(e: Rows<typeof listEvents>[number]): HistoryItem {
  return {
    ...e,
    fromStatus: e.fromStatus as HistoryItem['fromStatus'],
    toStatus: e.toStatus as HistoryItem['toStatus'],
    createdAt: iso(e.createdAt),
  };
}
