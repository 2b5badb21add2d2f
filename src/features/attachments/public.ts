/** What the composition root and the command line use of the attachments feature: the blob store's orphan sweep. */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { attachments, users } from '../../db/schema.js';
export { BLOB_SWEEP_GRACE_MS, referencedBlobs, sweepOrphanBlobs, type BlobSweepResult } from './blob-sweep.js';

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
