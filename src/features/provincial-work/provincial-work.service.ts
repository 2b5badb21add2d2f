/**
 * The province's part (通知 一): each provincial authority's refined work plan (one per authority,
 * compare-and-set on its version) and supporting policies, their files, and the one page on which
 * it follows its pilots — their lifecycle state, reports (due, overdue, awaiting its review,
 * confirmed) and open rectification cases. The ministry reads every authority's.
 * Scope: shared/permissions/provincial-work-scope.ts.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { iso } from '../../shared/contract/wire.js';
import { canManageProvinceWork, canReadProvinceWork, provinceWorkAbilities, resolveAuthority } from '../../shared/permissions/provincial-work-scope.js';
import { getDivision, getReviewAuthority, listReviewAuthorities, reviewAuthoritiesForCluster } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { pilotsInScope } from '../pilots/public.js';
import type { Authorities, FilePurpose, FileRef, Policies, PolicyBody, ProvinceOverview, ProvincialPolicy, WorkPlanAnswer, WorkPlanBody } from './provincial-work.contract.js';
import * as q from './provincial-work.queries.js';

const authorityName = (id: string) => getReviewAuthority(id)?.label ?? id;

/** The authority the request is about, if the actor may read it; "not found" otherwise. */
export function readableAuthority(actor: Actor, requested: string): string {
  const id = resolveAuthority(actor, requested);
  if (id === null || !getReviewAuthority(id) || !canReadProvinceWork(actor, id)) throw new AppError('NOT_FOUND');
  return id;
}

/** The actor's own authority, which it may change; everyone else is refused. */
function ownAuthority(actor: Actor, requested: string): string {
  const id = readableAuthority(actor, requested);
  if (!canManageProvinceWork(actor, id)) throw new AppError('FORBIDDEN');
  return id;
}

const fileRef = (f: q.FileRow): FileRef => ({ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, purpose: f.purpose as FilePurpose });

/** A file given as an attachment must be the authority's own and uploaded for this purpose. */
async function ownFile(db: Tx, authorityId: string, fileId: string | null, purpose: FilePurpose): Promise<q.FileRow | null> {
  if (fileId === null) return null;
  const f = await q.getAuthorityFile(db, fileId);
  if (!f || f.authorityId !== authorityId || f.purpose !== purpose) throw new AppError('PROVINCE_FILE_INVALID', { fileId });
  return f;
}

// ---------------------------------------------------------------------------------------------
// Work plan

export async function workPlan(db: Tx, actor: Actor, requested: string): Promise<WorkPlanAnswer> {
  const id = readableAuthority(actor, requested);
  const row = await q.getWorkPlan(db, id);
  const file = row?.fileId ? (await q.filesByIds(db, [row.fileId]))[0] : undefined;
  return {
    authorityId: id,
    authorityName: authorityName(id),
    plan: row ? { title: row.title, body: row.body, file: file ? fileRef(file) : null, version: row.version, updatedAt: iso(row.updatedAt) } : null,
    abilities: provinceWorkAbilities(actor, id),
  };
}

export async function saveWorkPlan(db: Db, actor: Actor, requested: string, body: WorkPlanBody, now: Date): Promise<WorkPlanAnswer> {
  const id = ownAuthority(actor, requested);
  await ownFile(db, id, body.fileId, 'work_plan');
  const current = await q.getWorkPlan(db, id);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== body.version) throw new AppError('VERSION_CONFLICT', { currentVersion });
  const written = await q.writeWorkPlan(db, body.version, { authorityId: id, title: body.title, body: body.body, fileId: body.fileId, updatedBy: actor.id, updatedAt: now });
  if (!written) throw new AppError('VERSION_CONFLICT', { currentVersion: (await q.getWorkPlan(db, id))?.version ?? 0 });
  return workPlan(db, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Policies and files

export async function policies(db: Tx, actor: Actor, requested: string): Promise<Policies> {
  const id = readableAuthority(actor, requested);
  const rows = await q.listPolicies(db, id);
  const files = new Map((await q.filesByIds(db, rows.flatMap((r) => (r.fileId ? [r.fileId] : [])))).map((f) => [f.id, f]));
  return {
    authorityId: id,
    authorityName: authorityName(id),
    items: rows.map((r) => presentPolicy(r, r.fileId ? (files.get(r.fileId) ?? null) : null)),
    abilities: provinceWorkAbilities(actor, id),
  };
}

function presentPolicy(r: q.PolicyRow, file: q.FileRow | null): ProvincialPolicy {
  return {
    id: r.id,
    authorityId: r.authorityId,
    documentNo: r.documentNo,
    issuedOn: r.issuedOn,
    title: r.title,
    summary: r.summary,
    file: file ? fileRef(file) : null,
    createdAt: iso(r.createdAt),
    isDemo: r.isDemo,
  };
}

export async function addPolicy(db: Db, actor: Actor, requested: string, body: PolicyBody, now: Date): Promise<ProvincialPolicy> {
  const id = ownAuthority(actor, requested);
  if (body.issuedOn > chinaDate(now)) throw new AppError('VALIDATION_FAILED', { issuedOn: body.issuedOn, today: chinaDate(now) });
  const file = await ownFile(db, id, body.fileId, 'policy');
  const row = await q.insertPolicy(db, {
    authorityId: id,
    documentNo: body.documentNo,
    issuedOn: body.issuedOn,
    title: body.title,
    summary: body.summary,
    fileId: body.fileId,
    createdBy: actor.id,
    createdAt: now,
  });
  return presentPolicy(row, file);
}

export async function recordFile(db: Tx, actor: Actor, requested: string, purpose: FilePurpose, blob: { sha256: string; filename: string; mimeType: string; size: number }): Promise<FileRef> {
  const id = ownAuthority(actor, requested);
  return fileRef(await q.insertFile(db, { pilotId: null, authorityId: id, purpose, ...blob, uploadedBy: actor.id }));
}

/** May the actor upload for this authority? Checked before the body is read. */
export function assertCanUpload(actor: Actor, requested: string): void {
  ownAuthority(actor, requested);
}

export async function readableFile(db: Tx, actor: Actor, fileId: string): Promise<q.FileRow> {
  const f = await q.getAuthorityFile(db, fileId);
  if (!f || !f.authorityId || !(f.purpose === 'policy' || f.purpose === 'work_plan')) throw new AppError('NOT_FOUND');
  readableAuthority(actor, f.authorityId);
  return f;
}

// ---------------------------------------------------------------------------------------------
// The authorities list (ministry) and the overview

export async function authorities(db: Tx, actor: Actor): Promise<Authorities> {
  const [plans, counts, pilots] = await Promise.all([q.listWorkPlans(db), q.policyCounts(db), pilotsInScope(db, actor)]);
  const pilotCount = new Map<string, number>();
  for (const p of pilots) for (const a of reviewAuthoritiesForCluster(p.cityCodes)) pilotCount.set(a, (pilotCount.get(a) ?? 0) + 1);
  const planBy = new Map(plans.map((p) => [p.authorityId, p]));
  const items = listReviewAuthorities()
    .filter((a) => canReadProvinceWork(actor, a.id))
    .filter((a) => planBy.has(a.id) || counts.has(a.id) || pilotCount.has(a.id) || actor.authorityId === a.id)
    .map((a) => ({
      authorityId: a.id,
      authorityName: a.label,
      workPlanTitle: planBy.get(a.id)?.title ?? null,
      workPlanUpdatedAt: planBy.has(a.id) ? iso(planBy.get(a.id)!.updatedAt) : null,
      policyCount: counts.get(a.id) ?? 0,
      pilotCount: pilotCount.get(a.id) ?? 0,
    }));
  return { items };
}

/** Reports still to be sent (draft, or returned by the province) after their due date are overdue. */
const isOverdueReport = (r: { status: string; dueDate: string }, today: string) => (r.status === 'draft' || r.status === 'returned') && r.dueDate < today;

export async function overview(db: Tx, actor: Actor, requested: string, now: Date): Promise<ProvinceOverview> {
  const id = readableAuthority(actor, requested);
  const today = chinaDate(now);
  const pilots = (await pilotsInScope(db, actor)).filter((p) => reviewAuthoritiesForCluster(p.cityCodes).includes(id));
  const ids = pilots.map((p) => p.id);
  const [reports, cases] = await Promise.all([q.reportsOfPilots(db, ids), q.openCasesOfPilots(db, ids)]);
  const rows = pilots.map((p) => {
    const own = reports.filter((r) => r.pilotId === p.id);
    const count = (s: string) => own.filter((r) => r.status === s).length;
    // The latest report is the last one due by today or already sent; before any, the next one due.
    const due = own.filter((r) => r.dueDate <= today || r.status !== 'draft');
    const latest = due.at(-1) ?? own[0] ?? null;
    return {
      id: p.id,
      name: p.name,
      cityNames: p.cityCodes.map((c) => getDivision(c)?.name ?? c),
      state: p.state,
      periodStartYear: p.periodStartYear,
      periodEndYear: p.periodEndYear,
      reports: {
        total: own.length,
        draft: count('draft'),
        submitted: count('submitted'),
        returned: count('returned'),
        confirmed: count('confirmed'),
        overdue: own.filter((r) => isOverdueReport(r, today)).length,
      },
      latestReport: latest ? { id: latest.id, period: latest.period, status: latest.status, dueDate: latest.dueDate, overdue: isOverdueReport(latest, today) } : null,
      openRectifications: cases
        .filter((c) => c.pilotId === p.id)
        .map((c) => ({ id: c.id, status: c.status, deadline: c.deadline, overdue: c.status === 'open' && c.deadline < today })),
    };
  });
  return {
    authorityId: id,
    authorityName: authorityName(id),
    today,
    pilots: rows,
    totals: {
      pilots: rows.length,
      overdueReports: rows.reduce((s, r) => s + r.reports.overdue, 0),
      awaitingProvince: rows.reduce((s, r) => s + r.reports.submitted, 0),
      openRectifications: rows.reduce((s, r) => s + r.openRectifications.length, 0),
    },
  };
}
