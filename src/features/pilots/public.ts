/** What other features may use of pilots: creating one at approval, and the uniqueness of 批复 numbers. */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pilotContractVersions, pilotFiles, pilots } from '../../db/schema.js';
export { createPilotForApproval, type ApprovalFacts } from './pilots.service.js';
export { documentNoTaken } from './pilots.queries.js';
// The pilots a user may see and one of them (404 outside the scope), for the cycle's features.
export { pilotsInScope, visiblePilot } from './pilots.service.js';
export type { PilotRow } from './pilots.queries.js';
// The rectification feature moves the pilot through the lifecycle and audits its case's other steps.
export { transitionPilot, type TransitionInput, type TransitionResult } from './pilots.service.js';
export { insertPilotEvent } from './pilots.queries.js';
// The contract, versioned: the version in force in a year (each year's attainment is computed against
// it), the scheduled calendar, and what the amendments feature writes when it approves a change.
export { addContractVersion, contractInForce, recordPilotEvent, RUNNING_STATES, scheduleConfig, type ContractChange, type ContractInForce } from './pilots.service.js';
// The public portal lists every pilot and reads one, then shows only what the ministry published.
export { listPilots, getPilot } from './pilots.queries.js';
// The dossier 完整档案 files the 批复 and the pilot's events.
export { approvalData } from './pilots.service.js';
export { listPilotEvents } from './pilots.queries.js';

// ---- small read-only selects other features use (each over this feature's tables) --------------------

/** The dashboards: every pilot with what they count it by; the targets (the heavy part of the row) stay out. */
export async function pilotsForCounting(db: Tx) {
  return db
    .select({ id: pilots.id, applicationId: pilots.applicationId, name: pilots.name, cityCodes: pilots.cityCodes, state: pilots.state, isDemo: pilots.isDemo })
    .from(pilots)
    .orderBy(asc(pilots.approvedAt), asc(pilots.id));
}
export type PilotCountingRow = Awaited<ReturnType<typeof pilotsForCounting>>[number];

/**
 * The dashboards' cache: a stamp of the pilots (id, version, state, name, cities, hashed) and of the
 * contract versions (count and sum of versions), as two SQL expressions a caller puts into its own select.
 */
export function pilotsStampSql(): SQL {
  return sql`(select md5(coalesce(string_agg(concat_ws('|', ${pilots.id}, ${pilots.version}, ${pilots.state}, ${pilots.name}, ${pilots.cityCodes}::text), ',' order by ${pilots.id}), ''))
       from ${pilots})`;
}
export function contractVersionsStampSql(): SQL {
  return sql`(select concat_ws(':', count(*), coalesce(sum(${pilotContractVersions.version}), 0)) from ${pilotContractVersions})`;
}

/** The dossier: the pilot an application became, if any. */
export async function pilotIdOfApplication(db: Tx, applicationId: string): Promise<string | null> {
  const [row] = await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.applicationId, applicationId)).limit(1);
  return row?.id ?? null;
}

/** The dossier: every file of a pilot's cycle (report and rectification evidence, the summary's, amendments'), with its content hash, oldest first. */
export async function cycleFilesOf(db: Tx, pilotId: string) {
  return db
    .select({ id: pilotFiles.id, purpose: pilotFiles.purpose, filename: pilotFiles.filename, sha256: pilotFiles.sha256, size: pilotFiles.size, createdAt: pilotFiles.createdAt })
    .from(pilotFiles)
    .where(eq(pilotFiles.pilotId, pilotId))
    .orderBy(asc(pilotFiles.createdAt), asc(pilotFiles.id));
}
