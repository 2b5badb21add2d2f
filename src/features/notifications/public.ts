/**
 * What other features may use of notifications: writing in-app notices and queuing e-mails, both
 * deduplicated by key (a repeated insert adds nothing), for their own reminders. Notifications never
 * import the features that call these; the composition root hands their sweeps, named, to the job
 * runner, which schedules them (features do not depend on the job queue).
 */
export { insertEmails, insertNotifications, type EmailInsert, type NotificationInsert } from './notifications.queries.js';
export type { NamedSweep, Sweep, SweepResult } from './reminders.js';
