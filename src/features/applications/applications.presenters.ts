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

export function presentListItem(actor: Actor, row: ListRow): ApplicationListItem {
  const { authorityIds, actorAuthorityPending, ...rest } = row;
  return {
    ...rest,
    updatedAt: iso(row.updatedAt),
    submittedAt: iso(row.submittedAt),
    forwardedAt: iso(row.forwardedAt),
    receivedAt: iso(row.receivedAt),
    abilities: applicationAbilities(actor, { status: row.status, cityCodes: row.cityCodes, authorityIds, forwardedAt: row.forwardedAt, actorAuthorityPending }),
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
