import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions } from '../../db/schema.js';

/** Ends every session of a user but one (after a password change, the one that changed it stays). */
export async function deleteSessionsExcept(db: Db, userId: string, keep: string): Promise<number> {
  const rows = await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keep))).returning({ id: sessions.id });
  return rows.length;
}
