/**
 * The only place that touches Drizzle for policy resources: the records, the programme-list
 * setting (compare-and-set on the version kept inside its value), the pilot's contract versions
 * (read-only, for the indicators a record may name) and the audit rows.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import { pilotContractVersions, pilotEvents, policyResources, settings } from '../../db/schema.js';

export type ResourceRow = typeof policyResources.$inferSelect;

export const PROGRAMMES_KEY = 'resource_programmes';

export async function readProgrammeSetting(db: Tx): Promise<unknown> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, PROGRAMMES_KEY)).limit(1);
  return rows[0]?.value;
}

/**
 * Writes the list if it is still at `expected` (0: no row yet). The version lives in the jsonb
 * value, so the check and the write are one statement. Returns false when someone was first.
 */
export async function writeProgrammeSetting(db: Tx, expected: number, value: { version: number; programmes: unknown[] }, userId: string): Promise<boolean> {
  if (expected === 0) {
    const rows = await db.insert(settings).values({ key: PROGRAMMES_KEY, value, updatedBy: userId }).onConflictDoNothing().returning({ key: settings.key });
    return rows.length === 1;
  }
  const rows = await db
    .update(settings)
    .set({ value, updatedBy: userId, updatedAt: sql`now()` })
    .where(and(eq(settings.key, PROGRAMMES_KEY), sql`(${settings.value}->>'version')::int = ${expected}`))
    .returning({ key: settings.key });
  return rows.length === 1;
}

/** How many records use each of these programme keys (the keys with none are left out). */
export async function programmeUse(db: Tx, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ programme: policyResources.programme, n: sql<number>`count(*)::int` })
    .from(policyResources)
    .where(inArray(policyResources.programme, [...keys]))
    .groupBy(policyResources.programme);
  return new Map(rows.map((r) => [r.programme, Number(r.n)]));
}

export interface ResourceFilter {
  programme?: string;
  year?: number;
}

export async function resourcesOfPilots(db: Tx, pilotIds: readonly string[], f: ResourceFilter = {}): Promise<ResourceRow[]> {
  if (pilotIds.length === 0) return [];
  const where = [inArray(policyResources.pilotId, [...pilotIds])];
  if (f.programme) where.push(eq(policyResources.programme, f.programme));
  if (f.year !== undefined) where.push(eq(policyResources.year, f.year));
  return db
    .select()
    .from(policyResources)
    .where(and(...where))
    .orderBy(desc(policyResources.year), asc(policyResources.programme), asc(policyResources.createdAt));
}

export async function getResource(db: Tx, id: string): Promise<ResourceRow | null> {
  const rows = await db.select().from(policyResources).where(eq(policyResources.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertResource(db: Tx, row: typeof policyResources.$inferInsert): Promise<ResourceRow> {
  const [r] = await db.insert(policyResources).values(row).returning();
  return r!;
}

export async function deleteResource(db: Tx, id: string): Promise<boolean> {
  const rows = await db.delete(policyResources).where(eq(policyResources.id, id)).returning({ id: policyResources.id });
  return rows.length === 1;
}

/** Every target the pilot's contract has named in any version (a record may point at an older one). */
export async function contractTargetsOf(db: Tx, pilotId: string): Promise<{ id: string; indicator: string }[]> {
  const rows = await db
    .select({ targets: pilotContractVersions.targets })
    .from(pilotContractVersions)
    .where(eq(pilotContractVersions.pilotId, pilotId))
    .orderBy(desc(pilotContractVersions.version));
  return rows.flatMap((r) => r.targets.map((t) => ({ id: t.id, indicator: t.indicator })));
}

export async function insertPilotEvent(db: Tx, row: typeof pilotEvents.$inferInsert): Promise<void> {
  const [r] = await db.insert(pilotEvents).values(row).returning({ id: pilotEvents.id });
  await sealRecords(db, 'pilot_event', { id: r!.id });
}

/** The dashboards: the resources summed per pilot and programme (one group-by). */
export async function resourceTotalsByPilotAndProgramme(db: Tx) {
  return db
    .select({
      pilotId: policyResources.pilotId,
      programme: policyResources.programme,
      amount: sql<number>`coalesce(sum(${policyResources.amount}), 0)::float8`,
      count: sql<number>`count(*)::int`,
    })
    .from(policyResources)
    .groupBy(policyResources.pilotId, policyResources.programme);
}

/** The dashboards' cache: a stamp of the resources (id, programme, amount, hashed), as one SQL expression. */
export function resourcesStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${policyResources.id}, ${policyResources.programme}, ${policyResources.amount}), ',' order by ${policyResources.id}), ''))
       from ${policyResources})`;
}
