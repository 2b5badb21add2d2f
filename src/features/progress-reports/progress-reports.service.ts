/**
 * Progress reports (进度报告): each pilot reports on its own schedule (shared/monitoring/reporting-periods.ts),
 * one row per pilot and period, created when first needed. The city fills in, for every indicator of
 * the contract in force that year, the actual value, its data source and evidence, and for every task
 * of its task division a status and a narrative; it submits; its province confirms (with an opinion)
 * or returns it (with reasons). Confirmed figures change only through a correction with a reason.
 *
 * Every change is a compare-and-set on the report's version plus an audit row in pilot_events
 * (data.reportId names the report), in one transaction. Scope and abilities come from
 * shared/permissions/report-scope.ts; the date from the app's clock, passed in by the routes.
 */
import { storeBlob } from '../../kernel/blob-store.js';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { readSetting, writeSetting } from '../../kernel/settings-store.js';
import { iso } from '../../shared/contract/wire.js';
import type { FileCheck } from '../../shared/files/file-type.js';
import { deriveIndicator, requiredIn, type PilotPeriod } from '../../shared/monitoring/indicators.js';
import {
  daysUntilDue,
  DEFAULT_REPORT_SCHEDULE,
  isDelivered,
  isPeriodOpen,
  periodLabelText,
  periodTiming,
  REPORT_FREQUENCIES,
  reportingPeriods,
  reportScheduleSchema,
  type ReportFrequency,
  type ReportingPeriod,
  type ReportSchedule,
} from '../../shared/monitoring/reporting-periods.js';
import { canListReports, canOpenReport, reportAbilities, reportListScope, type ReportAction, type ReportScope } from '../../shared/permissions/report-scope.js';
import type { Actor } from '../../shared/roles/roles.js';
import { getApplication } from '../applications/public.js';
import { contractInForce } from '../pilots/public.js';
import {
  TASK_STATUSES,
  type CorrectionInput,
  type DueList,
  type DueState,
  type EvidenceFile,
  type PilotReports,
  type ReportDetail,
  type ReportStatus,
  type ReportSummary,
  type SaveReport,
  type TaskStatus,
} from './progress-reports.contract.js';
import { readReportXlsx, reportTemplateXlsx, type ImportedReport } from './progress-reports.excel.js';
import {
  casReport,
  correctionsOf,
  eventsOfReport,
  evidenceFilesOf,
  getPilotFile,
  getReport,
  getReportPilot,
  insertCorrection,
  insertMissingReports,
  insertPilotEvent,
  insertPilotFile,
  reportingPilots,
  reportsOfPilots,
  setDueDate,
  tasksOf,
  updateValueForCorrection,
  upsertTasks,
  upsertValues,
  valuesOf,
  type ReportPilot,
  type ReportRow,
} from './progress-reports.queries.js';

export const REPORT_SCHEDULE_KEY = 'report_schedule';

/** The configured schedule; a stored value that no longer fits falls back to the defaults. */
export async function reportSchedule(db: Tx): Promise<ReportSchedule> {
  return (await versionedReportSchedule(db)).schedule;
}

/** The schedule with the version a save must name (0 while the defaults apply). */
export async function versionedReportSchedule(db: Tx): Promise<{ schedule: ReportSchedule; version: number }> {
  const stored = await readSetting(db, REPORT_SCHEDULE_KEY);
  const parsed = reportScheduleSchema.safeParse(stored.value ?? {});
  return { schedule: parsed.success ? parsed.data : DEFAULT_REPORT_SCHEDULE, version: stored.version };
}

/**
 * Saves the schedule and moves the due dates of the reports still owed (draft or returned) to it;
 * a delivered report keeps the due date it was delivered against.
 */
export async function saveReportSchedule(db: Db, actor: Actor, schedule: ReportSchedule, version: number): Promise<ReportSchedule & { version: number }> {
  const saved = await db.transaction(async (tx) => {
    const next = await writeSetting(tx, REPORT_SCHEDULE_KEY, schedule, { expectedVersion: version, userId: actor.id });
    const pilots = await reportingPilots(tx);
    const rows = await reportsOfPilots(tx, pilots.map((p) => p.id));
    const due = new Map(pilots.flatMap((p) => periodsOf(p, schedule).map((per) => [`${p.id}|${per.label}`, per.due] as const)));
    for (const r of rows) {
      const d = due.get(`${r.pilotId}|${r.period}`);
      if (d && d !== r.dueDate && !isDelivered(r.status)) await setDueDate(tx, r.id, d);
    }
    return next;
  });
  return { ...schedule, version: saved };
}

function frequencyOf(p: ReportPilot): ReportFrequency {
  return (REPORT_FREQUENCIES as readonly string[]).includes(p.reportFrequency) ? (p.reportFrequency as ReportFrequency) : 'yearly';
}

export function periodsOf(p: ReportPilot, schedule: ReportSchedule): ReportingPeriod[] {
  return reportingPeriods(p.periodStartYear, p.periodEndYear, frequencyOf(p), schedule);
}

function pilotPeriod(p: ReportPilot): PilotPeriod {
  return [p.periodStartYear, p.periodStartYear + 1, p.periodStartYear + 2];
}

/** The contract in force in the report's year (amendments take effect from their year; pilots feature). */
async function contractForYear(db: Tx, pilot: ReportPilot, year: number): Promise<{ version: number; targets: ReportPilot['targets'] }> {
  const c = await contractInForce(db, pilot.id, year);
  return c ? { version: c.version, targets: c.targets } : { version: 1, targets: pilot.targets };
}

function rowOf(p: ReportPilot, period: ReportingPeriod) {
  return { pilotId: p.id, period: period.label, year: period.year, periodStart: period.start, periodEnd: period.end, dueDate: period.due, isDemo: p.isDemo };
}

/**
 * The report rows of these pilots for every period of their schedule, creating the missing ones
 * (idempotent: unique (pilot, period)). Rows of an earlier frequency stay when they hold work.
 */
export async function ensureReports(db: Tx, pilots: readonly ReportPilot[], schedule: ReportSchedule): Promise<ReportRow[]> {
  const ids = pilots.map((p) => p.id);
  let rows = await reportsOfPilots(db, ids);
  const have = new Set(rows.map((r) => `${r.pilotId}|${r.period}`));
  const missing = pilots.flatMap((p) => periodsOf(p, schedule).filter((per) => !have.has(`${p.id}|${per.label}`)).map((per) => rowOf(p, per)));
  if (missing.length > 0) {
    await insertMissingReports(db, missing);
    rows = await reportsOfPilots(db, ids);
  }
  const wanted = new Set(pilots.flatMap((p) => periodsOf(p, schedule).map((per) => `${p.id}|${per.label}`)));
  return rows.filter((r) => wanted.has(`${r.pilotId}|${r.period}`) || r.status !== 'draft');
}

function scopeOf(p: ReportPilot, r: ReportRow, today: string): ReportScope {
  return { cityCodes: p.cityCodes, status: r.status, periodOpen: isPeriodOpen({ start: r.periodStart }, today), pilotClosed: p.state === 'cancelled' };
}

const CLOSED_STATES = new Set(['cancelled', 'completed']);

function presentSummary(actor: Actor, p: ReportPilot, r: ReportRow, today: string): ReportSummary {
  const period = { start: r.periodStart, end: r.periodEnd, due: r.dueDate };
  return {
    id: r.id,
    pilotId: p.id,
    pilotName: p.name,
    cityCodes: p.cityCodes,
    period: r.period,
    periodText: periodLabelText(r.period),
    year: r.year,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    dueDate: r.dueDate,
    status: r.status as ReportStatus,
    timing: periodTiming(period, today),
    // A cancelled or completed pilot owes no more reports: nothing of it is overdue.
    overdue: !CLOSED_STATES.has(p.state) && !isDelivered(r.status) && today > r.dueDate,
    daysUntilDue: daysUntilDue(period, today),
    version: r.version,
    contractVersion: r.contractVersion,
    submittedAt: iso(r.submittedAt),
    confirmedAt: iso(r.confirmedAt),
    abilities: reportAbilities(actor, scopeOf(p, r, today)),
  };
}

/** GET /pilots/:id/reports: the pilot's reporting calendar. */
export async function pilotReports(db: Tx, actor: Actor, pilotId: string, now: Date): Promise<PilotReports> {
  const pilot = await getReportPilot(db, pilotId);
  if (!pilot || !canListReports(actor, pilot)) throw new AppError('NOT_FOUND');
  const today = chinaDate(now);
  const rows = await ensureReports(db, [pilot], await reportSchedule(db));
  return {
    pilot: { id: pilot.id, name: pilot.name, reportFrequency: frequencyOf(pilot), periodStartYear: pilot.periodStartYear, periodEndYear: pilot.periodEndYear },
    items: rows.map((r) => presentSummary(actor, pilot, r, today)),
  };
}

interface Loaded {
  report: ReportRow;
  pilot: ReportPilot;
  today: string;
}

async function loadOpenable(db: Tx, actor: Actor, id: string, now: Date): Promise<Loaded> {
  const report = await getReport(db, id);
  const pilot = report ? await getReportPilot(db, report.pilotId) : null;
  if (!report || !pilot || !canOpenReport(actor, { cityCodes: pilot.cityCodes, status: report.status })) throw new AppError('NOT_FOUND');
  return { report, pilot, today: chinaDate(now) };
}

/**
 * Refuses an action the actor may not take now: 409 when the actor could take it in another status
 * (or once the period has begun), 403 when never.
 */
function enforce(actor: Actor, l: Loaded, action: ReportAction): void {
  const scope = scopeOf(l.pilot, l.report, l.today);
  if (reportAbilities(actor, scope).includes(action)) return;
  const somewhen = ['draft', 'submitted', 'returned', 'confirmed'].some((status) => reportAbilities(actor, { ...scope, status, periodOpen: true, pilotClosed: false }).includes(action));
  if (somewhen && scope.pilotClosed) throw new AppError('PILOT_CLOSED');
  if (!somewhen) throw new AppError('FORBIDDEN');
  const inThisStatus = reportAbilities(actor, { ...scope, periodOpen: true, pilotClosed: false }).includes(action);
  throw new AppError(inThisStatus && !scope.periodOpen ? 'REPORT_PERIOD_NOT_OPEN' : 'REPORT_INVALID_TRANSITION', { status: l.report.status });
}

async function conflict(db: Tx, id: string): Promise<AppError> {
  const current = await getReport(db, id);
  return new AppError('VERSION_CONFLICT', { currentVersion: current?.version ?? null, status: current?.status ?? null });
}

interface TaskLine {
  task: string;
  responsibleUnit: string;
  deadline: string;
}

async function taskDivisionOf(db: Tx, pilot: ReportPilot): Promise<TaskLine[]> {
  const app = await getApplication(db, pilot.applicationId);
  return (app?.plan.taskDivision ?? []).map((t) => ({ task: t.task, responsibleUnit: t.responsibleUnit, deadline: t.deadline }));
}

/** GET /reports/:id */
export async function reportDetail(db: Tx, actor: Actor, id: string, now: Date): Promise<ReportDetail> {
  return present(db, actor, await loadOpenable(db, actor, id, now));
}

async function present(db: Tx, actor: Actor, l: Loaded): Promise<ReportDetail> {
  const { report, pilot } = l;
  const contract = await contractForYear(db, pilot, report.year);
  // Sequential: also called inside transactions (one connection, one query at a time).
  const values = await valuesOf(db, report.id);
  const taskRows = await tasksOf(db, report.id);
  const division = await taskDivisionOf(db, pilot);
  const events = await eventsOfReport(db, pilot.id, report.id);
  const corrections = await correctionsOf(db, report.id);
  const files = await evidenceFilesOf(db, pilot.id, [...new Set(values.flatMap((v) => v.evidenceFileIds))]);
  const fileById = new Map(files.map((f) => [f.id, f]));
  const corrected = new Set(corrections.map((c) => c.targetId));
  const period = pilotPeriod(pilot);
  const indicatorName = new Map(contract.targets.map((t) => [t.id, t.indicator]));
  return {
    ...presentSummary(actor, pilot, report, l.today),
    contractVersion: contract.version,
    narrative: report.narrative,
    provinceOpinion: report.provinceOpinion,
    reviewedAt: iso(report.reviewedAt),
    values: contract.targets.map((t) => {
      const ind = deriveIndicator(t, period);
      const v = values.find((x) => x.targetId === t.id);
      return {
        targetId: t.id,
        dimension: t.dimension,
        indicator: t.indicator,
        unit: ind.unit ?? t.unit,
        direction: t.direction,
        stretch: ind.stretch,
        required: requiredIn(ind, report.year),
        finalTarget: ind.finalTarget,
        actual: v?.actual ?? null,
        dataSource: v?.dataSource ?? '',
        note: v?.note ?? '',
        evidence: (v?.evidenceFileIds ?? []).flatMap((fid) => {
          const f = fileById.get(fid);
          return f ? [{ id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256 }] : [];
        }),
        corrected: corrected.has(t.id),
      };
    }),
    tasks: division.map((d, taskIndex) => {
      const row = taskRows.find((r) => r.taskIndex === taskIndex);
      return { taskIndex, ...d, status: ((TASK_STATUSES as readonly string[]).includes(row?.status ?? '') ? row!.status : 'not_started') as TaskStatus, narrative: row?.narrative ?? '' };
    }),
    history: events.map((e) => ({ at: iso(e.at), actorName: e.actorName, action: e.action, fromStatus: e.fromState, toStatus: e.toState, comment: e.comment })),
    corrections: corrections.map((c) => ({ ...c, at: iso(c.at), indicator: indicatorName.get(c.targetId) ?? c.targetId })),
  };
}

// ---- the city's writing -------------------------------------------------------------------------

const EDITABLE = ['draft', 'returned'] as const;

async function applyContent(
  db: Db,
  actor: Actor,
  l: Loaded,
  version: number,
  content: { narrative?: string; values: SaveReport['values']; tasks: { taskIndex: number; status: TaskStatus; narrative: string }[] },
  audit: { action: string; comment?: string } | null,
): Promise<void> {
  const contract = await contractForYear(db, l.pilot, l.report.year);
  const targetIds = new Set(contract.targets.map((t) => t.id));
  const seen = new Set<string>();
  for (const v of content.values) {
    if (!targetIds.has(v.targetId)) throw new AppError('REPORT_TARGET_UNKNOWN', { targetId: v.targetId });
    if (seen.has(v.targetId)) throw new AppError('VALIDATION_FAILED', { issues: [{ path: ['values'], message: `duplicate targetId ${v.targetId}` }] });
    seen.add(v.targetId);
  }
  const division = await taskDivisionOf(db, l.pilot);
  for (const t of content.tasks) {
    if (t.taskIndex >= division.length) throw new AppError('VALIDATION_FAILED', { issues: [{ path: ['tasks'], message: `no task ${t.taskIndex}` }] });
  }
  const fileIds = [...new Set(content.values.flatMap((v) => v.evidenceFileIds))];
  const files = await evidenceFilesOf(db, l.pilot.id, fileIds);
  if (files.length !== fileIds.length) throw new AppError('REPORT_EVIDENCE_UNKNOWN', { unknown: fileIds.filter((id) => !files.some((f) => f.id === id)) });

  await db.transaction(async (tx) => {
    const updated = await casReport(tx, l.report.id, { version, statuses: EDITABLE }, {
      contractVersion: contract.version,
      ...(content.narrative === undefined ? {} : { narrative: content.narrative }),
    });
    if (!updated) throw await conflict(tx, l.report.id);
    await upsertValues(tx, l.report.id, content.values);
    await upsertTasks(tx, l.report.id, content.tasks.map((t) => ({ ...t, task: division[t.taskIndex]!.task })));
    if (audit) {
      await insertPilotEvent(tx, {
        pilotId: l.pilot.id,
        actorId: actor.id,
        action: audit.action,
        fromState: l.report.status,
        toState: l.report.status,
        comment: audit.comment ?? null,
        data: { reportId: l.report.id, period: l.report.period },
      });
    }
  });
}

/** PUT /reports/:id */
export async function saveReport(db: Db, actor: Actor, id: string, body: SaveReport, now: Date): Promise<ReportDetail> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'edit');
  await applyContent(db, actor, l, body.version, body, null);
  return reportDetail(db, actor, id, now);
}

/** POST /reports/:id/submit: every indicator needs its actual value and data source. */
export async function submitReport(db: Db, actor: Actor, id: string, version: number, now: Date): Promise<ReportDetail> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'submit');
  const contract = await contractForYear(db, l.pilot, l.report.year);
  const values = await valuesOf(db, id);
  const missing = contract.targets
    .filter((t) => {
      const v = values.find((x) => x.targetId === t.id);
      return !v || v.actual === null || v.dataSource.trim() === '';
    })
    .map((t) => ({ targetId: t.id, indicator: t.indicator }));
  if (missing.length > 0) throw new AppError('REPORT_INCOMPLETE', { missing });
  await transition(db, actor, l, version, EDITABLE, 'submitted', 'report.submit', null, { submittedAt: now, submittedBy: actor.id, contractVersion: contract.version });
  return reportDetail(db, actor, id, now);
}

async function transition(
  db: Db,
  actor: Actor,
  l: Loaded,
  version: number,
  from: readonly string[],
  to: ReportStatus,
  action: string,
  comment: string | null,
  set: Parameters<typeof casReport>[3],
): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await casReport(tx, l.report.id, { version, statuses: from }, { ...set, status: to });
    if (!updated) throw await conflict(tx, l.report.id);
    await insertPilotEvent(tx, {
      pilotId: l.pilot.id,
      actorId: actor.id,
      action,
      fromState: l.report.status,
      toState: to,
      comment,
      data: { reportId: l.report.id, period: l.report.period },
    });
  });
}

/** POST /reports/:id/confirm: the province confirms with its opinion; the report reaches the ministry. */
export async function confirmReport(db: Db, actor: Actor, id: string, version: number, opinion: string, now: Date): Promise<ReportDetail> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'confirm');
  await transition(db, actor, l, version, ['submitted'], 'confirmed', 'report.confirm', opinion, {
    provinceOpinion: opinion,
    reviewedAt: now,
    reviewedBy: actor.id,
    confirmedAt: now,
  });
  return reportDetail(db, actor, id, now);
}

/** POST /reports/:id/return: the province returns it with reasons; the city edits and submits again. */
export async function returnReport(db: Db, actor: Actor, id: string, version: number, reasons: string, now: Date): Promise<ReportDetail> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'return');
  await transition(db, actor, l, version, ['submitted'], 'returned', 'report.return', reasons, { provinceOpinion: reasons, reviewedAt: now, reviewedBy: actor.id });
  return reportDetail(db, actor, id, now);
}

/** POST /reports/:id/corrections: a confirmed figure changes only here, with a reason; the old value is kept. */
export async function correctValue(db: Db, actor: Actor, id: string, body: CorrectionInput, now: Date): Promise<ReportDetail> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'correct');
  const contract = await contractForYear(db, l.pilot, l.report.year);
  if (!contract.targets.some((t) => t.id === body.targetId)) throw new AppError('REPORT_TARGET_UNKNOWN', { targetId: body.targetId });
  await db.transaction(async (tx) => {
    const updated = await casReport(tx, id, { version: body.version ?? l.report.version, statuses: ['confirmed'] }, {});
    if (!updated) throw await conflict(tx, id);
    let value = (await valuesOf(tx, id)).find((v) => v.targetId === body.targetId);
    if (!value) {
      await upsertValues(tx, id, [{ targetId: body.targetId, actual: null, dataSource: '', note: '', evidenceFileIds: [] }]);
      value = (await valuesOf(tx, id)).find((v) => v.targetId === body.targetId)!;
    }
    await insertCorrection(tx, {
      reportValueId: value.id,
      oldActual: value.actual,
      newActual: body.actual,
      oldDataSource: value.dataSource,
      newDataSource: body.dataSource,
      reason: body.reason,
      actorId: actor.id,
    });
    await updateValueForCorrection(tx, value.id, { actual: body.actual, dataSource: body.dataSource });
    await insertPilotEvent(tx, {
      pilotId: l.pilot.id,
      actorId: actor.id,
      action: 'report.correct',
      fromState: 'confirmed',
      toState: 'confirmed',
      comment: body.reason,
      data: { reportId: id, period: l.report.period, targetId: body.targetId, oldActual: value.actual, newActual: body.actual },
    });
  });
  return reportDetail(db, actor, id, now);
}

// ---- evidence files -----------------------------------------------------------------------------


/** Stores the bytes under their SHA-256 (once) and records the file as evidence of the pilot. */
export async function storeEvidence(
  db: Tx,
  actor: Actor,
  id: string,
  now: Date,
  file: { buf: Buffer; filename: string; check: Extract<FileCheck, { ok: true }> },
  uploadDir: string,
): Promise<EvidenceFile> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'uploadEvidence');
  const sha256 = await storeBlob(uploadDir, file.buf);
  const fileId = await insertPilotFile(db, {
    pilotId: l.pilot.id,
    purpose: 'report_evidence',
    sha256,
    filename: file.filename,
    mimeType: file.check.mimeType,
    size: file.buf.length,
    uploadedBy: actor.id,
  });
  return { id: fileId, filename: file.filename, mimeType: file.check.mimeType, size: file.buf.length, sha256 };
}

/** An evidence file of the report's pilot, for a user who may open the report. */
export async function evidenceForDownload(db: Tx, actor: Actor, id: string, fileId: string, now: Date) {
  const l = await loadOpenable(db, actor, id, now);
  const f = await getPilotFile(db, fileId);
  if (!f || f.pilotId !== l.pilot.id || f.purpose !== 'report_evidence') throw new AppError('NOT_FOUND');
  return f;
}

// ---- Excel ----------------------------------------------------------------------------------------

/** GET /reports/:id/template.xlsx: prefilled with what the report holds. */
export async function reportTemplate(db: Tx, actor: Actor, id: string, now: Date): Promise<{ buffer: Buffer; filename: string; asciiFilename: string }> {
  const l = await loadOpenable(db, actor, id, now);
  const d = await present(db, actor, l);
  const buffer = await reportTemplateXlsx({
    pilotId: l.pilot.id,
    pilotName: l.pilot.name,
    period: l.report.period,
    periodText: d.periodText.zh,
    contractVersion: d.contractVersion,
    indicators: d.values,
    tasks: d.tasks,
  });
  return { buffer, filename: `${l.pilot.name}${d.periodText.zh}进度报告.xlsx`, asciiFilename: `progress-report-${l.report.period}.xlsx` };
}

/** POST /reports/:id/import: all or nothing; any bad row refuses the file with every problem listed. */
export async function importReport(db: Db, actor: Actor, id: string, buf: Buffer, version: number | undefined, now: Date): Promise<ReportDetail> {
  const l = await loadOpenable(db, actor, id, now);
  enforce(actor, l, 'import');
  const contract = await contractForYear(db, l.pilot, l.report.year);
  const division = await taskDivisionOf(db, l.pilot);
  const read = await readReportXlsx(buf, {
    pilotId: l.pilot.id,
    period: l.report.period,
    contractVersion: contract.version,
    targetIds: contract.targets.map((t) => t.id),
    taskCount: division.length,
  });
  if (!read.ok) throw new AppError('VALIDATION_FAILED', { rows: read.errors });
  const existing = await valuesOf(db, id);
  const imported: ImportedReport = read.report;
  // The file carries no evidence: the files already attached to each figure stay attached.
  const values = imported.values.map((v) => ({ ...v, evidenceFileIds: existing.find((e) => e.targetId === v.targetId)?.evidenceFileIds ?? [] }));
  await applyContent(db, actor, l, version ?? l.report.version, { values, tasks: imported.tasks }, { action: 'report.import', comment: `${values.length} 项指标、${imported.tasks.length} 项任务` });
  return reportDetail(db, actor, id, now);
}

// ---- what is due ----------------------------------------------------------------------------------

function dueStateOf(r: ReportRow, today: string): DueState | null {
  if (r.status === 'submitted') return 'submitted';
  if (r.status === 'confirmed') return 'confirmed';
  if (today > r.dueDate) return 'overdue';
  if (today > r.periodEnd) return 'due';
  return null;
}

/** GET /reports?state=: due, overdue, submitted and confirmed reports of the pilots in the actor's scope. */
export async function dueList(db: Tx, actor: Actor, state: DueState | undefined, now: Date): Promise<DueList> {
  const scope = reportListScope(actor);
  if (scope === null) throw new AppError('FORBIDDEN');
  const today = chinaDate(now);
  const pilots = (await reportingPilots(db)).filter((p) => scope === 'all' || scope(p.cityCodes));
  const rows = await ensureReports(db, pilots, await reportSchedule(db));
  const byId = new Map(pilots.map((p) => [p.id, p]));
  const counts = { due: 0, overdue: 0, submitted: 0, confirmed: 0 };
  const items: ReportSummary[] = [];
  for (const r of rows) {
    const s = dueStateOf(r, today);
    if (!s) continue;
    counts[s] += 1;
    if (state === undefined || state === s) items.push(presentSummary(actor, byId.get(r.pilotId)!, r, today));
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.pilotName.localeCompare(b.pilotName));
  return { counts, items };
}

