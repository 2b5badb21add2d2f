/**
 * Pilot cities: creating one when the ministry approves an application (the three years after the
 * approval year become its period, the approved plan's targets become version 1 of its contract, the
 * phase calendar comes from the configured defaults); reading them within the actor's scope; the
 * pilot's lifecycle (transitions run from the one table in shared/monitoring/pilot-lifecycle.ts);
 * the versioned contract; and the facts printed on the approval reply (批复).
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { iso } from '../../shared/contract/wire.js';
import type { ErrorCode } from '../../shared/errors/error-codes.js';
import {
  allowedActions,
  decidePilotTransition,
  DEFAULT_PHASE_SCHEDULE_CONFIG,
  PILOT_LIFECYCLE,
  phaseScheduleConfigSchema,
  type PhaseSchedule,
  type PhaseScheduleConfig,
  type PilotFacts,
  type PilotLifecycleAction,
  type PilotPhase,
  type PilotState,
} from '../../shared/monitoring/pilot-lifecycle.js';
import type { ReportFrequency } from '../../shared/monitoring/reporting-periods.js';
import { canSeePilot, pilotAbilities } from '../../shared/permissions/pilot-scope.js';
import { DIMENSION_LABELS, TARGET_DIMENSIONS, type Plan } from '../../shared/plan/plan-schema.js';
import { getDivision, getReviewAuthority } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { renderApprovalReplyDocx, renderApprovalReplyPdf, type ApprovalReplyData } from '../approvals/public.js';
import { getApplication, type ApplicationRow } from '../applications/public.js';
import { pilotFacts, scheduleFor } from './pilot-facts.js';
import {
  ROUTE_TRANSITIONS,
  type ContractVersion,
  type LifecycleActionOption,
  type Pilot,
  type PilotCycle,
  type PilotDetail,
  type ScheduleSetting,
} from './pilots.contract.js';
import * as q from './pilots.queries.js';
import { authorityOrganisations, getPilot, insertPilot, listPilots, type PilotRow } from './pilots.queries.js';

export interface ApprovalFacts {
  application: ApplicationRow;
  documentNo: string;
  /** YYYY-MM-DD, the date printed on the 批复. */
  approvalDate: string;
  approvedBy: string;
}

/**
 * Creates the pilot of an approved application, in the approval's transaction: the period (the three
 * years after the approval year), the phase calendar from the configured defaults, version 1 of the
 * contract (the approved plan's targets) and the first event of its cycle.
 */
export async function createPilotForApproval(tx: Tx, f: ApprovalFacts): Promise<string> {
  const year = Number(f.approvalDate.slice(0, 4));
  const app = f.application;
  const name = app.plan.cover.applicant || app.applicantName;
  const cityCodes = app.cities.map((c) => c.cityCode);
  const period = [year + 1, year + 2, year + 3] as const;
  const schedule = scheduleFor(period, f.approvalDate, await scheduleConfig(tx));
  const id = await insertPilot(tx, {
    applicationId: app.id,
    name,
    cityCodes,
    documentNo: f.documentNo,
    approvedAt: new Date(),
    approvalDate: f.approvalDate,
    periodStartYear: period[0],
    periodEndYear: period[2],
    targets: app.plan.targets,
    planVersion: app.version,
    filedAt: new Date(),
    approvedBy: f.approvedBy,
    isDemo: app.isDemo,
    state: 'implementation',
    schedule,
  });
  await q.insertContractVersion(tx, { pilotId: id, version: 1, effectiveFromYear: period[0], name, cityCodes, targets: app.plan.targets, createdBy: f.approvedBy });
  await q.insertPilotEvent(tx, {
    pilotId: id,
    actorId: f.approvedBy,
    action: 'approve',
    fromState: null,
    toState: 'implementation',
    data: { documentNo: f.documentNo, approvalDate: f.approvalDate, contractVersion: 1 },
  });
  return id;
}

export function presentPilot(actor: Actor, p: PilotRow, lifecycleActions: LifecycleActionOption[] = []): Pilot {
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
    state: p.state as PilotState,
    version: p.version,
    contractVersion: p.contractVersion,
    reportFrequency: p.reportFrequency as ReportFrequency,
    lifecycleActions,
    abilities: pilotAbilities(actor, p),
  };
}

/** Pilots for a list, each with the lifecycle actions this user may take now (the facts of all read at once). */
export async function presentPilots(db: Tx, actor: Actor, now: Date, rows: readonly PilotRow[]): Promise<Pilot[]> {
  const facts = await factsOf(db, rows, chinaDate(now));
  return rows.map((p) => presentPilot(actor, p, lifecycleOptions(actor, p, facts.get(p.id))));
}

export async function presentPilotDetail(db: Tx, actor: Actor, now: Date, p: PilotRow): Promise<PilotDetail> {
  const [item] = await presentPilots(db, actor, now, [p]);
  return { ...item!, targets: p.targets };
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

// ---------------------------------------------------------------------------------------------
// The phase calendar and its setting

/** The configured calendar defaults ('pilot_schedule'); a stored value that no longer fits falls back to the built-in ones. */
export async function scheduleConfig(db: Tx): Promise<PhaseScheduleConfig> {
  return (await scheduleSetting(db)).config;
}

/** The setting as the settings page reads it: the calendar and the version a save must name. */
export async function scheduleSetting(db: Tx): Promise<{ config: PhaseScheduleConfig; version: number }> {
  const stored = await q.getScheduleSetting(db);
  const parsed = phaseScheduleConfigSchema.safeParse(stored.value);
  return { config: parsed.success ? parsed.data : DEFAULT_PHASE_SCHEDULE_CONFIG, version: stored.version };
}

/** Stores new defaults: pilots approved from now on get them; stored calendars stay as they are. */
export async function saveScheduleConfig(db: Tx, body: ScheduleSetting, userId: string): Promise<ScheduleSetting> {
  const { version, ...value } = body;
  await q.saveScheduleSetting(db, value, version, userId);
  const saved = await scheduleSetting(db);
  return { ...saved.config, version: saved.version };
}

const periodOf = (p: PilotRow) => [p.periodStartYear, p.periodStartYear + 1, p.periodStartYear + 2] as const;

/** The stored calendar, or one computed from the current setting (pilots approved before calendars were stored). */
function scheduleOf(p: PilotRow, config: PhaseScheduleConfig): PhaseSchedule | null {
  return p.schedule ?? scheduleFor(periodOf(p), p.approvalDate, config);
}

// ---------------------------------------------------------------------------------------------
// Facts, allowed actions and transitions

/** The guards' facts of several pilots at once (four queries, whatever their number). */
async function factsOf(db: Tx, rows: readonly PilotRow[], today: string): Promise<Map<string, PilotFacts>> {
  const out = new Map<string, PilotFacts>();
  if (rows.length === 0) return out;
  const ids = rows.map((p) => p.id);
  // One after another: inside a transaction the handle is one connection, which runs one query at a time.
  const config = await scheduleConfig(db);
  const entries = await q.phaseEntries(db, ids);
  const evals = await q.decidedEvaluations(db, ids);
  const cases = await q.rectificationCaseFacts(db, ids);
  for (const p of rows) {
    out.set(
      p.id,
      pilotFacts({
        state: p.state as PilotState,
        resumePhase: p.resumePhase,
        schedule: scheduleOf(p, config),
        today,
        phaseEntries: entries.filter((e) => e.pilotId === p.id).map((e) => ({ toState: e.toState, at: clockInstantOf(e) })),
        evaluations: evals.filter((e) => e.pilotId === p.id),
        cases: cases.filter((c) => c.pilotId === p.id),
      }),
    );
  }
  return out;
}

/** When, on the server's clock, an event happened: its data's `at` (written by transitionPilot), else when it was written. */
function clockInstantOf(e: { createdAt: Date; data: Record<string, unknown> | null }): Date {
  const at = typeof e.data?.at === 'string' ? new Date(e.data.at) : null;
  return at && !Number.isNaN(at.getTime()) ? at : e.createdAt;
}

const viaOf = (action: PilotLifecycleAction): LifecycleActionOption['via'] =>
  (ROUTE_TRANSITIONS as readonly string[]).includes(action) ? 'transitions' : 'rectification';

function lifecycleOptions(actor: Actor, p: PilotRow, facts: PilotFacts | undefined): LifecycleActionOption[] {
  if (!facts) return [];
  return allowedActions(actor.role, p.state as PilotState, facts).map((o) => ({ ...o, via: viaOf(o.action) }));
}

export interface TransitionInput {
  pilotId: string;
  /** The pilot's version the caller read; omitted by callers that compare-and-set their own row (the rectification case) in the same transaction. */
  version?: number;
  action: PilotLifecycleAction;
  actor: Actor;
  comment?: string | null;
  data?: Record<string, unknown>;
  /** The clock's instant (req.server.clock()): deadlines and the calendar are read on its date in China. */
  now: Date;
  /** Facts only the caller knows (the rectification feature's off-track indicators). */
  facts?: Pick<PilotFacts, 'indicatorsOffTrack'>;
}

export interface TransitionResult {
  pilotId: string;
  version: number;
  from: PilotState;
  state: PilotState;
  resumePhase: PilotPhase | null;
}

/**
 * Carries out one lifecycle transition inside the caller's transaction: scope (404 NOT_FOUND), role
 * (403 FORBIDDEN), version (409 VERSION_CONFLICT with the current version), state (409
 * PILOT_INVALID_TRANSITION) and guards (409, the guard's own code: PHASE_NOT_DUE, EVALUATION_FAILED…),
 * then the compare-and-set of state, return phase and version, and the pilot event. A pilot without
 * a stored calendar keeps the one it was judged by.
 */
export async function transitionPilot(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const pilot = await visiblePilot(tx, input.actor, input.pilotId);
  const today = chinaDate(input.now);
  const facts = { ...(await factsOf(tx, [pilot], today)).get(pilot.id)!, ...input.facts };
  const from = pilot.state as PilotState;
  const d = decidePilotTransition(from, input.action, input.actor.role, facts);
  if (!d.ok && d.reason === 'FORBIDDEN') throw new AppError('FORBIDDEN');
  if (input.version !== undefined && input.version !== pilot.version) throw new AppError('VERSION_CONFLICT', { currentVersion: pilot.version });
  if (!d.ok) {
    const code: ErrorCode = d.reason === 'INVALID_TRANSITION' ? 'PILOT_INVALID_TRANSITION' : d.reason;
    throw new AppError(code, { state: from, action: input.action });
  }
  const schedule = pilot.schedule ?? scheduleOf(pilot, await scheduleConfig(tx));
  const version = await q.casUpdatePilot(tx, pilot.id, pilot.version, { state: d.to, resumePhase: d.returnPhase, schedule });
  if (version === null) throw new AppError('VERSION_CONFLICT', { currentVersion: (await getPilot(tx, pilot.id))?.version ?? pilot.version });
  await q.insertPilotEvent(tx, {
    pilotId: pilot.id,
    actorId: input.actor.id,
    action: input.action,
    fromState: from,
    toState: d.to,
    comment: input.comment || null,
    data: { ...input.data, date: today, at: input.now.toISOString(), ...(d.returnPhase ? { resumePhase: d.returnPhase } : {}) },
  });
  return { pilotId: pilot.id, version, from, state: d.to, resumePhase: d.returnPhase };
}

/**
 * POST /pilots/:id/transitions: the phase moves the planning department makes here. The actions of a
 * rectification case (ordering it, the city's report, passing, suspending, cancelling) answer 409
 * PILOT_TRANSITION_ELSEWHERE, after the scope and role checks, because they need the case's records.
 */
export async function requestTransition(db: Db, actor: Actor, now: Date, pilotId: string, body: { action: PilotLifecycleAction; version: number; comment?: string }) {
  return db.transaction(async (tx) => {
    const pilot = await visiblePilot(tx, actor, pilotId);
    const rule = PILOT_LIFECYCLE.find((r) => r.action === body.action);
    if (!rule || !rule.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
    if (!(ROUTE_TRANSITIONS as readonly string[]).includes(body.action)) throw new AppError('PILOT_TRANSITION_ELSEWHERE', { action: body.action });
    await transitionPilot(tx, { pilotId: pilot.id, version: body.version, action: body.action, actor, comment: body.comment, now });
    return cycleView(tx, actor, now, pilot.id);
  });
}

/** States in which a pilot still runs: its contract can change and its reports are due. */
export const RUNNING_STATES: readonly string[] = ['implementation', 'midterm', 'summary', 'rectification'];

/** PATCH /pilots/:id/reporting: the ministry sets how often a running pilot reports. */
export async function setReportFrequency(db: Db, actor: Actor, now: Date, pilotId: string, body: { reportFrequency: ReportFrequency; version: number }) {
  return db.transaction(async (tx) => {
    const pilot = await visiblePilot(tx, actor, pilotId);
    if (!RUNNING_STATES.includes(pilot.state)) throw new AppError('PILOT_CLOSED');
    if (!pilotAbilities(actor, pilot).includes('setReporting')) throw new AppError('FORBIDDEN');
    if (body.version !== pilot.version) throw new AppError('VERSION_CONFLICT', { currentVersion: pilot.version });
    const version = await q.casUpdatePilot(tx, pilot.id, pilot.version, { reportFrequency: body.reportFrequency });
    if (version === null) throw new AppError('VERSION_CONFLICT', { currentVersion: pilot.version });
    await q.insertPilotEvent(tx, {
      pilotId: pilot.id,
      actorId: actor.id,
      action: 'set_report_frequency',
      fromState: pilot.state,
      toState: pilot.state,
      data: { from: pilot.reportFrequency, to: body.reportFrequency },
    });
    return cycleView(tx, actor, now, pilot.id);
  });
}

/** GET /pilots/:id/cycle: state, calendar, what this user may do now and why not, and the history. */
export async function cycleView(db: Tx, actor: Actor, now: Date, pilotId: string): Promise<PilotCycle> {
  const pilot = await visiblePilot(db, actor, pilotId);
  const today = chinaDate(now);
  // Sequential: called inside transactions too (one connection, one query at a time).
  const facts = await factsOf(db, [pilot], today);
  const config = await scheduleConfig(db);
  const events = await q.listPilotEvents(db, pilot.id);
  return {
    pilotId: pilot.id,
    state: pilot.state as PilotState,
    resumePhase: (pilot.resumePhase as PilotPhase | null) ?? null,
    version: pilot.version,
    today,
    schedule: scheduleOf(pilot, config),
    scheduleStored: pilot.schedule !== null,
    reportFrequency: pilot.reportFrequency as ReportFrequency,
    contractVersion: pilot.contractVersion,
    allowedActions: lifecycleOptions(actor, pilot, facts.get(pilot.id)),
    abilities: pilotAbilities(actor, pilot),
    events: events.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
  };
}

// ---------------------------------------------------------------------------------------------
// The contract, versioned

export interface ContractInForce {
  version: number;
  effectiveFromYear: number;
  name: string;
  cityCodes: string[];
  targets: Plan['targets'];
  amendmentId: string | null;
  createdAt: Date | null;
}

/** Version 1 as the pilot row holds it, for pilots approved before versions were stored. */
function firstVersionOf(p: PilotRow): ContractInForce {
  return { version: 1, effectiveFromYear: p.periodStartYear, name: p.name, cityCodes: p.cityCodes, targets: p.targets, amendmentId: null, createdAt: null };
}

/**
 * The contract in force in `year`: the highest version effective from that year or earlier, against
 * which that year's attainment is computed. A year before the period reads version 1. Null when the
 * pilot does not exist.
 */
export async function contractInForce(db: Tx, pilotId: string, year: number): Promise<ContractInForce | null> {
  const found = await q.contractVersionInForce(db, pilotId, year);
  if (found) return found;
  const pilot = await getPilot(db, pilotId);
  if (!pilot) return null;
  const [first] = await q.listContractVersions(db, pilotId);
  return first ?? firstVersionOf(pilot);
}

/** Every version of a visible pilot's contract, oldest first, marking the one in force on the clock's date. */
export async function contractVersions(db: Tx, actor: Actor, now: Date, pilotId: string): Promise<ContractVersion[]> {
  const pilot = await visiblePilot(db, actor, pilotId);
  const stored = await q.listContractVersions(db, pilot.id);
  const versions: ContractInForce[] = stored.length > 0 ? stored : [firstVersionOf(pilot)];
  const year = Number(chinaDate(now).slice(0, 4));
  const inForce = versions.filter((v) => v.effectiveFromYear <= year).at(-1)?.version ?? 1;
  return versions.map((v) => ({
    version: v.version,
    effectiveFromYear: v.effectiveFromYear,
    name: v.name,
    cityCodes: v.cityCodes,
    cityNames: v.cityCodes.map((c) => getDivision(c)?.name ?? c),
    targets: v.targets,
    amendmentId: v.amendmentId,
    createdAt: v.createdAt ? iso(v.createdAt) : null,
    inForce: v.version === inForce,
  }));
}

export interface ContractChange {
  pilot: PilotRow;
  actor: Actor;
  amendmentId: string;
  effectiveFromYear: number;
  name: string;
  cityCodes: string[];
  targets: Plan['targets'];
}

/**
 * An approved amendment's new contract version (the amendments feature calls it in its decision's
 * transaction): version 1 is stored first where it was not, then version n+1; the pilot's contract
 * version, name and cities change by compare-and-set on its version, and the event is written.
 */
export async function addContractVersion(tx: Tx, c: ContractChange): Promise<{ contractVersion: number; pilotVersion: number }> {
  if ((await q.countContractVersions(tx, c.pilot.id)) === 0) {
    const first = firstVersionOf(c.pilot);
    await q.insertContractVersion(tx, { pilotId: c.pilot.id, version: 1, effectiveFromYear: first.effectiveFromYear, name: first.name, cityCodes: first.cityCodes, targets: first.targets });
  }
  const contractVersion = c.pilot.contractVersion + 1;
  const pilotVersion = await q.casUpdatePilot(tx, c.pilot.id, c.pilot.version, { contractVersion, name: c.name, cityCodes: c.cityCodes });
  if (pilotVersion === null) throw new AppError('VERSION_CONFLICT', { currentVersion: (await getPilot(tx, c.pilot.id))?.version ?? c.pilot.version });
  await q.insertContractVersion(tx, {
    pilotId: c.pilot.id,
    version: contractVersion,
    effectiveFromYear: c.effectiveFromYear,
    name: c.name,
    cityCodes: c.cityCodes,
    targets: c.targets,
    amendmentId: c.amendmentId,
    createdBy: c.actor.id,
  });
  await q.insertPilotEvent(tx, {
    pilotId: c.pilot.id,
    actorId: c.actor.id,
    action: 'amend_contract',
    fromState: c.pilot.state,
    toState: c.pilot.state,
    data: {
      amendmentId: c.amendmentId,
      contractVersion,
      effectiveFromYear: c.effectiveFromYear,
      ...(c.name !== c.pilot.name ? { name: { from: c.pilot.name, to: c.name } } : {}),
      ...(c.cityCodes.join() !== c.pilot.cityCodes.join() ? { cityCodes: { from: c.pilot.cityCodes, to: c.cityCodes } } : {}),
    },
  });
  return { contractVersion, pilotVersion };
}

/** An event of the pilot's history written by another feature of the cycle (amendments). */
export async function recordPilotEvent(
  tx: Tx,
  e: { pilot: PilotRow; actor: Actor; action: string; comment?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await q.insertPilotEvent(tx, {
    pilotId: e.pilot.id,
    actorId: e.actor.id,
    action: e.action,
    fromState: e.pilot.state,
    toState: e.pilot.state,
    comment: e.comment ?? null,
    data: e.data ?? null,
  });
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
