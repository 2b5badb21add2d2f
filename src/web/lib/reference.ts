/**
 * Reference data the pages share (divisions, review authorities): fetched once per page load,
 * kept in memory, exposed through hooks with lookup helpers.
 */
import { useEffect, useState } from 'react';
import { api, type Authority, type DivisionNode } from '../api';

export interface Divisions {
  tree: DivisionNode[];
  /** Display name of a code: 宁波市; a district with its city: 佛山市顺德区. */
  nameOf: (code: string) => string;
  /** The path of codes from the province down to the code (for the Cascader). */
  pathOf: (code: string) => string[] | undefined;
}

function buildDivisions(tree: DivisionNode[]): Divisions {
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

function cached<T>(load: () => Promise<T>) {
  let promise: Promise<T> | null = null;
  let value: T | undefined;
  return {
    get: () => value,
    load: () => {
      promise ??= load().then(
        (v) => (value = v),
        (err: unknown) => {
          promise = null;
          throw err;
        },
      );
      return promise;
    },
  };
}

const divisionsCache = cached(() => api.divisions().then((r) => buildDivisions(r.items)));
const authoritiesCache = cached(() => api.authorities().then((r) => new Map(r.items.map((a) => [a.id, a]))));

function useCached<T>(c: { get: () => T | undefined; load: () => Promise<T> }): T | undefined {
  const [value, setValue] = useState<T | undefined>(c.get);
  useEffect(() => {
    if (value !== undefined) return;
    let alive = true;
    c.load().then(
      (v) => alive && setValue(v),
      (err: unknown) => console.error(err),
    );
    return () => {
      alive = false;
    };
  }, [c, value]);
  return value;
}

export function useDivisions(): Divisions | undefined {
  return useCached(divisionsCache);
}

export function useAuthorities(): Map<string, Authority> | undefined {
  return useCached(authoritiesCache);
}
