import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { attachments } from '../../db/schema.js';

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
