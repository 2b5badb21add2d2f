/**
 * The settings table (one row per key: the review rubric, the evaluation scheme, the phase calendar,
 * the reporting schedule, the funding programmes …), read and written in one way for every feature.
 * A save names the version it edited; when someone saved in between, it is refused with
 * VERSION_CONFLICT and nothing is overwritten. Version 0 means "never saved: the defaults apply".
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { settings } from '../db/schema.js';
import { AppError } from './app-error.js';

export interface StoredSetting {
  /** The stored value, or undefined while the defaults apply. */
  value: unknown;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function readSetting(db: Tx, key: string): Promise<StoredSetting> {
  const rows = await db
    .select({ value: settings.value, version: settings.version, updatedAt: settings.updatedAt, updatedBy: settings.updatedBy })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  const row = rows[0];
  return row ? { value: row.value, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : { value: undefined, version: 0, updatedAt: null, updatedBy: null };
}

/**
 * Saves `value` under `key` if the stored version is still `expectedVersion` (0: no row yet), in one
 * statement, so two concurrent saves of the same version cannot both win. Returns the new version.
 */
export async function writeSetting(db: Tx, key: string, value: unknown, opts: { expectedVersion: number; userId: string }): Promise<number> {
  const rows =
    opts.expectedVersion === 0
      ? await db.insert(settings).values({ key, value, version: 1, updatedBy: opts.userId }).onConflictDoNothing().returning({ version: settings.version })
      : await db
          .update(settings)
          .set({ value, version: sql`${settings.version} + 1`, updatedBy: opts.userId, updatedAt: sql`now()` })
          .where(and(eq(settings.key, key), eq(settings.version, opts.expectedVersion)))
          .returning({ version: settings.version });
  if (rows.length !== 1) throw new AppError('VERSION_CONFLICT');
  return rows[0]!.version;
}
