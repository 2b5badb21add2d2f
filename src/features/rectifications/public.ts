/**
 * What other features may use of rectification: opening a case inside their own transaction (the
 * evaluation's 不合格 grade opens one) and the findings an evaluation and the confirmed figures give
 * (the attainment they come from is the attainment feature's).
 */
export { openCaseIn, type Today } from './rectifications.service.js';
export { evaluationFindings, offTrackFindings, type PilotForFindings } from './rectifications.findings.js';
export { getPilotRow } from './pilot-bridge.js';
// The public portal reads the notices the ministry marked published, and nothing else.
export { publishedNotices, publishedNotice } from './rectifications.public-notices.js';
export { openRectificationCases, casesStampSql, rectificationCasesOfPilot } from './rectifications.queries.js';
