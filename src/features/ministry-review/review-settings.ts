/**
 * The review's configurable rules, stored as settings rows so every server process reads the same:
 * the scoring rubric (criteria, weights, maximum scores, guidance) and the divergence threshold.
 */
import type { Db, Tx } from '../../db/client.js';
import { readSetting, writeSetting } from '../../kernel/settings-store.js';
import { DEFAULT_DIVERGENCE_THRESHOLD } from '../../shared/review/aggregation.js';
import { DEFAULT_RUBRIC, type Rubric } from '../../shared/review/rubric.js';
import { reviewSettingsSchema, type ReviewSettings } from './review.contract.js';

const KEY = 'review';

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { rubric: DEFAULT_RUBRIC, divergenceThreshold: DEFAULT_DIVERGENCE_THRESHOLD };

export async function getReviewSettings(db: Tx): Promise<ReviewSettings> {
  return (await getVersionedReviewSettings(db)).settings;
}

/** The rules with the version a save must name (0 while the defaults apply). */
export async function getVersionedReviewSettings(db: Tx): Promise<{ settings: ReviewSettings; version: number }> {
  const stored = await readSetting(db, KEY);
  // A stored value that no longer fits the rules falls back to the defaults rather than failing the review.
  const parsed = reviewSettingsSchema.safeParse(stored.value);
  return { settings: parsed.success ? parsed.data : DEFAULT_REVIEW_SETTINGS, version: stored.version };
}

/** Saves the rules if they are still at `version`; VERSION_CONFLICT when someone saved meanwhile. */
export async function saveReviewSettings(db: Db, value: ReviewSettings, version: number, userId: string): Promise<void> {
  await writeSetting(db, KEY, value, { expectedVersion: version, userId });
}

export type { ReviewSettings, Rubric };
