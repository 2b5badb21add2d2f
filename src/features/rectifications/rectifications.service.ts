/**
 * Rectification 限期整改, step by step. The ministry opens a case on a pilot (findings prefilled from
 * the off-track indicators and a failed evaluation's weak items, required actions, a deadline); the
 * pilot enters rectification through the pilots feature's `transitionPilot`, which decides with the
 * one lifecycle table. The city answers with its report and evidence (submit_rectification_report),
 * the province gives its opinion, the ministry re-assesses with a grade: a passing grade passes the
 * case and returns the pilot to the phase it left (pass_rectification); a failing one, or the
 * deadline passing on the server's clock, lets the ministry suspend (中止) and then cancel (通报取消),
 * which issues the public notice. Every step is one transaction: compare-and-set on the case's
 * version (and the pilot's, inside transitionPilot) and an audit row in pilot_events.
 *
 * Decisions:
 * - A case opened without an evaluation rests on the off-track indicators of the latest confirmed
 *   figures: the lifecycle's `indicatorsOffTrack` fact, which the server sets only when this module
 *   has found at least one such indicator (the client's findings text alone never opens a case).
 * - The re-assessment follows the province's opinion, so each level has spoken before the ministry
 *   decides (部省市联动). A passing grade closes the case in the same step: there is nothing left to
 *   decide, and a second button would only let the two drift apart.
 * - Suspending a case that was still open (the deadline passed) marks it failed, so the cancellation
 *   that follows always rests on a failed case.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { iso } from '../../shared/contract/wire.js';
import { GRADES, type Grade } from '../../shared/monitoring/evaluation.js';
import { PILOT_PHASES, rectificationDeadline, type PilotState } from '../../shared/monitoring/pilot-lifecycle.js';
import {
  canSeeRectification,
  pilotRectificationAbilities,
  rectificationAbilities,
  type RectificationAction,
  type RectificationCaseStatus,
} from '../../shared/permissions/rectification-scope.js';
import { can, type Permission } from '../../shared/permissions/policy.js';
import type { Actor } from '../../shared/roles/roles.js';
import { renderPublicNoticeDocx, renderPublicNoticePdf } from '../approvals/public.js';
import { calendarConfig, getPilotRow, pilotTransition, recordPilotEvent, type PilotRow } from './pilot-bridge.js';
import type {
  AnswerInput,
  CancelInput,
  EvidenceFile,
  Finding,
  OpenCaseInput,
  OpinionInput,
  PilotCases,
  Proposal,
  PublicNotice,
  ReassessInput,
  RectificationCase,
  SuspendInput,
} from './rectifications.contract.js';
import { evaluationFindings, offTrackFindings } from './rectifications.findings.js';
import { cancellationNotice, NOTICE_ADDRESSEES, NOTICE_COPY_TO, nextDocumentNo } from './rectifications.notice.js';
import {
  casesOfPilot,
  casUpdateCase,
  documentNosLike,
  documentNoTaken,
  evaluationsByIds,
  EVIDENCE_PURPOSE,
  getCase,
  getEvaluation,
  getNotice,
  getPilotFile,
  insertCase,
  insertNotice,
  insertPilotFile,
  lastEvent,
  listNotices,
  noticesOfPilots,
  pilotFilesByIds,
  type CaseRow,
  type EvaluationRow,
  type NoticeRow,
  type PilotFileRow,
} from './rectifications.queries.js';

/** The business day on the server's clock (chinaDate(clock())), and the instant for timestamps. */
export interface Today {
  date: string;
  now: Date;
}

const asGrade = (g: string | null): Grade | null => ((GRADES as readonly string[]).includes(g ?? '') ? (g as Grade) : null);
const OPEN_STATUSES: readonly RectificationCaseStatus[] = ['open', 'answered', 'province_reviewed'];

function conflict(currentVersion: number) {
  return new AppError('VERSION_CONFLICT', { currentVersion });
}

/** The pilot, if the actor may see its cases; one outside the scope is "not found". */
async function pilotInScope(db: Tx, actor: Actor, pilotId: string): Promise<PilotRow> {
  const pilot = await getPilotRow(db, actor, pilotId);
  if (!pilot || !canSeeRectification(actor, pilot)) throw new AppError('NOT_FOUND');
  return pilot;
}

async function caseInScope(db: Tx, actor: Actor, id: string): Promise<{ c: CaseRow; pilot: PilotRow }> {
  const c = await getCase(db, id);
  if (!c) throw new AppError('NOT_FOUND');
  const pilot = await getPilotRow(db, actor, c.pilotId);
  if (!pilot || !canSeeRectification(actor, pilot)) throw new AppError('NOT_FOUND');
  return { c, pilot };
}

function overdue(c: CaseRow, today: Today): boolean {
  return OPEN_STATUSES.includes(c.status as RectificationCaseStatus) && today.date > c.deadline;
}

function abilitiesOf(actor: Actor, c: CaseRow, pilot: PilotRow, today: Today): RectificationAction[] {
  return rectificationAbilities(actor, {
    cityCodes: pilot.cityCodes,
    status: c.status as RectificationCaseStatus,
    pilotState: pilot.state,
    deadlinePassed: today.date > c.deadline,
  });
}

/** The permission behind each action: a role without it is refused with 403, one with it but out of turn with 409. */
const ACTION_PERMISSION: Record<RectificationAction, Permission> = {
  answer: 'rectification.answer',
  uploadEvidence: 'rectification.answer',
  giveOpinion: 'rectification.opinion',
  reassess: 'rectification.manage',
  suspend: 'rectification.manage',
  cancel: 'rectification.manage',
};

function demand(actor: Actor, c: CaseRow, pilot: PilotRow, today: Today, action: RectificationAction) {
  if (abilitiesOf(actor, c, pilot, today).includes(action)) return;
  if (!can(actor.role, ACTION_PERMISSION[action])) throw new AppError('FORBIDDEN');
  throw new AppError('RECTIFICATION_INVALID_STATE', { status: c.status, pilotState: pilot.state });
}

function presentNotice(n: NoticeRow): PublicNotice {
  return {
    id: n.id,
    kind: n.kind,
    pilotId: n.pilotId,
    documentNo: n.documentNo,
    title: n.title,
    body: n.body,
    issuedOn: n.issuedOn,
    published: n.published,
    publishedAt: iso(n.publishedAt),
    isDemo: n.isDemo,
  };
}

function presentFile(f: PilotFileRow): EvidenceFile {
  return { id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size, createdAt: iso(f.createdAt) };
}

async function present(db: Tx, actor: Actor, rows: CaseRow[], pilot: PilotRow, today: Today): Promise<RectificationCase[]> {
  const evaluations = await evaluationsByIds(db, rows.map((r) => r.evaluationId).filter((id): id is string => id !== null));
  const files = await pilotFilesByIds(db, rows.flatMap((r) => r.responseFileIds));
  const notices = pilot.state === 'cancelled' ? await noticesOfPilots(db, [pilot.id]) : [];
  const latest = rows.reduce<CaseRow | null>((a, r) => (a === null || r.createdAt > a.createdAt ? r : a), null);
  return rows.map((c) => {
    const ev = evaluations.find((e) => e.id === c.evaluationId) ?? null;
    // The notice belongs to the failed case the cancellation rested on: the pilot's latest.
    const notice = c.id === latest?.id ? (notices.find((n) => n.kind === 'cancellation') ?? null) : null;
    return {
      id: c.id,
      pilot: { id: pilot.id, name: pilot.name, state: pilot.state as PilotState, version: pilot.version },
      origin: c.origin as RectificationCase['origin'],
      evaluation: ev ? { id: ev.id, grade: asGrade(ev.grade), totalScore: ev.totalScore } : null,
      findings: c.findings as Finding[],
      requiredActions: c.requiredActions,
      deadline: c.deadline,
      overdue: overdue(c, today),
      status: c.status as RectificationCaseStatus,
      resumePhase: c.resumePhase,
      response: c.response,
      evidence: c.responseFileIds.map((id) => files.find((f) => f.id === id)).filter((f): f is PilotFileRow => f !== undefined).map(presentFile),
      respondedAt: iso(c.respondedAt),
      provinceOpinion: c.provinceOpinion,
      provinceReviewedAt: iso(c.provinceReviewedAt),
      reassessment: c.reassessment,
      reassessmentGrade: asGrade(c.reassessmentGrade),
      reassessedAt: iso(c.reassessedAt),
      version: c.version,
      createdAt: iso(c.createdAt),
      isDemo: c.isDemo,
      notice: notice && (notice.published || seesUnpublished(actor)) ? presentNotice(notice) : null,
      abilities: abilitiesOf(actor, c, pilot, today),
    };
  });
}

export async function presentCase(db: Tx, actor: Actor, id: string, today: Today): Promise<RectificationCase> {
  const { c, pilot } = await caseInScope(db, actor, id);
  return (await present(db, actor, [c], pilot, today))[0]!;
}

export async function pilotCases(db: Tx, actor: Actor, pilotId: string, today: Today): Promise<PilotCases> {
  const pilot = await pilotInScope(db, actor, pilotId);
  return { items: await present(db, actor, await casesOfPilot(db, pilot.id), pilot, today), abilities: pilotRectificationAbilities(actor, pilot) };
}

/** The evaluation a case is opened from: the pilot's own, decided, and failed. */
async function failedEvaluation(db: Tx, pilot: PilotRow, evaluationId: string): Promise<EvaluationRow> {
  const ev = await getEvaluation(db, evaluationId);
  if (!ev || ev.pilotId !== pilot.id || ev.status !== 'decided') throw new AppError('RECTIFICATION_EVALUATION_INVALID');
  if (ev.grade !== 'fail') throw new AppError('EVALUATION_NOT_FAILED');
  return ev;
}

export async function proposal(db: Tx, actor: Actor, pilotId: string, evaluationId: string | undefined, today: Today): Promise<Proposal> {
  const pilot = await pilotInScope(db, actor, pilotId);
  if (!can(actor.role, 'rectification.manage')) throw new AppError('FORBIDDEN');
  const ev = evaluationId ? await failedEvaluation(db, pilot, evaluationId) : null;
  const indicators = await offTrackFindings(db, pilot);
  return {
    origin: ev ? 'evaluation' : 'indicators',
    evaluation: ev ? { id: ev.id, grade: asGrade(ev.grade), totalScore: ev.totalScore } : null,
    findings: [...(ev ? evaluationFindings(ev) : []), ...indicators],
    indicatorsOffTrack: indicators.length > 0,
    deadline: rectificationDeadline(today.date, await calendarConfig(db)),
  };
}

export async function openCase(db: Db, actor: Actor, pilotId: string, input: OpenCaseInput, today: Today): Promise<RectificationCase> {
  return db.transaction(async (tx) => {
    const pilot = await pilotInScope(tx, actor, pilotId);
    const caseId = await openCaseIn(tx, actor, pilot, input, today);
    return presentCase(tx, actor, caseId, today);
  });
}

/**
 * Opens a case inside the caller's transaction (the evaluation's decision opens one for a 不合格
 * grade): the pilot's compare-and-set and the lifecycle's verdict are transitionPilot's. Returns the case id.
 */
export async function openCaseIn(tx: Tx, actor: Actor, pilot: PilotRow, input: OpenCaseInput, today: Today): Promise<string> {
  if (!can(actor.role, 'rectification.manage')) throw new AppError('FORBIDDEN');
  if (pilot.version !== input.version) throw conflict(pilot.version);
  if (!(PILOT_PHASES as readonly string[]).includes(pilot.state)) throw new AppError('PILOT_INVALID_TRANSITION');
  const ev = input.evaluationId ? await failedEvaluation(tx, pilot, input.evaluationId) : null;
  const indicators = ev ? [] : await offTrackFindings(tx, pilot);
  const deadline = input.deadline ?? rectificationDeadline(today.date, await calendarConfig(tx));
  if (deadline <= today.date) throw new AppError('RECTIFICATION_DEADLINE_INVALID');
  const origin = ev ? 'evaluation' : indicators.length > 0 ? 'indicators' : 'manual';
  const caseId = await insertCase(tx, {
    pilotId: pilot.id,
    evaluationId: ev?.id ?? null,
    origin,
    findings: input.findings,
    requiredActions: input.requiredActions,
    deadline,
    status: 'open',
    resumePhase: pilot.state,
    openedBy: actor.id,
    isDemo: pilot.isDemo,
  });
  // Without a failed evaluation and without off-track indicators the lifecycle refuses (EVALUATION_NOT_FAILED).
  await pilotTransition(tx, {
    pilotId: pilot.id,
    version: input.version,
    now: today.now,
    action: 'order_rectification',
    actor,
    comment: input.comment ?? null,
    data: { caseId, origin, deadline, evaluationId: ev?.id ?? null, findings: input.findings.length },
    indicatorsOffTrack: indicators.length > 0,
  });
  return caseId;
}

/** One step on a case: the case's compare-and-set, then what the step changes. */
async function step<T>(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  today: Today,
  action: RectificationAction,
  run: (tx: Tx, c: CaseRow, pilot: PilotRow) => Promise<T>,
): Promise<RectificationCase> {
  return db.transaction(async (tx) => {
    const { c, pilot } = await caseInScope(tx, actor, id);
    demand(actor, c, pilot, today, action);
    if (c.version !== version) throw conflict(c.version);
    await run(tx, c, pilot);
    return presentCase(tx, actor, id, today);
  });
}

async function cas(tx: Tx, c: CaseRow, patch: Parameters<typeof casUpdateCase>[3]) {
  const v = await casUpdateCase(tx, c.id, c.version, patch);
  if (v === null) throw conflict(c.version);
  return v;
}

export async function answerCase(db: Db, actor: Actor, id: string, input: AnswerInput, today: Today) {
  return step(db, actor, id, input.version, today, 'answer', async (tx, c, pilot) => {
    const files = await pilotFilesByIds(tx, input.fileIds);
    const ok = input.fileIds.every((fid) => files.some((f) => f.id === fid && f.pilotId === pilot.id && f.purpose === EVIDENCE_PURPOSE));
    if (!ok) throw new AppError('RECTIFICATION_FILE_INVALID');
    await cas(tx, c, { response: input.response, responseFileIds: [...new Set(input.fileIds)], respondedAt: today.now, respondedBy: actor.id, status: 'answered' });
    await pilotTransition(tx, {
      pilotId: pilot.id,
      now: today.now,
      action: 'submit_rectification_report',
      actor,
      comment: null,
      data: { caseId: c.id, files: input.fileIds.length },
    });
  });
}

export async function giveOpinion(db: Db, actor: Actor, id: string, input: OpinionInput, today: Today) {
  return step(db, actor, id, input.version, today, 'giveOpinion', async (tx, c, pilot) => {
    await cas(tx, c, { provinceOpinion: input.opinion, provinceReviewedAt: today.now, status: 'province_reviewed' });
    await recordPilotEvent(tx, { pilotId: pilot.id, actorId: actor.id, action: 'rectification_opinion', state: pilot.state, comment: input.opinion, data: { caseId: c.id } });
  });
}

export async function reassessCase(db: Db, actor: Actor, id: string, input: ReassessInput, today: Today) {
  return step(db, actor, id, input.version, today, 'reassess', async (tx, c, pilot) => {
    const passed = input.grade !== 'fail';
    // The grade is on the case before the transition, so the lifecycle's guard reads it.
    const v = await cas(tx, c, { reassessment: input.reassessment, reassessmentGrade: input.grade, reassessedAt: today.now, reassessedBy: actor.id, status: passed ? 'province_reviewed' : 'failed' });
    if (passed) {
      await pilotTransition(tx, {
        pilotId: pilot.id,
        now: today.now,
        action: 'pass_rectification',
        actor,
        comment: input.reassessment,
        data: { caseId: c.id, grade: input.grade },
      });
      const closed = await casUpdateCase(tx, c.id, v, { status: 'passed' });
      if (closed === null) throw conflict(v);
    } else {
      await recordPilotEvent(tx, {
        pilotId: pilot.id,
        actorId: actor.id,
        action: 'rectification_reassessment',
        state: pilot.state,
        comment: input.reassessment,
        data: { caseId: c.id, grade: input.grade },
      });
    }
  });
}

export async function suspendPilot(db: Db, actor: Actor, id: string, input: SuspendInput, today: Today) {
  return step(db, actor, id, input.version, today, 'suspend', async (tx, c, pilot) => {
    const reason = c.status === 'failed' ? 'reassessment_failed' : 'deadline_passed';
    await cas(tx, c, { status: 'failed' });
    await pilotTransition(tx, { pilotId: pilot.id, now: today.now, action: 'suspend', actor, comment: input.comment, data: { caseId: c.id, reason } });
  });
}

async function documentNoFor(tx: Tx, requested: string | undefined, year: number): Promise<string> {
  if (requested) {
    if (await documentNoTaken(tx, requested)) throw new AppError('NOTICE_DOCUMENT_NO_TAKEN');
    return requested;
  }
  return nextDocumentNo(year, await documentNosLike(tx, `工信部规〔${year}〕`));
}

export async function cancelPilot(db: Db, actor: Actor, id: string, input: CancelInput, today: Today) {
  return step(db, actor, id, input.version, today, 'cancel', async (tx, c, pilot) => {
    const documentNo = await documentNoFor(tx, input.documentNo, Number(today.date.slice(0, 4)));
    const suspendedOn = (await eventDay(tx, pilot, 'suspend')) ?? today.date;
    const words = cancellationNotice({
      cityName: pilot.name.replace(/人民政府$/, ''),
      approvalDocumentNo: pilot.documentNo,
      approvalDate: pilot.approvalDate,
      orderedOn: (await eventDay(tx, pilot, 'order_rectification')) ?? chinaDate(c.createdAt),
      deadline: c.deadline,
      reassessmentFailed: c.reassessmentGrade === 'fail',
      suspendedOn,
    });
    // Touch the case so a concurrent step on it conflicts.
    await cas(tx, c, {});
    await pilotTransition(tx, { pilotId: pilot.id, now: today.now, action: 'cancel', actor, comment: input.comment, data: { caseId: c.id, documentNo } });
    await insertNotice(tx, {
      kind: 'cancellation',
      pilotId: pilot.id,
      documentNo,
      title: words.title,
      body: words.body,
      issuedOn: today.date,
      published: input.publish,
      publishedAt: input.publish ? today.now : null,
      createdBy: actor.id,
      isDemo: pilot.isDemo,
    });
  });
}

/**
 * The business day of the pilot's latest `action`, from its audit trail (the notice cites when the
 * case was ordered and the pilot suspended). transitionPilot records the day on the server's clock
 * in the event's data (`date`); the row's own timestamp is the fallback.
 */
async function eventDay(tx: Tx, pilot: PilotRow, action: string): Promise<string | null> {
  const e = await lastEvent(tx, pilot.id, action);
  if (!e) return null;
  return typeof e.data?.date === 'string' ? e.data.date : chinaDate(e.at);
}

// ---------------------------------------------------------------------------------------------
// Evidence files (佐证材料)

export async function evidenceTarget(db: Tx, actor: Actor, caseId: string, today: Today): Promise<{ c: CaseRow; pilot: PilotRow }> {
  const { c, pilot } = await caseInScope(db, actor, caseId);
  demand(actor, c, pilot, today, 'uploadEvidence');
  return { c, pilot };
}

export async function recordEvidence(
  db: Db,
  actor: Actor,
  caseId: string,
  file: { sha256: string; filename: string; mimeType: string; size: number },
  today: Today,
): Promise<EvidenceFile> {
  return db.transaction(async (tx) => {
    const { c, pilot } = await evidenceTarget(tx, actor, caseId, today);
    const row = await insertPilotFile(tx, { pilotId: pilot.id, purpose: EVIDENCE_PURPOSE, ...file, uploadedBy: actor.id });
    await recordPilotEvent(tx, {
      pilotId: pilot.id,
      actorId: actor.id,
      action: 'rectification_evidence',
      state: pilot.state,
      comment: null,
      data: { caseId: c.id, fileId: row.id, filename: file.filename, size: file.size, sha256: file.sha256 },
    });
    return presentFile(row);
  });
}

/** An evidence file of a case the actor may see (the city's own uploads before it answers, too). */
export async function evidenceFile(db: Tx, actor: Actor, caseId: string, fileId: string): Promise<PilotFileRow> {
  const { c, pilot } = await caseInScope(db, actor, caseId);
  const f = await getPilotFile(db, fileId);
  if (!f || f.pilotId !== pilot.id || f.purpose !== EVIDENCE_PURPOSE) throw new AppError('NOT_FOUND');
  // Before the answer, uploads are the city's working files; others see what the answer names.
  if (!c.responseFileIds.includes(f.id) && actor.role !== 'city_applicant') throw new AppError('NOT_FOUND');
  return f;
}

// ---------------------------------------------------------------------------------------------
// Public notices (通报)

/** The ministry sees every notice; everyone else only those marked for publication. */
function seesUnpublished(actor: Actor): boolean {
  return actor.role === 'ministry_planning' || actor.role === 'ministry_department';
}

export async function noticesFor(db: Tx, actor: Actor): Promise<PublicNotice[]> {
  return (await listNotices(db, { publishedOnly: !seesUnpublished(actor) })).map(presentNotice);
}

async function visibleNotice(db: Tx, actor: Actor, id: string): Promise<NoticeRow> {
  const n = await getNotice(db, id);
  if (!n || (!n.published && !seesUnpublished(actor))) throw new AppError('NOT_FOUND');
  return n;
}

export async function noticeFor(db: Tx, actor: Actor, id: string): Promise<PublicNotice> {
  return presentNotice(await visibleNotice(db, actor, id));
}

export type NoticeFormat = 'docx' | 'pdf';

export async function noticeFile(db: Tx, actor: Actor, id: string, format: NoticeFormat): Promise<{ buffer: Buffer; filename: string; asciiFilename: string }> {
  const n = await visibleNotice(db, actor, id);
  const data = { documentNo: n.documentNo, title: n.title, body: n.body, issuedOn: n.issuedOn, addressees: NOTICE_ADDRESSEES, copyTo: NOTICE_COPY_TO };
  const buffer = format === 'docx' ? await renderPublicNoticeDocx(data) : await renderPublicNoticePdf(data);
  return { buffer, filename: `${n.title}.${format}`, asciiFilename: `notice-${n.issuedOn}.${format}` };
}
