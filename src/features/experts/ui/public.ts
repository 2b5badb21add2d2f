/**
 * What other features may use of the expert pool on the web: the pool as a query (the panel editor
 * picks from the available experts), its keys for invalidation, and the record's type.
 */
export { expertKeys, expertsQueries } from './experts-queries';
export type { Expert, ExpertAbility, ExpertList } from '../experts.contract';
