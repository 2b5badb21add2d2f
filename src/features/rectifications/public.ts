/**
 * What other features may use of rectification: opening a case inside their own transaction (the
 * evaluation's 不合格 grade opens one) and the findings an evaluation and the confirmed figures give
 * (the attainment they come from is the attainment feature's).
 */
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rectificationCases } from '../../db/schema.js';
export { openCaseIn, type Today } from './rectifications.service.js';
export { evaluationFindings, offTrackFindings, type PilotForFindings } from './rectifications.findings.js';
export { getPilotRow } from './pilot-bridge.js';
// The public portal reads the notices the ministry marked published, and nothing else.
export { publishedNotices, publishedNotice } from './rectifications.public-notices.js';

// ---- for the dashboards ------------------------------------------------------------------------------

/** The cases not yet closed (passed or failed). */
const OPEN_CASE_STATUSES = ['open', 'answered', 'province_reviewed'] as const;

/** The dashboards: every case not yet closed, earliest deadline first (one filtered scan). */
export async function openRectificationCases(db: Tx) {
  return db
    .select({ caseId: rectificationCases.id, pilotId: rectificationCases.pilotId, status: rectificationCases.status, deadline: rectificationCases.deadline })
    .from(rectificationCases)
    .where(inArray(rectificationCases.status, [...OPEN_CASE_STATUSES]))
    .orderBy(asc(rectificationCases.deadline));
}

/** The dashboards' cache: a stamp of the cases (id, status, version, deadline, hashed), as one SQL expression. */
export function casesStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${rectificationCases.id}, ${rectificationCases.status}, ${rectificationCases.version}, ${rectificationCases.deadline}), ',' order by ${rectificationCases.id}), ''))
       from ${rectificationCases})`;
}

/** The dossier: every case of a pilot, oldest first. */
export async function rectificationCasesOfPilot(db: Tx, pilotId: string) {
  return db.select().from(rectificationCases).where(eq(rectificationCases.pilotId, pilotId)).orderBy(asc(rectificationCases.createdAt), asc(rectificationCases.id));
}
