/** The amendments table: the one place that reads and writes amendment rows. */
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { amendments, users } from '../../db/schema.js';

export type AmendmentRow = typeof amendments.$inferSelect;
export type AmendmentWithAuthor = AmendmentRow & { proposerName: string | null };

export async function insertAmendment(db: Tx, row: typeof amendments.$inferInsert): Promise<string> {
  const [a] = await db.insert(amendments).values(row).returning({ id: amendments.id });
  return a!.id;
}

export async function getAmendment(db: Tx, id: string): Promise<AmendmentWithAuthor | null> {
  const rows = await db
    .select({ a: amendments, proposerName: users.displayName })
    .from(amendments)
    .leftJoin(users, eq(users.id, amendments.proposedBy))
    .where(eq(amendments.id, id))
    .limit(1);
  return rows[0] ? { ...rows[0].a, proposerName: rows[0].proposerName } : null;
}

export async function listAmendments(db: Tx, pilotId: string): Promise<AmendmentWithAuthor[]> {
  const rows = await db
    .select({ a: amendments, proposerName: users.displayName })
    .from(amendments)
    .leftJoin(users, eq(users.id, amendments.proposedBy))
    .where(eq(amendments.pilotId, pilotId))
    .orderBy(asc(amendments.createdAt));
  return rows.map((r) => ({ ...r.a, proposerName: r.proposerName }));
}

export type AmendmentPatch = Partial<
  Pick<AmendmentRow, 'status' | 'provinceOpinion' | 'provinceSupports' | 'provinceReviewedAt' | 'decisionComment' | 'decidedBy' | 'decidedAt' | 'proposal'>
>;

/** Compare-and-set on the amendment's version: the new version, or null when it changed meanwhile. */
export async function casUpdateAmendment(db: Tx, id: string, version: number, patch: AmendmentPatch): Promise<number | null> {
  const rows = await db
    .update(amendments)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(amendments.id, id), eq(amendments.version, version)))
    .returning({ version: amendments.version });
  return rows[0]?.version ?? null;
}
