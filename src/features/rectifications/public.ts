/**
 * What other features may use of rectification: opening a case inside their own transaction (the
 * evaluation's 不合格 grade opens one), the findings an evaluation and the confirmed figures give, and
 * the attainment of a pilot's indicators from its confirmed reports.
 */
export { openCaseIn, type Today } from './rectifications.service.js';
export { attainmentsOf, evaluationFindings, offTrackFindings, type PilotForFindings } from './rectifications.findings.js';
export { getPilotRow } from './pilot-bridge.js';
