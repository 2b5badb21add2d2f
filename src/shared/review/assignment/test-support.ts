/**
 * Slow, plainly written reference solvers used only by the tests of this folder. They share no code with
 * the production solver: objects and arrays instead of typed arrays, Bellman–Ford instead of Dijkstra,
 * Edmonds–Karp instead of primal-dual, and plain enumeration for tiny instances.
 */

export interface SmallProblem {
  panelSizes: number[];
  caps: number[];
  /** costs[a][e] = cost, or null when the pair is forbidden. */
  costs: (number | null)[][];
  lambda: number;
}

export interface BruteForceResult {
  /** Most seats any valid assignment fills. */
  maxSeats: number;
  /** Least Σcost + λ·ΣL(L−1)/2 among the assignments filling maxSeats seats. */
  bestObjective: number;
}

/** Enumerates every assignment (each application picks a subset of its allowed experts of size ≤ k_a). */
export function bruteForce(p: SmallProblem): BruteForceResult {
  const A = p.panelSizes.length;
  const E = p.caps.length;
  const subsets: { experts: number[]; cost: number }[][] = [];
  for (let a = 0; a < A; a++) {
    const allowed: number[] = [];
    for (let e = 0; e < E; e++) if (p.costs[a]![e] !== null) allowed.push(e);
    const list: { experts: number[]; cost: number }[] = [];
    const k = p.panelSizes[a]!;
    const rec = (from: number, chosen: number[]): void => {
      if (chosen.length <= k) {
        list.push({ experts: [...chosen], cost: chosen.reduce((s, e) => s + (p.costs[a]![e] as number), 0) });
      }
      if (chosen.length === k) return;
      for (let i = from; i < allowed.length; i++) rec(i + 1, [...chosen, allowed[i]!]);
    };
    rec(0, []);
    subsets.push(list);
  }
  const load = new Array<number>(E).fill(0);
  let bestSeats = -1;
  let bestObjective = Infinity;
  const walk = (a: number, seats: number, cost: number): void => {
    if (a === A) {
      let penalty = 0;
      for (const l of load) penalty += (l * (l - 1)) / 2;
      const objective = cost + p.lambda * penalty;
      if (seats > bestSeats || (seats === bestSeats && objective < bestObjective - 1e-9)) {
        bestSeats = seats;
        bestObjective = objective;
      }
      return;
    }
    for (const s of subsets[a]!) {
      if (s.experts.some((e) => load[e]! >= p.caps[e]!)) continue;
      for (const e of s.experts) load[e]!++;
      walk(a + 1, seats + s.experts.length, cost + s.cost);
      for (const e of s.experts) load[e]!--;
    }
  };
  walk(0, 0, 0);
  return { maxSeats: bestSeats, bestObjective };
}

/** Maximum number of seats that can be filled (Edmonds–Karp max flow on source → apps → experts → sink). */
export function maxSeats(panelSizes: number[], caps: number[], allowed: { app: number; expert: number }[]): number {
  const A = panelSizes.length;
  const E = caps.length;
  const n = A + E + 2;
  const s = A + E;
  const t = s + 1;
  const edges: { to: number; cap: number }[] = [];
  const adj: number[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, c: number): void => {
    adj[u]!.push(edges.length);
    edges.push({ to: v, cap: c });
    adj[v]!.push(edges.length);
    edges.push({ to: u, cap: 0 });
  };
  for (let a = 0; a < A; a++) add(s, a, panelSizes[a]!);
  const seen = new Set<string>();
  for (const { app, expert } of allowed) {
    const key = `${app}/${expert}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(app, A + expert, 1);
  }
  for (let e = 0; e < E; e++) add(A + e, t, caps[e]!);
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    const queue = [s];
    prev[s] = -2;
    while (queue.length > 0 && prev[t] === -1) {
      const u = queue.shift()!;
      for (const id of adj[u]!) {
        const ed = edges[id]!;
        if (ed.cap > 0 && prev[ed.to] === -1) {
          prev[ed.to] = id;
          queue.push(ed.to);
        }
      }
    }
    if (prev[t] === -1) return flow;
    let bottleneck = Infinity;
    for (let v = t; v !== s; v = edges[prev[v]! ^ 1]!.to) bottleneck = Math.min(bottleneck, edges[prev[v]!]!.cap);
    for (let v = t; v !== s; v = edges[prev[v]! ^ 1]!.to) {
      edges[prev[v]!]!.cap -= bottleneck;
      edges[prev[v]! ^ 1]!.cap += bottleneck;
    }
    flow += bottleneck;
  }
}

export interface RefEdge {
  from: number;
  to: number;
  cap: number;
  cost: number;
}

/** Min-cost flow by successive shortest paths with Bellman–Ford (handles negative costs, no negative cycles). */
export function referenceMinCostFlow(n: number, input: RefEdge[], s: number, t: number, maxFlow = Infinity): { flow: number; cost: number } {
  const edges: { to: number; cap: number; cost: number }[] = [];
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const e of input) {
    adj[e.from]!.push(edges.length);
    edges.push({ to: e.to, cap: e.cap, cost: e.cost });
    adj[e.to]!.push(edges.length);
    edges.push({ to: e.from, cap: 0, cost: -e.cost });
  }
  let flow = 0;
  let cost = 0;
  while (flow < maxFlow) {
    const dist = new Array<number>(n).fill(Infinity);
    const prev = new Array<number>(n).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (const id of adj[u]!) {
          const ed = edges[id]!;
          if (ed.cap > 0 && dist[u]! + ed.cost < dist[ed.to]!) {
            dist[ed.to] = dist[u]! + ed.cost;
            prev[ed.to] = id;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[t] === Infinity) break;
    let b = maxFlow - flow;
    for (let v = t; v !== s; v = edges[prev[v]! ^ 1]!.to) b = Math.min(b, edges[prev[v]!]!.cap);
    for (let v = t; v !== s; v = edges[prev[v]! ^ 1]!.to) {
      edges[prev[v]!]!.cap -= b;
      edges[prev[v]! ^ 1]!.cap += b;
    }
    flow += b;
    cost += b * dist[t]!;
  }
  return { flow, cost };
}

/** mulberry32, for building larger random instances from one fast-check integer. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Optimality certificate: a flow is a min-cost flow of its value iff its residual graph has no
 * negative-cost cycle. Builds the residual graph of an assignment (source → apps → experts → sink with the
 * convex expert arcs) and looks for a negative cycle with Bellman–Ford from all nodes at once.
 */
export function residualHasNegativeCycle(p: SmallProblem, panels: number[][]): boolean {
  const A = p.panelSizes.length;
  const E = p.caps.length;
  const n = A + E + 2;
  const s = A + E;
  const t = s + 1;
  const arcs: { from: number; to: number; cost: number }[] = [];
  const load = new Array<number>(E).fill(0);
  const assigned = panels.map((list) => new Set(list));
  panels.forEach((list) => list.forEach((e) => load[e]!++));
  for (let a = 0; a < A; a++) {
    if (panels[a]!.length < p.panelSizes[a]!) arcs.push({ from: s, to: a, cost: 0 });
    if (panels[a]!.length > 0) arcs.push({ from: a, to: s, cost: 0 });
    for (let e = 0; e < E; e++) {
      const c = p.costs[a]![e];
      if (c === null || c === undefined) continue;
      if (assigned[a]!.has(e)) arcs.push({ from: A + e, to: a, cost: -c });
      else arcs.push({ from: a, to: A + e, cost: c });
    }
  }
  for (let e = 0; e < E; e++) {
    if (load[e]! < p.caps[e]!) arcs.push({ from: A + e, to: t, cost: p.lambda * load[e]! });
    if (load[e]! > 0) arcs.push({ from: t, to: A + e, cost: -p.lambda * (load[e]! - 1) });
  }
  const dist = new Array<number>(n).fill(0);
  for (let round = 0; round <= n; round++) {
    let changed = false;
    for (const arc of arcs) {
      if (dist[arc.from]! + arc.cost < dist[arc.to]! - 1e-9) {
        dist[arc.to] = dist[arc.from]! + arc.cost;
        changed = true;
      }
    }
    if (!changed) return false;
  }
  return true;
}
