/**
 * What the composition root may use of events: the action items' reminder sweep, with its name and
 * default schedule, to hand to the job runner.
 */
export { EVENT_ACTION_SWEEP, EVENT_ACTION_SWEEP_CRON, eventActionReminderSweep } from './events.reminders.js';
