/**
 * The only place that touches Drizzle for consulting: the requests (compare-and-set on their
 * version), the expert pool (read-only) and the audit rows on the pilot.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import { consultingRequests, experts, pilotEvents } from '../../db/schema.js';

export type RequestRow = typeof consultingRequests.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;

export async function requestsOfPilots(db: Tx, pilotIds: readonly string[], status?: string): Promise<RequestRow[]> {
  if (pilotIds.length === 0) return [];
  const where = [inArray(consultingRequests.pilotId, [...pilotIds])];
  if (status) where.push(eq(consultingRequests.status, status));
  return db
    .select()
    .from(consultingRequests)
    .where(and(...where))
    .orderBy(desc(consultingRequests.createdAt));
}

export async function getRequest(db: Tx, id: string): Promise<RequestRow | null> {
  const rows = await db.select().from(consultingRequests).where(eq(consultingRequests.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertRequest(db: Tx, row: typeof consultingRequests.$inferInsert): Promise<RequestRow> {
  const [r] = await db.insert(consultingRequests).values(row).returning();
  return r!;
}

/** Writes the change if the request is still at `version`; null when someone was first. */
export async function updateRequest(
  db: Tx,
  id: string,
  version: number,
  set: Partial<Pick<RequestRow, 'status' | 'expertIds' | 'serviceRecord' | 'servedOn'>>,
): Promise<RequestRow | null> {
  const rows = await db
    .update(consultingRequests)
    .set({ ...set, version: version + 1 })
    .where(and(eq(consultingRequests.id, id), eq(consultingRequests.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function expertPool(db: Tx): Promise<ExpertRow[]> {
  return db.select().from(experts).orderBy(asc(experts.name));
}

export async function expertsByIds(db: Tx, ids: readonly string[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(experts).where(inArray(experts.id, [...ids]));
}

export async function insertPilotEvent(db: Tx, row: typeof pilotEvents.$inferInsert): Promise<void> {
  const [r] = await db.insert(pilotEvents).values(row).returning({ id: pilotEvents.id });
  await sealRecords(db, 'pilot_event', { id: r!.id });
}
