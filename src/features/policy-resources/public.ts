/** What other features may use of policy resources: the configured programme list, and for the dashboards the totals per pilot and programme and their stamp. */
export { getProgrammes } from './policy-resources.service.js';
export { resourceTotalsByPilotAndProgramme, resourcesStampSql } from './policy-resources.queries.js';
