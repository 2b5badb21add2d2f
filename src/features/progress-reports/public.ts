/**
 * What other features and the composition root may use of progress reports: the reminder sweep the
 * scheduler runs, and the confirmed figures of a pilot (for attainment and evaluation).
 */
export { reportReminderSweep } from './progress-reports.reminders.js';
export { reportsOfPilots, valuesOf, type ReportRow, type ReportValueRow } from './progress-reports.queries.js';
