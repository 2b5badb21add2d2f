/** What other features' UIs may use of policy resources: a pilot's records and the keys that refresh them. */
export { resourceKeys, resourcesQueries } from './resources-queries';
