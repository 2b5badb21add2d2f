/**
 * Evaluation 考核评估: the scheme (a setting, the built-in default until one is saved), rounds the
 * ministry opens for one pilot or many (mid-term or final, the scheme frozen into the round), experts
 * seated with the review's conflict rules and solver, their scores of the qualitative items (hidden
 * from the other experts until each has submitted), the departments' opinions, and the decision:
 * computeEvaluation gives the grade, and a 不合格 grade opens a rectification case in the same
 * transaction (the rectification feature's openCaseIn).
 *
 * Decisions:
 * - Quantitative items are computed from the confirmed report figures at the moment they are read,
 *   and frozen into the evaluation when it is decided; until then the page shows the live figures.
 * - The decision waits for every seated expert when the scheme has expert items (SCORES_INCOMPLETE):
 *   a grade must not rest on part of a panel. Missing department opinions follow the scheme's
 *   missing-data policy instead, since a department may have nothing to say.
 * - An expert's load counts only evaluations still being scored, and the review's load cap applies.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import { computeEvaluation, DEFAULT_EVALUATION_SCHEME, evaluationSchemeSchema, GRADES, type EvaluationResult, type EvaluationScheme, type Grade } from '../../shared/monitoring/evaluation.js';
import { PILOT_PHASES } from '../../shared/monitoring/pilot-lifecycle.js';
import { canSeeEvaluation, evaluationAbilities, type EvaluationAction, type EvaluationFacts } from '../../shared/permissions/evaluation-scope.js';
import { can } from '../../shared/permissions/policy.js';
import { assignPanels } from '../../shared/review/assignment/assign-panels.js';
import { applicationFromPlan, findConflicts, type RelationKind } from '../../shared/review/conflicts.js';
import { expertiseMatch } from '../../shared/review/expertise-cost.js';
import { getDivision } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { getApplication } from '../applications/public.js';
import { attainmentsOf } from '../attainment/public.js';
import { evaluationFindings, getPilotRow, offTrackFindings, openCaseIn, type Today } from '../rectifications/public.js';
import type { EvaluationDetail, EvaluationRound, OpenRoundInput, SchemeSetting } from './evaluations.contract.js';
import * as q from './evaluations.queries.js';

type PilotRow = NonNullable<Awaited<ReturnType<typeof getPilotRow>>>;

const asGrade = (g: string | null): Grade | null => ((GRADES as readonly string[]).includes(g ?? '') ? (g as Grade) : null);
const conflict = (currentVersion: number) => new AppError('VERSION_CONFLICT', { currentVersion });
const DEFAULT_REQUIRED_ACTIONS = '对照考核评估发现的问题和薄弱环节，逐项制定整改措施，明确责任单位和完成时限，按期报送整改报告及佐证材料。';

// ---------------------------------------------------------------------------------------------
// The scheme setting

export async function schemeSetting(db: Tx): Promise<SchemeSetting> {
  const stored = await q.getSchemeSetting(db);
  const parsed = stored.version > 0 ? evaluationSchemeSchema.safeParse(stored.value) : null;
  if (!parsed?.success) return { scheme: DEFAULT_EVALUATION_SCHEME, isDefault: true, updatedAt: null, version: stored.version };
  return { scheme: parsed.data, isDefault: false, updatedAt: iso(stored.updatedAt), version: stored.version };
}

export async function saveScheme(db: Tx, actor: Actor, scheme: EvaluationScheme, version: number): Promise<SchemeSetting> {
  if (!can(actor.role, 'evaluation.manage')) throw new AppError('FORBIDDEN');
  await q.saveSchemeSetting(db, scheme, version, actor.id);
  return schemeSetting(db);
}

// ---------------------------------------------------------------------------------------------
// Scope

interface Loaded {
  ev: q.EvaluationRow;
  round: q.RoundRow;
  pilot: PilotRow;
  scheme: EvaluationScheme;
  facts: EvaluationFacts;
  myExpert: q.ExpertRow | null;
}

/** The scheme a round froze; a malformed one (written by hand) falls back to the default rather than failing the page. */
function schemeOf(round: q.RoundRow): EvaluationScheme {
  const parsed = evaluationSchemeSchema.safeParse(round.scheme);
  return parsed.success ? parsed.data : DEFAULT_EVALUATION_SCHEME;
}

async function load(db: Tx, actor: Actor, id: string): Promise<Loaded> {
  const ev = await q.getEvaluation(db, id);
  if (!ev) throw new AppError('NOT_FOUND');
  const round = await q.getRound(db, ev.roundId);
  const pilotAsMinistry = await getPilotRow(db, ministryView(actor), ev.pilotId);
  if (!round || !pilotAsMinistry) throw new AppError('NOT_FOUND');
  const myExpert = actor.role === 'expert' ? await q.expertOfUser(db, actor.id) : null;
  const members = await q.membersOf(db, ev.id);
  const scores = myExpert ? await q.scoresOf(db, ev.id) : [];
  const facts: EvaluationFacts = {
    cityCodes: pilotAsMinistry.cityCodes,
    status: ev.status,
    seated: myExpert !== null && members.some((m) => m.expertId === myExpert.id && m.recusedAt === null),
    submitted: myExpert !== null && scores.some((s) => s.expertId === myExpert.id),
    hasPanel: members.length > 0,
  };
  if (!canSeeEvaluation(actor, facts)) throw new AppError('NOT_FOUND');
  return { ev, round, pilot: pilotAsMinistry, scheme: schemeOf(round), facts, myExpert };
}

/**
 * Experts and the evaluation's other readers reach the pilot through the evaluation, not through the
 * pilot scope (an expert has no pilot scope): the evaluation scope above decides, so the pilot row is
 * read as the planning department would.
 */
function ministryView(actor: Actor): Actor {
  return { ...actor, role: 'ministry_planning' };
}

function demand(l: Loaded, actor: Actor, action: EvaluationAction, permission: Parameters<typeof can>[1]) {
  if (evaluationAbilities(actor, l.facts).includes(action)) return;
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN');
  throw new AppError('EVALUATION_INVALID_STATE', { status: l.ev.status });
}

// ---------------------------------------------------------------------------------------------
// Rounds

export async function openRound(db: Db, actor: Actor, input: OpenRoundInput, today: Today): Promise<EvaluationRound> {
  if (!can(actor.role, 'evaluation.manage')) throw new AppError('FORBIDDEN');
  if (input.deadline < today.date) throw new AppError('EVALUATION_DEADLINE_INVALID');
  return db.transaction(async (tx) => {
    const pilots: PilotRow[] = [];
    for (const id of [...new Set(input.pilotIds)]) {
      const pilot = await getPilotRow(tx, actor, id);
      if (!pilot) throw new AppError('NOT_FOUND', { pilotId: id });
      if (!(PILOT_PHASES as readonly string[]).includes(pilot.state)) throw new AppError('PILOT_INVALID_TRANSITION', { pilotId: id, state: pilot.state });
      pilots.push(pilot);
    }
    const { scheme } = await schemeSetting(tx);
    const round = await q.insertRound(tx, { kind: input.kind, title: input.title, scheme, deadline: input.deadline, openedBy: actor.id, isDemo: pilots.every((p) => p.isDemo) });
    for (const p of pilots) await q.insertEvaluation(tx, { roundId: round.id, pilotId: p.id });
    return presentRound(tx, actor, round);
  });
}

async function presentRound(db: Tx, actor: Actor, round: q.RoundRow): Promise<EvaluationRound> {
  const evs = await q.evaluationsOfRounds(db, [round.id]);
  const visible: EvaluationRound['evaluations'] = [];
  for (const ev of evs) {
    try {
      const l = await load(db, actor, ev.id);
      visible.push({ id: ev.id, pilotId: ev.pilotId, pilotName: l.pilot.name, status: ev.status as 'scoring' | 'decided', grade: asGrade(ev.grade), totalScore: ev.totalScore });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
    }
  }
  return { id: round.id, kind: round.kind as 'midterm' | 'final', title: round.title, deadline: round.deadline, status: round.status, openedAt: iso(round.openedAt), evaluations: visible };
}

export async function roundsFor(db: Tx, actor: Actor): Promise<EvaluationRound[]> {
  const out: EvaluationRound[] = [];
  for (const r of await q.listRounds(db)) {
    const presented = await presentRound(db, actor, r);
    if (presented.evaluations.length > 0 || can(actor.role, 'evaluation.manage')) out.push(presented);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One evaluation

/** The qualitative scores by item: each expert's submission, and each department's opinion scores. */
function qualitativeInputs(scheme: EvaluationScheme, scores: { scores: Record<string, number> }[], opinions: { scores: Record<string, number> }[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const item of scheme.items) {
    if (item.kind !== 'qualitative') continue;
    const source = item.assessor === 'expert' ? scores : opinions;
    const values = source.map((s) => s.scores[item.id]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) out[item.id] = values;
  }
  return out;
}

async function computeNow(db: Tx, l: Loaded): Promise<EvaluationResult> {
  const attainments = await attainmentsOf(db, l.pilot);
  const scores = await q.scoresOf(db, l.ev.id);
  const opinions = await q.opinionsOf(db, l.ev.id);
  return computeEvaluation(l.scheme, { attainments: attainments.map((a) => a.attainment), qualitative: qualitativeInputs(l.scheme, scores, opinions) });
}

function presentResult(r: EvaluationResult): EvaluationDetail['result'] {
  return {
    items: r.items.map((i) => ({ id: i.id, kind: i.kind, label: i.label, weight: i.weight, score: i.score, basis: i.basis, missingIndicators: i.missingIndicators })),
    total: r.total,
    grade: r.grade,
    complete: r.complete,
    weakItems: r.weakItems.map((w) => ({ id: w.id, score: w.score, reasons: [...w.reasons] })),
  };
}

export async function evaluationDetail(db: Tx, actor: Actor, id: string): Promise<EvaluationDetail> {
  const l = await load(db, actor, id);
  const abilities = evaluationAbilities(actor, l.facts);
  const members = await q.membersOf(db, l.ev.id);
  const scores = await q.scoresOf(db, l.ev.id);
  const opinions = can(actor.role, 'evaluation.read') && actor.role !== 'expert' ? await q.opinionsOf(db, l.ev.id) : [];
  const decided = l.ev.status === 'decided' && l.ev.result;
  const result = decided ? (l.ev.result as EvaluationResult) : await computeNow(db, l);
  const presentScore = (s: (typeof scores)[number]) => ({ ...s, submittedAt: iso(s.submittedAt) });
  const seesScores = abilities.includes('seeScores');
  const central = actor.role === 'ministry_planning' || actor.role === 'ministry_department' || actor.role === 'leading_group_observer';
  return {
    id: l.ev.id,
    pilotId: l.pilot.id,
    pilotName: l.pilot.name,
    status: l.ev.status as 'scoring' | 'decided',
    grade: asGrade(l.ev.grade),
    totalScore: l.ev.totalScore,
    round: { id: l.round.id, kind: l.round.kind as 'midterm' | 'final', title: l.round.title, deadline: l.round.deadline },
    version: l.ev.version,
    qualitativeItems: l.scheme.items.flatMap((i) => (i.kind === 'qualitative' ? [{ id: i.id, label: i.label, assessor: i.assessor }] : [])),
    result: presentResult(result),
    members: actor.role === 'city_applicant' || actor.role === 'provincial_authority' ? [] : members.map((m) => ({ expertId: m.expertId, name: m.name, organisation: m.organisation, submitted: scores.some((s) => s.expertId === m.expertId) })),
    myScores: l.myExpert ? (scores.filter((s) => s.expertId === l.myExpert!.id).map(presentScore)[0] ?? null) : null,
    scores: seesScores ? scores.map(presentScore) : [],
    opinions: central ? opinions.map((o) => ({ ...o, updatedAt: iso(o.updatedAt) })) : [],
    rectificationCaseId: await q.caseOfEvaluation(db, l.ev.id),
    abilities,
  };
}

// ---------------------------------------------------------------------------------------------
// Seating experts

const divisionName = (code: string) => getDivision(code)?.name;

export async function assignExperts(db: Db, actor: Actor, id: string, input: { version: number; panelSize: number }): Promise<EvaluationDetail> {
  return db.transaction(async (tx) => {
    const l = await load(tx, actor, id);
    demand(l, actor, 'assign', 'evaluation.manage');
    if (l.ev.version !== input.version) throw conflict(l.ev.version);
    const app = await getApplication(tx, l.pilot.applicationId);
    if (!app) throw new AppError('NOT_FOUND');
    // The pilot as the conflict rules see an application: its cities and the names its plan lists.
    const subject = applicationFromPlan(app.id, { ...app.plan, cover: { ...app.plan.cover, cityCodes: l.pilot.cityCodes } });
    const pool = await q.availableExperts(tx);
    const loads = await q.evaluationLoads(tx);
    const industries = app.plan.keyIndustries.map((k) => k.name).filter((n) => n.trim() !== '');
    const allowed: { app: number; expert: number; cost: number }[] = [];
    pool.forEach((e, i) => {
      const conflicts = findConflicts(
        {
          id: e.id,
          name: e.name,
          organisation: e.organisation,
          provinceCode: e.provinceCode,
          cityCode: e.cityCode ?? e.provinceCode,
          declaredRelations: e.relations.map((r) => ({ cityCode: r.cityCode, kind: r.kind as RelationKind, note: r.note })),
        },
        subject,
        { divisionName },
      );
      if (conflicts.length === 0) allowed.push({ app: 0, expert: i, cost: expertiseMatch(e.fields, industries).cost });
    });
    const result = assignPanels({
      applications: [{ id: l.ev.id, panelSize: input.panelSize }],
      experts: pool.map((e) => ({ id: e.id, cap: Math.max(0, e.loadCap - (loads.get(e.id) ?? 0)) })),
      allowed,
      backups: 0,
    });
    const chosen = result.panels[0]?.experts.map((x) => x.expertId) ?? [];
    if (!result.feasible) throw new AppError('EVALUATION_PANEL_SHORT', { seats: input.panelSize, filled: chosen.length });
    const v = await q.casUpdateEvaluation(tx, l.ev.id, l.ev.version, {});
    if (v === null) throw conflict(l.ev.version);
    await q.insertMembers(tx, l.ev.id, chosen);
    return evaluationDetail(tx, actor, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Scores and opinions

function checkScores(scheme: EvaluationScheme, assessor: 'expert' | 'ministry_department', scores: Record<string, number>, all: boolean) {
  const items = scheme.items.filter((i) => i.kind === 'qualitative' && i.assessor === assessor).map((i) => i.id);
  const unknown = Object.keys(scores).filter((k) => !items.includes(k));
  const missing = all ? items.filter((i) => !(i in scores)) : [];
  if (unknown.length > 0 || missing.length > 0) throw new AppError('EVALUATION_SCORES_INVALID', { unknown, missing });
}

export async function submitScores(db: Db, actor: Actor, id: string, input: { scores: Record<string, number>; comments: string }): Promise<EvaluationDetail> {
  return db.transaction(async (tx) => {
    const l = await load(tx, actor, id);
    if (l.facts.submitted) throw new AppError('EVALUATION_ALREADY_SCORED');
    demand(l, actor, 'score', 'evaluation.score');
    checkScores(l.scheme, 'expert', input.scores, true);
    const inserted = await q.insertScores(tx, { evaluationId: l.ev.id, expertId: l.myExpert!.id, scores: input.scores, comments: input.comments });
    if (!inserted) throw new AppError('EVALUATION_ALREADY_SCORED');
    return evaluationDetail(tx, actor, id);
  });
}

export async function giveOpinion(db: Db, actor: Actor, id: string, input: { opinion: string; scores: Record<string, number> }): Promise<EvaluationDetail> {
  return db.transaction(async (tx) => {
    const l = await load(tx, actor, id);
    demand(l, actor, 'giveOpinion', 'evaluation.opinion');
    checkScores(l.scheme, 'ministry_department', input.scores, false);
    await q.upsertOpinion(tx, { evaluationId: l.ev.id, organisationId: actor.organisationId, authorId: actor.id, opinion: input.opinion, scores: input.scores });
    return evaluationDetail(tx, actor, id);
  });
}

// ---------------------------------------------------------------------------------------------
// The decision

export async function decide(db: Db, actor: Actor, id: string, input: { version: number; requiredActions?: string }, today: Today): Promise<EvaluationDetail> {
  return db.transaction(async (tx) => {
    const l = await load(tx, actor, id);
    demand(l, actor, 'decide', 'evaluation.manage');
    if (l.ev.version !== input.version) throw conflict(l.ev.version);
    const needsExperts = l.scheme.items.some((i) => i.kind === 'qualitative' && i.assessor === 'expert');
    if (needsExperts) {
      const members = (await q.membersOf(tx, l.ev.id)).filter((m) => m.recusedAt === null);
      const scores = await q.scoresOf(tx, l.ev.id);
      if (members.length === 0 || members.some((m) => !scores.some((s) => s.expertId === m.expertId))) throw new AppError('SCORES_INCOMPLETE');
    }
    const result = await computeNow(tx, l);
    const v = await q.casUpdateEvaluation(tx, l.ev.id, l.ev.version, { status: 'decided', result, totalScore: result.total, grade: result.grade, decidedAt: today.now, decidedBy: actor.id });
    if (v === null) throw conflict(l.ev.version);
    // The last decision of a round closes it.
    await q.closeRoundIfDecided(tx, l.ev.roundId, today.now);
    if (result.opensRectification && (PILOT_PHASES as readonly string[]).includes(l.pilot.state)) {
      const decided = (await q.getEvaluation(tx, l.ev.id))!;
      const findings = [...evaluationFindings(decided), ...(await offTrackFindings(tx, l.pilot))];
      await openCaseIn(tx, actor, l.pilot, { version: l.pilot.version, evaluationId: l.ev.id, findings, requiredActions: input.requiredActions ?? DEFAULT_REQUIRED_ACTIONS }, today);
    }
    return evaluationDetail(tx, actor, id);
  });
}
