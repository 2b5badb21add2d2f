/**
 * The only place that touches Drizzle for events: the events (compare-and-set on their version), their
 * materials and history, the action items with their updates log, and — read-only — the organisations
 * that may own items and the pilots events relate to (whom reminders go to: accounts/public.ts).
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { eventActionItems, eventActionUpdates, eventHistory, eventMaterials, events, organisations, pilots, users } from '../../db/schema.js';

export type EventRow = typeof events.$inferSelect;
export type EventInsert = typeof events.$inferInsert;
export type MaterialRow = typeof eventMaterials.$inferSelect;
export type ItemRow = typeof eventActionItems.$inferSelect;
export type ItemInsert = typeof eventActionItems.$inferInsert;
export type UpdateRow = typeof eventActionUpdates.$inferSelect & { actorName: string | null };
export type HistoryRow = typeof eventHistory.$inferSelect & { actorName: string | null };
export type OrganisationRow = Pick<typeof organisations.$inferSelect, 'id' | 'name' | 'kind' | 'divisionCode' | 'authorityId'>;

export async function listEvents(db: Tx): Promise<EventRow[]> {
  return db.select().from(events).orderBy(desc(events.startsOn), asc(events.title));
}

export async function getEvent(db: Tx, id: string): Promise<EventRow | null> {
  const rows = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertEvent(db: Tx, row: EventInsert): Promise<EventRow> {
  const [r] = await db.insert(events).values(row).returning();
  return r!;
}

/** Writes the change if the event is still at `version` (and in `state`, when given); null when someone was first. */
export async function updateEvent(db: Tx, id: string, version: number, set: Partial<EventInsert>, now: Date): Promise<EventRow | null> {
  const rows = await db
    .update(events)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(events.id, id), eq(events.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function insertHistory(db: Tx, row: typeof eventHistory.$inferInsert): Promise<void> {
  await db.insert(eventHistory).values(row);
}

export async function historyOf(db: Tx, eventId: string): Promise<HistoryRow[]> {
  return db
    .select({
      id: eventHistory.id,
      eventId: eventHistory.eventId,
      actorId: eventHistory.actorId,
      action: eventHistory.action,
      version: eventHistory.version,
      fromState: eventHistory.fromState,
      toState: eventHistory.toState,
      comment: eventHistory.comment,
      createdAt: eventHistory.createdAt,
      actorName: users.displayName,
    })
    .from(eventHistory)
    .leftJoin(users, eq(users.id, eventHistory.actorId))
    .where(eq(eventHistory.eventId, eventId))
    .orderBy(asc(eventHistory.version), asc(eventHistory.createdAt));
}

export async function materialsOf(db: Tx, eventId: string): Promise<MaterialRow[]> {
  return db.select().from(eventMaterials).where(eq(eventMaterials.eventId, eventId)).orderBy(asc(eventMaterials.uploadedAt));
}

export async function getMaterial(db: Tx, eventId: string, id: string): Promise<MaterialRow | null> {
  const rows = await db
    .select()
    .from(eventMaterials)
    .where(and(eq(eventMaterials.id, id), eq(eventMaterials.eventId, eventId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertMaterial(db: Tx, row: typeof eventMaterials.$inferInsert): Promise<MaterialRow> {
  const [r] = await db.insert(eventMaterials).values(row).returning();
  return r!;
}

export async function deleteMaterial(db: Tx, id: string): Promise<void> {
  await db.delete(eventMaterials).where(eq(eventMaterials.id, id));
}

export async function itemsOfEvents(db: Tx, eventIds: readonly string[]): Promise<ItemRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(eventActionItems)
    .where(inArray(eventActionItems.eventId, [...eventIds]))
    .orderBy(asc(eventActionItems.deadline), asc(eventActionItems.createdAt));
}

export async function allItems(db: Tx): Promise<ItemRow[]> {
  return db.select().from(eventActionItems).orderBy(asc(eventActionItems.deadline), asc(eventActionItems.createdAt));
}

export async function openItems(db: Tx): Promise<ItemRow[]> {
  return db.select().from(eventActionItems).where(eq(eventActionItems.status, 'open'));
}

export async function getItem(db: Tx, id: string): Promise<ItemRow | null> {
  const rows = await db.select().from(eventActionItems).where(eq(eventActionItems.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertItem(db: Tx, row: typeof eventActionItems.$inferInsert): Promise<ItemRow> {
  const [r] = await db.insert(eventActionItems).values(row).returning();
  return r!;
}

export async function updateItem(db: Tx, id: string, version: number, set: Partial<ItemInsert>): Promise<ItemRow | null> {
  const rows = await db
    .update(eventActionItems)
    .set({ ...set, version: version + 1 })
    .where(and(eq(eventActionItems.id, id), eq(eventActionItems.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function insertUpdate(db: Tx, row: typeof eventActionUpdates.$inferInsert): Promise<void> {
  await db.insert(eventActionUpdates).values(row);
}

export async function updatesOf(db: Tx, itemIds: readonly string[]): Promise<UpdateRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .select({
      id: eventActionUpdates.id,
      itemId: eventActionUpdates.itemId,
      actorId: eventActionUpdates.actorId,
      kind: eventActionUpdates.kind,
      version: eventActionUpdates.version,
      note: eventActionUpdates.note,
      data: eventActionUpdates.data,
      createdAt: eventActionUpdates.createdAt,
      actorName: users.displayName,
    })
    .from(eventActionUpdates)
    .leftJoin(users, eq(users.id, eventActionUpdates.actorId))
    .where(inArray(eventActionUpdates.itemId, [...itemIds]))
    .orderBy(asc(eventActionUpdates.itemId), asc(eventActionUpdates.version), asc(eventActionUpdates.createdAt));
}

const ORG_COLUMNS = { id: organisations.id, name: organisations.name, kind: organisations.kind, divisionCode: organisations.divisionCode, authorityId: organisations.authorityId };

export async function organisationsOfKinds(db: Tx, kinds: readonly string[]): Promise<OrganisationRow[]> {
  return db.select(ORG_COLUMNS).from(organisations).where(inArray(organisations.kind, [...kinds])).orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function organisationsByIds(db: Tx, ids: readonly string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select(ORG_COLUMNS).from(organisations).where(inArray(organisations.id, [...ids]));
}

export async function pilotsByIds(db: Tx, ids: readonly string[]): Promise<{ id: string; name: string; cityCodes: string[] }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: pilots.id, name: pilots.name, cityCodes: pilots.cityCodes }).from(pilots).where(inArray(pilots.id, [...ids]));
}

export async function allPilots(db: Tx): Promise<{ id: string; name: string; cityCodes: string[] }[]> {
  return db.select({ id: pilots.id, name: pilots.name, cityCodes: pilots.cityCodes }).from(pilots).where(ne(pilots.state, 'cancelled')).orderBy(asc(pilots.name));
}

