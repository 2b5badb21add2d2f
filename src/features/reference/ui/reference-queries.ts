/**
 * Reference data as queries. It does not change while the platform runs, so it is fetched once and
 * kept: the cached value is the looked-up form (name and path helpers, a map by id), built once.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Authority, DivisionNode } from '../reference.contract';
import { referenceApi } from './reference-api';

export const referenceKeys = {
  all: ['reference'] as const,
  divisions: ['reference', 'divisions'] as const,
  authorities: ['reference', 'authorities'] as const,
};

export interface Divisions {
  tree: DivisionNode[];
  /** Display name of a code: 宁波市; a district with its city: 佛山市顺德区. */
  nameOf: (code: string) => string;
  /** The path of codes from the province down to the code (for the Cascader). */
  pathOf: (code: string) => string[] | undefined;
}

export function buildDivisions(tree: DivisionNode[]): Divisions {
  const names = new Map<string, string>();
  const paths = new Map<string, string[]>();
  const visit = (node: DivisionNode, parents: DivisionNode[]) => {
    const path = [...parents.map((p) => p.code), node.code];
    paths.set(node.code, path);
    // Cities keep their own name; districts carry their parent's (上海市浦东新区, 佛山市顺德区).
    const parent = parents[parents.length - 1];
    const isDistrict = parents.length === 2 || (parents.length === 1 && /^(11|12|31|50)/.test(node.code));
    names.set(node.code, isDistrict && parent ? parent.name + node.name : node.name);
    node.children?.forEach((c) => visit(c, [...parents, node]));
  };
  tree.forEach((p) => visit(p, []));
  return { tree, nameOf: (code) => names.get(code) ?? code, pathOf: (code) => paths.get(code) };
}

/** Reference data stays for the whole visit. */
const forever = { staleTime: Infinity, gcTime: Infinity, structuralSharing: false } as const;

export const referenceQueries = {
  divisions: () =>
    queryOptions({
      queryKey: referenceKeys.divisions,
      queryFn: async (): Promise<Divisions> => buildDivisions((await referenceApi.divisions()).items),
      ...forever,
    }),
  authorities: () =>
    queryOptions({
      queryKey: referenceKeys.authorities,
      queryFn: async (): Promise<Map<string, Authority>> => new Map((await referenceApi.authorities()).items.map((a) => [a.id, a])),
      ...forever,
    }),
};
