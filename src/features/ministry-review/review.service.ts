/**
 * The ministry review: proposing and confirming expert panels, declarations and recusals, scoring
 * with hidden scores, departmental opinions, discussion, re-scoring, and the decision that turns an
 * application into a pilot city. Every state change is one transaction with an audit event.
 */
import type { Db } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import { decideTransition, type ApplicationAction, type ApplicationState } from '../../shared/lifecycle/application-lifecycle.js';
import {
  canDiscuss,
  canReadPlan,
  canSeePanelScores,
  declareRefusal,
  memberAbilities,
  opinionRefusal,
  promoteRefusal,
  recuseRefusal,
  rescoreRefusal,
  reviewAbilities,
  scoreRefusal,
  seatAbilities,
  type SeatFacts,
} from '../../shared/permissions/review-scope.js';
import type { DepartmentStance, PanelStatus, SeatRole } from '../../shared/review/review-terms.js';
import type { Actor, Role } from '../../shared/roles/roles.js';
import { aggregateApplication, normaliseByExpert, percentileAgainstEarlier } from '../../shared/review/aggregation.js';
import { assignPanels } from '../../shared/review/assignment/assign-panels.js';
import { applicationFromPlan, findConflicts, type ExpertForConflicts, type RelationKind } from '../../shared/review/conflicts.js';
import { expertiseMatch, uncoveredIndustries } from '../../shared/review/expertise-cost.js';
import { rubricSchema, scoreSheetSchemaFor, weightedTotal, type Opinion, type Rubric } from '../../shared/review/rubric.js';
import type { Tx } from '../../db/client.js';
import { casUpdateApplication, getApplication, insertEvent, loadVisible, type ApplicationRow } from '../applications/public.js';
import { createPilotForApproval, documentNoTaken } from '../pilots/public.js';
import { getDivision } from '../../shared/reference/divisions.js';
import { isOverdue } from '../../shared/notifications/reminder-rules.js';
import * as q from './review.queries.js';
import { applicationScoresXlsx, expertScoresXlsx } from './review-exports.js';
import { getReviewSettings } from './review-settings.js';
import type { Assignment, AssignmentDetail, Exclusion, PanelScores, Proposal, ReviewOverview, ScoreSheet } from './review.contract.js';

export const DEFAULT_BACKUPS = 2;

/** A seat that still owes scores in the current round: a member, not recused, no sheet yet. */
function owesScores(seat: { role: string; recusedAt: Date | null; expertId: string }, sheets: readonly { expertId: string }[]): boolean {
  return seat.role === 'member' && !seat.recusedAt && !sheets.some((s) => s.expertId === seat.expertId);
}

export function toConflictExpert(e: q.ExpertRow): ExpertForConflicts {
  return {
    id: e.id,
    name: e.name,
    organisation: e.organisation,
    provinceCode: e.provinceCode,
    cityCode: e.cityCode ?? e.provinceCode,
    declaredRelations: e.relations.map((r) => ({ cityCode: r.cityCode, kind: r.kind as RelationKind, note: r.note })),
  };
}

/** The facts of a seat the review scope decides on; `submitted` is about the panel's current round. */
function seatFactsOf(seat: { role: string; declaredAt: Date | null; recusedAt: Date | null }, submitted: boolean): SeatFacts {
  return { role: seat.role, declared: seat.declaredAt !== null, recused: seat.recusedAt !== null, submitted };
}

// Presenters: what leaves the server, in the contract's wire shape (dates as ISO strings).

type SheetRow = Awaited<ReturnType<typeof q.listSheets>>[number];
type CommentRow = Awaited<ReturnType<typeof q.listComments>>[number];
type OpinionRow = Awaited<ReturnType<typeof q.listDepartmentOpinions>>[number];

function presentSheet(s: SheetRow): ScoreSheet {
  return {
    expertId: s.expertId,
    expertName: s.expertName,
    organisation: s.organisation,
    round: s.round,
    scores: s.scores,
    opinion: s.opinion as Opinion,
    comments: s.comments,
    total: s.total / 100,
    submittedAt: iso(s.submittedAt),
  };
}

const presentComment = (c: CommentRow) => ({ id: c.id, body: c.body, createdAt: iso(c.createdAt), authorName: c.authorName, authorRole: c.authorRole as Role });

const presentOpinion = (o: OpinionRow) => ({
  organisationName: o.organisationName,
  authorName: o.authorName,
  stance: o.stance as DepartmentStance,
  opinion: o.opinion,
  createdAt: iso(o.createdAt),
});

const divisionName = (code: string) => getDivision(code)?.name;

function conflictsOf(expert: q.ExpertRow, app: ApplicationRow) {
  return findConflicts(toConflictExpert(expert), applicationFromPlan(app.id, app.plan), { divisionName });
}

function keyIndustriesOf(app: ApplicationRow): string[] {
  return app.plan.keyIndustries.map((k) => k.name).filter((n) => n.trim() !== '');
}

// ---------------------------------------------------------------------------------------------
// Proposal

export interface ProposalInput {
  applicationIds: string[];
  panelSize: number;
  backups?: number;
  balanceWeight?: number;
}

/** Proposes panels for one or many received applications; writes nothing. */
export async function proposePanels(db: Db, actor: Actor, input: ProposalInput): Promise<Proposal> {
  const apps: ApplicationRow[] = [];
  for (const id of [...new Set(input.applicationIds)]) {
    const app = await loadVisible(db, actor, id);
    if (app.status !== 'received') throw new AppError('INVALID_TRANSITION', { applicationId: id, status: app.status });
    apps.push(app);
  }
  const pool = await q.listAvailableExperts(db);
  const loads = await q.currentLoads(db);
  const allowed: { app: number; expert: number; cost: number }[] = [];
  const exclusions: Exclusion[] = [];
  const matches = new Map<string, ReturnType<typeof expertiseMatch>>();
  apps.forEach((app, a) => {
    const industries = keyIndustriesOf(app);
    pool.forEach((expert, e) => {
      const conflicts = conflictsOf(expert, app);
      if (conflicts.length) {
        exclusions.push({
          applicationId: app.id,
          expertId: expert.id,
          expertName: expert.name,
          rules: [...new Set(conflicts.map((c) => c.rule))],
          explanations: conflicts.map((c) => c.explanation),
        });
        return;
      }
      const m = expertiseMatch(expert.fields, industries);
      matches.set(`${a}:${e}`, m);
      allowed.push({ app: a, expert: e, cost: m.cost });
    });
  });
  const result = assignPanels({
    applications: apps.map((app) => ({ id: app.id, panelSize: input.panelSize })),
    experts: pool.map((e) => ({ id: e.id, cap: Math.max(0, e.loadCap - (loads.get(e.id) ?? 0)) })),
    allowed,
    balanceWeight: input.balanceWeight ?? 1,
    backups: input.backups ?? DEFAULT_BACKUPS,
  });
  const expertIndex = new Map(pool.map((e, i) => [e.id, i]));
  const describe = (a: number, expertId: string, cost: number) => {
    const e = pool[expertIndex.get(expertId)!]!;
    const m = matches.get(`${a}:${expertIndex.get(expertId)}`);
    const load = loads.get(expertId) ?? 0;
    return {
      expertId,
      name: e.name,
      organisation: e.organisation,
      title: e.title,
      fields: e.fields,
      cost,
      reasons: [
        ...(m?.reasons ?? []),
        { zh: `无回避情形；当前评审任务 ${load} 项，上限 ${e.loadCap} 项`, en: `No conflict of interest; current load ${load} of ${e.loadCap}` },
      ],
    };
  };
  return {
    feasible: result.feasible,
    totalCost: result.totalCost,
    panels: result.panels.map((p, a) => {
      const members = p.experts.map((x) => describe(a, x.expertId, x.cost));
      return {
        applicationId: p.appId,
        title: apps[a]!.title,
        members,
        backups: p.backups.map((x) => describe(a, x.expertId, x.cost)),
        shortfall: p.shortfall,
        uncoveredIndustries: uncoveredIndustries(keyIndustriesOf(apps[a]!), members.map((m) => m.fields)),
      };
    }),
    exclusions,
  };
}

// ---------------------------------------------------------------------------------------------
// Confirming a panel opens the review

export interface ConfirmInput {
  version: number;
  deadline: string;
  members: string[];
  backups: string[];
  reasons?: Record<string, { zh: string; en: string }[]>;
  rubric?: Rubric;
}

/** `now`: the instant the panel is confirmed, which the deadline must follow (the demo seed replays history); defaults to the present. */
export async function confirmPanel(db: Db, actor: Actor, applicationId: string, input: ConfirmInput, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, applicationId);
    const decision = decideTransition(app.status, 'open_review', actor.role, { blockingFindings: 0, actorAuthorityPending: false, otherAuthoritiesPending: 0 });
    if (!decision.ok) throw new AppError(decision.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_TRANSITION');
    if (app.version !== input.version) throw new AppError('VERSION_CONFLICT', { currentVersion: app.version });
    const all = [...input.members, ...input.backups];
    if (new Set(all).size !== all.length) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'members', message: 'an expert appears twice' }] });
    const deadline = new Date(input.deadline);
    if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime()) {
      throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'deadline', message: 'the deadline must be in the future' }] });
    }
    const rubric = rubricSchema.parse(input.rubric ?? (await getReviewSettings(tx)).rubric);
    const found = await q.getExpertsByIds(tx, all);
    if (found.length !== all.length) throw new AppError('NOT_FOUND', { experts: all.filter((id) => !found.some((e) => e.id === id)) });
    const conflicts = found.flatMap((e) => conflictsOf(e, app));
    if (conflicts.length) throw new AppError('CONFLICT_OF_INTEREST', { conflicts });
    const unavailable = found.filter((e) => !e.available).map((e) => e.name);
    if (unavailable.length) throw new AppError('EXPERT_UNAVAILABLE', { experts: unavailable });
    const loads = await q.currentLoads(tx);
    const over = found.filter((e) => input.members.includes(e.id) && (loads.get(e.id) ?? 0) + 1 > e.loadCap).map((e) => e.name);
    if (over.length) throw new AppError('EXPERT_OVER_CAPACITY', { experts: over });

    const v = await casUpdateApplication(tx, app.id, { version: input.version, status: app.status }, { status: decision.to });
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: app.version });
    const panelId = await q.insertPanel(tx, {
      applicationId: app.id,
      panelSize: input.members.length,
      deadline,
      rubric: rubric as unknown as Record<string, unknown>,
      createdBy: actor.id,
    });
    const byId = new Map(found.map((e) => [e.id, e]));
    const industries = keyIndustriesOf(app);
    const seat = (expertId: string, role: 'member' | 'backup') => {
      const match = expertiseMatch(byId.get(expertId)!.fields, industries);
      const reasons = input.reasons?.[expertId] ?? [...match.reasons, { zh: '由规划司确认', en: 'Confirmed by the planning department' }];
      return { panelId, expertId, role, cost: match.cost, reasons };
    };
    await q.insertMembers(tx, [...input.members.map((id) => seat(id, 'member')), ...input.backups.map((id) => seat(id, 'backup'))]);
    await insertEvent(tx, {
      applicationId: app.id,
      actorId: actor.id,
      action: 'open_review',
      fromStatus: app.status,
      toStatus: decision.to,
      data: { panelId, members: input.members.map((id) => byId.get(id)!.name), backups: input.backups.map((id) => byId.get(id)!.name), deadline: deadline.toISOString() },
    });
    await q.notify(
      tx,
      input.members
        .map((id) => byId.get(id)!)
        .filter((e) => e.userId)
        .map((e) => ({
          userId: e.userId!,
          kind: 'assigned',
          dedupeKey: `assigned:${panelId}:${e.id}`,
          title: { zh: `您被邀请评审：${app.title}`, en: `You are invited to review: ${app.title}` },
          link: `/review/${panelId}`,
        })),
    );
    return { panelId, version: v, status: decision.to };
  });
}

// ---------------------------------------------------------------------------------------------
// The expert's side

async function expertOf(db: Tx, actor: Actor) {
  const expert = await q.getExpertByUser(db, actor.id);
  if (!expert) throw new AppError('FORBIDDEN');
  return expert;
}

/** The panel and the actor's seat on it; a panel the expert does not sit on is "not found". */
async function seatOf(db: Tx, actor: Actor, panelId: string) {
  const expert = await expertOf(db, actor);
  const panel = await q.getPanel(db, panelId);
  const seat = panel ? await q.getMembership(db, panelId, expert.id) : null;
  if (!panel || !seat) throw new AppError('NOT_FOUND');
  return { expert, panel, seat };
}

export async function myAssignments(db: Db, actor: Actor): Promise<Assignment[]> {
  const expert = await expertOf(db, actor);
  const rows = await q.listAssignments(db, expert.id);
  const now = new Date();
  return rows.map((r) => {
    const submitted = r.submittedRound !== null && r.submittedRound >= r.scoreRound;
    const owes = r.role === 'member' && !r.recusedAt;
    const panel = { status: r.status as PanelStatus };
    return {
      panelId: r.panelId,
      applicationId: r.applicationId,
      deadline: iso(r.deadline),
      status: panel.status,
      scoreRound: r.scoreRound,
      role: r.role as SeatRole,
      declaredAt: iso(r.declaredAt),
      recusedAt: iso(r.recusedAt),
      title: r.title,
      refNo: r.refNo,
      applicationStatus: r.applicationStatus as ApplicationState,
      submittedRound: r.submittedRound,
      submitted,
      overdue: r.status === 'open' && owes && isOverdue(r.deadline, now, submitted),
      abilities: seatAbilities(actor, seatFactsOf(r, submitted), panel),
    };
  });
}

export async function assignmentDetail(db: Db, actor: Actor, panelId: string): Promise<AssignmentDetail> {
  const { expert, panel, seat } = await seatOf(db, actor, panelId);
  const app = await getApplicationUnscoped(db, panel.applicationId);
  const sheets = await q.listSheets(db, panelId, panel.scoreRound);
  const mine = sheets.find((s) => s.expertId === expert.id) ?? null;
  const facts = seatFactsOf(seat, mine !== null);
  const open = canReadPlan(facts);
  const owes = seat.role === 'member' && !seat.recusedAt;
  return {
    panel: { id: panel.id, deadline: iso(panel.deadline), status: panel.status as PanelStatus, scoreRound: panel.scoreRound, rubric: rubricSchema.parse(panel.rubric) },
    seat: {
      role: seat.role as SeatRole,
      declaredAt: iso(seat.declaredAt),
      recusedAt: iso(seat.recusedAt),
      recusalReason: seat.recusalReason,
      submitted: facts.submitted,
      overdue: panel.status === 'open' && owes && isOverdue(panel.deadline, new Date(), facts.submitted),
    },
    application: { id: app.id, refNo: app.refNo, title: app.title, applicantName: app.applicantName, cityCodes: app.cities.map((c) => c.cityCode) },
    // The plan opens only after the expert has declared no conflict of interest.
    plan: open ? app.plan : null,
    mySheet: mine ? presentSheet(mine) : null,
    // The discussion opens with the plan.
    comments: open ? (await q.listComments(db, app.id)).map(presentComment) : [],
    abilities: seatAbilities(actor, facts, { status: panel.status }),
  };
}

/** The application behind a panel seat: the seat itself is the expert's scope. */
async function getApplicationUnscoped(db: Tx, id: string) {
  const app = await getApplication(db, id);
  if (!app) throw new AppError('NOT_FOUND');
  return app;
}

export async function declareNoConflict(db: Db, actor: Actor, panelId: string) {
  return db.transaction(async (tx) => {
    const { expert, panel, seat } = await seatOf(tx, actor, panelId);
    const refusal = declareRefusal(seatFactsOf(seat, false));
    if (refusal) throw new AppError(refusal);
    const app = await getApplicationUnscoped(tx, panel.applicationId);
    const conflicts = conflictsOf(expert, app);
    if (conflicts.length) throw new AppError('CONFLICT_OF_INTEREST', { conflicts });
    await q.setDeclared(tx, panelId, expert.id);
    await insertEvent(tx, { applicationId: app.id, actorId: actor.id, action: 'declare_no_conflict', data: { expert: expert.name, panelId } });
    return { declared: true as const };
  });
}

export async function recuse(db: Db, actor: Actor, panelId: string, reason: string) {
  return db.transaction(async (tx) => {
    const { expert, panel, seat } = await seatOf(tx, actor, panelId);
    const refusal = recuseRefusal(seatFactsOf(seat, false));
    if (refusal) throw new AppError(refusal);
    // Compare-and-set: a recusal racing this one finds the seat already recused.
    const ok = await q.setRecused(tx, panelId, expert.id, reason);
    if (!ok) throw new AppError('RECUSED');
    await insertEvent(tx, { applicationId: panel.applicationId, actorId: actor.id, action: 'recuse', comment: reason, data: { expert: expert.name, panelId } });
    const planners = await q.usersWithRole(tx, 'ministry_planning');
    await q.notify(
      tx,
      planners.map((u) => ({
        userId: u.id,
        kind: 'recused',
        dedupeKey: `recused:${panelId}:${expert.id}:${u.id}`,
        title: { zh: `专家${expert.name}申请回避：${reason}`, en: `Expert ${expert.name} recused: ${reason}` },
        link: `/applications/${panel.applicationId}`,
      })),
    );
    return { recused: true as const };
  });
}

export interface ScoreInput {
  scores: Record<string, number>;
  opinion: Opinion;
  comments: string;
}

export async function submitScores(db: Db, actor: Actor, panelId: string, input: ScoreInput) {
  return db.transaction(async (tx) => {
    const { expert, panel, seat } = await seatOf(tx, actor, panelId);
    // A second sheet of the same round is refused when it is stored (ALREADY_SUBMITTED below).
    const refusal = scoreRefusal(seatFactsOf(seat, false), panel);
    if (refusal) throw new AppError(refusal);
    const rubric = rubricSchema.parse(panel.rubric);
    const sheet = scoreSheetSchemaFor(rubric).parse(input);
    const total = weightedTotal(rubric, sheet.scores);
    const inserted = await q.insertScoreSheet(tx, {
      panelId,
      expertId: expert.id,
      round: panel.scoreRound,
      scores: sheet.scores,
      opinion: sheet.opinion,
      comments: sheet.comments,
      total: Math.round(total * 100),
    });
    if (!inserted) throw new AppError('ALREADY_SUBMITTED');
    await insertEvent(tx, { applicationId: panel.applicationId, actorId: actor.id, action: 'score', data: { expert: expert.name, round: panel.scoreRound } });
    return { total, round: panel.scoreRound };
  });
}

/** The panel's scores, for an expert only after submitting their own in the current round. */
export async function panelScoresForExpert(db: Db, actor: Actor, panelId: string): Promise<PanelScores> {
  const { expert, panel, seat } = await seatOf(db, actor, panelId);
  const sheets = await q.listSheets(db, panelId, panel.scoreRound);
  const submitted = sheets.some((s) => s.expertId === expert.id);
  if (!canSeePanelScores(actor, { seesApplication: false, seat: seatFactsOf(seat, submitted) })) throw new AppError('SCORES_HIDDEN');
  const rubric = rubricSchema.parse(panel.rubric);
  return {
    sheets: sheets.map((s) => ({ ...presentSheet(s), mine: s.expertId === expert.id })),
    aggregate: aggregateApplication(rubric, sheets.map((s) => ({ expertId: s.expertId, scores: s.scores, opinion: s.opinion as Opinion }))),
  };
}

// ---------------------------------------------------------------------------------------------
// The ministry's view, opinions, discussion, re-scoring

/** Everything the ministry sees of an application's review. */
export async function reviewOverview(db: Db, actor: Actor, applicationId: string, thresholdOverride?: number): Promise<ReviewOverview> {
  const app = await loadVisible(db, actor, applicationId);
  const divergenceThreshold = thresholdOverride ?? (await getReviewSettings(db)).divergenceThreshold;
  const panel = await q.getCurrentPanel(db, app.id);
  const [opinionRows, commentRows] = await Promise.all([q.listDepartmentOpinions(db, app.id), q.listComments(db, app.id)]);
  const opinions = opinionRows.map(presentOpinion);
  const comments = commentRows.map(presentComment);
  if (!panel) {
    return {
      panel: null,
      members: [],
      sheets: [],
      outstanding: [],
      aggregate: null,
      normalised: null,
      percentile: null,
      earlierCount: 0,
      opinions,
      comments,
      abilities: reviewAbilities(actor, { status: app.status, panel: null, scoresOutstanding: 0 }),
    };
  }
  const rubric = rubricSchema.parse(panel.rubric);
  const [members, sheets, all] = await Promise.all([q.listMembers(db, panel.id), q.listSheets(db, panel.id, panel.scoreRound), q.listAllSheets(db)]);
  const current = all.filter((s) => s.round === s.currentRound);
  const normalisation = normaliseByExpert(current.map((s) => ({ expertId: s.expertId, applicationId: s.applicationId, total: s.total / 100 })));
  const aggregate = aggregateApplication(
    rubric,
    sheets.map((s) => ({ expertId: s.expertId, scores: s.scores, opinion: s.opinion as Opinion })),
    { divergenceThreshold },
  );
  // Rolling percentile: against every application whose scoring completed before this one's did.
  const lastSubmitted = new Map<string, number>();
  const meanByApp = new Map<string, number[]>();
  for (const s of current) {
    lastSubmitted.set(s.applicationId, Math.max(lastSubmitted.get(s.applicationId) ?? 0, s.submittedAt.getTime()));
    meanByApp.set(s.applicationId, [...(meanByApp.get(s.applicationId) ?? []), s.total / 100]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const myTime = lastSubmitted.get(app.id);
  const earlier = myTime === undefined ? [] : [...lastSubmitted.entries()].filter(([id, t]) => id !== app.id && t < myTime).map(([id]) => mean(meanByApp.get(id)!));
  const outstanding = members.filter((m) => owesScores(m, sheets));
  const now = new Date();
  // As the decision counts them: only an open panel can hold up the approval.
  const scoresOutstanding = panel.status === 'open' ? outstanding.length : 0;
  return {
    panel: { id: panel.id, deadline: iso(panel.deadline), status: panel.status as PanelStatus, scoreRound: panel.scoreRound, panelSize: panel.panelSize, rubric },
    members: members.map((m) => ({
      expertId: m.expertId,
      name: m.name,
      organisation: m.organisation,
      title: m.title,
      fields: m.fields,
      role: m.role as SeatRole,
      cost: m.cost,
      reasons: m.reasons,
      declaredAt: iso(m.declaredAt),
      recusedAt: iso(m.recusedAt),
      recusalReason: m.recusalReason,
      submitted: sheets.some((s) => s.expertId === m.expertId),
      overdue: owesScores(m, sheets) && isOverdue(panel.deadline, now, false),
      abilities: memberAbilities(actor, { status: app.status, seat: { role: m.role, recused: m.recusedAt !== null } }),
    })),
    sheets: sheets.map(presentSheet),
    outstanding: outstanding.map((m) => m.name),
    aggregate,
    normalised: normalisation.applications.find((a) => a.applicationId === app.id) ?? null,
    percentile: aggregate && myTime !== undefined && outstanding.length === 0 ? percentileAgainstEarlier(aggregate.total.mean, earlier) : null,
    earlierCount: earlier.length,
    opinions,
    comments,
    abilities: reviewAbilities(actor, { status: app.status, panel: { status: panel.status }, scoresOutstanding }),
  };
}

export async function giveDepartmentOpinion(db: Db, actor: Actor, applicationId: string, input: { stance: DepartmentStance; opinion: string }) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, applicationId);
    const refusal = opinionRefusal(app.status);
    if (refusal) throw new AppError(refusal);
    await q.upsertDepartmentOpinion(tx, { applicationId: app.id, organisationId: actor.organisationId, authorId: actor.id, ...input });
    await insertEvent(tx, { applicationId: app.id, actorId: actor.id, action: 'department_opinion', comment: input.opinion, data: { stance: input.stance } });
    return { ok: true as const };
  });
}

/** Discussion: ministry roles on any application they see; experts only on a panel they sit on. */
export async function addComment(db: Db, actor: Actor, applicationId: string, body: string) {
  if (actor.role === 'expert') {
    const expert = await expertOf(db, actor);
    const panel = await q.getCurrentPanel(db, applicationId);
    const seat = panel ? await q.getMembership(db, panel.id, expert.id) : null;
    // A panel the expert does not sit on is "not found", like the application behind it.
    if (!canDiscuss(actor, { seesApplication: false, seat: seat && seatFactsOf(seat, false) })) throw new AppError('NOT_FOUND');
  } else {
    await loadVisible(db, actor, applicationId);
    if (!canDiscuss(actor, { seesApplication: true, seat: null })) throw new AppError('FORBIDDEN');
  }
  await q.insertComment(db, { applicationId, authorId: actor.id, body });
  return { ok: true as const };
}

export async function requestRescore(db: Db, actor: Actor, applicationId: string, reason: string) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, applicationId);
    const panel = await q.getCurrentPanel(tx, app.id);
    const refusal = rescoreRefusal({ status: app.status, panel });
    if (refusal || !panel) throw new AppError(refusal ?? 'INVALID_TRANSITION');
    // Compare-and-set on the open panel: a decision racing this one leaves the round as it was.
    const round = await q.bumpScoreRound(tx, panel.id);
    if (round === null) throw new AppError('INVALID_TRANSITION');
    await insertEvent(tx, { applicationId: app.id, actorId: actor.id, action: 'rescore', comment: reason, data: { round } });
    await q.insertComment(tx, { applicationId: app.id, authorId: actor.id, body: `【请求重新评分】${reason}` });
    const members = await q.listMembers(tx, panel.id);
    await q.notify(
      tx,
      members
        .filter((m) => m.role === 'member' && !m.recusedAt && m.userId)
        .map((m) => ({
          userId: m.userId!,
          kind: 'rescore',
          dedupeKey: `rescore:${panel.id}:${m.expertId}:${round}`,
          title: { zh: `请重新评分（第${round}轮）：${app.title}`, en: `Please score again (round ${round}): ${app.title}` },
          link: `/review/${panel.id}`,
        })),
    );
    return { round };
  });
}

/** Seats a backup expert as a member, e.g. after a member recused. */
export async function promoteBackup(db: Db, actor: Actor, applicationId: string, expertId: string) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, applicationId);
    const panel = app.status === 'under_review' ? await q.getCurrentPanel(tx, app.id) : null;
    const seat = panel ? await q.getMembership(tx, panel.id, expertId) : null;
    const refusal = promoteRefusal({ status: app.status, seat: seat && { role: seat.role, recused: seat.recusedAt !== null } });
    if (refusal || !panel) throw new AppError(refusal ?? 'NOT_FOUND');
    const [expert] = await q.getExpertsByIds(tx, [expertId]);
    const loads = await q.currentLoads(tx);
    if ((loads.get(expertId) ?? 0) + 1 > expert!.loadCap) throw new AppError('EXPERT_OVER_CAPACITY', { experts: [expert!.name] });
    await q.promoteBackup(tx, panel.id, expertId);
    await insertEvent(tx, { applicationId: app.id, actorId: actor.id, action: 'promote_backup', data: { expert: expert!.name, panelId: panel.id } });
    if (expert!.userId) {
      await q.notify(tx, [
        {
          userId: expert!.userId,
          kind: 'assigned',
          dedupeKey: `assigned:${panel.id}:${expertId}`,
          title: { zh: `您已由备选转为评审组成员：${app.title}`, en: `You now sit on the panel: ${app.title}` },
          link: `/review/${panel.id}`,
        },
      ]);
    }
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Decision

export type DecisionInput =
  | { version: number; decision: 'approve'; documentNo: string; approvalDate: string; comment?: string }
  | { version: number; decision: 'send_back' | 'reject'; reasons: string };

export async function decide(db: Db, actor: Actor, applicationId: string, input: DecisionInput) {
  return db.transaction(async (tx) => {
    const app = await loadVisible(tx, actor, applicationId);
    const panel = await q.getCurrentPanel(tx, app.id);
    let outstanding = 0;
    if (panel && panel.status === 'open') {
      // One after another: a transaction is one connection.
      const members = await q.listMembers(tx, panel.id);
      const sheets = await q.listSheets(tx, panel.id, panel.scoreRound);
      outstanding = members.filter((m) => owesScores(m, sheets)).length;
    }
    const action: ApplicationAction = input.decision;
    const d = decideTransition(app.status, action, actor.role, { blockingFindings: 0, actorAuthorityPending: false, otherAuthoritiesPending: 0, scoresOutstanding: outstanding });
    if (!d.ok) throw new AppError(d.reason === 'PLAN_HAS_BLOCKING_FINDINGS' || d.reason === 'ALREADY_DECIDED' ? 'INVALID_TRANSITION' : d.reason);
    if (app.version !== input.version) throw new AppError('VERSION_CONFLICT', { currentVersion: app.version });
    if (input.decision === 'approve' && (await documentNoTaken(tx, input.documentNo))) throw new AppError('DOCUMENT_NO_TAKEN');
    const v = await casUpdateApplication(tx, app.id, { version: input.version, status: app.status }, { status: d.to });
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: app.version });
    if (panel && panel.status === 'open') await q.closePanel(tx, panel.id);
    let pilotId: string | null = null;
    if (input.decision === 'approve') {
      pilotId = await createPilotForApproval(tx, { application: app, documentNo: input.documentNo, approvalDate: input.approvalDate, approvedBy: actor.id });
    }
    await insertEvent(tx, {
      applicationId: app.id,
      actorId: actor.id,
      action: input.decision,
      fromStatus: app.status,
      toStatus: d.to,
      comment: input.decision === 'approve' ? (input.comment ?? null) : input.reasons,
      data: input.decision === 'approve' ? { pilotId, documentNo: input.documentNo, approvalDate: input.approvalDate, filedWithLeadingGroup: true } : {},
    });
    return { version: v, status: d.to, pilotId };
  });
}

// ---------------------------------------------------------------------------------------------
// Exports

export async function applicationScoresExport(db: Db, actor: Actor, applicationId: string) {
  const app = await loadVisible(db, actor, applicationId);
  const panel = await q.getCurrentPanel(db, app.id);
  if (!panel) throw new AppError('NOT_FOUND');
  const sheets = await q.listSheets(db, panel.id);
  return { refNo: app.refNo, buffer: await applicationScoresXlsx(app, rubricSchema.parse(panel.rubric), sheets) };
}

export async function expertScoresExport(db: Db, expertId: string) {
  const [expert] = await q.getExpertsByIds(db, [expertId]);
  if (!expert) throw new AppError('NOT_FOUND');
  const sheets = await q.listSheetsOfExpert(db, expertId);
  return { name: expert.name, buffer: await expertScoresXlsx(expert, sheets) };
}
