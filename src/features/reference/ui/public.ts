/** What other features may use of reference data on the web: the shared hooks and their types. */
export { useAuthorities, useDivisions } from './reference';
export { referenceQueries, type Divisions } from './reference-queries';
export type { Authority, Division, DivisionNode } from '../reference.contract';
