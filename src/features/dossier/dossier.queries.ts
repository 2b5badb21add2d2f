/**
 * What the dossier reads that no other feature's public.ts hands out: read-only selects of the rows
 * it files — the application's attachments and the cycle's files (with their content hashes, to read
 * the original bytes from the blob store), the pilot of an application, its evaluations and
 * rectification cases, the report tasks. The dossier writes nothing.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { attachments, evaluationRounds, evaluations, pilotFiles, pilots, rectificationCases, reportTasks, users } from '../../db/schema.js';

export async function attachmentsOf(db: Tx, applicationId: string) {
  return db
    .select({ id: attachments.id, filename: attachments.filename, sha256: attachments.sha256, size: attachments.size, mimeType: attachments.mimeType, createdAt: attachments.createdAt, uploaderName: users.displayName })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export type AttachmentFileRow = Awaited<ReturnType<typeof attachmentsOf>>[number];

/** The files of a pilot's cycle (report and rectification evidence, the summary's, amendments'). */
export async function pilotFilesOf(db: Tx, pilotId: string) {
  return db
    .select({ id: pilotFiles.id, purpose: pilotFiles.purpose, filename: pilotFiles.filename, sha256: pilotFiles.sha256, size: pilotFiles.size, createdAt: pilotFiles.createdAt })
    .from(pilotFiles)
    .where(eq(pilotFiles.pilotId, pilotId))
    .orderBy(asc(pilotFiles.createdAt), asc(pilotFiles.id));
}

export type PilotFileRow = Awaited<ReturnType<typeof pilotFilesOf>>[number];

export async function pilotIdOfApplication(db: Tx, applicationId: string): Promise<string | null> {
  const [row] = await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.applicationId, applicationId)).limit(1);
  return row?.id ?? null;
}

export async function evaluationsOf(db: Tx, pilotId: string) {
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

export type EvaluationFileRow = Awaited<ReturnType<typeof evaluationsOf>>[number];

export async function rectificationsOf(db: Tx, pilotId: string) {
  return db.select().from(rectificationCases).where(eq(rectificationCases.pilotId, pilotId)).orderBy(asc(rectificationCases.createdAt), asc(rectificationCases.id));
}

export type RectificationFileRow = Awaited<ReturnType<typeof rectificationsOf>>[number];

export async function tasksOfReports(db: Tx, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db.select().from(reportTasks).where(inArray(reportTasks.reportId, [...reportIds])).orderBy(asc(reportTasks.reportId), asc(reportTasks.taskIndex));
}

export async function userNames(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
