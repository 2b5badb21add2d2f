/** What other features may use of pilots: creating one at approval, and the uniqueness of 批复 numbers. */
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
export { pilotsForCounting, pilotsStampSql, contractVersionsStampSql, getPilotByApplication, cycleFilesOf, type PilotCountingRow } from './pilots.queries.js';
