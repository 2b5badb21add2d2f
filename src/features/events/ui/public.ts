/** What other features' UIs may use of events: the keys and queries of the lists. */
export { eventKeys, eventQueries } from './events-queries';
