/**
 * The review's configurable rules, stored as settings rows so every server process reads the same:
 * the scoring rubric (criteria, weights, maximum scores, guidance) and the divergence threshold.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { settings } from '../../db/schema.js';
import { DEFAULT_DIVERGENCE_THRESHOLD } from '../../shared/review/aggregation.js';
import { DEFAULT_RUBRIC, type Rubric } from '../../shared/review/rubric.js';
import { reviewSettingsSchema, type ReviewSettings } from './review.contract.js';

const KEY = 'review';

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { rubric: DEFAULT_RUBRIC, divergenceThreshold: DEFAULT_DIVERGENCE_THRESHOLD };

export async function getReviewSettings(db: Tx): Promise<ReviewSettings> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1);
  // A stored value that no longer fits the rules falls back to the defaults rather than failing the review.
  const parsed = reviewSettingsSchema.safeParse(rows[0]?.value);
  return parsed.success ? parsed.data : DEFAULT_REVIEW_SETTINGS;
}

export async function saveReviewSettings(db: Db, value: ReviewSettings, userId: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value, updatedBy: userId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: userId, updatedAt: sql`now()` } });
}

export type { ReviewSettings, Rubric };
