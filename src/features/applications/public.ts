/**
 * What other features may use of the applications feature: reading an application (within the
 * actor's scope), its scope facts for rows that hang off it (attachments), the compare-and-set on
 * its status and version, and its audit events.
 */
export { casUpdateApplication, getApplication, insertEvent, type ApplicationRow } from './applications.queries.js';
export { applicationScope, loadVisible } from './applications.service.js';
// The dossier 完整档案 files the application's history: its events, provincial reviews and intake.
export { getIntake, listEvents, listProvincialReviews } from './applications.queries.js';
export { cityTypesOfApplications } from './applications.queries.js';
