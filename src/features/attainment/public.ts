/**
 * What other features may use of attainment: the attainment of a pilot's indicators from its
 * confirmed reports, each year against the contract in force (rectification prefills its findings
 * from it, the evaluation computes its quantitative items).
 */
export { attainmentsOf, type PilotForFindings } from './attainment.service.js';
// The dashboards read every pilot's cached summary in the actor's scope (attainment_summaries, refreshed only where stale).
export { overviewItems as attainmentSummariesInScope, type ItemWithCounts as PilotAttainmentSummary } from './attainment.service.js';
