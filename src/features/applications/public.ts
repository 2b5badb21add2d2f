/**
 * What other features may use of the applications feature: reading an application (within the
 * actor's scope), its scope facts for rows that hang off it (attachments), the compare-and-set on
 * its status and version, and its audit events.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications } from '../../db/schema.js';
export { casUpdateApplication, getApplication, insertEvent, type ApplicationRow } from './applications.queries.js';
export { applicationScope, loadVisible } from './applications.service.js';
// The dossier 完整档案 files the application's history: its events, provincial reviews and intake.
export { getIntake, listEvents, listProvincialReviews } from './applications.queries.js';

/** The dashboards: the city types the plans of these applications claim (read from inside the plan, nothing else of it). */
export async function cityTypesOfApplications(db: Tx, applicationIds: readonly string[]): Promise<{ applicationId: string; cityTypes: unknown }[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select({ applicationId: applications.id, cityTypes: sql<unknown>`${applications.plan} -> 'cityTypes'` })
    .from(applications)
    .where(inArray(applications.id, [...applicationIds]));
}
