/**
 * The evaluation feature's tables: rounds, evaluations, seated experts, expert scores and department
 * opinions, and its setting (the scheme). Read-only views of the expert pool and of the case a 不合格
 * grade opened.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { readSetting, writeSetting, type StoredSetting } from '../../kernel/settings-store.js';
import { sealRecords } from '../../kernel/record-integrity.js';
import {
  evaluationMembers,
  evaluationOpinions,
  evaluationRounds,
  evaluations,
  evaluationScores,
  experts,
  organisations,
  rectificationCases,
  users,
} from '../../db/schema.js';

export const SCHEME_KEY = 'evaluation_scheme';

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;

export async function getSchemeSetting(db: Tx): Promise<StoredSetting> {
  return readSetting(db, SCHEME_KEY);
}

/** Compare-and-set on the setting's version; VERSION_CONFLICT when someone saved meanwhile. */
export async function saveSchemeSetting(db: Tx, value: unknown, expectedVersion: number, userId: string): Promise<void> {
  await writeSetting(db, SCHEME_KEY, value, { expectedVersion, userId });
}

export async function insertRound(db: Tx, row: typeof evaluationRounds.$inferInsert): Promise<RoundRow> {
  const [r] = await db.insert(evaluationRounds).values(row).returning();
  return r!;
}

export async function listRounds(db: Tx): Promise<RoundRow[]> {
  return db.select().from(evaluationRounds).orderBy(desc(evaluationRounds.openedAt));
}

export async function getRound(db: Tx, id: string): Promise<RoundRow | null> {
  const rows = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertEvaluation(db: Tx, row: typeof evaluations.$inferInsert): Promise<EvaluationRow> {
  const [r] = await db.insert(evaluations).values(row).returning();
  await sealRecords(db, 'evaluation', { id: r!.id });
  return r!;
}

export async function getEvaluation(db: Tx, id: string): Promise<EvaluationRow | null> {
  const rows = await db.select().from(evaluations).where(eq(evaluations.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Closes the round once none of its evaluations is still being scored; true when this call closed it. */
export async function closeRoundIfDecided(db: Tx, roundId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(evaluationRounds)
    .set({ status: 'closed', closedAt: at })
    .where(
      and(
        eq(evaluationRounds.id, roundId),
        eq(evaluationRounds.status, 'open'),
        sql`not exists (select 1 from ${evaluations} where ${evaluations.roundId} = ${roundId} and ${evaluations.status} <> 'decided')`,
      ),
    )
    .returning({ id: evaluationRounds.id });
  return rows.length === 1;
}

export async function evaluationsOfRounds(db: Tx, roundIds: readonly string[]): Promise<EvaluationRow[]> {
  if (roundIds.length === 0) return [];
  return db.select().from(evaluations).where(inArray(evaluations.roundId, [...roundIds]));
}

/** Compare-and-set on the evaluation's version, while it is still being scored. */
export async function casUpdateEvaluation(db: Tx, id: string, version: number, patch: Partial<typeof evaluations.$inferInsert>): Promise<number | null> {
  const rows = await db
    .update(evaluations)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(evaluations.id, id), eq(evaluations.version, version), eq(evaluations.status, 'scoring')))
    .returning({ version: evaluations.version });
  if (rows[0]) await sealRecords(db, 'evaluation', { id });
  return rows[0]?.version ?? null;
}

export async function availableExperts(db: Tx): Promise<ExpertRow[]> {
  return db.select().from(experts).where(eq(experts.available, true)).orderBy(asc(experts.name));
}

export async function expertOfUser(db: Tx, userId: string): Promise<ExpertRow | null> {
  const rows = await db.select().from(experts).where(eq(experts.userId, userId)).limit(1);
  return rows[0] ?? null;
}

/** Seats each expert holds on evaluations still being scored (their load here). */
export async function evaluationLoads(db: Tx): Promise<Map<string, number>> {
  const rows = await db
    .select({ expertId: evaluationMembers.expertId, n: sql<number>`count(*)::int` })
    .from(evaluationMembers)
    .innerJoin(evaluations, eq(evaluations.id, evaluationMembers.evaluationId))
    .where(and(eq(evaluations.status, 'scoring'), isNull(evaluationMembers.recusedAt)))
    .groupBy(evaluationMembers.expertId);
  return new Map(rows.map((r) => [r.expertId, Number(r.n)]));
}

export async function insertMembers(db: Tx, evaluationId: string, expertIds: readonly string[]): Promise<void> {
  if (expertIds.length === 0) return;
  await db.insert(evaluationMembers).values(expertIds.map((expertId) => ({ evaluationId, expertId })));
}

export async function membersOf(db: Tx, evaluationId: string) {
  return db
    .select({ expertId: evaluationMembers.expertId, name: experts.name, organisation: experts.organisation, recusedAt: evaluationMembers.recusedAt })
    .from(evaluationMembers)
    .innerJoin(experts, eq(experts.id, evaluationMembers.expertId))
    .where(eq(evaluationMembers.evaluationId, evaluationId))
    .orderBy(asc(experts.name));
}

/** Inserts the expert's scores once; false when they were submitted already. */
export async function insertScores(db: Tx, row: typeof evaluationScores.$inferInsert): Promise<boolean> {
  const rows = await db.insert(evaluationScores).values(row).onConflictDoNothing().returning({ id: evaluationScores.id });
  if (rows[0]) await sealRecords(db, 'evaluation_score', { id: rows[0].id });
  return rows.length > 0;
}

export async function scoresOf(db: Tx, evaluationId: string) {
  return db
    .select({
      expertId: evaluationScores.expertId,
      expertName: experts.name,
      scores: evaluationScores.scores,
      comments: evaluationScores.comments,
      submittedAt: evaluationScores.submittedAt,
    })
    .from(evaluationScores)
    .innerJoin(experts, eq(experts.id, evaluationScores.expertId))
    .where(eq(evaluationScores.evaluationId, evaluationId))
    .orderBy(asc(evaluationScores.submittedAt));
}

export async function upsertOpinion(db: Tx, row: { evaluationId: string; organisationId: string; authorId: string; opinion: string; scores: Record<string, number> }): Promise<void> {
  await db
    .insert(evaluationOpinions)
    .values(row)
    .onConflictDoUpdate({
      target: [evaluationOpinions.evaluationId, evaluationOpinions.organisationId],
      set: { opinion: row.opinion, scores: row.scores, authorId: row.authorId, updatedAt: sql`now()` },
    });
}

export async function opinionsOf(db: Tx, evaluationId: string) {
  return db
    .select({ organisationName: organisations.name, opinion: evaluationOpinions.opinion, scores: evaluationOpinions.scores, updatedAt: evaluationOpinions.updatedAt })
    .from(evaluationOpinions)
    .innerJoin(organisations, eq(organisations.id, evaluationOpinions.organisationId))
    .where(eq(evaluationOpinions.evaluationId, evaluationId))
    .orderBy(asc(organisations.name));
}

export async function caseOfEvaluation(db: Tx, evaluationId: string): Promise<string | null> {
  const rows = await db.select({ id: rectificationCases.id }).from(rectificationCases).where(eq(rectificationCases.evaluationId, evaluationId)).limit(1);
  return rows[0]?.id ?? null;
}

/** The dossier: a pilot's evaluations with their round and who decided them, in the order the rounds opened. */
export async function evaluationsOfPilot(db: Tx, pilotId: string) {
  return db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      grade: evaluations.grade,
      totalScore: evaluations.totalScore,
      result: evaluations.result,
      decidedAt: evaluations.decidedAt,
      roundKind: evaluationRounds.kind,
      roundTitle: evaluationRounds.title,
      deadline: evaluationRounds.deadline,
      decidedByName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluations.roundId))
    .leftJoin(users, eq(users.id, evaluations.decidedBy))
    .where(eq(evaluations.pilotId, pilotId))
    .orderBy(asc(evaluationRounds.openedAt), asc(evaluations.id));
}
