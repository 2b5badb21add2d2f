/**
 * Amendments 调整优化 of a pilot's contract. The city proposes one of two kinds — a member city joins
 * the cluster (长株潭 → 长株潭衡 when 衡阳 joined in 2017), or the targets are revised — with reasons and
 * the pilot year from which it applies. Every provincial authority of the pilot's cities gives its
 * opinion; when the last has, the planning department approves or refuses. Approval writes the next
 * contract version (pilots' addContractVersion), effective from that year: the attainment of each
 * year is computed against the version in force that year (pilots' contractInForce).
 *
 * Decisions:
 * - A new member is a city-level division (a prefecture-level city or a district of a municipality)
 *   or a district (市辖区, not a county) of a prefecture-level city, since real clusters named one
 *   (珠江西岸六市一区: 顺德区);
 *   it must not be in the pilot already. The province of a new member from elsewhere gives no opinion
 *   here: it cannot see the pilot before the member joins.
 * - The effective year lies in the pilot period and not before the year of the version in force
 *   now, so versions only ever apply forward and "the highest version effective by a year" is the
 *   one in force that year. Both are checked again at the decision, against the contract as it then is.
 * - The opinions are part of the amendment's record (its proposal document keeps who said what and
 *   when) and each is also a pilot event; the columns keep the latest opinion and whether all support.
 * - Every step compare-and-sets the amendment's version; approval also the pilot's.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import { amendmentAbilities, type AmendmentStatus } from '../../shared/permissions/amendment-scope.js';
import { targetSchema, type Target } from '../../shared/plan/plan-schema.js';
import { getDivision, getReviewAuthority, isCityLevelApplicant, reviewAuthoritiesForCluster } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { addContractVersion, contractInForce, recordPilotEvent, RUNNING_STATES, visiblePilot, type PilotRow } from '../pilots/public.js';
import type { Amendment, OpinionBody, ProposeBody } from './amendments.contract.js';
import * as q from './amendments.queries.js';

interface StoredOpinion {
  authorityId: string;
  supports: boolean;
  opinion: string;
  by: string | null;
  at: string;
}

/** What the proposal document holds, whatever the kind. */
interface Proposal {
  cityCode?: string;
  name?: string;
  cityCodes?: string[];
  targets?: Target[];
  /** The authorities whose opinion is owed, fixed when proposed. */
  authorityIds: string[];
  opinions: StoredOpinion[];
}

function proposalOf(a: q.AmendmentRow): Proposal {
  const p = a.proposal as Partial<Proposal>;
  return { ...p, authorityIds: p.authorityIds ?? [], opinions: p.opinions ?? [] } as Proposal;
}

const pending = (p: Proposal) => p.authorityIds.filter((id) => !p.opinions.some((o) => o.authorityId === id));
const authorityName = (id: string) => getReviewAuthority(id)?.label ?? id;

function present(actor: Actor, pilot: PilotRow, a: q.AmendmentRow & { proposerName?: string | null }): Amendment {
  const p = proposalOf(a);
  const status = a.status as AmendmentStatus;
  return {
    id: a.id,
    pilotId: a.pilotId,
    kind: a.kind === 'add_member' ? 'add_member' : 'revise_targets',
    cityCode: p.cityCode ?? null,
    cityName: p.cityCode ? (getDivision(p.cityCode)?.name ?? p.cityCode) : null,
    name: p.name ?? null,
    targets: p.targets ?? null,
    reasons: a.reasons,
    effectiveFromYear: a.effectiveFromYear,
    status,
    opinions: p.opinions.map((o) => ({ ...o, authorityName: authorityName(o.authorityId) })),
    pendingAuthorities: status === 'proposed' ? pending(p).map((id) => ({ id, name: authorityName(id) })) : [],
    decisionComment: a.decisionComment,
    decidedAt: a.decidedAt ? iso(a.decidedAt) : null,
    contractVersion: typeof (a.proposal as { contractVersion?: unknown }).contractVersion === 'number' ? ((a.proposal as { contractVersion: number }).contractVersion) : null,
    proposedBy: a.proposerName ?? null,
    createdAt: iso(a.createdAt),
    version: a.version,
    abilities: amendmentAbilities(actor, { status, pilotVisible: true, pilotRunning: RUNNING_STATES.includes(pilot.state), pendingAuthorities: pending(p) }),
  };
}

export async function listForPilot(db: Tx, actor: Actor, pilotId: string): Promise<Amendment[]> {
  const pilot = await visiblePilot(db, actor, pilotId);
  return (await q.listAmendments(db, pilot.id)).map((a) => present(actor, pilot, a));
}

/** An amendment whose pilot the actor may see; anything else is "not found". */
async function loadVisible(tx: Tx, actor: Actor, id: string) {
  const a = await q.getAmendment(tx, id);
  if (!a) throw new AppError('NOT_FOUND');
  const pilot = await visiblePilot(tx, actor, a.pilotId);
  return { a, pilot };
}

function canJoin(code: string, pilot: PilotRow): boolean {
  if (pilot.cityCodes.includes(code)) return false;
  const d = getDivision(code);
  if (!d) return false;
  if (isCityLevelApplicant(code)) return true;
  // A district (市辖区) of a prefecture-level city, as 顺德区 in 珠江西岸六市一区; counties are not.
  const parent = d.parentCode ? getDivision(d.parentCode) : undefined;
  return d.level === 'district' && d.name.endsWith('区') && parent?.level === 'prefecture';
}

async function checkYear(tx: Tx, pilot: PilotRow, year: number): Promise<void> {
  if (year < pilot.periodStartYear || year > pilot.periodEndYear) throw new AppError('AMENDMENT_YEAR_INVALID', { from: pilot.periodStartYear, to: pilot.periodEndYear });
  const current = await contractInForce(tx, pilot.id, pilot.periodEndYear);
  if (current && year < current.effectiveFromYear) throw new AppError('AMENDMENT_YEAR_INVALID', { notBefore: current.effectiveFromYear });
}

function checkTargets(targets: readonly Target[]): void {
  const ids = targets.map((t) => t.id);
  if (targets.length === 0 || new Set(ids).size !== ids.length) throw new AppError('AMENDMENT_TARGETS_INVALID');
}

export async function propose(db: Db, actor: Actor, pilotId: string, body: ProposeBody): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const pilot = await visiblePilot(tx, actor, pilotId);
    if (actor.role !== 'city_applicant') throw new AppError('FORBIDDEN');
    if (!RUNNING_STATES.includes(pilot.state)) throw new AppError('PILOT_CLOSED');
    await checkYear(tx, pilot, body.effectiveFromYear);
    const authorityIds = reviewAuthoritiesForCluster(pilot.cityCodes);
    let proposal: Proposal;
    if (body.kind === 'add_member') {
      if (!canJoin(body.cityCode, pilot)) throw new AppError('AMENDMENT_CITY_INVALID', { cityCode: body.cityCode });
      proposal = { cityCode: body.cityCode, name: body.name, cityCodes: [...pilot.cityCodes, body.cityCode], authorityIds, opinions: [] };
    } else {
      const targets = body.targets.map((t) => targetSchema.parse(t));
      checkTargets(targets);
      proposal = { targets, authorityIds, opinions: [] };
    }
    const id = await q.insertAmendment(tx, {
      pilotId: pilot.id,
      kind: body.kind,
      proposal: proposal as unknown as Record<string, unknown>,
      reasons: body.reasons,
      effectiveFromYear: body.effectiveFromYear,
      proposedBy: actor.id,
    });
    await recordPilotEvent(tx, {
      pilot,
      actor,
      action: 'propose_amendment',
      comment: body.reasons,
      data: { amendmentId: id, kind: body.kind, effectiveFromYear: body.effectiveFromYear, ...(body.kind === 'add_member' ? { cityCode: body.cityCode, name: body.name } : { targets: body.targets.length }) },
    });
    return present(actor, pilot, (await q.getAmendment(tx, id))!);
  });
}

/** Refusals shared by every step after the proposal: scope, a running pilot, the version. */
function checkStep(pilot: PilotRow, a: q.AmendmentRow, version: number) {
  if (!RUNNING_STATES.includes(pilot.state)) throw new AppError('PILOT_CLOSED');
  if (version !== a.version) throw new AppError('VERSION_CONFLICT', { currentVersion: a.version });
}

export async function giveOpinion(db: Db, actor: Actor, id: string, body: OpinionBody & { displayName: string }, now: Date): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const { a, pilot } = await loadVisible(tx, actor, id);
    if (actor.role !== 'provincial_authority' || actor.authorityId === null) throw new AppError('FORBIDDEN');
    const p = proposalOf(a);
    if (!p.authorityIds.includes(actor.authorityId)) throw new AppError('FORBIDDEN');
    if (a.status !== 'proposed') throw new AppError('AMENDMENT_INVALID_TRANSITION', { status: a.status });
    if (!pending(p).includes(actor.authorityId)) throw new AppError('ALREADY_GAVE_OPINION');
    checkStep(pilot, a, body.version);
    const opinions = [...p.opinions, { authorityId: actor.authorityId, supports: body.supports, opinion: body.opinion, by: body.displayName, at: now.toISOString() }];
    const done = p.authorityIds.every((aid) => opinions.some((o) => o.authorityId === aid));
    const v = await q.casUpdateAmendment(tx, a.id, a.version, {
      proposal: { ...(a.proposal as Record<string, unknown>), opinions },
      provinceOpinion: body.opinion,
      provinceSupports: opinions.every((o) => o.supports),
      ...(done ? { status: 'province_reviewed', provinceReviewedAt: now } : {}),
    });
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: a.version });
    await recordPilotEvent(tx, { pilot, actor, action: 'amendment_opinion', comment: body.opinion, data: { amendmentId: a.id, authorityId: actor.authorityId, supports: body.supports } });
    return present(actor, pilot, (await q.getAmendment(tx, a.id))!);
  });
}

export async function decide(db: Db, actor: Actor, id: string, body: { version: number; decision: 'approve' | 'refuse'; comment: string }, now: Date): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const { a, pilot } = await loadVisible(tx, actor, id);
    if (actor.role !== 'ministry_planning') throw new AppError('FORBIDDEN');
    if (a.status !== 'province_reviewed') throw new AppError('AMENDMENT_INVALID_TRANSITION', { status: a.status });
    checkStep(pilot, a, body.version);
    if (body.decision === 'refuse' && body.comment === '') throw new AppError('VALIDATION_FAILED', { field: 'comment' });
    let contractVersion: number | null = null;
    if (body.decision === 'approve') {
      const p = proposalOf(a);
      await checkYear(tx, pilot, a.effectiveFromYear);
      const current = (await contractInForce(tx, pilot.id, pilot.periodEndYear))!;
      let change: { name: string; cityCodes: string[]; targets: Target[] };
      if (a.kind === 'add_member') {
        if (!p.cityCode || !canJoin(p.cityCode, pilot)) throw new AppError('AMENDMENT_CITY_INVALID', { cityCode: p.cityCode });
        change = { name: p.name ?? pilot.name, cityCodes: [...pilot.cityCodes, p.cityCode], targets: current.targets };
      } else {
        change = { name: pilot.name, cityCodes: pilot.cityCodes, targets: p.targets ?? current.targets };
      }
      ({ contractVersion } = await addContractVersion(tx, { pilot, actor, amendmentId: a.id, effectiveFromYear: a.effectiveFromYear, ...change }));
    }
    const v = await q.casUpdateAmendment(tx, a.id, a.version, {
      status: body.decision === 'approve' ? 'approved' : 'refused',
      decisionComment: body.comment || null,
      decidedBy: actor.id,
      decidedAt: now,
      ...(contractVersion !== null ? { proposal: { ...(a.proposal as Record<string, unknown>), contractVersion } } : {}),
    });
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: a.version });
    await recordPilotEvent(tx, {
      pilot,
      actor,
      action: body.decision === 'approve' ? 'approve_amendment' : 'refuse_amendment',
      comment: body.comment || null,
      data: { amendmentId: a.id, kind: a.kind, effectiveFromYear: a.effectiveFromYear, ...(contractVersion !== null ? { contractVersion } : {}) },
    });
    const after = await visiblePilot(tx, actor, pilot.id);
    return present(actor, after, (await q.getAmendment(tx, a.id))!);
  });
}

export async function withdraw(db: Db, actor: Actor, id: string, body: { version: number }): Promise<Amendment> {
  return db.transaction(async (tx) => {
    const { a, pilot } = await loadVisible(tx, actor, id);
    if (actor.role !== 'city_applicant') throw new AppError('FORBIDDEN');
    if (a.status !== 'proposed' && a.status !== 'province_reviewed') throw new AppError('AMENDMENT_INVALID_TRANSITION', { status: a.status });
    checkStep(pilot, a, body.version);
    const v = await q.casUpdateAmendment(tx, a.id, a.version, { status: 'withdrawn' });
    if (v === null) throw new AppError('VERSION_CONFLICT', { currentVersion: a.version });
    await recordPilotEvent(tx, { pilot, actor, action: 'withdraw_amendment', data: { amendmentId: a.id } });
    return present(actor, pilot, (await q.getAmendment(tx, a.id))!);
  });
}
