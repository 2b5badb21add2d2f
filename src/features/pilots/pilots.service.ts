/**
 * Pilot cities: creating one when the ministry approves an application (the three years after the
 * approval year become its period, and the approved plan's targets are frozen as its contract);
 * reading them within the actor's scope; and the facts printed on the approval reply (批复).
 */
import type { Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import { canSeePilot, pilotAbilities } from '../../shared/permissions/pilot-scope.js';
import { DIMENSION_LABELS, TARGET_DIMENSIONS } from '../../shared/plan/plan-schema.js';
import { getDivision, getReviewAuthority } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { renderApprovalReplyDocx, renderApprovalReplyPdf, type ApprovalReplyData } from '../approvals/public.js';
import { getApplication, type ApplicationRow } from '../applications/public.js';
import type { Pilot, PilotDetail } from './pilots.contract.js';
import { authorityOrganisations, getPilot, insertPilot, listPilots, type PilotRow } from './pilots.queries.js';

export interface ApprovalFacts {
  application: ApplicationRow;
  documentNo: string;
  /** YYYY-MM-DD, the date printed on the 批复. */
  approvalDate: string;
  approvedBy: string;
}

export async function createPilotForApproval(tx: Tx, f: ApprovalFacts): Promise<string> {
  const year = Number(f.approvalDate.slice(0, 4));
  const app = f.application;
  return insertPilot(tx, {
    applicationId: app.id,
    name: app.plan.cover.applicant || app.applicantName,
    cityCodes: app.cities.map((c) => c.cityCode),
    documentNo: f.documentNo,
    approvedAt: new Date(),
    approvalDate: f.approvalDate,
    periodStartYear: year + 1,
    periodEndYear: year + 3,
    targets: app.plan.targets,
    planVersion: app.version,
    filedAt: new Date(),
    approvedBy: f.approvedBy,
    isDemo: app.isDemo,
  });
}

export function presentPilot(actor: Actor, p: PilotRow): Pilot {
  return {
    id: p.id,
    applicationId: p.applicationId,
    name: p.name,
    cityCodes: p.cityCodes,
    cityNames: p.cityCodes.map((c) => getDivision(c)?.name ?? c),
    documentNo: p.documentNo,
    approvalDate: p.approvalDate,
    periodStartYear: p.periodStartYear,
    periodEndYear: p.periodEndYear,
    filedAt: iso(p.filedAt),
    targetCount: p.targets.length,
    isDemo: p.isDemo,
    abilities: pilotAbilities(actor, p),
  };
}

export function presentPilotDetail(actor: Actor, p: PilotRow): PilotDetail {
  return { ...presentPilot(actor, p), targets: p.targets };
}

/** The pilots the actor may see, oldest approval first. */
export async function pilotsInScope(db: Tx, actor: Actor): Promise<PilotRow[]> {
  return (await listPilots(db)).filter((p) => canSeePilot(actor, p));
}

/** One pilot in the actor's scope; one outside it is "not found", as if it did not exist. */
export async function visiblePilot(db: Tx, actor: Actor, id: string): Promise<PilotRow> {
  const pilot = await getPilot(db, id);
  if (!pilot || !canSeePilot(actor, pilot)) throw new AppError('NOT_FOUND');
  return pilot;
}

const government = (name: string) => (name.endsWith('人民政府') ? name : `${name}人民政府`);

/** What the approval reply says: addressees, the plan's title, the pilot years and a key target per dimension. */
export async function approvalData(db: Tx, pilot: PilotRow): Promise<ApprovalReplyData> {
  const app = await getApplication(db, pilot.applicationId);
  if (!app) throw new AppError('NOT_FOUND');
  const authorityIds = [...new Set(app.cities.map((c) => c.authorityId))];
  const orgs = await authorityOrganisations(db, authorityIds);
  const authorityNames = authorityIds.map((id) => orgs.find((o) => o.authorityId === id)?.name ?? getReviewAuthority(id)?.label ?? id);
  const applicant = app.plan.cover.applicant || app.applicantName;
  const firstOfEach = TARGET_DIMENSIONS.map((d) => pilot.targets.find((t) => t.dimension === d)).filter((t) => t !== undefined);
  return {
    documentNo: pilot.documentNo,
    cityName: pilot.name.replace(/人民政府$/, ''),
    applicantName: government(applicant),
    addressees: [...authorityNames, government(applicant)],
    applicationTitle: app.plan.cover.title || app.title,
    approvalDate: pilot.approvalDate,
    pilotYears: [pilot.periodStartYear, pilot.periodStartYear + 1, pilot.periodStartYear + 2],
    keyTargets: firstOfEach.map((t) => ({ dimension: t.dimension ? DIMENSION_LABELS[t.dimension].zh : '', indicator: t.indicator, wording: t.wording })),
    copyTo: ['国家制造强国建设领导小组办公室'],
  };
}

export type ApprovalFormat = 'docx' | 'pdf';

/** The approval reply of a pilot in the actor's scope, rendered, with the names to save it under. */
export async function approvalReply(db: Tx, actor: Actor, id: string, format: ApprovalFormat): Promise<{ buffer: Buffer; filename: string; asciiFilename: string }> {
  const pilot = await visiblePilot(db, actor, id);
  const data = await approvalData(db, pilot);
  const buffer = format === 'docx' ? await renderApprovalReplyDocx(data) : await renderApprovalReplyPdf(data);
  return { buffer, filename: `${pilot.name}试点批复.${format}`, asciiFilename: `approval-${pilot.approvalDate}.${format}` };
}
