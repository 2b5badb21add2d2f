/**
 * Policy resources: funds and projects the ministry gives a pilot under a named programme, the
 * indicators each is meant to move, and the totals per pilot, province and programme. Scope from
 * shared/permissions/resource-scope.ts; every record and withdrawal is audited on the pilot in
 * the same transaction. The programme list is a setting with its own compare-and-set version.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { iso } from '../../shared/contract/wire.js';
import {
  canConfigureProgrammes,
  canRecordResource,
  canSeeProvinceTotal,
  canSeeResources,
  resourceAbilities,
  resourceListAbilities,
} from '../../shared/permissions/resource-scope.js';
import { getReviewAuthority, reviewAuthoritiesForCluster } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import { pilotsInScope, visiblePilot, type PilotRow } from '../pilots/public.js';
import {
  programmeSettingsSchema,
  type PilotResources,
  type PolicyResource,
  type Programme,
  type ProgrammeSettings,
  type ResourceBody,
  type ResourceList,
  type ResourceTotals,
  type TotalsBy,
} from './policy-resources.contract.js';
import * as q from './policy-resources.queries.js';
import { DEFAULT_PROGRAMMES, duplicateKeys, removedKeys, roundAmount } from './programmes.js';

// ---------------------------------------------------------------------------------------------
// The programme list

export async function getProgrammes(db: Tx): Promise<ProgrammeSettings> {
  // A stored value that no longer fits falls back to the defaults rather than failing every page.
  const parsed = programmeSettingsSchema.safeParse(await q.readProgrammeSetting(db));
  return parsed.success ? parsed.data : { version: 0, programmes: [...DEFAULT_PROGRAMMES] };
}

export async function saveProgrammes(db: Db, actor: Actor, body: ProgrammeSettings): Promise<ProgrammeSettings> {
  if (!canConfigureProgrammes(actor)) throw new AppError('FORBIDDEN');
  const dup = duplicateKeys(body.programmes);
  if (dup.length) throw new AppError('VALIDATION_FAILED', { duplicateKeys: dup });
  return db.transaction(async (tx) => {
    const current = await getProgrammes(tx);
    if (current.version !== body.version) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    const removed = removedKeys(current.programmes, body.programmes);
    const inUse = await q.programmeUse(tx, removed);
    if (inUse.size) throw new AppError('RESOURCE_PROGRAMME_IN_USE', { programmes: [...inUse].map(([key, records]) => ({ key, records })) });
    const next = { version: current.version + 1, programmes: body.programmes };
    if (!(await q.writeProgrammeSetting(tx, current.version, next, actor.id))) {
      throw new AppError('VERSION_CONFLICT', { currentVersion: (await getProgrammes(tx)).version });
    }
    return next;
  });
}

function labelOf(programmes: readonly Programme[], key: string) {
  const p = programmes.find((x) => x.key === key);
  return p ? { zh: p.zh, en: p.en } : { zh: key, en: key };
}

// ---------------------------------------------------------------------------------------------
// Records

/** Every target the pilot's contract names, in any version (the frozen plan's first). */
async function targetsOf(db: Tx, pilot: PilotRow): Promise<Map<string, string>> {
  const all = [...pilot.targets.map((t) => ({ id: t.id, indicator: t.indicator })), ...(await q.contractTargetsOf(db, pilot.id))];
  const out = new Map<string, string>();
  for (const t of all) if (!out.has(t.id)) out.set(t.id, t.indicator);
  return out;
}

function present(actor: Actor, r: q.ResourceRow, pilot: PilotRow, programmes: readonly Programme[], targets: Map<string, string>): PolicyResource {
  return {
    id: r.id,
    pilotId: r.pilotId,
    pilotName: pilot.name,
    programme: r.programme,
    programmeLabel: labelOf(programmes, r.programme),
    amount: r.amount,
    year: r.year,
    department: r.department,
    project: r.project,
    targetIds: r.targetIds,
    targets: r.targetIds.map((id) => ({ id, indicator: targets.get(id) ?? id })),
    note: r.note,
    createdAt: iso(r.createdAt),
    isDemo: r.isDemo,
    abilities: resourceAbilities(actor, pilot),
  };
}

const sum = (rows: readonly { amount: number }[]) => ({ amount: roundAmount(rows.reduce((s, r) => s + r.amount, 0)), count: rows.length });

/** A pilot in the actor's scope whose resources it may read; any other is "not found". */
async function readablePilot(db: Tx, actor: Actor, pilotId: string): Promise<PilotRow> {
  const pilot = await visiblePilot(db, actor, pilotId);
  if (!canSeeResources(actor, pilot)) throw new AppError('NOT_FOUND');
  return pilot;
}

export async function pilotResources(db: Tx, actor: Actor, pilotId: string): Promise<PilotResources> {
  const pilot = await readablePilot(db, actor, pilotId);
  const [rows, programmes, targets] = await Promise.all([q.resourcesOfPilots(db, [pilot.id]), getProgrammes(db), targetsOf(db, pilot)]);
  return {
    pilotId: pilot.id,
    periodStartYear: pilot.periodStartYear,
    periodEndYear: pilot.periodEndYear,
    items: rows.map((r) => present(actor, r, pilot, programmes.programmes, targets)),
    total: sum(rows),
    abilities: resourceListAbilities(actor, pilot),
  };
}

async function scopedPilots(db: Tx, actor: Actor, pilotId?: string): Promise<PilotRow[]> {
  if (pilotId) return [await readablePilot(db, actor, pilotId)];
  return (await pilotsInScope(db, actor)).filter((p) => canSeeResources(actor, p));
}

export interface ScopedRecords {
  pilots: PilotRow[];
  rows: q.ResourceRow[];
  programmes: Programme[];
}

async function scopedRecords(db: Tx, actor: Actor, f: { pilotId?: string; programme?: string; year?: number }): Promise<ScopedRecords> {
  const pilots = await scopedPilots(db, actor, f.pilotId);
  const [rows, programmes] = await Promise.all([q.resourcesOfPilots(db, pilots.map((p) => p.id), f), getProgrammes(db)]);
  return { pilots, rows, programmes: programmes.programmes };
}

export async function listResources(db: Tx, actor: Actor, f: { pilotId?: string; programme?: string; year?: number }): Promise<ResourceList> {
  const { pilots, rows, programmes } = await scopedRecords(db, actor, f);
  const byId = new Map(pilots.map((p) => [p.id, p]));
  const targets = new Map<string, Map<string, string>>();
  for (const p of pilots) if (rows.some((r) => r.pilotId === p.id)) targets.set(p.id, await targetsOf(db, p));
  return {
    items: rows.map((r) => present(actor, r, byId.get(r.pilotId)!, programmes, targets.get(r.pilotId) ?? new Map())),
    total: sum(rows),
    canRecord: pilots.some((p) => canRecordResource(actor, p)),
  };
}

export async function recordResource(db: Db, actor: Actor, pilotId: string, body: ResourceBody, now: Date): Promise<PolicyResource> {
  const pilot = await readablePilot(db, actor, pilotId);
  if (!canRecordResource(actor, pilot)) throw new AppError('FORBIDDEN');
  if (pilot.state === 'cancelled') throw new AppError('PILOT_CLOSED_FOR_SUPPORT', { state: pilot.state });
  const programmes = (await getProgrammes(db)).programmes;
  if (!programmes.some((p) => p.key === body.programme)) throw new AppError('RESOURCE_PROGRAMME_UNKNOWN', { programme: body.programme });
  if (body.year < pilot.periodStartYear || body.year > pilot.periodEndYear) {
    throw new AppError('RESOURCE_YEAR_OUTSIDE_PERIOD', { year: body.year, periodStartYear: pilot.periodStartYear, periodEndYear: pilot.periodEndYear });
  }
  const targets = await targetsOf(db, pilot);
  const targetIds = [...new Set(body.targetIds)];
  const unknown = targetIds.filter((id) => !targets.has(id));
  if (unknown.length) throw new AppError('RESOURCE_TARGET_UNKNOWN', { targetIds: unknown });
  const row = await db.transaction(async (tx) => {
    const r = await q.insertResource(tx, {
      pilotId: pilot.id,
      programme: body.programme,
      amount: body.amount,
      year: body.year,
      department: body.department,
      project: body.project,
      targetIds,
      note: body.note,
      createdBy: actor.id,
      createdAt: now,
    });
    await q.insertPilotEvent(tx, {
      pilotId: pilot.id,
      actorId: actor.id,
      action: 'resource.record',
      comment: body.project,
      data: { resourceId: r.id, programme: r.programme, amount: r.amount, year: r.year, department: r.department, targetIds },
    });
    return r;
  });
  return present(actor, row, pilot, programmes, targets);
}

export async function withdrawResource(db: Db, actor: Actor, resourceId: string): Promise<void> {
  const row = await q.getResource(db, resourceId);
  if (!row) throw new AppError('NOT_FOUND');
  const pilot = await readablePilot(db, actor, row.pilotId);
  if (!canRecordResource(actor, pilot)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    if (!(await q.deleteResource(tx, row.id))) throw new AppError('NOT_FOUND');
    await q.insertPilotEvent(tx, {
      pilotId: pilot.id,
      actorId: actor.id,
      action: 'resource.withdraw',
      comment: row.project,
      data: { resourceId: row.id, programme: row.programme, amount: row.amount, year: row.year, department: row.department },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Totals

/** Totals of the records in scope, grouped as asked. Pilots and programmes without records show 0. */
export function totalsOf(actor: Actor, by: TotalsBy, data: ScopedRecords): ResourceTotals {
  const { pilots, rows, programmes } = data;
  const groups = new Map<string, { label: { zh: string; en: string }; amount: number; count: number }>();
  const add = (key: string, label: { zh: string; en: string }, amount: number, n: number) => {
    const g = groups.get(key) ?? { label, amount: 0, count: 0 };
    g.amount += amount;
    g.count += n;
    groups.set(key, g);
  };
  const pilotById = new Map(pilots.map((p) => [p.id, p]));
  const authorityLabel = (id: string) => {
    const a = getReviewAuthority(id);
    return { zh: a?.name ?? id, en: a?.name ?? id };
  };
  if (by === 'pilot') {
    for (const p of pilots) add(p.id, { zh: p.name, en: p.name }, 0, 0);
    for (const r of rows) add(r.pilotId, { zh: pilotById.get(r.pilotId)!.name, en: pilotById.get(r.pilotId)!.name }, r.amount, 1);
  } else if (by === 'programme') {
    for (const p of programmes) add(p.key, { zh: p.zh, en: p.en }, 0, 0);
    for (const r of rows) add(r.programme, labelOf(programmes, r.programme), r.amount, 1);
  } else {
    const authoritiesOf = (p: PilotRow) => reviewAuthoritiesForCluster(p.cityCodes).filter((a) => canSeeProvinceTotal(actor, a));
    for (const p of pilots) for (const a of authoritiesOf(p)) add(a, authorityLabel(a), 0, 0);
    for (const r of rows) for (const a of authoritiesOf(pilotById.get(r.pilotId)!)) add(a, authorityLabel(a), r.amount, 1);
  }
  const list = [...groups].map(([key, g]) => ({ key, label: g.label, amount: roundAmount(g.amount), count: g.count }));
  // The programme list keeps its configured order; pilots and provinces go by amount, largest first.
  if (by !== 'programme') list.sort((a, b) => b.amount - a.amount || a.label.zh.localeCompare(b.label.zh, 'zh'));
  return { by, rows: list, total: sum(rows) };
}

export async function resourceTotals(db: Tx, actor: Actor, by: TotalsBy, year?: number): Promise<ResourceTotals> {
  return totalsOf(actor, by, await scopedRecords(db, actor, { year }));
}

/** What the Excel export needs: the records in scope (one pilot or all) with every totals table. */
export async function exportData(db: Tx, actor: Actor, pilotId?: string) {
  const data = await scopedRecords(db, actor, { pilotId });
  const list = await listResources(db, actor, { pilotId });
  return {
    records: list.items,
    total: list.total,
    totals: { pilot: totalsOf(actor, 'pilot', data), province: totalsOf(actor, 'province', data), programme: totalsOf(actor, 'programme', data) },
  };
}
