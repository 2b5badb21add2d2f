/** The portal's one table, portal_publications: the only place that reads or writes it. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { portalPublications, users } from '../../db/schema.js';

export type PublicationRow = typeof portalPublications.$inferSelect;
export type PublicationWithNames = PublicationRow & { publishedByName: string };

export async function publicationsOf(db: Tx, pilotIds: readonly string[]): Promise<PublicationRow[]> {
  if (pilotIds.length === 0) return [];
  return db
    .select()
    .from(portalPublications)
    .where(inArray(portalPublications.pilotId, [...pilotIds]))
    .orderBy(asc(portalPublications.publishedAt), asc(portalPublications.id));
}

/** Every publication in force (not withdrawn), for the public pages. */
export async function publicationsInForce(db: Tx): Promise<PublicationRow[]> {
  return db.select().from(portalPublications).where(isNull(portalPublications.withdrawnAt)).orderBy(asc(portalPublications.publishedAt));
}

export async function publicationsWithNames(db: Tx, pilotIds: readonly string[]): Promise<PublicationWithNames[]> {
  if (pilotIds.length === 0) return [];
  const rows = await db
    .select({ p: portalPublications, publishedByName: users.displayName })
    .from(portalPublications)
    .innerJoin(users, eq(users.id, portalPublications.publishedBy))
    .where(inArray(portalPublications.pilotId, [...pilotIds]))
    .orderBy(asc(portalPublications.publishedAt), asc(portalPublications.id));
  return rows.map((r) => ({ ...r.p, publishedByName: r.publishedByName }));
}

export async function getPublication(db: Tx, id: string): Promise<PublicationRow | null> {
  const rows = await db.select().from(portalPublications).where(eq(portalPublications.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertPublication(db: Tx, row: typeof portalPublications.$inferInsert): Promise<PublicationRow> {
  const [r] = await db.insert(portalPublications).values(row).returning();
  return r!;
}

/** Withdraws a publication still in force; null when it was withdrawn meanwhile. */
export async function casWithdraw(db: Tx, id: string, by: string, at: Date): Promise<PublicationRow | null> {
  const rows = await db
    .update(portalPublications)
    .set({ withdrawnBy: by, withdrawnAt: at })
    .where(and(eq(portalPublications.id, id), isNull(portalPublications.withdrawnAt)))
    .returning();
  return rows[0] ?? null;
}
