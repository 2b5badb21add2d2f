/**
 * Reference data the pages share (divisions, review authorities): fetched once through the query
 * cache and exposed through hooks with lookup helpers; undefined until it has arrived.
 */
import { useQuery } from '@tanstack/react-query';
import type { Authority } from '../reference.contract';
import { referenceQueries, type Divisions } from './reference-queries';

export function useDivisions(): Divisions | undefined {
  return useQuery(referenceQueries.divisions()).data;
}

export function useAuthorities(): Map<string, Authority> | undefined {
  return useQuery(referenceQueries.authorities()).data;
}
