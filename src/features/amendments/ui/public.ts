/** What other features may use of amendments on the web: a pilot's amendments panel (the pilot page shows it) and its keys. */
export { AmendmentsPanel, type AmendmentsPilot } from './amendments-panel';
export { amendmentKeys } from './amendments-queries';
