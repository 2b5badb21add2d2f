import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { attachments, users } from '../../db/schema.js';

export async function insertAttachment(
  db: Db | Tx,
  row: { applicationId: string; sha256: string; filename: string; mimeType: string; size: number; uploadedBy: string },
) {
  const [a] = await db.insert(attachments).values(row).returning({ id: attachments.id });
  return a!.id;
}

export async function getAttachment(db: Db, id: string) {
  const rows = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * The dossier 完整档案: an application's attachments with their content hashes (to read the original
 * bytes from the blob store) and who uploaded them, oldest first.
 */
export async function attachmentFilesOf(db: Tx, applicationId: string) {
  return db
    .select({ id: attachments.id, filename: attachments.filename, sha256: attachments.sha256, size: attachments.size, mimeType: attachments.mimeType, createdAt: attachments.createdAt, uploaderName: users.displayName })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}
