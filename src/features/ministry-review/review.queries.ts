/** Database access of the ministry review: panels, members, score sheets, opinions, comments. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  applications,
  departmentOpinions,
  experts,
  notifications,
  organisations,
  panelMembers,
  panels,
  reviewComments,
  scoreSheets,
  users,
} from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { sealRecords } from '../../kernel/record-integrity.js';

export type ExpertRow = typeof experts.$inferSelect;

export async function listAvailableExperts(db: Tx): Promise<ExpertRow[]> {
  return db.select().from(experts).where(eq(experts.available, true)).orderBy(asc(experts.name));
}

export async function getExpertsByIds(db: Tx, ids: string[]): Promise<ExpertRow[]> {
  if (!ids.length) return [];
  return db.select().from(experts).where(inArray(experts.id, ids));
}

export async function getExpertByUser(db: Tx, userId: string): Promise<ExpertRow | null> {
  const rows = await db.select().from(experts).where(eq(experts.userId, userId)).limit(1);
  return rows[0] ?? null;
}

/** Current panel load of each expert: member seats on open panels, not recused. */
export async function currentLoads(db: Tx): Promise<Map<string, number>> {
  const rows = await db
    .select({ expertId: panelMembers.expertId, n: sql<number>`count(*)::int` })
    .from(panelMembers)
    .innerJoin(panels, eq(panels.id, panelMembers.panelId))
    .where(and(eq(panels.status, 'open'), eq(panelMembers.role, 'member'), isNull(panelMembers.recusedAt)))
    .groupBy(panelMembers.expertId);
  return new Map(rows.map((r) => [r.expertId, r.n]));
}

export type PanelRow = typeof panels.$inferSelect;

export async function getCurrentPanel(db: Tx, applicationId: string): Promise<PanelRow | null> {
  const rows = await db.select().from(panels).where(eq(panels.applicationId, applicationId)).orderBy(desc(panels.createdAt)).limit(1);
  return rows[0] ?? null;
}

export async function getPanel(db: Tx, panelId: string): Promise<PanelRow | null> {
  const rows = await db.select().from(panels).where(eq(panels.id, panelId)).limit(1);
  return rows[0] ?? null;
}

export async function insertPanel(db: Tx, row: typeof panels.$inferInsert) {
  const [p] = await db.insert(panels).values(row).returning({ id: panels.id });
  return p!.id;
}

export async function insertMembers(db: Tx, rows: (typeof panelMembers.$inferInsert)[]) {
  if (rows.length) await db.insert(panelMembers).values(rows);
}

export async function listMembers(db: Tx, panelId: string) {
  return db
    .select({
      expertId: panelMembers.expertId,
      role: panelMembers.role,
      cost: panelMembers.cost,
      reasons: panelMembers.reasons,
      declaredAt: panelMembers.declaredAt,
      recusedAt: panelMembers.recusedAt,
      recusalReason: panelMembers.recusalReason,
      name: experts.name,
      organisation: experts.organisation,
      title: experts.title,
      fields: experts.fields,
      userId: experts.userId,
    })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(eq(panelMembers.panelId, panelId))
    .orderBy(asc(panelMembers.role), asc(experts.name));
}

export async function getMembership(db: Tx, panelId: string, expertId: string) {
  const rows = await db
    .select()
    .from(panelMembers)
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.expertId, expertId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function setDeclared(db: Tx, panelId: string, expertId: string) {
  await db
    .update(panelMembers)
    .set({ declaredAt: sql`now()` })
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.expertId, expertId), isNull(panelMembers.declaredAt)));
}

export async function setRecused(db: Tx, panelId: string, expertId: string, reason: string) {
  const rows = await db
    .update(panelMembers)
    .set({ recusedAt: sql`now()`, recusalReason: reason })
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.expertId, expertId), isNull(panelMembers.recusedAt)))
    .returning({ expertId: panelMembers.expertId });
  return rows.length === 1;
}

export async function promoteBackup(db: Tx, panelId: string, expertId: string) {
  await db
    .update(panelMembers)
    .set({ role: 'member' })
    .where(and(eq(panelMembers.panelId, panelId), eq(panelMembers.expertId, expertId), eq(panelMembers.role, 'backup')));
}

export async function insertScoreSheet(db: Tx, row: typeof scoreSheets.$inferInsert): Promise<boolean> {
  const rows = await db.insert(scoreSheets).values(row).onConflictDoNothing().returning({ expertId: scoreSheets.expertId });
  if (rows.length === 1) await sealRecords(db, 'score_sheet', { panel_id: row.panelId, expert_id: row.expertId, round: row.round });
  return rows.length === 1;
}

export async function listSheets(db: Tx, panelId: string, round?: number) {
  const conds = [eq(scoreSheets.panelId, panelId)];
  if (round !== undefined) conds.push(eq(scoreSheets.round, round));
  return db
    .select({
      expertId: scoreSheets.expertId,
      round: scoreSheets.round,
      scores: scoreSheets.scores,
      opinion: scoreSheets.opinion,
      comments: scoreSheets.comments,
      total: scoreSheets.total,
      submittedAt: scoreSheets.submittedAt,
      expertName: experts.name,
      organisation: experts.organisation,
    })
    .from(scoreSheets)
    .innerJoin(experts, eq(experts.id, scoreSheets.expertId))
    .where(and(...conds))
    .orderBy(asc(scoreSheets.submittedAt));
}

/** Every submitted sheet on every panel, for leniency normalisation and rolling percentiles. */
export async function listAllSheets(db: Tx) {
  return db
    .select({
      panelId: scoreSheets.panelId,
      applicationId: panels.applicationId,
      expertId: scoreSheets.expertId,
      round: scoreSheets.round,
      currentRound: panels.scoreRound,
      total: scoreSheets.total,
      submittedAt: scoreSheets.submittedAt,
    })
    .from(scoreSheets)
    .innerJoin(panels, eq(panels.id, scoreSheets.panelId));
}

export async function bumpScoreRound(db: Tx, panelId: string) {
  const rows = await db
    .update(panels)
    .set({ scoreRound: sql`${panels.scoreRound} + 1` })
    .where(and(eq(panels.id, panelId), eq(panels.status, 'open')))
    .returning({ scoreRound: panels.scoreRound });
  return rows[0]?.scoreRound ?? null;
}

export async function closePanel(db: Tx, panelId: string) {
  await db.update(panels).set({ status: 'closed' }).where(eq(panels.id, panelId));
}

/** Panels an expert sits on (as member or backup), newest first. */
export async function listAssignments(db: Tx, expertId: string) {
  return db
    .select({
      panelId: panels.id,
      applicationId: panels.applicationId,
      deadline: panels.deadline,
      status: panels.status,
      scoreRound: panels.scoreRound,
      role: panelMembers.role,
      declaredAt: panelMembers.declaredAt,
      recusedAt: panelMembers.recusedAt,
      title: applications.title,
      refNo: applications.refNo,
      applicationStatus: applications.status,
      submittedRound: sql<number | null>`(select max(${scoreSheets.round}) from ${scoreSheets} where ${scoreSheets.panelId} = ${panels.id} and ${scoreSheets.expertId} = ${expertId})`,
    })
    .from(panelMembers)
    .innerJoin(panels, eq(panels.id, panelMembers.panelId))
    .innerJoin(applications, eq(applications.id, panels.applicationId))
    .where(eq(panelMembers.expertId, expertId))
    .orderBy(desc(panels.createdAt));
}

export async function upsertDepartmentOpinion(
  db: Tx,
  row: { applicationId: string; organisationId: string; authorId: string; stance: string; opinion: string },
) {
  await db
    .insert(departmentOpinions)
    .values(row)
    .onConflictDoUpdate({
      target: [departmentOpinions.applicationId, departmentOpinions.organisationId],
      set: { stance: row.stance, opinion: row.opinion, authorId: row.authorId, createdAt: sql`now()` },
    });
}

export async function listDepartmentOpinions(db: Tx, applicationId: string) {
  return db
    .select({
      organisationName: organisations.name,
      authorName: users.displayName,
      stance: departmentOpinions.stance,
      opinion: departmentOpinions.opinion,
      createdAt: departmentOpinions.createdAt,
    })
    .from(departmentOpinions)
    .innerJoin(organisations, eq(organisations.id, departmentOpinions.organisationId))
    .innerJoin(users, eq(users.id, departmentOpinions.authorId))
    .where(eq(departmentOpinions.applicationId, applicationId))
    .orderBy(asc(departmentOpinions.createdAt));
}

export async function insertComment(db: Tx, row: { applicationId: string; authorId: string; body: string }) {
  await db.insert(reviewComments).values(row);
}

export async function listComments(db: Tx, applicationId: string) {
  return db
    .select({ id: reviewComments.id, body: reviewComments.body, createdAt: reviewComments.createdAt, authorName: users.displayName, authorRole: users.role })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .where(eq(reviewComments.applicationId, applicationId))
    .orderBy(asc(reviewComments.createdAt));
}

export async function notify(db: Tx, rows: { userId: string; kind: string; dedupeKey: string; title: { zh: string; en: string }; link: string | null }[]) {
  if (rows.length) await db.insert(notifications).values(rows).onConflictDoNothing();
}

export async function usersWithRole(db: Tx, role: string) {
  return db.select({ id: users.id }).from(users).where(and(eq(users.role, role), eq(users.active, true)));
}

/** Every sheet one expert submitted, with the application it scored. */
export async function listSheetsOfExpert(db: Tx, expertId: string) {
  return db
    .select({
      refNo: applications.refNo,
      title: applications.title,
      round: scoreSheets.round,
      scores: scoreSheets.scores,
      opinion: scoreSheets.opinion,
      comments: scoreSheets.comments,
      total: scoreSheets.total,
      submittedAt: scoreSheets.submittedAt,
      rubric: panels.rubric,
    })
    .from(scoreSheets)
    .innerJoin(panels, eq(panels.id, scoreSheets.panelId))
    .innerJoin(applications, eq(applications.id, panels.applicationId))
    .where(eq(scoreSheets.expertId, expertId))
    .orderBy(asc(scoreSheets.submittedAt));
}
