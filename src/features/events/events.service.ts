/**
 * Events 活动 and action items 督办事项: the planning department plans an event, records it as
 * held, writes and publishes the minutes, keeps its materials, and assigns action items to
 * organisations; an item's owner logs its progress and closes it with a closing note; the ministry
 * edits, reassigns and reopens. Every write is scope- and state-checked (src/shared/permissions/
 * event-scope.ts, src/shared/events/), compare-and-set on the row's version, and recorded in the
 * event's history or the item's updates log in the same transaction.
 */
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../kernel/app-error.js';
import { chinaDate } from '../../kernel/clock.js';
import { iso } from '../../shared/contract/wire.js';
import { actionItemStatus, ACTION_ITEM_TRANSITIONS, daysUntil } from '../../shared/events/action-item-rules.js';
import { EDITABLE_IN, EVENT_TRANSITIONS, mayHoldOn, MINUTES_EDITABLE_IN, ACTIONS_OPEN_IN, validDates, type EventKind, type EventState } from '../../shared/events/event-lifecycle.js';
import {
  actionItemAbilities,
  canSeeActionItem,
  canSeeEvent,
  eventAbilities,
  mayManageEvent,
  mayReadMinutes,
  ownsActionItem,
  type ActionItemAbility,
  type EventScope,
} from '../../shared/permissions/event-scope.js';
import { can } from '../../shared/permissions/policy.js';
import { getReviewAuthority, listReviewAuthorities } from '../../shared/reference/divisions.js';
import type { Actor } from '../../shared/roles/roles.js';
import type {
  ActionCloseBody,
  ActionItem,
  ActionItemBody,
  ActionItemEditBody,
  ActionList,
  ActionListQuery,
  ActionReopenBody,
  ActionUpdateBody,
  EventBody,
  EventDetail,
  EventList,
  EventListQuery,
  EventSummary,
  EventUpdateBody,
  MinutesBody,
  OwnerOptions,
  TransitionBody,
} from './events.contract.js';
import { OWNER_KINDS } from './events.contract.js';
import * as q from './events.queries.js';

type PilotFacts = { id: string; name: string; cityCodes: string[] };

/** What is known around a set of events: their items, related pilots and owner organisations. */
interface Context {
  items: Map<string, q.ItemRow[]>;
  pilots: Map<string, PilotFacts>;
  orgs: Map<string, q.OrganisationRow>;
}

async function contextOf(db: Tx, rows: readonly q.EventRow[]): Promise<Context> {
  const items = await q.itemsOfEvents(db, rows.map((r) => r.id));
  const byEvent = new Map<string, q.ItemRow[]>();
  for (const i of items) byEvent.set(i.eventId, [...(byEvent.get(i.eventId) ?? []), i]);
  const pilots = await q.pilotsByIds(db, [...new Set(rows.flatMap((r) => r.pilotIds))]);
  const orgs = await q.organisationsByIds(db, [...new Set(items.map((i) => i.ownerOrganisationId))]);
  return { items: byEvent, pilots: new Map(pilots.map((p) => [p.id, p])), orgs: new Map(orgs.map((o) => [o.id, o])) };
}

function scopeOf(row: q.EventRow, ctx: Context): EventScope {
  const items = ctx.items.get(row.id) ?? [];
  return {
    national: row.national,
    authorityIds: row.authorityIds,
    pilotCityCodes: row.pilotIds.flatMap((id) => ctx.pilots.get(id)?.cityCodes ?? []),
    organisationIds: [...new Set([...row.participants.map((p) => p.organisationId).filter((x): x is string => x !== null), ...items.map((i) => i.ownerOrganisationId)])],
  };
}

function summaryOf(row: q.EventRow, ctx: Context, today: string): EventSummary {
  const items = ctx.items.get(row.id) ?? [];
  const statuses = items.map((i) => actionItemStatus(i, today));
  return {
    id: row.id,
    kind: row.kind as EventKind,
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    place: row.place,
    hostOrganisation: row.hostOrganisation,
    national: row.national,
    state: row.state as EventState,
    openItems: statuses.filter((s) => s === 'open').length,
    overdueItems: statuses.filter((s) => s === 'overdue').length,
    isDemo: row.isDemo,
  };
}

function presentItem(actor: Actor, item: q.ItemRow, ev: q.EventRow, scope: EventScope, org: q.OrganisationRow | undefined, updates: q.UpdateRow[], today: string): ActionItem {
  return {
    id: item.id,
    eventId: ev.id,
    eventTitle: ev.title,
    eventKind: ev.kind as EventKind,
    title: item.title,
    description: item.description,
    ownerOrganisationId: item.ownerOrganisationId,
    ownerName: org?.name ?? '',
    deadline: item.deadline,
    status: actionItemStatus(item, today),
    daysLeft: daysUntil(item.deadline, today),
    closingNote: item.closingNote,
    closedAt: iso(item.closedAt),
    version: item.version,
    updates: updates.map((u) => ({ id: u.id, kind: u.kind, note: u.note, actorName: u.actorName, createdAt: iso(u.createdAt) })),
    abilities: actionItemAbilities(actor, item, scope),
  };
}

function groupUpdates(rows: q.UpdateRow[]): Map<string, q.UpdateRow[]> {
  const out = new Map<string, q.UpdateRow[]>();
  for (const u of rows) out.set(u.itemId, [...(out.get(u.itemId) ?? []), u]);
  return out;
}

async function presentEvent(db: Tx, actor: Actor, row: q.EventRow, ctx: Context, today: string): Promise<EventDetail> {
  const scope = scopeOf(row, ctx);
  const items = (ctx.items.get(row.id) ?? []).filter((i) => canSeeActionItem(actor, i, scope));
  const updates = groupUpdates(await q.updatesOf(db, items.map((i) => i.id)));
  const materials = await q.materialsOf(db, row.id);
  const history = can(actor.role, 'event.manage') ? await q.historyOf(db, row.id) : [];
  const readMinutes = mayReadMinutes(actor, scope, row.state);
  return {
    ...summaryOf(row, ctx, today),
    description: row.description,
    authorityIds: row.authorityIds,
    authorities: row.authorityIds.map((id) => ({ id, name: getReviewAuthority(id)?.name ?? id })),
    pilots: row.pilotIds.map((id) => ({ id, name: ctx.pilots.get(id)?.name ?? '' })),
    agenda: row.agenda,
    participants: row.participants as EventDetail['participants'],
    materials: materials.map((m) => ({ id: m.id, filename: m.filename, mimeType: m.mimeType, size: m.size, uploadedAt: iso(m.uploadedAt) })),
    minutes: readMinutes ? row.minutes : null,
    minutesPublishedAt: iso(row.minutesPublishedAt),
    actionItems: items.map((i) => presentItem(actor, i, row, scope, ctx.orgs.get(i.ownerOrganisationId), updates.get(i.id) ?? [], today)),
    history: history.map((h) => ({ action: h.action, fromState: h.fromState, toState: h.toState, comment: h.comment, actorName: h.actorName, at: iso(h.createdAt) })),
    version: row.version,
    abilities: eventAbilities(actor, scope, row.state, row.minutes.trim().length > 0),
  };
}

/** An event the actor may see, with its context; any other is "not found". */
async function visibleEvent(db: Tx, actor: Actor, id: string): Promise<{ row: q.EventRow; ctx: Context; scope: EventScope }> {
  const row = await q.getEvent(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const ctx = await contextOf(db, [row]);
  const scope = scopeOf(row, ctx);
  if (!canSeeEvent(actor, scope)) throw new AppError('NOT_FOUND');
  return { row, ctx, scope };
}

/** The event, visible and manageable by the actor, in one of the states the step allows. */
async function managedEvent(db: Tx, actor: Actor, id: string, allowed: readonly string[]) {
  const found = await visibleEvent(db, actor, id);
  if (!mayManageEvent(actor, found.scope)) throw new AppError('FORBIDDEN');
  if (!allowed.includes(found.row.state)) throw new AppError('EVENT_INVALID_STATE', { state: found.row.state });
  return found;
}

export async function listEvents(db: Tx, actor: Actor, query: EventListQuery, now: Date): Promise<EventList> {
  const today = chinaDate(now);
  const rows = await q.listEvents(db);
  const ctx = await contextOf(db, rows);
  const visible = rows.filter((r) => canSeeEvent(actor, scopeOf(r, ctx)));
  const years = [...new Set(visible.map((r) => Number(r.startsOn.slice(0, 4))))].sort((a, b) => b - a);
  const items = visible
    .filter((r) => (query.kind ? r.kind === query.kind : true))
    .filter((r) => (query.year ? Number(r.startsOn.slice(0, 4)) === query.year : true))
    .map((r) => summaryOf(r, ctx, today));
  return { items, years, canCreate: can(actor.role, 'event.manage') };
}

export async function getEventDetail(db: Tx, actor: Actor, id: string, now: Date): Promise<EventDetail> {
  const { row, ctx } = await visibleEvent(db, actor, id);
  return presentEvent(db, actor, row, ctx, chinaDate(now));
}

async function reload(db: Tx, actor: Actor, id: string, now: Date): Promise<EventDetail> {
  return getEventDetail(db, actor, id, now);
}

/** The body's facts checked: dates in order, authorities and pilots that exist, participants' organisations known. */
async function checkedBody(db: Tx, body: EventBody) {
  if (!validDates(body.startsOn, body.endsOn)) throw new AppError('EVENT_DATES_INVALID', { startsOn: body.startsOn, endsOn: body.endsOn });
  const authorityIds = [...new Set(body.authorityIds)];
  const unknownAuthorities = authorityIds.filter((a) => !getReviewAuthority(a));
  if (unknownAuthorities.length) throw new AppError('EVENT_AUTHORITY_UNKNOWN', { authorityIds: unknownAuthorities });
  const pilotIds = [...new Set(body.pilotIds)];
  const found = await q.pilotsByIds(db, pilotIds);
  const missing = pilotIds.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) throw new AppError('EVENT_PILOT_UNKNOWN', { pilotIds: missing });
  const orgIds = [...new Set(body.participants.map((p) => p.organisationId).filter((x): x is string => x !== null))];
  const orgs = await q.organisationsByIds(db, orgIds);
  const unknownOrgs = orgIds.filter((id) => !orgs.some((o) => o.id === id));
  if (unknownOrgs.length) throw new AppError('VALIDATION_FAILED', { unknownOrganisations: unknownOrgs });
  return {
    kind: body.kind,
    title: body.title,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    place: body.place,
    hostOrganisation: body.hostOrganisation,
    description: body.description,
    national: body.national,
    authorityIds,
    pilotIds,
    agenda: body.agenda,
    participants: body.participants,
  };
}

export async function createEvent(db: Db, actor: Actor, body: EventBody, now: Date): Promise<EventDetail> {
  if (!can(actor.role, 'event.manage')) throw new AppError('FORBIDDEN');
  const values = await checkedBody(db, body);
  const row = await db.transaction(async (tx) => {
    const r = await q.insertEvent(tx, { ...values, createdBy: actor.id, createdAt: now, updatedAt: now });
    await q.insertHistory(tx, { eventId: r.id, version: r.version, actorId: actor.id, action: 'create', toState: r.state, comment: r.title, createdAt: now });
    return r;
  });
  return reload(db, actor, row.id, now);
}

function conflict(current: q.EventRow | q.ItemRow | null): never {
  throw new AppError('VERSION_CONFLICT', { currentVersion: current?.version ?? null });
}

export async function updateEvent(db: Db, actor: Actor, id: string, body: EventUpdateBody, now: Date): Promise<EventDetail> {
  const { row } = await managedEvent(db, actor, id, EDITABLE_IN);
  if (row.version !== body.version) conflict(row);
  const values = await checkedBody(db, body);
  await db.transaction(async (tx) => {
    const updated = await q.updateEvent(tx, id, body.version, values, now);
    if (!updated) conflict(await q.getEvent(tx, id));
    await q.insertHistory(tx, { eventId: id, version: updated.version, actorId: actor.id, action: 'edit', fromState: row.state, toState: row.state, createdAt: now });
  });
  return reload(db, actor, id, now);
}

export async function saveMinutes(db: Db, actor: Actor, id: string, body: MinutesBody, now: Date): Promise<EventDetail> {
  const { row } = await managedEvent(db, actor, id, MINUTES_EDITABLE_IN);
  if (row.version !== body.version) conflict(row);
  await db.transaction(async (tx) => {
    const updated = await q.updateEvent(tx, id, body.version, { minutes: body.minutes }, now);
    if (!updated) conflict(await q.getEvent(tx, id));
    await q.insertHistory(tx, { eventId: id, version: updated.version, actorId: actor.id, action: 'minutes', fromState: row.state, toState: row.state, createdAt: now });
  });
  return reload(db, actor, id, now);
}

export async function transitionEvent(db: Db, actor: Actor, id: string, body: TransitionBody, now: Date): Promise<EventDetail> {
  const t = EVENT_TRANSITIONS[body.action];
  const { row } = await managedEvent(db, actor, id, t.from);
  if (row.version !== body.version) conflict(row);
  const reason = body.reason?.trim() ?? '';
  if (t.needsReason && reason.length === 0) throw new AppError('EVENT_REASON_REQUIRED', { action: body.action });
  const today = chinaDate(now);
  if (body.action === 'hold' && !mayHoldOn(row.startsOn, today)) throw new AppError('EVENT_NOT_YET_HELD', { startsOn: row.startsOn, today });
  if (body.action === 'publishMinutes' && row.minutes.trim().length === 0) throw new AppError('EVENT_MINUTES_EMPTY');
  const set: Partial<q.EventInsert> = { state: t.to };
  if (body.action === 'publishMinutes') set.minutesPublishedAt = now;
  if (body.action === 'withdrawMinutes') set.minutesPublishedAt = null;
  await db.transaction(async (tx) => {
    const updated = await q.updateEvent(tx, id, body.version, set, now);
    if (!updated) conflict(await q.getEvent(tx, id));
    await q.insertHistory(tx, { eventId: id, version: updated.version, actorId: actor.id, action: body.action, fromState: row.state, toState: t.to, comment: reason || null, createdAt: now });
  });
  return reload(db, actor, id, now);
}

// ── Materials ────────────────────────────────────────────────────────────────────────────────────

/** Refuses before an upload is read: only the ministry, only while the event's details may change. */
export async function materialTarget(db: Tx, actor: Actor, id: string): Promise<void> {
  await managedEvent(db, actor, id, EDITABLE_IN);
}

export async function recordMaterial(
  db: Db,
  actor: Actor,
  id: string,
  file: { sha256: string; filename: string; mimeType: string; size: number },
  now: Date,
): Promise<EventDetail['materials'][number]> {
  const { row } = await managedEvent(db, actor, id, EDITABLE_IN);
  const m = await db.transaction(async (tx) => {
    const inserted = await q.insertMaterial(tx, { eventId: id, ...file, uploadedBy: actor.id, uploadedAt: now });
    await q.insertHistory(tx, { eventId: id, version: row.version, actorId: actor.id, action: 'material.add', fromState: row.state, toState: row.state, comment: file.filename, createdAt: now });
    return inserted;
  });
  return { id: m.id, filename: m.filename, mimeType: m.mimeType, size: m.size, uploadedAt: iso(m.uploadedAt) };
}

export async function materialFile(db: Tx, actor: Actor, id: string, materialId: string): Promise<q.MaterialRow> {
  await visibleEvent(db, actor, id);
  const m = await q.getMaterial(db, id, materialId);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

export async function removeMaterial(db: Db, actor: Actor, id: string, materialId: string, now: Date): Promise<EventDetail> {
  const { row } = await managedEvent(db, actor, id, EDITABLE_IN);
  const m = await q.getMaterial(db, id, materialId);
  if (!m) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await q.deleteMaterial(tx, m.id);
    await q.insertHistory(tx, { eventId: id, version: row.version, actorId: actor.id, action: 'material.remove', fromState: row.state, toState: row.state, comment: m.filename, createdAt: now });
  });
  return reload(db, actor, id, now);
}

/** The minutes for the Word file: published ones for all who see the event, the draft for the ministry. */
export async function minutesFor(db: Tx, actor: Actor, id: string, now: Date): Promise<EventDetail> {
  const detail = await getEventDetail(db, actor, id, now);
  if (!detail.abilities.includes('downloadMinutes') || detail.minutes === null) throw new AppError('EVENT_MINUTES_NOT_AVAILABLE');
  return detail;
}

// ── Action items ─────────────────────────────────────────────────────────────────────────────────

/** The organisations that may own an item: ministry departments, provincial authorities, pilot cities. */
async function ownerCandidates(db: Tx): Promise<q.OrganisationRow[]> {
  const pilotCities = new Set((await q.allPilots(db)).flatMap((p) => p.cityCodes));
  return (await q.organisationsOfKinds(db, OWNER_KINDS)).filter((o) => o.kind !== 'city' || pilotCities.has(o.divisionCode));
}

export async function ownerOptions(db: Tx, actor: Actor): Promise<OwnerOptions> {
  if (!can(actor.role, 'event.manage')) throw new AppError('FORBIDDEN');
  const owners = await ownerCandidates(db);
  return {
    items: owners.map((o) => ({ id: o.id, name: o.name, kind: o.kind as OwnerOptions['items'][number]['kind'] })),
    authorities: listReviewAuthorities().map((a) => ({ id: a.id, name: a.name })),
    pilots: (await q.allPilots(db)).map((p) => ({ id: p.id, name: p.name })),
  };
}

async function checkedOwner(db: Tx, ownerOrganisationId: string): Promise<q.OrganisationRow> {
  const owner = (await ownerCandidates(db)).find((o) => o.id === ownerOrganisationId);
  if (!owner) throw new AppError('ACTION_ITEM_OWNER_INVALID', { ownerOrganisationId });
  return owner;
}

async function presentOne(db: Tx, actor: Actor, itemId: string, now: Date): Promise<ActionItem> {
  const { item, row, ctx, scope } = await visibleItem(db, actor, itemId);
  const updates = await q.updatesOf(db, [item.id]);
  return presentItem(actor, item, row, scope, ctx.orgs.get(item.ownerOrganisationId), updates, chinaDate(now));
}

export async function createItem(db: Db, actor: Actor, eventId: string, body: ActionItemBody, now: Date): Promise<ActionItem> {
  const { row } = await managedEvent(db, actor, eventId, ACTIONS_OPEN_IN);
  const owner = await checkedOwner(db, body.ownerOrganisationId);
  const item = await db.transaction(async (tx) => {
    const i = await q.insertItem(tx, { eventId, title: body.title, description: body.description, ownerOrganisationId: owner.id, deadline: body.deadline, createdBy: actor.id, createdAt: now });
    await q.insertUpdate(tx, { itemId: i.id, version: i.version, actorId: actor.id, kind: 'create', note: '', data: { owner: owner.name, deadline: body.deadline }, createdAt: now });
    await q.insertHistory(tx, { eventId, version: row.version, actorId: actor.id, action: 'action_item.add', fromState: row.state, toState: row.state, comment: body.title, createdAt: now });
    return i;
  });
  return presentOne(db, actor, item.id, now);
}

async function visibleItem(db: Tx, actor: Actor, itemId: string) {
  const item = await q.getItem(db, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  const row = (await q.getEvent(db, item.eventId))!;
  const ctx = await contextOf(db, [row]);
  const scope = scopeOf(row, ctx);
  if (!canSeeActionItem(actor, item, scope)) throw new AppError('NOT_FOUND');
  return { item, row, ctx, scope };
}

export async function getItemDetail(db: Tx, actor: Actor, itemId: string, now: Date): Promise<ActionItem> {
  return presentOne(db, actor, itemId, now);
}

export async function listItems(db: Tx, actor: Actor, query: ActionListQuery, now: Date): Promise<ActionList> {
  const today = chinaDate(now);
  const rows = await q.listEvents(db);
  const ctx = await contextOf(db, rows);
  const out: ActionItem[] = [];
  const candidates: { item: q.ItemRow; row: q.EventRow; scope: EventScope }[] = [];
  for (const row of rows) {
    if (query.eventId && row.id !== query.eventId) continue;
    const scope = scopeOf(row, ctx);
    for (const item of ctx.items.get(row.id) ?? []) {
      const visible = query.scope === 'mine' ? ownsActionItem(actor, item) : canSeeActionItem(actor, item, scope);
      if (!visible) continue;
      if (query.status && actionItemStatus(item, today) !== query.status) continue;
      candidates.push({ item, row, scope });
    }
  }
  const updates = groupUpdates(await q.updatesOf(db, candidates.map((c) => c.item.id)));
  for (const c of candidates) out.push(presentItem(actor, c.item, c.row, c.scope, ctx.orgs.get(c.item.ownerOrganisationId), updates.get(c.item.id) ?? [], today));
  out.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.title.localeCompare(b.title, 'zh'));
  return { items: out };
}

/** The statuses in which each ability is possible at all, for telling "wrong status" (409) from "not yours" (403). */
const ABILITY_FROM: Record<ActionItemAbility, readonly string[]> = {
  update: ['open'],
  close: ACTION_ITEM_TRANSITIONS.close.from,
  reopen: ACTION_ITEM_TRANSITIONS.reopen.from,
  edit: ['open'],
};

async function itemStep(
  db: Db,
  actor: Actor,
  itemId: string,
  ability: ActionItemAbility,
  version: number,
  now: Date,
  prepare: (item: q.ItemRow) => Promise<{ set: Partial<q.ItemInsert>; kind: string; note: string; data?: Record<string, unknown> }>,
): Promise<ActionItem> {
  const { item, scope } = await visibleItem(db, actor, itemId);
  if (!actionItemAbilities(actor, item, scope).includes(ability)) {
    const elsewhere = ABILITY_FROM[ability].some((status) => actionItemAbilities(actor, { ...item, status }, scope).includes(ability));
    if (!elsewhere) throw new AppError('FORBIDDEN');
    throw new AppError('ACTION_ITEM_INVALID_STATE', { status: item.status });
  }
  if (item.version !== version) conflict(item);
  const { set, kind, note, data } = await prepare(item);
  await db.transaction(async (tx) => {
    const updated = await q.updateItem(tx, item.id, version, set);
    if (!updated) conflict(await q.getItem(tx, item.id));
    await q.insertUpdate(tx, { itemId: item.id, version: updated.version, actorId: actor.id, kind, note, data: data ?? null, createdAt: now });
  });
  return presentOne(db, actor, itemId, now);
}

function requireNote(note: string): string {
  const n = note.trim();
  if (n.length === 0) throw new AppError('ACTION_ITEM_NOTE_REQUIRED');
  return n;
}

export async function addItemUpdate(db: Db, actor: Actor, itemId: string, body: ActionUpdateBody, now: Date): Promise<ActionItem> {
  return itemStep(db, actor, itemId, 'update', body.version, now, async () => ({ set: {}, kind: 'update', note: requireNote(body.note) }));
}

export async function closeItem(db: Db, actor: Actor, itemId: string, body: ActionCloseBody, now: Date): Promise<ActionItem> {
  return itemStep(db, actor, itemId, 'close', body.version, now, async () => {
    const note = requireNote(body.note);
    return { set: { status: ACTION_ITEM_TRANSITIONS.close.to, closingNote: note, closedAt: now }, kind: 'close', note };
  });
}

export async function reopenItem(db: Db, actor: Actor, itemId: string, body: ActionReopenBody, now: Date): Promise<ActionItem> {
  return itemStep(db, actor, itemId, 'reopen', body.version, now, async () => {
    const note = requireNote(body.note);
    return { set: { status: ACTION_ITEM_TRANSITIONS.reopen.to, closingNote: null, closedAt: null }, kind: 'reopen', note };
  });
}

export async function editItem(db: Db, actor: Actor, itemId: string, body: ActionItemEditBody, now: Date): Promise<ActionItem> {
  return itemStep(db, actor, itemId, 'edit', body.version, now, async (item) => {
    const owner = await checkedOwner(db, body.ownerOrganisationId);
    const reassigned = owner.id !== item.ownerOrganisationId;
    return {
      set: { title: body.title, description: body.description, deadline: body.deadline, ownerOrganisationId: owner.id },
      kind: reassigned ? 'reassign' : 'edit',
      note: body.note,
      data: { owner: owner.name, deadline: body.deadline, previousDeadline: item.deadline },
    };
  });
}
