/** What other features' UIs may use of consulting: the keys that refresh its lists. */
export { consultingKeys, consultingQueries } from './consulting-queries';
