import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinCostFlow } from './min-cost-flow.js';
import { referenceMinCostFlow, type RefEdge } from './test-support.js';

function build(n: number, edges: RefEdge[], direct: boolean): { mcf: MinCostFlow; ids: number[] } {
  let mcf: MinCostFlow;
  if (direct) {
    const arcs = new Array<number>(n).fill(0);
    for (const e of edges) {
      arcs[e.from]!++;
      arcs[e.to]!++;
    }
    mcf = new MinCostFlow(n, { arcsPerNode: arcs });
  } else {
    mcf = new MinCostFlow(n); // staged, starts small and grows
  }
  const ids = edges.map((e) => mcf.addEdge(e.from, e.to, e.cap, e.cost));
  return { mcf, ids };
}

/** Flow on every edge is within capacity and conserved at every node except s and t. */
function checkFlow(n: number, edges: RefEdge[], mcf: MinCostFlow, ids: number[], s: number, t: number): { value: number; cost: number } {
  const balance = new Array<number>(n).fill(0);
  let cost = 0;
  edges.forEach((e, i) => {
    const f = mcf.flowOf(ids[i]!);
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(e.cap);
    expect(mcf.residualOf(ids[i]!)).toBe(e.cap - f);
    balance[e.from]! -= f;
    balance[e.to]! += f;
    cost += f * e.cost;
  });
  for (let v = 0; v < n; v++) if (v !== s && v !== t) expect(balance[v]).toBe(0);
  expect(balance[t]! + balance[s]!).toBe(0);
  return { value: balance[t]!, cost };
}

describe('MinCostFlow, hand-made graphs', () => {
  it('prefers the cheap path and then the expensive one', () => {
    // 0 → 1 → 3 (cost 1+1, cap 2), 0 → 2 → 3 (cost 5+5, cap 3)
    const edges: RefEdge[] = [
      { from: 0, to: 1, cap: 2, cost: 1 },
      { from: 1, to: 3, cap: 2, cost: 1 },
      { from: 0, to: 2, cap: 3, cost: 5 },
      { from: 2, to: 3, cap: 3, cost: 5 },
    ];
    for (const direct of [false, true]) {
      const { mcf, ids } = build(4, edges, direct);
      expect(mcf.solve(0, 3, 3)).toMatchObject({ flow: 3, cost: 2 * 2 + 10 });
      expect(ids.map((id) => mcf.flowOf(id))).toEqual([2, 2, 1, 1]);
      // continue from the current flow
      expect(mcf.solve(0, 3)).toMatchObject({ flow: 2, cost: 20 });
      expect(mcf.solve(0, 3)).toMatchObject({ flow: 0, cost: 0 });
    }
  });

  it('reroutes flow through a reverse arc when that is cheaper (classic crossing example)', () => {
    // s=0, a=1, b=2, t=3. The first shortest path uses a→b; the second unit must undo it.
    const edges: RefEdge[] = [
      { from: 0, to: 1, cap: 1, cost: 0 },
      { from: 0, to: 2, cap: 1, cost: 3 },
      { from: 1, to: 2, cap: 1, cost: 0 },
      { from: 1, to: 3, cap: 1, cost: 3 },
      { from: 2, to: 3, cap: 1, cost: 0 },
    ];
    const { mcf, ids } = build(4, edges, true);
    expect(mcf.solve(0, 3)).toMatchObject({ flow: 2, cost: 6 });
    expect(mcf.flowOf(ids[2]!)).toBe(0);
  });

  it('handles negative costs (Johnson potentials) and rejects a negative cycle with capacity', () => {
    const edges: RefEdge[] = [
      { from: 0, to: 1, cap: 2, cost: 4 },
      { from: 1, to: 2, cap: 2, cost: -3 },
      { from: 0, to: 2, cap: 1, cost: 2 },
      { from: 2, to: 3, cap: 3, cost: 1 },
    ];
    const { mcf } = build(4, edges, false);
    expect(mcf.solve(0, 3)).toMatchObject({ flow: 3, cost: 2 * 2 + 3 });

    const cyc = new MinCostFlow(3);
    cyc.addEdge(0, 1, 1, 0);
    cyc.addEdge(1, 2, 1, -1);
    cyc.addEdge(2, 1, 1, 0);
    expect(() => cyc.solve(0, 2)).toThrow(/negative-cost cycle/);
  });

  it('reports zero when the sink is unreachable, and validates its arguments', () => {
    const mcf = new MinCostFlow(3);
    mcf.addEdge(0, 1, 5, 1);
    expect(mcf.solve(0, 2)).toEqual({ flow: 0, cost: 0, phases: 0 });
    expect(() => mcf.addEdge(1, 2, 1, 0)).toThrow(/frozen/);
    expect(() => new MinCostFlow(0)).toThrow(RangeError);
    const fresh = new MinCostFlow(2);
    expect(() => fresh.addEdge(0, 2, 1, 0)).toThrow(RangeError);
    expect(() => fresh.addEdge(0, 1, -1, 0)).toThrow(RangeError);
    expect(() => fresh.addEdge(0, 1, 1, 0.5)).toThrow(RangeError);
    expect(() => fresh.solve(0, 0)).toThrow(RangeError);
    expect(() => fresh.solve(0, 1, 1.5)).toThrow(/maxFlow/);
    expect(() => fresh.flowOf(0)).toThrow(RangeError);
    const hinted = new MinCostFlow(2, { arcsPerNode: [1, 1] });
    hinted.addEdge(0, 1, 1, 0);
    expect(() => hinted.addEdge(0, 1, 1, 0)).toThrow(/arcsPerNode/);
  });

  it('accepts a loose arcsPerNode hint (unused slots are inert)', () => {
    const mcf = new MinCostFlow(3, { arcsPerNode: [5, 7, 4] });
    mcf.addEdge(0, 1, 2, 3);
    mcf.addEdge(1, 2, 1, 1);
    expect(mcf.solve(0, 2)).toMatchObject({ flow: 1, cost: 4 });
  });
});

describe('MinCostFlow against a Bellman–Ford reference on random graphs', () => {
  const graph = fc
    .record({ n: fc.integer({ min: 2, max: 9 }), seedEdges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9 })), { maxLength: 30 }) })
    .map(({ n, seedEdges }) => ({
      n,
      edges: seedEdges.map(([u, v, cap, cost]) => ({ from: u % n, to: v % n, cap, cost })),
    }));

  it('same flow value and cost, for any flow limit, in both storage modes', () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(graph, fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), fc.boolean(), ({ n, edges }, limit, direct) => {
        const s = 0;
        const t = n - 1;
        const ref = referenceMinCostFlow(n, edges, s, t, limit ?? Infinity);
        const { mcf, ids } = build(n, edges, direct);
        const got = mcf.solve(s, t, limit);
        expect(got.flow).toBe(ref.flow);
        expect(got.cost).toBe(ref.cost);
        const check = checkFlow(n, edges, mcf, ids, s, t);
        expect(check).toEqual({ value: ref.flow, cost: ref.cost });
        if (ref.flow > 1) nonTrivial++;
      }),
      { seed: 20160818, numRuns: 400 },
    );
    expect(nonTrivial).toBeGreaterThan(50);
  });

  it('agrees on graphs with negative costs on a DAG (no cycles)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 5 }), fc.integer({ min: -8, max: 8 })), { maxLength: 25 }),
        fc.boolean(),
        (n, raw, direct) => {
          // Edges only go from a lower to a higher node number: no cycle at all.
          const edges = raw
            .map(([u, v, cap, cost]) => ({ from: Math.min(u % n, v % n), to: Math.max(u % n, v % n), cap, cost }))
            .filter((e) => e.from !== e.to);
          const ref = referenceMinCostFlow(n, edges, 0, n - 1);
          const { mcf, ids } = build(n, edges, direct);
          const got = mcf.solve(0, n - 1);
          expect(got).toMatchObject(ref);
          expect(checkFlow(n, edges, mcf, ids, 0, n - 1)).toEqual({ value: ref.flow, cost: ref.cost });
        },
      ),
      { seed: 2025, numRuns: 300 },
    );
  });
});
