/**
 * What other features may use of progress reports on the web: the link to a pilot's reporting
 * calendar is a route (/pilots/$id/reports); the keys and queries let a page show or refresh reports.
 */
export { reportKeys, reportsQueries } from './progress-reports-queries';
export type { ReportSummary, ReportDetail } from '../progress-reports.contract';
