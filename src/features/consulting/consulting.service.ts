/**
 * Think-tank consulting (智库咨询): a pilot city asks for consulting on a topic; the ministry's
 * planning department matches experts from the pool — ranked by the review's expertise cost against
 * the fields asked for, with the review's conflict rules excluding, for one, an expert from the
 * pilot's own city or province (the reason is shown) — and records the service given. Every step
 * is role- and status-checked (shared/permissions/consulting-scope.ts), compare-and-set on the
 * request's version, and audited on the pilot in the same transaction.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { iso } from '../../shared/contract/wire.js';
import {
  canRequestConsulting,
  canSeeConsulting,
  CONSULTING_TRANSITIONS,
  consultingAbilities,
  mayConsulting,
  type ConsultingAction,
} from '../../shared/permissions/consulting-scope.js';
import { getDivision } from '../../shared/reference/divisions.js';
import { applicationFromPlan, CONFLICT_RULE_CODES, findConflicts, type ApplicationForConflicts, type ExpertForConflicts, type RelationKind } from '../../shared/review/conflicts.js';
import { expertiseMatch } from '../../shared/review/expertise-cost.js';
import type { Actor } from '../../shared/roles/roles.js';
import { getApplication } from '../applications/public.js';
import { pilotsInScope, visiblePilot, type PilotRow } from '../pilots/public.js';
import type { Candidates, CloseBody, ConsultingBody, ConsultingList, ConsultingRequest, MatchBody, PilotConsulting, ServeBody } from './consulting.contract.js';
import * as q from './consulting.queries.js';

const divisionName = (code: string) => getDivision(code)?.name;

function toConflictExpert(e: q.ExpertRow): ExpertForConflicts {
  return {
    id: e.id,
    name: e.name,
    organisation: e.organisation,
    provinceCode: e.provinceCode,
    cityCode: e.cityCode ?? e.provinceCode,
    declaredRelations: e.relations.map((r) => ({ cityCode: r.cityCode, kind: r.kind as RelationKind, note: r.note })),
  };
}

/**
 * The pilot as the conflict rules see it: its cities now (a cluster may have grown since the plan)
 * and the parks, core enterprises and innovation carriers of its approved plan.
 */
async function conflictSubject(db: Tx, requestId: string, pilot: PilotRow): Promise<ApplicationForConflicts> {
  const app = await getApplication(db, pilot.applicationId);
  const base = app ? applicationFromPlan(requestId, app.plan) : { id: requestId, cityCodes: [], parks: [], coreEnterprises: [], innovationCarriers: [] };
  return { ...base, id: requestId, cityCodes: [...pilot.cityCodes] };
}

function presentExpert(e: q.ExpertRow) {
  return { id: e.id, name: e.name, organisation: e.organisation, title: e.title, fields: e.fields };
}

async function present(db: Tx, actor: Actor, r: q.RequestRow, pilot: PilotRow, pool?: Map<string, q.ExpertRow>): Promise<ConsultingRequest> {
  const chosen = pool ? r.expertIds.map((id) => pool.get(id)).filter((e) => e !== undefined) : await q.expertsByIds(db, r.expertIds);
  const order = new Map(r.expertIds.map((id, i) => [id, i]));
  chosen.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    id: r.id,
    pilotId: r.pilotId,
    pilotName: pilot.name,
    cityNames: pilot.cityCodes.map((c) => getDivision(c)?.name ?? c),
    topic: r.topic,
    description: r.description,
    fields: r.fields,
    status: r.status as ConsultingRequest['status'],
    experts: chosen.map(presentExpert),
    serviceRecord: r.serviceRecord,
    servedOn: r.servedOn,
    version: r.version,
    requestedAt: iso(r.createdAt),
    isDemo: r.isDemo,
    abilities: consultingAbilities(actor, pilot, r.status),
  };
}

async function readablePilot(db: Tx, actor: Actor, pilotId: string): Promise<PilotRow> {
  const pilot = await visiblePilot(db, actor, pilotId);
  if (!canSeeConsulting(actor, pilot)) throw new AppError('NOT_FOUND');
  return pilot;
}

/** A request on a pilot the actor may see; any other is "not found". */
async function visibleRequest(db: Tx, actor: Actor, id: string): Promise<{ request: q.RequestRow; pilot: PilotRow }> {
  const request = await q.getRequest(db, id);
  if (!request) throw new AppError('NOT_FOUND');
  return { request, pilot: await readablePilot(db, actor, request.pilotId) };
}

export async function pilotConsulting(db: Tx, actor: Actor, pilotId: string): Promise<PilotConsulting> {
  const pilot = await readablePilot(db, actor, pilotId);
  const rows = await q.requestsOfPilots(db, [pilot.id]);
  const items = [];
  for (const r of rows) items.push(await present(db, actor, r, pilot));
  return { items, canRequest: canRequestConsulting(actor, pilot) && pilot.state !== 'cancelled' };
}

export async function listConsulting(db: Tx, actor: Actor, status?: string): Promise<ConsultingList> {
  const pilots = (await pilotsInScope(db, actor)).filter((p) => canSeeConsulting(actor, p));
  const byId = new Map(pilots.map((p) => [p.id, p]));
  const rows = await q.requestsOfPilots(db, pilots.map((p) => p.id), status);
  const pool = new Map((await q.expertsByIds(db, [...new Set(rows.flatMap((r) => r.expertIds))])).map((e) => [e.id, e]));
  const items = [];
  for (const r of rows) items.push(await present(db, actor, r, byId.get(r.pilotId)!, pool));
  return { items };
}

export async function getConsulting(db: Tx, actor: Actor, id: string): Promise<ConsultingRequest> {
  const { request, pilot } = await visibleRequest(db, actor, id);
  return present(db, actor, request, pilot);
}

export async function requestConsulting(db: Db, actor: Actor, pilotId: string, body: ConsultingBody, now: Date): Promise<ConsultingRequest> {
  const pilot = await readablePilot(db, actor, pilotId);
  if (!canRequestConsulting(actor, pilot)) throw new AppError('FORBIDDEN');
  if (pilot.state === 'cancelled') throw new AppError('PILOT_CLOSED_FOR_SUPPORT', { state: pilot.state });
  const fields = [...new Set(body.fields)];
  const row = await db.transaction(async (tx) => {
    const r = await q.insertRequest(tx, { pilotId: pilot.id, topic: body.topic, description: body.description, fields, requestedBy: actor.id, createdAt: now });
    await q.insertPilotEvent(tx, { pilotId: pilot.id, actorId: actor.id, action: 'consulting.request', comment: body.topic, data: { requestId: r.id, fields, to: r.status } });
    return r;
  });
  return present(db, actor, row, pilot);
}

/** The pool against a request: available experts by fit (lowest cost first), and those excluded, with why. */
export async function candidates(db: Tx, actor: Actor, id: string): Promise<Candidates> {
  const { request, pilot } = await visibleRequest(db, actor, id);
  if (!mayConsulting(actor, pilot, request.status, 'match')) {
    if (!mayConsulting(actor, pilot, 'requested', 'match')) throw new AppError('FORBIDDEN');
    throw new AppError('CONSULTING_INVALID_STATE', { status: request.status });
  }
  const subject = await conflictSubject(db, request.id, pilot);
  const pool = (await q.expertPool(db)).filter((e) => e.available);
  const out: Candidates = { requestId: request.id, candidates: [], excluded: [] };
  for (const e of pool) {
    const conflicts = findConflicts(toConflictExpert(e), subject, { divisionName });
    if (conflicts.length) {
      const fired = new Set(conflicts.map((c) => c.rule));
      out.excluded.push({
        expertId: e.id,
        name: e.name,
        organisation: e.organisation,
        rules: CONFLICT_RULE_CODES.filter((r) => fired.has(r)),
        reasons: conflicts.map((c) => c.explanation),
      });
      continue;
    }
    const m = expertiseMatch(e.fields, request.fields);
    const place = [divisionName(e.provinceCode), e.cityCode && e.cityCode !== e.provinceCode ? divisionName(e.cityCode) : undefined].filter(Boolean).join(' ');
    out.candidates.push({
      expertId: e.id,
      name: e.name,
      organisation: e.organisation,
      title: e.title,
      place,
      fields: e.fields,
      cost: m.cost,
      matchedFields: m.matchedIndustries,
      reasons: m.reasons,
      chosen: request.expertIds.includes(e.id),
    });
  }
  out.candidates.sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name, 'zh'));
  return out;
}

/** Role, scope, status and version checks shared by every step; then the write and its audit row. */
async function step(
  db: Db,
  actor: Actor,
  id: string,
  action: ConsultingAction,
  version: number,
  prepare: (request: q.RequestRow, pilot: PilotRow) => Promise<{ set: Parameters<typeof q.updateRequest>[3]; comment: string | null; data: Record<string, unknown> }>,
): Promise<ConsultingRequest> {
  const { request, pilot } = await visibleRequest(db, actor, id);
  if (!mayConsulting(actor, pilot, request.status, action)) {
    // The right role in the wrong status is a conflict with the state; anyone else may not act at all.
    if (!(CONSULTING_TRANSITIONS[action].from as readonly string[]).some((s) => mayConsulting(actor, pilot, s, action))) throw new AppError('FORBIDDEN');
    throw new AppError('CONSULTING_INVALID_STATE', { status: request.status });
  }
  if (request.version !== version) throw new AppError('VERSION_CONFLICT', { currentVersion: request.version });
  const { set, comment, data } = await prepare(request, pilot);
  const to = CONSULTING_TRANSITIONS[action].to;
  const updated = await db.transaction(async (tx) => {
    const row = await q.updateRequest(tx, request.id, version, { ...set, status: to });
    if (!row) throw new AppError('VERSION_CONFLICT', { currentVersion: (await q.getRequest(tx, request.id))?.version ?? null });
    await q.insertPilotEvent(tx, {
      pilotId: pilot.id,
      actorId: actor.id,
      action: `consulting.${action}`,
      comment,
      data: { requestId: request.id, from: request.status, to, ...data },
    });
    return row;
  });
  return present(db, actor, updated, pilot);
}

export async function matchExperts(db: Db, actor: Actor, id: string, body: MatchBody): Promise<ConsultingRequest> {
  return step(db, actor, id, 'match', body.version, async (request, pilot) => {
    if (pilot.state === 'cancelled') throw new AppError('PILOT_CLOSED_FOR_SUPPORT', { state: pilot.state });
    const ids = [...new Set(body.expertIds)];
    const found = await q.expertsByIds(db, ids);
    const missing = ids.filter((x) => !found.some((e) => e.id === x));
    if (missing.length) throw new AppError('VALIDATION_FAILED', { unknownExperts: missing });
    const unavailable = found.filter((e) => !e.available);
    if (unavailable.length) throw new AppError('EXPERT_UNAVAILABLE', { experts: unavailable.map((e) => e.name) });
    const subject = await conflictSubject(db, request.id, pilot);
    const conflicted = found
      .map((e) => ({ e, conflicts: findConflicts(toConflictExpert(e), subject, { divisionName }) }))
      .filter((x) => x.conflicts.length > 0);
    if (conflicted.length) {
      throw new AppError(
        'CONFLICT_OF_INTEREST',
        conflicted.map(({ e, conflicts }) => ({ expertId: e.id, name: e.name, rules: [...new Set(conflicts.map((c) => c.rule))], reasons: conflicts.map((c) => c.explanation) })),
      );
    }
    return { set: { expertIds: ids }, comment: found.map((e) => e.name).join('、'), data: { expertIds: ids } };
  });
}

export async function recordService(db: Db, actor: Actor, id: string, body: ServeBody, now: Date): Promise<ConsultingRequest> {
  return step(db, actor, id, 'serve', body.version, async (request) => {
    const today = chinaDate(now);
    const asked = chinaDate(request.createdAt);
    if (body.servedOn > today || body.servedOn < asked) throw new AppError('CONSULTING_SERVED_ON_INVALID', { servedOn: body.servedOn, requestedOn: asked, today });
    return { set: { servedOn: body.servedOn, serviceRecord: body.record }, comment: body.record, data: { servedOn: body.servedOn } };
  });
}

export async function closeRequest(db: Db, actor: Actor, id: string, body: CloseBody): Promise<ConsultingRequest> {
  return step(db, actor, id, 'close', body.version, async () => ({ set: {}, comment: body.comment, data: {} }));
}
