/**
 * What other features and the composition root may use of progress reports: the reminder sweep the
 * scheduler runs, and the confirmed figures of a pilot (for attainment and evaluation).
 */
export { reportReminderSweep } from './progress-reports.reminders.js';
export { reportsOfPilots, valuesOf, type ReportRow, type ReportValueRow } from './progress-reports.queries.js';
// The dossier files every report's tasks.
export { tasksOfReports, type ReportTaskRow } from './progress-reports.queries.js';
// The dashboards: the overdue reports (one indexed filter, not the "what is due" list) and the reports' stamp for their cache.
export { overdueReportsBefore, reportsStampSql, type OverdueReportRow } from './progress-reports.queries.js';
