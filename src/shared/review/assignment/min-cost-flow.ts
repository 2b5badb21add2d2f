/**
 * Min-cost flow on a static graph, written for speed: all arcs live in typed arrays, no per-edge objects.
 *
 * Algorithm: primal-dual (successive shortest paths with Johnson potentials) where each Dijkstra is
 * followed by a blocking-flow (Dinic) phase on the *admissible* graph — the residual arcs whose reduced
 * cost is 0 under the new potentials. Every s–t path of the admissible graph is a shortest augmenting
 * path, so the whole phase augments along shortest paths only, exactly as plain successive shortest
 * paths would, but one Dijkstra now serves many augmentations. The number of Dijkstra runs is at most the
 * number of distinct shortest-path lengths (+1), which is small when costs are small integers.
 *
 * Invariant: every residual arc has reduced cost c(u,v) + π(u) − π(v) ≥ 0. Dijkstra stops as soon as the
 * sink is settled (distance D); π(v) += min(d(v), D) keeps the invariant for every arc (settled or not)
 * and makes the arcs on shortest paths exactly 0. Pushing along 0-reduced-cost arcs creates reverse arcs
 * of reduced cost 0, so the invariant survives augmentation.
 *
 * Exactness: costs must be safe integers, capacities non-negative 32-bit integers; all distance and cost
 * arithmetic is then exact in doubles. Negative costs are allowed (initial potentials from Bellman–Ford,
 * Johnson-style, over all nodes) as long as no negative-cost cycle has capacity.
 *
 * Usage: addEdge(...) any number of times, then solve(...). The first solve freezes the graph into a CSR
 * layout (arcs of one node contiguous), after which addEdge throws. solve may be called again (e.g. with
 * a larger maxFlow); it continues from the current flow.
 *
 * Memory: 20 bytes per arc, two arcs per edge. Without hints, edges are staged (another 20 bytes per edge)
 * and copied into the CSR arrays at the first solve. With `arcsPerNode` (for every node, the number of
 * edges it is an endpoint of) addEdge writes straight into the CSR arrays and nothing is staged.
 */

export interface MinCostFlowResult {
  /** Flow sent by this call. */
  flow: number;
  /** Cost of the flow sent by this call. */
  cost: number;
  /** Dijkstra runs (primal-dual phases) used by this call. */
  phases: number;
}

export interface PhaseInfo {
  /** 1-based count of Dijkstra runs in this solve call. */
  phase: number;
  /** Flow sent so far in this solve call. */
  flow: number;
  /** Cost of the shortest augmenting path found by this phase's Dijkstra. */
  pathCost: number;
}

const INT32_MAX = 0x7fffffff;

export class MinCostFlow {
  readonly nodeCount: number;
  private m = 0;
  private built = false;

  // Staging arrays (before the CSR build); released after it.
  private sFrom: Int32Array;
  private sTo: Int32Array;
  private sCap: Int32Array;
  private sCost: Float64Array;

  // Direct mode (arcsPerNode given): next free CSR slot per node.
  private fill: Int32Array | null = null;

  // CSR residual graph: arcs start[v] .. start[v+1]-1 leave v. Edge i has a forward and a reverse arc.
  private start = new Int32Array(0);
  private arcTo = new Int32Array(0);
  private arcCap = new Int32Array(0); // residual capacity
  private arcCost = new Float64Array(0);
  private arcRev = new Int32Array(0);
  private edgePos = new Int32Array(0); // edge id -> index of its forward arc

  private pi: Float64Array;
  private hasNegative = false;

  /** Called after each Dijkstra (for progress reporting or memory sampling); must not touch the graph. */
  onPhase: ((info: PhaseInfo) => void) | undefined;

  /**
   * @param options.expectedEdges  pre-sizes the edge arrays (they grow by doubling otherwise)
   * @param options.arcsPerNode    for each node, how many edges will have it as an endpoint (a self-loop
   *                               counts twice); an upper bound is fine. Enables the no-staging mode.
   */
  constructor(nodeCount: number, options: { expectedEdges?: number; arcsPerNode?: ArrayLike<number> } = {}) {
    if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > INT32_MAX) {
      throw new RangeError(`nodeCount must be a positive integer, got ${nodeCount}`);
    }
    this.nodeCount = nodeCount;
    const initial = Math.max(16, Math.floor(options.expectedEdges ?? 16));
    this.pi = new Float64Array(nodeCount);
    const hint = options.arcsPerNode;
    if (hint) {
      if (hint.length !== nodeCount) throw new RangeError('arcsPerNode must have one entry per node');
      const start = new Int32Array(nodeCount + 1);
      for (let v = 0; v < nodeCount; v++) {
        const d = hint[v]!;
        if (!Number.isInteger(d) || d < 0) throw new RangeError(`arcsPerNode[${v}] must be a non-negative integer`);
        start[v + 1] = start[v]! + d;
        if (start[v + 1]! > INT32_MAX - 1) throw new RangeError('too many arcs');
      }
      const arcs = start[nodeCount]!;
      this.start = start;
      this.fill = start.slice(0, nodeCount);
      this.arcTo = new Int32Array(arcs);
      this.arcCap = new Int32Array(arcs);
      this.arcCost = new Float64Array(arcs);
      this.arcRev = new Int32Array(arcs);
      this.edgePos = new Int32Array(Math.max(16, arcs >> 1)); // an edge takes two slots
      this.sFrom = this.sTo = this.sCap = new Int32Array(0);
      this.sCost = new Float64Array(0);
    } else {
      this.sFrom = new Int32Array(initial);
      this.sTo = new Int32Array(initial);
      this.sCap = new Int32Array(initial);
      this.sCost = new Float64Array(initial);
    }
  }

  /** Number of edges added. */
  get edgeCount(): number {
    return this.m;
  }

  /** Adds a directed edge; returns its id (0, 1, 2, … in order of addition). */
  addEdge(from: number, to: number, cap: number, cost: number): number {
    if (this.built) throw new Error('MinCostFlow: the graph is frozen after the first solve(); build a new instance');
    const n = this.nodeCount;
    if (!Number.isInteger(from) || from < 0 || from >= n) throw new RangeError(`addEdge: bad from node ${from}`);
    if (!Number.isInteger(to) || to < 0 || to >= n) throw new RangeError(`addEdge: bad to node ${to}`);
    if (!Number.isInteger(cap) || cap < 0 || cap > INT32_MAX) throw new RangeError(`addEdge: capacity must be an integer in [0, 2^31-1], got ${cap}`);
    if (!Number.isSafeInteger(cost)) throw new RangeError(`addEdge: cost must be a safe integer, got ${cost}`);
    if (cost < 0) this.hasNegative = true;
    const fill = this.fill;
    if (fill) {
      const start = this.start;
      if (fill[from]! >= start[from + 1]! || fill[to]! >= start[to + 1]! || (from === to && fill[from]! + 1 >= start[from + 1]!)) {
        throw new RangeError(`addEdge: more edges at node ${fill[from]! >= start[from + 1]! ? from : to} than arcsPerNode allows`);
      }
      if (this.m === this.edgePos.length) {
        const grown = new Int32Array(this.m * 2);
        grown.set(this.edgePos);
        this.edgePos = grown;
      }
      const pf = fill[from]!++;
      const pr = fill[to]!++;
      this.arcTo[pf] = to;
      this.arcCap[pf] = cap;
      this.arcCost[pf] = cost;
      this.arcRev[pf] = pr;
      this.arcTo[pr] = from;
      this.arcCap[pr] = 0;
      this.arcCost[pr] = -cost;
      this.arcRev[pr] = pf;
      this.edgePos[this.m] = pf;
      return this.m++;
    }
    if (this.m === this.sFrom.length) this.grow();
    const i = this.m++;
    this.sFrom[i] = from;
    this.sTo[i] = to;
    this.sCap[i] = cap;
    this.sCost[i] = cost;
    return i;
  }

  /** Flow currently on edge `id`. */
  flowOf(id: number): number {
    this.checkEdge(id);
    if (!this.built && !this.fill) return 0;
    return this.arcCap[this.arcRev[this.edgePos[id]!]!]!;
  }

  /** Remaining (residual) capacity of edge `id`. */
  residualOf(id: number): number {
    this.checkEdge(id);
    if (!this.built && !this.fill) return this.sCap[id]!;
    return this.arcCap[this.edgePos[id]!]!;
  }

  /**
   * Sends up to `maxFlow` (default: as much as possible) more units from `source` to `sink` at minimum cost.
   * The result is a min-cost flow among all flows of the same value (and, without `maxFlow`, a min-cost
   * maximum flow).
   */
  solve(source: number, sink: number, maxFlow: number = Infinity): MinCostFlowResult {
    const n = this.nodeCount;
    if (!Number.isInteger(source) || source < 0 || source >= n) throw new RangeError(`solve: bad source ${source}`);
    if (!Number.isInteger(sink) || sink < 0 || sink >= n) throw new RangeError(`solve: bad sink ${sink}`);
    if (source === sink) throw new RangeError('solve: source and sink must differ');
    if (!(maxFlow >= 0) || !(Number.isInteger(maxFlow) || maxFlow === Infinity)) {
      throw new RangeError(`solve: maxFlow must be a non-negative integer or Infinity, got ${maxFlow}`);
    }
    if (!this.built) this.build();

    const start = this.start;
    const arcTo = this.arcTo;
    const arcCap = this.arcCap;
    const arcCost = this.arcCost;
    const arcRev = this.arcRev;
    const pi = this.pi;

    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const heap = new Int32Array(n);
    const heapPos = new Int32Array(n);
    const level = new Int32Array(n);
    const queue = new Int32Array(n);
    const cur = new Int32Array(n);
    const path = new Int32Array(n);

    let flow = 0;
    let cost = 0;
    let phase = 0;

    while (flow < maxFlow) {
      // ---- Dijkstra on reduced costs, indexed binary heap, stops when the sink is settled.
      dist.fill(Infinity);
      settled.fill(0);
      heapPos.fill(-1);
      dist[source] = 0;
      heap[0] = source;
      heapPos[source] = 0;
      let heapSize = 1;
      let reached = false;
      while (heapSize > 0) {
        const u: number = heap[0]!;
        // pop
        heapSize--;
        heapPos[u] = -1;
        if (heapSize > 0) {
          const last = heap[heapSize]!;
          const dl = dist[last]!;
          let i = 0;
          for (;;) {
            let c = 2 * i + 1;
            if (c >= heapSize) break;
            const c2 = c + 1;
            if (c2 < heapSize && dist[heap[c2]!]! < dist[heap[c]!]!) c = c2;
            const hc = heap[c]!;
            if (dist[hc]! >= dl) break;
            heap[i] = hc;
            heapPos[hc] = i;
            i = c;
          }
          heap[i] = last;
          heapPos[last] = i;
        }
        settled[u] = 1;
        if (u === sink) {
          reached = true;
          break;
        }
        const du = dist[u]! + pi[u]!;
        const end = start[u + 1]!;
        for (let e: number = start[u]!; e < end; e++) {
          if (arcCap[e] === 0) continue;
          const v = arcTo[e]!;
          if (settled[v] === 1) continue;
          const nd = du + arcCost[e]! - pi[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            // sift up (insert if absent)
            let i = heapPos[v]!;
            if (i < 0) i = heapSize++;
            while (i > 0) {
              const p = (i - 1) >> 1;
              const hp = heap[p]!;
              if (dist[hp]! <= nd) break;
              heap[i] = hp;
              heapPos[hp] = i;
              i = p;
            }
            heap[i] = v;
            heapPos[v] = i;
          }
        }
      }
      if (!reached) break;
      phase++;
      const D = dist[sink]!;
      for (let v = 0; v < n; v++) pi[v] = pi[v]! + (settled[v] === 1 ? dist[v]! : D);
      if (this.onPhase) this.onPhase({ phase, flow, pathCost: pi[sink]! - pi[source]! });

      // ---- Blocking flows (Dinic) on the admissible graph: residual arcs with reduced cost exactly 0.
      while (flow < maxFlow) {
        // BFS levels from the source over admissible arcs; stop expanding at the sink's level.
        level.fill(-1);
        level[source] = 0;
        queue[0] = source;
        let qh = 0;
        let qt = 1;
        let sinkLevel = -1;
        while (qh < qt) {
          const u = queue[qh++]!;
          const lu = level[u]!;
          if (sinkLevel >= 0 && lu >= sinkLevel) break;
          const piu = pi[u]!;
          const end = start[u + 1]!;
          for (let e = start[u]!; e < end; e++) {
            if (arcCap[e] === 0) continue;
            const v = arcTo[e]!;
            if (level[v] !== -1) continue;
            if (arcCost[e]! + piu - pi[v]! !== 0) continue;
            level[v] = lu + 1;
            if (v === sink) sinkLevel = lu + 1;
            queue[qt++] = v;
          }
        }
        if (sinkLevel < 0) break;

        // DFS with current-arc pointers, iterative.
        for (let v = 0; v < n; v++) cur[v] = start[v]!;
        let depth = 0;
        let u = source;
        while (flow < maxFlow) {
          if (u === sink) {
            let b = maxFlow - flow;
            for (let i = 0; i < depth; i++) {
              const c = arcCap[path[i]!]!;
              if (c < b) b = c;
            }
            for (let i = 0; i < depth; i++) {
              const e = path[i]!;
              arcCap[e] = arcCap[e]! - b;
              const r = arcRev[e]!;
              arcCap[r] = arcCap[r]! + b;
              cost += b * arcCost[e]!;
            }
            flow += b;
            depth = 0;
            u = source;
            continue;
          }
          const lu1 = level[u]! + 1;
          const piu = pi[u]!;
          const end = start[u + 1]!;
          let e = cur[u]!;
          for (; e < end; e++) {
            if (arcCap[e] === 0) continue;
            const v = arcTo[e]!;
            if (level[v] !== lu1) continue;
            if (arcCost[e]! + piu - pi[v]! !== 0) continue;
            break;
          }
          cur[u] = e;
          if (e < end) {
            path[depth++] = e;
            u = arcTo[e]!;
          } else {
            if (u === source) break; // blocking flow complete
            level[u] = -1; // dead end
            const back = path[--depth]!;
            u = arcTo[arcRev[back]!]!;
            cur[u] = cur[u]! + 1;
          }
        }
      }
    }
    return { flow, cost, phases: phase };
  }

  private checkEdge(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.m) throw new RangeError(`no edge ${id}`);
  }

  private grow(): void {
    const size = this.sFrom.length * 2;
    const from = new Int32Array(size);
    from.set(this.sFrom);
    this.sFrom = from;
    const to = new Int32Array(size);
    to.set(this.sTo);
    this.sTo = to;
    const cap = new Int32Array(size);
    cap.set(this.sCap);
    this.sCap = cap;
    const cost = new Float64Array(size);
    cost.set(this.sCost);
    this.sCost = cost;
  }

  /** Freezes the staged edges into the CSR residual graph and computes initial potentials. */
  private build(): void {
    const n = this.nodeCount;
    if (this.fill) {
      // Direct mode: unused slots (hint larger than needed) become capacity-0 self-loops, never traversed.
      const { fill, start, arcTo, arcCap, arcCost, arcRev } = this;
      for (let v = 0; v < n; v++) {
        for (let p = fill[v]!; p < start[v + 1]!; p++) {
          arcTo[p] = v;
          arcCap[p] = 0;
          arcCost[p] = 0;
          arcRev[p] = p;
        }
      }
      this.fill = null;
      this.built = true;
      if (this.hasNegative) this.initPotentials();
      return;
    }
    const m = this.m;
    const sFrom = this.sFrom;
    const sTo = this.sTo;
    const sCap = this.sCap;
    const sCost = this.sCost;
    const start = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      start[sFrom[i]! + 1]!++;
      start[sTo[i]! + 1]!++;
    }
    for (let v = 0; v < n; v++) start[v + 1] = start[v + 1]! + start[v]!;
    const fill = start.slice(0, n);
    const arcs = 2 * m;
    const arcTo = new Int32Array(arcs);
    const arcCap = new Int32Array(arcs);
    const arcCost = new Float64Array(arcs);
    const arcRev = new Int32Array(arcs);
    const edgePos = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const f = sFrom[i]!;
      const t = sTo[i]!;
      const c = sCost[i]!;
      const pf = fill[f]!++;
      const pr = fill[t]!++;
      arcTo[pf] = t;
      arcCap[pf] = sCap[i]!;
      arcCost[pf] = c;
      arcRev[pf] = pr;
      arcTo[pr] = f;
      arcCap[pr] = 0;
      arcCost[pr] = -c;
      arcRev[pr] = pf;
      edgePos[i] = pf;
    }
    this.start = start;
    this.arcTo = arcTo;
    this.arcCap = arcCap;
    this.arcCost = arcCost;
    this.arcRev = arcRev;
    this.edgePos = edgePos;
    this.sFrom = new Int32Array(0);
    this.sTo = new Int32Array(0);
    this.sCap = new Int32Array(0);
    this.sCost = new Float64Array(0);
    this.built = true;
    if (this.hasNegative) this.initPotentials();
  }

  /**
   * Johnson potentials for negative costs: Bellman–Ford (queue-based) from a virtual node joined to every
   * node by a 0-cost arc, over arcs with capacity. Throws if a negative-cost cycle has capacity.
   */
  private initPotentials(): void {
    const n = this.nodeCount;
    const { start, arcTo, arcCap, arcCost } = this;
    const pi = this.pi; // all 0 = distances from the virtual node before relaxation
    const inQueue = new Uint8Array(n).fill(1);
    const queue = new Int32Array(n + 1);
    const relaxCount = new Int32Array(n);
    let qh = 0;
    let qt = 0;
    let size = n;
    for (let v = 0; v < n; v++) queue[qt++] = v;
    qt %= n + 1;
    while (size > 0) {
      const u = queue[qh]!;
      qh = qh === n ? 0 : qh + 1;
      size--;
      inQueue[u] = 0;
      const pu = pi[u]!;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        if (arcCap[e] === 0) continue;
        const v = arcTo[e]!;
        const nd = pu + arcCost[e]!;
        if (nd < pi[v]!) {
          pi[v] = nd;
          if (inQueue[v] === 0) {
            if (++relaxCount[v]! > n) throw new Error('MinCostFlow: negative-cost cycle with capacity');
            inQueue[v] = 1;
            queue[qt] = v;
            qt = qt === n ? 0 : qt + 1;
            size++;
          }
        }
      }
    }
  }
}
