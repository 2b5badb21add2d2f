/**
 * The pilots table: the one place that reads and writes pilot rows. Other features reach it
 * through ./public.ts.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { organisations, pilots } from '../../db/schema.js';

export async function insertPilot(db: Tx, row: typeof pilots.$inferInsert) {
  const [p] = await db.insert(pilots).values(row).returning({ id: pilots.id });
  return p!.id;
}

export type PilotRow = typeof pilots.$inferSelect;

export async function listPilots(db: Tx): Promise<PilotRow[]> {
  return db.select().from(pilots).orderBy(asc(pilots.approvedAt));
}

export async function getPilot(db: Tx, id: string): Promise<PilotRow | null> {
  const rows = await db.select().from(pilots).where(eq(pilots.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function getPilotByApplication(db: Tx, applicationId: string): Promise<PilotRow | null> {
  const rows = await db.select().from(pilots).where(eq(pilots.applicationId, applicationId)).limit(1);
  return rows[0] ?? null;
}

export async function documentNoTaken(db: Tx, documentNo: string): Promise<boolean> {
  const rows = await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.documentNo, documentNo)).limit(1);
  return rows.length > 0;
}

/** The registered organisations of these review authorities (the addressees of a 批复). */
export async function authorityOrganisations(db: Tx, authorityIds: readonly string[]): Promise<{ name: string; authorityId: string | null }[]> {
  if (authorityIds.length === 0) return [];
  return db
    .select({ name: organisations.name, authorityId: organisations.authorityId })
    .from(organisations)
    .where(and(eq(organisations.kind, 'province_authority'), inArray(organisations.authorityId, [...authorityIds])));
}
